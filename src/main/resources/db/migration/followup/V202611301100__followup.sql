-- Follow-ups (9.4): after a ticket's round is resolved the customer is called back (or rates by
-- SMS); one follow-up per ticket and round, so a repeated event queues nothing twice.
create table followup_rule (
    ticket_type  varchar(20) primary key,
    rate_percent int not null check (rate_percent between 0 and 100),
    due_days     int not null check (due_days between 1 and 30),
    changed_by   varchar(100),
    changed_at   timestamptz
);
insert into followup_rule (ticket_type, rate_percent, due_days) values
    ('REPAIR', 100, 2), ('COMPLAINT', 100, 2), ('INQUIRY', 30, 2), ('SUGGESTION', 100, 2), ('PRAISE', 0, 2);

-- Settings that are one number each (the complaint reply deadline in working days).
create table followup_option (
    name       varchar(50) primary key,
    value      int not null,
    changed_by varchar(100),
    changed_at timestamptz
);
insert into followup_option (name, value) values ('complaint-reply-days', 2);

create table followup_follow_up (
    id            bigserial primary key,
    ticket_id     bigint not null,
    ticket_no     varchar(40) not null,
    round         int not null,
    ticket_type   varchar(20) not null,
    customer_id   bigint,
    phone         varchar(20),
    resolver      varchar(100),
    resolved_at   timestamptz not null,
    due_at        timestamptz not null,
    status        varchar(20) not null default 'QUEUED'
                  check (status in ('QUEUED', 'DONE', 'UNREACHABLE', 'CANCELLED')),
    satisfaction  varchar(20) check (satisfaction in ('VERY_SATISFIED', 'SATISFIED', 'NEUTRAL', 'DISSATISFIED')),
    solved        boolean,
    comment       varchar(1000),
    suggestion    varchar(1000),
    channel       varchar(20) check (channel in ('CALL', 'SMS_REPLY')),
    done_by       varchar(100),
    done_at       timestamptz,
    contact_id    bigint,
    sms_comment   varchar(1000),
    message_id    bigint,
    queued_at     timestamptz not null,
    unique (ticket_no, round),
    check (status <> 'DONE' or (satisfaction is not null and solved is not null and done_at is not null))
);
create index followup_follow_up_queue on followup_follow_up (due_at) where status = 'QUEUED';

-- Each unanswered call; three on different days make the follow-up UNREACHABLE.
create table followup_attempt (
    id           bigserial primary key,
    follow_up_id bigint not null references followup_follow_up (id),
    at           timestamptz not null,
    day          date not null,
    by_name      varchar(100) not null,
    note         varchar(500),
    contact_id   bigint
);
create index followup_attempt_follow_up on followup_attempt (follow_up_id);

-- Suggestions of customers (9.4): from a follow-up or a SUGGESTION ticket, answered by a manager.
create table followup_suggestion (
    id           bigserial primary key,
    source       varchar(20) not null check (source in ('FOLLOW_UP', 'TICKET')),
    follow_up_id bigint references followup_follow_up (id),
    ticket_no    varchar(40) not null,
    customer_id  bigint,
    phone        varchar(20),
    text         varchar(2000) not null,
    created_at   timestamptz not null,
    status       varchar(20) not null default 'OPEN' check (status in ('OPEN', 'ANSWERED')),
    answer       varchar(1000),
    answered_by  varchar(100),
    answered_at  timestamptz,
    message_id   bigint,
    unique (source, ticket_no, follow_up_id)
);
create unique index followup_suggestion_ticket on followup_suggestion (ticket_no) where source = 'TICKET';
create index followup_suggestion_created on followup_suggestion (created_at);

-- Complaints and their reply to the customer (10.5): deadline from intake in working days.
create table followup_complaint (
    ticket_id    bigint primary key,
    ticket_no    varchar(40) not null unique,
    customer_id  bigint,
    phone        varchar(20),
    recorded_at  timestamptz not null,
    reply_due    timestamptz not null,
    reply        varchar(1000),
    by_sms       boolean not null default false,
    by_call      boolean not null default false,
    replied_by   varchar(100),
    replied_at   timestamptz,
    message_id   bigint,
    check (reply is null or (replied_at is not null and (by_sms or by_call)))
);
create index followup_complaint_open on followup_complaint (reply_due) where replied_at is null;
