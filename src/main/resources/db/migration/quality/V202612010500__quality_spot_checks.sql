-- Spot checks of recorded calls (4.4), scored against a versioned rubric; rectifications; case library.

-- A version of the scoring rubric; the newest is used for new scores, a scored check keeps its own.
create table quality_rubric (
    id          bigserial primary key,
    version     int not null unique,
    note        varchar(500) not null,
    created_by  varchar(100) not null,
    created_at  timestamptz not null
);

-- An item of a rubric: points to give (the non-fatal items add up to 100), or a fatal item (points 0)
-- that makes the whole score 0. aspect feeds the figures: THREE_VOICES (5.4), PHRASES (7(四)).
create table quality_rubric_item (
    id          bigserial primary key,
    rubric_id   bigint not null references quality_rubric (id),
    code        varchar(40) not null,
    position    int not null,
    name_zh     varchar(100) not null,
    name_en     varchar(100) not null,
    points      int not null check (points between 0 and 100),
    fatal       boolean not null default false,
    aspect      varchar(20) check (aspect in ('THREE_VOICES', 'PHRASES')),
    unique (rubric_id, code),
    check (not fatal or points = 0)
);

-- A team's sampling plan for a month: calls per agent, the seed of the draw, and by when to score.
create table quality_sample (
    id          bigserial primary key,
    team_id     bigint not null,
    month       date not null,
    per_agent   int not null check (per_agent between 1 and 50),
    seed        bigint not null,
    candidates  int not null,
    due_at      timestamptz not null,
    drawn_by    varchar(100) not null,
    drawn_at    timestamptz not null,
    unique (team_id, month)
);

-- The calls the draw chose from, with their weights as they were at the draw: the draw repeats from these.
create table quality_sample_candidate (
    sample_id   bigint not null references quality_sample (id),
    call_id     bigint not null,
    agent_id    bigint not null,
    weight      int not null check (weight >= 1),
    reasons     varchar(100) not null default '',
    primary key (sample_id, call_id)
);

-- One call to check. status: TO_SCORE → SCORED → ACKNOWLEDGED | DISPUTED → DECIDED.
create table quality_check (
    id              bigserial primary key,
    sample_id       bigint not null references quality_sample (id),
    call_id         bigint not null unique,
    agent_id        bigint not null,
    team_id         bigint not null,
    reasons         varchar(100) not null default '',
    added_by        varchar(100),
    status          varchar(20) not null default 'TO_SCORE'
                    check (status in ('TO_SCORE', 'SCORED', 'ACKNOWLEDGED', 'DISPUTED', 'DECIDED')),
    due_at          timestamptz not null,
    rubric_id       bigint references quality_rubric (id),
    score           int check (score between 0 and 100),
    fatal           boolean,
    three_voices    int check (three_voices between 0 and 100),
    phrases         int check (phrases between 0 and 100),
    summary         varchar(2000),
    checker         varchar(100),
    scored_at       timestamptz,
    acknowledged_at timestamptz,
    dispute_reason  varchar(2000),
    disputed_at     timestamptz,
    decision        varchar(20) check (decision in ('UPHELD', 'REVISED')),
    decision_note   varchar(2000),
    decided_by      varchar(100),
    decided_at      timestamptz,
    final_score     int check (final_score between 0 and 100),
    settled_at      timestamptz,
    created_at      timestamptz not null,
    version         int not null default 0
);
create index quality_check_sample on quality_check (sample_id);
create index quality_check_agent on quality_check (agent_id, status);
create index quality_check_scored on quality_check (scored_at);
create index quality_check_settled on quality_check (settled_at);
create index quality_check_due on quality_check (due_at);

create table quality_check_item (
    check_id    bigint not null references quality_check (id),
    item_id     bigint not null references quality_rubric_item (id),
    points      int not null check (points >= 0),
    hit         boolean not null default false,
    primary key (check_id, item_id)
);

-- A checker's remark at a moment of the recording (seconds from its start).
create table quality_check_comment (
    id          bigserial primary key,
    check_id    bigint not null references quality_check (id),
    at_second   int check (at_second >= 0),
    text        varchar(1000) not null,
    by_name     varchar(100) not null,
    created_at  timestamptz not null
);
create index quality_check_comment_check on quality_check_comment (check_id);

-- 整改: what to put right, by whom, by when; closed with evidence.
create table quality_rectification (
    id          bigserial primary key,
    check_id    bigint references quality_check (id),
    finding     varchar(1000) not null,
    owner_id    bigint not null,
    team_id     bigint,
    due_at      timestamptz not null,
    status      varchar(10) not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    evidence    varchar(2000),
    closed_by   varchar(100),
    closed_at   timestamptz,
    created_by  varchar(100) not null,
    created_at  timestamptz not null,
    check (status <> 'DONE' or (evidence is not null and closed_at is not null))
);
create index quality_rectification_open on quality_rectification (due_at) where status = 'OPEN';
create index quality_rectification_owner on quality_rectification (owner_id);
create index quality_rectification_closed on quality_rectification (closed_at);

-- 案例分析: a call or ticket kept as a good or bad example; its texts are stored masked.
create table quality_case (
    id          bigserial primary key,
    kind        varchar(10) not null check (kind in ('GOOD', 'BAD')),
    title       varchar(200) not null,
    call_id     bigint,
    ticket_no   varchar(40),
    check_id    bigint references quality_check (id),
    summary     varchar(4000) not null,
    lesson      varchar(2000) not null,
    briefing_on date,
    created_by  varchar(100) not null,
    created_at  timestamptz not null,
    check (call_id is not null or ticket_no is not null)
);
create index quality_case_created on quality_case (created_at desc);

-- The first rubric, from the standard (5.4 three voices, 7(四) phrases, 6.5 first responder, 8 fatal).
insert into quality_rubric (version, note, created_by, created_at)
values (1, '依据服务标准初始评分表', 'system', now());
insert into quality_rubric_item (rubric_id, code, position, name_zh, name_en, points, fatal, aspect)
select r.id, v.code, v.position, v.name_zh, v.name_en, v.points, v.fatal, v.aspect
from quality_rubric r, (values
    ('GREETING', 1, '问候语（报公司名称）', 'Greeting with the company''s name', 10, false, 'THREE_VOICES'),
    ('ACKNOWLEDGE', 2, '应答语（确认客户诉求）', 'Acknowledging the caller', 10, false, 'THREE_VOICES'),
    ('FAREWELL', 3, '道别语', 'Farewell', 10, false, 'THREE_VOICES'),
    ('PHRASES', 4, '使用标准服务用语', 'Standard service phrases', 15, false, 'PHRASES'),
    ('ACCURACY', 5, '答复准确', 'Accuracy of the answer', 20, false, null),
    ('TICKET_COMPLETE', 6, '工单记录完整', 'Ticket recorded completely', 15, false, null),
    ('OWNERSHIP', 7, '说明首问负责', 'First-responder ownership explained', 10, false, null),
    ('COURTESY', 8, '礼貌耐心', 'Courtesy and patience', 10, false, null),
    ('RUDENESS', 9, '态度粗暴', 'Rudeness', 0, true, null),
    ('DATA_LEAK', 10, '泄露客户信息', 'Leaking a customer''s data', 0, true, null),
    ('ARGUING', 11, '与客户争吵', 'Arguing with the customer', 0, true, null)
) as v (code, position, name_zh, name_en, points, fatal, aspect)
where r.version = 1;
