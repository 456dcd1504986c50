-- Ticket numbers without a day-long queue (issue 11, part 6). The per-day counter row was locked by
-- every ticket of the day from its insert to its commit, so intake ran one ticket at a time. Now a
-- ticket's number within its day is nextval('ticket_number') - base of the day: the sequence is
-- never locked until commit (a rolled-back ticket leaves a gap, no number is given twice), and the
-- day's base is written once, by the day's first ticket, in a short transaction of its own.
-- No cache: numbers are drawn in the order of time on every connection and node.
create sequence ticket_number;

-- The value of ticket_number just before the day's number 1.
create table ticket_day_start (
    day  date primary key,
    base bigint not null
);

-- Days numbered by the counter continue after their last number (the sequence's first value is 1).
insert into ticket_day_start (day, base) select day, -last_no from ticket_day_counter;

drop table ticket_day_counter;
