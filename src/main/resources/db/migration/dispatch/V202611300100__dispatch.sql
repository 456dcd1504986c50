-- The dispatch module's own records about crews and technicians. Crews and people are the staff
-- module's teams and accounts, substations and communities the network module's: they are held
-- here by id without foreign keys, so each module keeps its tables to itself.

create table dispatch_crew_area (
    id            bigserial primary key,
    team_id       bigint not null,
    substation_id bigint,
    community_id  bigint,
    check ((substation_id is null) <> (community_id is null))
);
create unique index dispatch_crew_area_substation on dispatch_crew_area (team_id, substation_id) where substation_id is not null;
create unique index dispatch_crew_area_community on dispatch_crew_area (team_id, community_id) where community_id is not null;

create table dispatch_skill (
    staff_id bigint not null,
    skill    varchar(30) not null,
    primary key (staff_id, skill)
);

create table dispatch_certificate (
    id          bigserial primary key,
    staff_id    bigint not null,
    kind        varchar(30) not null,
    number      varchar(50) not null,
    issuer      varchar(100) not null,
    valid_from  date not null,
    valid_until date not null,
    scan_type   varchar(50),
    scan_name   varchar(255),
    scan        bytea,
    created_at  timestamptz not null,
    check (valid_until >= valid_from)
);
create index dispatch_certificate_staff on dispatch_certificate (staff_id);
create index dispatch_certificate_until on dispatch_certificate (valid_until);

-- A shift on a date: DAY runs from the day-shift start of that date, NIGHT from the night-shift
-- start of that date into the next morning (the times are settings).
create table dispatch_shift (
    staff_id bigint not null,
    day      date not null,
    shift    varchar(10) not null check (shift in ('DAY', 'NIGHT')),
    primary key (staff_id, day, shift)
);
create index dispatch_shift_day on dispatch_shift (day);

-- A version of a city's refund rule: it applies to tests done at or after effective_from until the
-- next version of the city; versions are never changed, so a past test can be recomputed.
create table dispatch_refund_rule (
    id             bigserial primary key,
    city           varchar(20) not null,
    city_name      varchar(40) not null,
    effective_from timestamptz not null,
    price_per_m2   numeric(10, 2) not null check (price_per_m2 > 0),
    season_days    int not null check (season_days between 1 and 366),
    demo_values    boolean not null default false,
    created_at     timestamptz not null,
    created_by     varchar(100) not null,
    unique (city, effective_from)
);

-- One band of household temperature: lower_c <= t < upper_c (lower_c null: no lower bound).
create table dispatch_refund_band (
    rule_id bigint not null references dispatch_refund_rule (id),
    lower_c numeric(4, 1),
    upper_c numeric(4, 1) not null,
    percent int not null check (percent between 0 and 100),
    primary key (rule_id, upper_c)
);

-- Defaults from the published local rules (Jinan, Zibo). The price per m² and the season's days
-- are demo values, marked as such, for the manager to replace with the city's tariff.
insert into dispatch_refund_rule (city, city_name, effective_from, price_per_m2, season_days, demo_values, created_at, created_by)
values ('JINAN', '济南', '2000-01-01T00:00:00Z', 26.70, 121, true, now(), 'system'),
       ('ZIBO', '淄博', '2000-01-01T00:00:00Z', 23.50, 121, true, now(), 'system');
insert into dispatch_refund_band (rule_id, lower_c, upper_c, percent)
select id, 14.0, 18.0, 50 from dispatch_refund_rule where city = 'JINAN'
union all select id, null, 14.0, 100 from dispatch_refund_rule where city = 'JINAN'
union all select id, 16.0, 18.0, 20 from dispatch_refund_rule where city = 'ZIBO'
union all select id, 12.0, 16.0, 50 from dispatch_refund_rule where city = 'ZIBO'
union all select id, null, 12.0, 100 from dispatch_refund_rule where city = 'ZIBO';
