-- Rosters (one row per person and shift; the times are kept, so a later change of the shift
-- times does not move the past), swaps approved by the lead, clock-in and clock-out, and the
-- hand-over with its items and the outgoing team's notes (shift-a, issue 16).
create table shift_roster_entry (
    id         bigserial primary key,
    team_id    bigint not null,
    staff_id   bigint not null,
    day        date not null,
    kind       varchar(10) not null,            -- DAY, EVENING, NIGHT, OFFICE
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    lead       boolean not null default false,
    created_by varchar(100) not null,
    created_at timestamptz not null,
    check (ends_at > starts_at)
);
create index shift_roster_entry_team on shift_roster_entry (team_id, starts_at);
create index shift_roster_entry_staff on shift_roster_entry (staff_id, starts_at);
create index shift_roster_entry_time on shift_roster_entry (starts_at, ends_at);

create table shift_roster_swap (
    id           bigserial primary key,
    entry_id     bigint not null references shift_roster_entry (id),
    from_staff_id bigint not null,
    to_staff_id  bigint not null,
    reason       varchar(300),
    status       varchar(10) not null,          -- REQUESTED, APPROVED, REFUSED
    requested_by varchar(100) not null,
    requested_at timestamptz not null,
    decided_by   varchar(100),
    decided_at   timestamptz
);
create index shift_roster_swap_entry on shift_roster_swap (entry_id);

create table shift_attendance (
    id            bigserial primary key,
    staff_id      bigint not null,
    entry_id      bigint references shift_roster_entry (id),
    clock_in_at   timestamptz not null,
    clock_out_at  timestamptz,
    check (clock_out_at is null or clock_out_at >= clock_in_at)
);
create unique index shift_attendance_open on shift_attendance (staff_id) where clock_out_at is null;
create index shift_attendance_staff on shift_attendance (staff_id, clock_in_at);

-- A hand-over into the shift of a team starting at shift_starts_at.
create table shift_handover (
    id                     bigserial primary key,
    team_id                bigint not null,
    shift_starts_at        timestamptz not null,
    status                 varchar(10) not null,  -- PREPARED, OPENED, SIGNED
    prepared_by_id         bigint,
    prepared_at            timestamptz,
    opened_by_id           bigint,
    opened_at              timestamptz,
    clear_handover         boolean not null default false,
    clear_situation        boolean not null default false,
    clear_problem          boolean not null default false,
    outgoing_signed_by_id  bigint,
    outgoing_signed_at     timestamptz,
    incoming_signed_by_id  bigint,
    incoming_signed_at     timestamptz,
    signed_at              timestamptz,
    escalated_at           timestamptz,
    version                int not null default 0,
    unique (team_id, shift_starts_at)
);
create index shift_handover_open on shift_handover (shift_starts_at) where signed_at is null and escalated_at is null;

create table shift_handover_item (
    id          bigserial primary key,
    handover_id bigint not null references shift_handover (id),
    position    int not null,
    source      varchar(40) not null,
    clear       varchar(10) not null,
    reference   varchar(100),
    text        varchar(1000) not null,
    due_at      timestamptz,
    overdue     boolean not null default false,
    link        varchar(300)
);
create index shift_handover_item_handover on shift_handover_item (handover_id, position);

-- What the outgoing shift writes for the next one; listed by the next hand-over, then kept with it.
create table shift_handover_note (
    id          bigserial primary key,
    team_id     bigint not null,
    text        varchar(1000) not null,
    author_id   bigint not null,
    created_at  timestamptz not null,
    handover_id bigint references shift_handover (id)
);
create index shift_handover_note_open on shift_handover_note (team_id) where handover_id is null;
