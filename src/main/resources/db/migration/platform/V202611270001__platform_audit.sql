-- The audit trail: append-only. Rows are written in the business transaction without a hash;
-- one sealer chains them just after commit (chain_seq, prev_hash, hash), so the chain is never
-- a lock that business transactions wait on.
create table platform_audit_event (
    id            bigserial primary key,
    occurred_at   timestamptz not null,
    actor         varchar(100) not null,
    actor_address varchar(64),
    action        varchar(60) not null,
    entity_type   varchar(60) not null,
    entity_id     varchar(100),
    before_state  text,
    after_state   text,
    chain_seq     bigint unique,
    prev_hash     char(64),
    hash          char(64)
);

create index platform_audit_event_unsealed on platform_audit_event (id) where hash is null;
create index platform_audit_event_entity on platform_audit_event (entity_type, entity_id);
create index platform_audit_event_time on platform_audit_event (occurred_at);
create index platform_audit_event_actor on platform_audit_event (actor, occurred_at);

-- The application never edits or removes a row; the one update allowed is the sealer's first
-- and only setting of the chain columns.
create function platform_audit_event_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'audit trail rows cannot be deleted';
    end if;
    if old.hash is not null
       or new.occurred_at is distinct from old.occurred_at
       or new.actor is distinct from old.actor
       or new.actor_address is distinct from old.actor_address
       or new.action is distinct from old.action
       or new.entity_type is distinct from old.entity_type
       or new.entity_id is distinct from old.entity_id
       or new.before_state is distinct from old.before_state
       or new.after_state is distinct from old.after_state then
        raise exception 'audit trail rows cannot be changed';
    end if;
    return new;
end $$;

create trigger platform_audit_event_append_only
    before update or delete on platform_audit_event
    for each row execute function platform_audit_event_guard();

create table platform_demo_seed (
    name      varchar(100) primary key,
    seeded_at timestamptz not null
);
