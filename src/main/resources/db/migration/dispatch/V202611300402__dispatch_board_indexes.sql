-- The dispatch board and the workload view (issue 12).
-- Jobs that ended undone, for the board's "declined / not done, nothing since" (the rest of the
-- history is never read by the board).
create index dispatch_job_undone on dispatch_job (ticket_no, id) where status in ('DECLINED', 'NOT_DONE');
-- Each technician's active jobs by on-site deadline, and the loads of the ranking.
create index dispatch_job_active on dispatch_job (technician_id, on_site_due)
    where status in ('DISPATCHED', 'ACCEPTED', 'ON_THE_WAY', 'ON_SITE');
-- Today's jobs on the workload view.
create index dispatch_job_dispatched on dispatch_job (dispatched_at);
