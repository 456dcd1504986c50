-- How far the benchmark's scale generator (heatdesk.demo.scale-tickets / scale-calls) has filled a
-- season: a restart goes on from there instead of generating the same rows again.
create table reporting_scale_progress (
    kind        varchar(20) not null,
    season_year int not null,
    target      bigint not null,
    generated   bigint not null,
    updated_at  timestamptz not null,
    primary key (kind, season_year)
);
