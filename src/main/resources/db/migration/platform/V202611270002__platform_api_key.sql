-- Keys for integrations (telephone switch, telemetry, SMS gateway...). Only a SHA-256 of the key
-- is stored: the key itself is shown once, when it is created.
create table platform_api_key (
    id           bigserial primary key,
    name         varchar(100) not null,
    scope        varchar(30) not null,
    key_prefix   varchar(16) not null,
    key_hash     char(64) not null unique,
    created_by   varchar(100) not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_by   varchar(100),
    revoked_at   timestamptz
);
