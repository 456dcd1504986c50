-- Notices of the center's own day to a person or a role (hand-overs not signed in time, incidents
-- reported upward, directives given); read marks per person.
create table shift_notice (
    id          bigserial primary key,
    staff_id    bigint,
    role        varchar(20),
    kind        varchar(40) not null,
    message_key varchar(100) not null,
    args        text[] not null default '{}',
    link        varchar(300),
    created_at  timestamptz not null,
    check (staff_id is not null or role is not null)
);
create index shift_notice_staff on shift_notice (staff_id, id desc) where staff_id is not null;
create index shift_notice_role on shift_notice (role, id desc) where role is not null;

create table shift_notice_read (
    notice_id bigint not null references shift_notice (id),
    staff_id  bigint not null,
    read_at   timestamptz not null,
    primary key (notice_id, staff_id)
);
