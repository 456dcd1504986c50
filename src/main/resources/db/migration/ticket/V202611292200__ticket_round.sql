-- The marks of each finished round of a ticket, written when it is reopened: the row itself then
-- owes the marks again, and without this the first round's times would be lost (a report of
-- "marks reached within their deadline" reads them here).
create table ticket_round (
    ticket_id     bigint not null references ticket (id),
    round         int not null,
    dispatch_due  timestamptz,
    dispatched_at timestamptz,
    dispatched_by varchar(50),
    respond_due   timestamptz,
    responded_at  timestamptz,
    responded_by  varchar(50),
    on_site_due   timestamptz,
    resolve_due   timestamptz,
    resolved_at   timestamptz,
    resolved_by   varchar(50),
    result        varchar(4000),
    closed_at     timestamptz,
    reopened_at   timestamptz not null,
    reopened_by   varchar(100) not null,
    reopen_reason varchar(500),
    primary key (ticket_id, round)
);

-- One link between a contact and its ticket: contact_contact.ticket_no (fed by TicketRecorded).
-- The contact a ticket was recorded from stays on its RECORDED timeline entry.
alter table ticket drop column contact_id;
