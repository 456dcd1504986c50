-- The team lead's records (issue 16, 4.1–4.8, 5.5–5.8, 12.3): briefings, the team log with its
-- equipment checks, equipment faults, directives from superiors, service incidents and disputes,
-- and the staff's suggestions and doubts. Staff and teams are referred to by id (staff module).

create table shift_briefing (
    id         bigserial primary key,
    team_id    bigint not null,
    held_on    date not null,
    shift_code varchar(20) not null,
    held_at    timestamptz not null,
    led_by     bigint not null,
    topics     text not null,
    notices    text,
    created_at timestamptz not null,
    -- one briefing per team and shift: a second is a correction, not another meeting
    unique (team_id, held_on, shift_code)
);
create index shift_briefing_held on shift_briefing (held_on);

create table shift_briefing_attendee (
    briefing_id bigint not null references shift_briefing (id),
    staff_id    bigint not null,
    present     boolean not null,
    note        varchar(200),
    primary key (briefing_id, staff_id)
);

create table shift_equipment_fault (
    id           bigserial primary key,
    team_id      bigint,
    item         varchar(20) not null,
    -- SYSTEM faults (switch, recording, software) go to the administrators, EQUIPMENT to the team lead
    route        varchar(20) not null check (route in ('SYSTEM', 'EQUIPMENT')),
    description  text not null,
    raised_by    bigint not null,
    raised_at    timestamptz not null,
    due_at       timestamptz not null,
    status       varchar(20) not null default 'OPEN' check (status in ('OPEN', 'IN_PROGRESS', 'RESOLVED')),
    taken_by     bigint,
    taken_at     timestamptz,
    result       text,
    resolved_by  bigint,
    resolved_at  timestamptz
);
create index shift_equipment_fault_open on shift_equipment_fault (team_id, due_at) where status <> 'RESOLVED';

create table shift_team_log (
    id          bigserial primary key,
    team_id     bigint not null,
    written_at  timestamptz not null,
    author_id   bigint not null,
    kind        varchar(20) not null check (kind in ('EVENT', 'CHECK')),
    text        text,
    -- a check: one row per item looked at; a fault raised from it is linked
    item        varchar(20),
    ok          boolean,
    fault_id    bigint references shift_equipment_fault (id)
);
create index shift_team_log_team on shift_team_log (team_id, written_at desc);

create table shift_directive (
    id          bigserial primary key,
    title       varchar(200) not null,
    details     text,
    from_whom   varchar(100) not null,
    team_id     bigint,
    owner_id    bigint not null,
    due_at      timestamptz not null,
    given_by    bigint not null,
    given_at    timestamptz not null,
    status      varchar(20) not null default 'GIVEN' check (status in ('GIVEN', 'ACCEPTED', 'DONE')),
    accepted_at timestamptz,
    feedback    text,
    done_at     timestamptz
);
create index shift_directive_due on shift_directive (due_at);
create index shift_directive_open on shift_directive (owner_id) where status <> 'DONE';

create table shift_service_incident (
    id            bigserial primary key,
    kind          varchar(20) not null check (kind in ('INCIDENT', 'DISPUTE')),
    team_id       bigint,
    occurred_at   timestamptz not null,
    summary       text not null,
    involved      varchar(300),
    ticket_no     varchar(40),
    recorded_by   bigint not null,
    recorded_at   timestamptz not null,
    -- reported upward (the managers' notice) in the same transaction as the record
    reported_at   timestamptz not null,
    status        varchar(20) not null default 'REPORTED' check (status in ('REPORTED', 'INVESTIGATING', 'CONCLUDED')),
    investigation text,
    investigated_by bigint,
    investigated_at timestamptz,
    conclusion    text,
    concluded_by  bigint,
    concluded_at  timestamptz
);
create index shift_service_incident_reported on shift_service_incident (reported_at);

create table shift_staff_suggestion (
    id          bigserial primary key,
    kind        varchar(20) not null check (kind in ('SUGGESTION', 'DOUBT')),
    author_id   bigint not null,
    team_id     bigint,
    subject     varchar(200) not null,
    text        text not null,
    created_at  timestamptz not null,
    due_at      timestamptz not null,
    status      varchar(20) not null default 'OPEN' check (status in ('OPEN', 'ANSWERED')),
    answer      text,
    answered_by bigint,
    answered_at timestamptz
);
create index shift_staff_suggestion_due on shift_staff_suggestion (due_at);
