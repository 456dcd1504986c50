-- When the 12345 city platform handed a case over to us (its own time, as it reports it).
alter table contact_contact add column handed_over_at timestamptz;
