-- A report reads the roll-up of all its figures for one scope and period in one statement
-- (RollUps.snapshot): by day across codes, not code by code.
create index reporting_day_rolled_day on reporting_day_rolled (day, code);
create index reporting_day_count_scope on reporting_day_count (scope_kind, scope_id, day);
