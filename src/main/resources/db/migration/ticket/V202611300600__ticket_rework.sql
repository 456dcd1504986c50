-- Rework (standard 10.3, repair quality): a repair ticket recorded for the same customer (or, without
-- a customer, the same address) and the same category within 7 days of the resolution of the one
-- before. One row per rework ticket, naming the earlier ticket, so that both ticket pages show it and
-- a report counts rework by the time it was recorded.
create table ticket_rework (
    ticket_id          bigint primary key references ticket (id),
    previous_ticket_id bigint not null references ticket (id),
    previous_resolved_at timestamptz not null,
    recorded_at        timestamptz not null
);
create index ticket_rework_previous on ticket_rework (previous_ticket_id);
create index ticket_rework_recorded on ticket_rework (recorded_at);
-- The earlier repair of an address without a customer is found by its address.
create index ticket_repair_address on ticket (address, category_id) where type = 'REPAIR';
