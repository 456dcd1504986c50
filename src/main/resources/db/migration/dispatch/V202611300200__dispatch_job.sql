-- Field jobs: a ticket sent to one technician, and the steps he takes on it from his phone. The
-- ticket and the technician are held by number and staff id, without foreign keys (other modules'
-- tables). A ticket has at most one job in progress at a time; ended jobs stay as its history.

create table dispatch_job (
    id             bigserial primary key,
    ticket_no      varchar(40) not null,
    kind           varchar(30) not null,
    technician_id  bigint not null,
    crew_id        bigint,
    status         varchar(20) not null,
    substation_id  bigint,
    community_id   bigint,
    address        varchar(200),
    on_site_due    timestamptz,
    dispatched_at  timestamptz not null,
    dispatched_by  varchar(60) not null,
    note           varchar(1000),
    accepted_at    timestamptz,
    on_the_way_at  timestamptz,
    arrived_at     timestamptz,
    finished_at    timestamptz,
    reason         varchar(1000),
    next_visit_at  timestamptz,
    cause          varchar(500),
    work_done      varchar(2000),
    parts_used     varchar(1000),
    signature      bytea,
    signed_by      varchar(60),
    version        int not null default 0,
    check (status in ('DISPATCHED','ACCEPTED','ON_THE_WAY','ON_SITE','DECLINED','DONE','NOT_DONE','WITHDRAWN'))
);
create unique index dispatch_job_one_active on dispatch_job (ticket_no)
    where status in ('DISPATCHED','ACCEPTED','ON_THE_WAY','ON_SITE');
create index dispatch_job_technician on dispatch_job (technician_id, status);
create index dispatch_job_ticket on dispatch_job (ticket_no, id);

-- Each step as the phone sent it: step_id is the phone's own id of the step, so a step sent again
-- on a weak connection is found and not recorded twice; occurred_at is when it happened.
create table dispatch_job_step (
    id          bigserial primary key,
    job_id      bigint not null references dispatch_job (id),
    step_id     varchar(64) not null,
    kind        varchar(20) not null,
    occurred_at timestamptz not null,
    received_at timestamptz not null,
    actor       varchar(60) not null,
    detail      text,
    unique (job_id, step_id)
);

create table dispatch_job_photo (
    id           bigserial primary key,
    job_id       bigint not null references dispatch_job (id),
    step_id      varchar(64) not null,
    file_name    varchar(255) not null,
    content_type varchar(50) not null,
    size         int not null,
    content      bytea not null,
    taken_at     timestamptz not null,
    received_at  timestamptz not null,
    unique (job_id, step_id)
);
