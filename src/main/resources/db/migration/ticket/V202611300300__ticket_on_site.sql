-- The on-site mark (上门, standard 10.2): when the technician arrived, as his phone recorded it.
alter table ticket add column on_site_at timestamptz, add column on_site_by varchar(100);
alter table ticket_round add column on_site_at timestamptz;
