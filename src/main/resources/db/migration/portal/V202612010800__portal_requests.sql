-- portal-b (issue 18): requests online, one-time codes, rate limits.

-- A one-time code sent to a phone to confirm it before a request is recorded. Only a salted hash is
-- kept here (the text went out through the notification outbox); valid 10 minutes and 5 tries.
create table portal_code (
    id          bigserial primary key,
    phone       varchar(11)  not null,
    salt        varchar(32)  not null,
    code_hash   varchar(64)  not null,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null,
    attempts    int          not null default 0 check (attempts >= 0),
    used_at     timestamptz,
    client      varchar(64),
    message_id  bigint
);
create index portal_code_phone on portal_code (phone, created_at desc);

-- What the rate limits count: a code sent, a request made, a lookup refused; per phone and per
-- client address (subject 'phone:…' / 'addr:…' / 'ticket:…'). Pruned after two days.
create table portal_rate_event (
    id       bigserial primary key,
    kind     varchar(20) not null check (kind in ('CODE', 'REQUEST', 'LOOKUP_MISS', 'ADDITION')),
    subject  varchar(120) not null,
    at       timestamptz not null
);
create index portal_rate_event_subject on portal_rate_event (kind, subject, at);
create index portal_rate_event_at on portal_rate_event (at);

-- A request made online: the ticket it became and the phone confirmed for it.
create table portal_request (
    id               bigserial primary key,
    ticket_no        varchar(40)  not null unique,
    ticket_type      varchar(20)  not null,
    phone            varchar(11)  not null,
    account_no       varchar(40),
    address          varchar(200),
    customer_id      bigint,
    photos           int          not null default 0,
    submitted_at     timestamptz  not null,
    client           varchar(64),
    code_id          bigint       not null references portal_code (id),
    idempotency_key  varchar(100) unique
);
create index portal_request_phone on portal_request (phone, submitted_at desc);
