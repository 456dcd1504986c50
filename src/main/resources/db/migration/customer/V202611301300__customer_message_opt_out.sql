-- A customer may ask not to receive messages (SMS) from the company; the outbox skips them with
-- the reason recorded. Who changed it and when is in the audit trail.
alter table customer add column messages_opt_out boolean not null default false;
