-- When the portal first published each month's service figures (article 5(一)): the figure
-- portal.figures-published-on-time compares it with the due day of the following month. The figures
-- themselves are reporting's (reporting_month_figure), kept as computed when the month closed.
create table portal_figures_publication (
    month        date         primary key check (extract(day from month) = 1),
    published_at timestamptz  not null,
    published_by varchar(100) not null
);
