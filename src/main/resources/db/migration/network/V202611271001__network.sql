-- The heating network: heat sources, substations with their thresholds and live state, the
-- communities each substation serves, telemetry readings and outages.
create table network_heat_source (
    id          bigserial primary key,
    code        varchar(20) not null unique,
    name        varchar(100) not null,
    kind        varchar(30) not null,
    capacity_mw numeric(10, 1),
    location    text
);

-- status is derived from the latest reading and the thresholds below, unless status_manual is set
-- (maintenance set by hand); the reading columns hold the latest reading (the live state).
create table network_substation (
    id                      bigserial primary key,
    code                    varchar(20) not null unique,
    name                    varchar(100) not null,
    heat_source_id          bigint not null references network_heat_source (id),
    capacity_mw             numeric(10, 2),
    location                text,
    status                  varchar(20) not null default 'UNKNOWN',
    status_manual           boolean not null default false,
    status_since            timestamptz,
    last_reading_at         timestamptz,
    primary_supply_temp     double precision,
    primary_return_temp     double precision,
    secondary_supply_temp   double precision,
    secondary_return_temp   double precision,
    pressure                double precision,
    flow                    double precision,
    -- thresholds (°C, MPa, m³/h); the defaults are the company's usual values
    primary_supply_warn_min   double precision not null default 70,
    primary_supply_fault_min  double precision not null default 55,
    secondary_supply_warn_min double precision not null default 45,
    secondary_supply_fault_min double precision not null default 38,
    pressure_warn_min         double precision not null default 0.25,
    pressure_warn_max         double precision not null default 0.80,
    pressure_fault_min        double precision not null default 0.15,
    pressure_fault_max        double precision not null default 1.00,
    flow_warn_min             double precision not null default 20,
    flow_fault_min            double precision not null default 5,
    version                 integer not null default 0
);
create index network_substation_source_idx on network_substation (heat_source_id);
create index network_substation_status_idx on network_substation (status);

create table network_community (
    id            bigserial primary key,
    name          varchar(100) not null unique,
    district      varchar(50),
    substation_id bigint not null references network_substation (id)
);
create index network_community_substation_idx on network_community (substation_id);

-- One row per substation and reading time: a repeated reading is ignored (idempotent intake).
create table network_reading (
    substation_id         bigint not null references network_substation (id),
    read_at               timestamptz not null,
    primary_supply_temp   double precision not null,
    primary_return_temp   double precision not null,
    secondary_supply_temp double precision not null,
    secondary_return_temp double precision not null,
    pressure              double precision not null,
    flow                  double precision not null,
    received_at           timestamptz not null,
    primary key (substation_id, read_at)
);

-- Each status change of a substation, written by a listener of SubstationStatusChanged.
create table network_status_change (
    id            bigserial primary key,
    substation_id bigint not null references network_substation (id),
    from_status   varchar(20),
    to_status     varchar(20) not null,
    changed_at    timestamptz not null,
    unique (substation_id, changed_at, to_status)
);
create index network_status_change_substation_idx on network_status_change (substation_id, changed_at desc);

create table network_outage (
    id                  bigserial primary key,
    kind                varchar(20) not null,
    title               varchar(200) not null,
    notice_text         text not null,
    starts_at           timestamptz not null,
    expected_restore_at timestamptz not null,
    restored_at         timestamptz,
    created_by          varchar(100) not null,
    created_at          timestamptz not null,
    restored_by         varchar(100),
    version             integer not null default 0,
    check (expected_restore_at > starts_at)
);
create index network_outage_open_idx on network_outage (starts_at) where restored_at is null;

create table network_outage_substation (
    outage_id     bigint not null references network_outage (id),
    substation_id bigint not null references network_substation (id),
    primary key (outage_id, substation_id)
);
create index network_outage_substation_idx on network_outage_substation (substation_id);

create table network_outage_community (
    outage_id    bigint not null references network_outage (id),
    community_id bigint not null references network_community (id),
    primary key (outage_id, community_id)
);
create index network_outage_community_idx on network_outage_community (community_id);

-- Every extension of an outage's expected restore time, with the reason given.
create table network_outage_extension (
    id                  bigserial primary key,
    outage_id           bigint not null references network_outage (id),
    previous_restore_at timestamptz not null,
    expected_restore_at timestamptz not null,
    reason              text not null,
    extended_by         varchar(100) not null,
    extended_at         timestamptz not null
);
create index network_outage_extension_idx on network_outage_extension (outage_id);
