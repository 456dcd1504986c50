-- Contacts of every channel, calls derived from the switch's events, and agent presence.

-- One interaction with a customer, whatever the channel (7(一): one registration for all).
create table contact_contact (
    id              bigserial primary key,
    channel         varchar(20) not null,      -- PHONE, LETTER, VISIT, ONLINE, HOTLINE_12345
    direction       varchar(10) not null,      -- INBOUND, OUTBOUND
    customer_id     bigint,
    phone           varchar(30),
    name            varchar(60),
    summary         varchar(2000),
    staff_id        bigint,
    ticket_no       varchar(40),
    hotline_case_no varchar(60),
    reply_due_at    timestamptz,
    occurred_at     timestamptz not null,
    created_at      timestamptz not null
);
create index contact_contact_customer on contact_contact (customer_id, occurred_at desc);
create index contact_contact_phone on contact_contact (phone, occurred_at desc);
create index contact_contact_occurred on contact_contact (occurred_at desc);
create unique index contact_contact_hotline_case on contact_contact (hotline_case_no) where hotline_case_no is not null;

-- A call as the switch reported it; every derived column is recomputed from all its events.
create table contact_call (
    id               bigserial primary key,
    switch_call_id   varchar(100) not null unique,
    contact_id       bigint not null references contact_contact (id),
    direction        varchar(10) not null default 'INBOUND',
    caller           varchar(30),
    dialled          varchar(30),
    queue            varchar(40),
    status           varchar(20) not null,     -- RINGING, TALKING, ENDED, ABANDONED, SWEPT
    ringing_ext      varchar(20),
    first_ring_at    timestamptz,
    answered_at      timestamptz,
    ended_at         timestamptz,
    ring_ms          bigint,
    talk_ms          bigint,
    hold_ms          bigint,
    answered_ext     varchar(20),
    answered_staff_id bigint,
    current_ext      varchar(20),
    transfers        int not null default 0,
    abandoned        boolean not null default false,
    within_limit     boolean,
    recording_url    varchar(500),
    swept_at         timestamptz,
    last_event_at    timestamptz not null,
    updated_at       timestamptz not null
);
create index contact_call_first_ring on contact_call (first_ring_at desc);
create index contact_call_open on contact_call (status) where status in ('RINGING', 'TALKING');
create index contact_call_answered_staff on contact_call (answered_staff_id, first_ring_at desc);
create index contact_call_caller on contact_call (caller, first_ring_at desc);

-- The switch's events as received; a repeated event hits the unique key and is ignored.
create table contact_call_event (
    id             bigserial primary key,
    call_id        bigint not null references contact_call (id),
    event_type     varchar(20) not null,
    occurred_at    timestamptz not null,
    extension      varchar(20) not null default '',
    queue          varchar(40),
    caller         varchar(30),
    dialled        varchar(30),
    target_ext     varchar(20),
    recording_url  varchar(500),
    received_at    timestamptz not null,
    unique (call_id, event_type, occurred_at, extension)
);

-- Where each agent is now, and the history of where they were (人不离岗, 手不离机).
create table contact_presence (
    staff_id   bigint primary key,
    state      varchar(20) not null,            -- READY, ON_CALL, WRAP_UP, AWAY, OFFLINE
    reason     varchar(100),
    since      timestamptz not null
);
create table contact_presence_log (
    id         bigserial primary key,
    staff_id   bigint not null,
    state      varchar(20) not null,
    reason     varchar(100),
    started_at timestamptz not null,
    ended_at   timestamptz,
    set_by     varchar(100) not null
);
create index contact_presence_log_staff on contact_presence_log (staff_id, started_at desc);
create index contact_presence_log_started on contact_presence_log (started_at);
