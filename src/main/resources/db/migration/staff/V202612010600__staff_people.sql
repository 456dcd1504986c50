-- quality-b (issue 17): the people records kept on the staff record: commendations, sanctions, the
-- confidential reports of violations, training and the center's certificates.

create table staff_commendation (
    id            bigserial primary key,
    staff_id      bigint not null references staff_member (id),
    reason        varchar(1000) not null,
    ticket_no     varchar(40),
    status        varchar(12) not null default 'PROPOSED',
    proposed_by   varchar(100) not null,
    proposed_at   timestamptz not null,
    decided_by    varchar(100),
    decided_at    timestamptz,
    decision_note varchar(1000),
    constraint staff_commendation_status check (status in ('PROPOSED', 'GRANTED', 'DECLINED'))
);

-- a praise ticket proposes at most one commendation, however often its event is heard
create unique index staff_commendation_ticket on staff_commendation (ticket_no) where ticket_no is not null;
create index staff_commendation_staff on staff_commendation (staff_id);

create table staff_sanction (
    id            bigserial primary key,
    staff_id      bigint not null references staff_member (id),
    article       varchar(12) not null,
    measure       varchar(12) not null,
    facts         varchar(2000) not null,
    evidence      varchar(500) not null,
    status        varchar(12) not null default 'PROPOSED',
    proposed_by   varchar(100) not null,
    proposed_at   timestamptz not null,
    statement     varchar(2000),
    heard_by      varchar(100),
    heard_at      timestamptz,
    decided_by    varchar(100),
    decided_at    timestamptz,
    decision_note varchar(1000),
    constraint staff_sanction_status check (status in ('PROPOSED', 'HEARD', 'APPROVED', 'REJECTED'))
);

create index staff_sanction_staff on staff_sanction (staff_id);

-- 举报: read only by MANAGER and AUDITOR; the reporter is kept here and nowhere else
create table staff_violation_report (
    id                bigserial primary key,
    reported_staff_id bigint not null references staff_member (id),
    reporter_id       bigint not null references staff_member (id),
    article           varchar(12),
    text              varchar(2000) not null,
    status            varchar(12) not null default 'OPEN',
    conclusion        varchar(2000),
    handled_by        varchar(100),
    handled_at        timestamptz,
    created_at        timestamptz not null,
    constraint staff_violation_report_status check (status in ('OPEN', 'CLOSED')),
    constraint staff_violation_report_self check (reported_staff_id <> reporter_id)
);

create table staff_training_session (
    id         bigserial primary key,
    topic      varchar(200) not null,
    held_on    date not null,
    minutes    int not null check (minutes between 1 and 1440),
    trainer    varchar(60) not null,
    created_by varchar(100) not null,
    created_at timestamptz not null
);

create index staff_training_session_held_on on staff_training_session (held_on);

create table staff_training_attendance (
    session_id bigint not null references staff_training_session (id),
    staff_id   bigint not null references staff_member (id),
    score      int check (score between 0 and 100),
    passed     boolean,
    primary key (session_id, staff_id)
);

create index staff_training_attendance_staff on staff_training_attendance (staff_id);

create table staff_certificate (
    id         bigserial primary key,
    staff_id   bigint not null references staff_member (id),
    name       varchar(100) not null,
    number     varchar(60) not null,
    issued_on  date not null,
    expires_on date not null,
    created_by varchar(100) not null,
    created_at timestamptz not null,
    constraint staff_certificate_dates check (expires_on > issued_on)
);

create index staff_certificate_expires on staff_certificate (expires_on);
create index staff_certificate_staff on staff_certificate (staff_id);
