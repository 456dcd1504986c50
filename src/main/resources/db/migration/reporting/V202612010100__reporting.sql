-- The roll-up of closed days (issue 15): one row per day, figure and scope with cases, as
-- ComplianceFigure.count gave it. A day is read from here once reporting_day_rolled marks it for the
-- figure; until then (and always for the current day) it is counted live. Rolling a day again
-- replaces its rows, so re-running gives the same rows.
create table reporting_day_count (
    day         date        not null,
    code        varchar(80) not null,
    scope_kind  varchar(12) not null,
    scope_id    bigint      not null,
    numerator   bigint      not null,
    denominator bigint      not null,
    histogram   int[],
    primary key (code, scope_kind, scope_id, day)
);

create table reporting_day_rolled (
    code      varchar(80) not null,
    day       date        not null,
    rolled_at timestamptz not null,
    primary key (code, day)
);

-- Targets set by a manager (audited); a figure without a row keeps its default target. A row with a
-- null target means "no target".
create table reporting_target (
    code       varchar(80) primary key,
    target     numeric(14, 2),
    changed_by varchar(100) not null,
    changed_at timestamptz  not null
);

-- The company's figures of each closed month, kept as computed for publication (5(一)).
create table reporting_month (
    month       date primary key,
    computed_at timestamptz not null
);

create table reporting_month_figure (
    month       date        not null references reporting_month (month),
    code        varchar(80) not null,
    measured    boolean     not null,
    value       numeric(14, 2),
    numerator   bigint      not null,
    denominator bigint      not null,
    target      numeric(14, 2),
    primary key (month, code)
);
