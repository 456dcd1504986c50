create table staff_team (
    id   bigserial primary key,
    code varchar(20) not null unique,
    name varchar(60) not null
);

create table staff_member (
    id                  bigserial primary key,
    username            varchar(50) not null unique,
    display_name        varchar(60) not null,
    employee_no         varchar(30) not null unique,
    team_id             bigint references staff_team (id),
    extension           varchar(20) unique,
    active              boolean not null default true,
    password_hash       varchar(100) not null,
    password_changed_at timestamptz not null,
    failed_logins       int not null default 0,
    failed_window_start timestamptz,
    locked_until        timestamptz,
    last_login_at       timestamptz,
    created_at          timestamptz not null,
    version             int not null default 0
);

create table staff_member_role (
    staff_id bigint not null references staff_member (id),
    role     varchar(20) not null,
    primary key (staff_id, role)
);

create index staff_member_role_role on staff_member_role (role);
