-- How long before a deadline its reminder goes out, per policy version: a reminder must come before
-- the deadline it warns of, so the lead belongs with the limits it is checked against. The former
-- setting (15 minutes, equal to the 15-minute dispatch limit of repairs) reminded every repair the
-- moment it was recorded; 5 minutes is shorter than every limit of the versions written so far.
alter table ticket_policy add column remind_minutes integer not null default 5 check (remind_minutes > 0);
