-- A call a staff member starts from the desk (follow-up, call-back): the request to dial, kept until
-- the switch reports the call, which is then matched to it by extension and number.
create table contact_dial (
    id            bigserial primary key,
    contact_id    bigint not null unique references contact_contact (id),
    staff_id      bigint not null,
    extension     varchar(20) not null,
    number        varchar(30) not null,
    number_digits varchar(30) not null,         -- the number's digits only, as the switch's is compared
    ticket_no     varchar(40),
    purpose       varchar(200),
    created_at    timestamptz not null,
    call_id       bigint references contact_call (id),
    status        varchar(20) not null,          -- OPEN (no call yet), MATCHED (the switch's call found)
    originate     varchar(10)                    -- SENT, FAILED (AMI Originate), null: dialled on the desk phone
);
-- the switch's first event of an outbound call looks for the latest open request of the extension
create index contact_dial_open on contact_dial (extension, created_at desc) where call_id is null;
create unique index contact_dial_call on contact_dial (call_id) where call_id is not null;
