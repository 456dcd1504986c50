-- The dispatch board's list: repair tickets waiting for their 有指令 mark that hang under no parent,
-- most urgent first (TicketQueries.fieldTickets).
create index ticket_waiting_for_field on ticket (dispatch_due, id)
    where type = 'REPAIR' and status in ('RECORDED', 'REOPENED') and parent_id is null;
