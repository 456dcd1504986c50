-- The compliance figures count a ticket on the day its outcome is settled: a mark on the day its
-- deadline falls, a resolution or a closing on the day it happened, a repair's first dispatch on
-- its day (reporting's LandedFigures). Without these, counting one day read the whole table: at
-- 10 million tickets several seconds a figure (docs/benchmarks.md). The rounds of reopened tickets
-- are counted the same way.
create index ticket_dispatch_due on ticket (dispatch_due);
create index ticket_respond_due on ticket (respond_due);
create index ticket_on_site_due on ticket (on_site_due);
create index ticket_resolve_due on ticket (resolve_due);
create index ticket_dispatched on ticket (dispatched_at) where type = 'REPAIR';
create index ticket_resolved on ticket (resolved_at) where type = 'REPAIR';
create index ticket_closed on ticket (closed_at);

create index ticket_round_dispatch_due on ticket_round (dispatch_due);
create index ticket_round_respond_due on ticket_round (respond_due);
create index ticket_round_on_site_due on ticket_round (on_site_due);
create index ticket_round_resolve_due on ticket_round (resolve_due);
create index ticket_round_dispatched on ticket_round (dispatched_at);
create index ticket_round_closed on ticket_round (closed_at);
