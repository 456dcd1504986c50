-- The room-temperature test (测温) of a TEMPERATURE_TEST job: one per job, the rooms measured, the
-- method confirmed, both signatures, and — when below the standard — the refund by the rule version
-- in force at the test, kept with the customer for billing. The standard, the household figure and
-- the refund's inputs are stored as they were, so a later change of the setting or the rule table
-- never re-prices a test already done.
create table dispatch_temperature_test (
    id                   bigserial primary key,
    job_id               bigint not null unique references dispatch_job (id),
    client_id            varchar(64) not null,
    ticket_no            varchar(40) not null,
    customer_id          bigint,
    technician_id        bigint not null,
    measured_at          timestamptz not null,
    doors_closed         boolean not null check (doors_closed),
    height_1_5m          boolean not null check (height_1_5m),
    room_centre          boolean not null check (room_centre),
    reading_10min        boolean not null check (reading_10min),
    instrument_no        varchar(40) not null,
    technician_signature bytea not null,
    customer_signature   bytea not null,
    standard_c           numeric(4, 1) not null,
    mean_c               numeric(4, 1) not null,
    compliant            boolean not null,
    -- below standard only: the rule version used and the refund's inputs and amount
    rule_id              bigint references dispatch_refund_rule (id),
    complained_at        timestamptz,
    heated_area          numeric(8, 2),
    percent              int,
    days_below           int,
    amount               numeric(12, 2),
    recorded_at          timestamptz not null,
    recorded_by          varchar(60) not null
);
create index dispatch_temperature_test_ticket on dispatch_temperature_test (ticket_no);
create index dispatch_temperature_test_customer on dispatch_temperature_test (customer_id, measured_at desc);
-- the billing list reads a season's refunds by the time of the test
create index dispatch_temperature_test_refunds on dispatch_temperature_test (measured_at) where amount is not null;

create table dispatch_temperature_room (
    test_id       bigint not null references dispatch_temperature_test (id),
    position      smallint not null,
    name          varchar(20),
    temperature_c numeric(4, 1) not null check (temperature_c between -10 and 40),
    primary key (test_id, position)
);
