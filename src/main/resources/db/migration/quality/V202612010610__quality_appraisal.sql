-- quality-b (issue 17): the monthly appraisal of each person, computed from the compliance figures
-- by a formula the managers keep in versions, with the lead's own assessment, acknowledged by the person.

create table quality_appraisal_formula (
    version     int primary key,
    -- [{"code":"calls.answered-in-limit","weight":20,"rule":"PERCENT","parameter":null}, …]
    items       jsonb not null,
    lead_weight int not null check (lead_weight between 0 and 100),
    note        varchar(500),
    created_by  varchar(100) not null,
    created_at  timestamptz not null
);

-- version 1: the figures the standard names for appraisal (4.1–4.3), the lead's own assessment a fifth
insert into quality_appraisal_formula (version, items, lead_weight, note, created_by, created_at) values (1, '[
  {"code": "calls.answered-in-limit", "weight": 20, "rule": "PERCENT", "parameter": null},
  {"code": "tickets.resolved-on-time", "weight": 15, "rule": "PERCENT", "parameter": null},
  {"code": "quality.mean-score", "weight": 20, "rule": "SCORE", "parameter": null},
  {"code": "followup.satisfaction", "weight": 10, "rule": "PERCENT", "parameter": null},
  {"code": "quality.rectifications-on-time", "weight": 5, "rule": "PERCENT", "parameter": null},
  {"code": "shift.late-arrivals", "weight": 5, "rule": "PENALTY", "parameter": 10},
  {"code": "people.training-hours", "weight": 5, "rule": "TARGET", "parameter": 240}
]', 20, '初始版本', 'system', now());

create table quality_appraisal (
    id              bigserial primary key,
    staff_id        bigint not null references staff_member (id),
    month           date not null check (extract(day from month) = 1),
    formula_version int not null references quality_appraisal_formula (version),
    lines           jsonb not null,
    computed_score  numeric(5, 1),
    lead_score      int not null check (lead_score between 0 and 100),
    lead_comment    varchar(2000),
    total           numeric(5, 1),
    status          varchar(14) not null default 'ISSUED',
    issued_by       varchar(100) not null,
    issued_at       timestamptz not null,
    acknowledged_at timestamptz,
    person_comment  varchar(1000),
    constraint quality_appraisal_status check (status in ('ISSUED', 'ACKNOWLEDGED')),
    unique (staff_id, month)
);

create index quality_appraisal_month on quality_appraisal (month);
