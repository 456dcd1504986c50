-- Categories per ticket type, maintained by managers (a tree: parent_id).
create table ticket_category (
    id        bigserial primary key,
    type      varchar(20) not null,
    parent_id bigint references ticket_category (id),
    code      varchar(40) not null unique,
    name_zh   varchar(60) not null,
    name_en   varchar(60) not null,
    keywords  varchar(500) not null default '',
    active    boolean not null default true,
    sort      int not null default 0
);

-- A version of the deadline policy; the newest is in force for new tickets.
create table ticket_policy (
    id           bigserial primary key,
    version      int not null unique,
    note         varchar(500) not null,
    season_start varchar(5) not null,
    season_end   varchar(5) not null,
    work_start   time not null,
    work_end     time not null,
    work_days    varchar(20) not null,
    created_by   varchar(100) not null,
    created_at   timestamptz not null
);

-- Limits to each mark: "15m", "8h", "EOD" (end of the counting day), "3d" (end of the 3rd counting day after); null = none.
create table ticket_policy_rule (
    id          bigserial primary key,
    policy_id   bigint not null references ticket_policy (id),
    type        varchar(20) not null,
    category_id bigint references ticket_category (id),
    priority    varchar(10),
    scope       varchar(20),
    dispatch_limit varchar(10),
    respond_limit  varchar(10),
    on_site_limit  varchar(10),
    resolve_limit  varchar(10)
);
create index ticket_policy_rule_policy on ticket_policy_rule (policy_id);

-- Per-day counter for readable ticket numbers (GR20261127-0042).
create table ticket_day_counter (
    day     date primary key,
    last_no int not null
);

create table ticket (
    id                 bigserial primary key,
    ticket_no          varchar(30) not null unique,
    type               varchar(20) not null,
    category_id        bigint references ticket_category (id),
    priority           varchar(10) not null,
    scope              varchar(20) not null,
    channel            varchar(20) not null,
    status             varchar(20) not null,
    status_before_pause varchar(20),
    customer_id        bigint,
    caller_phone       varchar(30),
    address            varchar(200),
    description        varchar(2000) not null,
    contact_phone      varchar(30),
    contact_id         bigint,
    substation_id      bigint,
    community_id       bigint,
    about_staff_id     bigint,
    first_responder_id bigint not null,
    first_responder    varchar(50) not null,
    assignee_id        bigint,
    assignee           varchar(50),
    assignee_team_id   bigint,
    parent_id          bigint references ticket (id),
    incident           boolean not null default false,
    outage_id          bigint,
    policy_id          bigint not null references ticket_policy (id),
    recorded_at        timestamptz not null,
    dispatched_at      timestamptz,
    dispatched_by      varchar(50),
    responded_at       timestamptz,
    responded_by       varchar(50),
    resolved_at        timestamptz,
    resolved_by        varchar(50),
    result             varchar(4000),
    closed_at          timestamptz,
    cancelled_at       timestamptz,
    cancel_reason      varchar(500),
    dispatch_due       timestamptz,
    respond_due        timestamptz,
    on_site_due        timestamptz,
    resolve_due        timestamptz,
    paused_at          timestamptz,
    paused_seconds     bigint not null default 0,
    reminded_mark      varchar(20),
    overdue_mark       varchar(20),
    escalation_level   int not null default 0,
    idempotency_key    varchar(100) unique,
    search_text        text not null default '',
    version            int not null default 0
);
create index ticket_first_responder on ticket (first_responder_id, recorded_at desc);
create index ticket_assignee on ticket (assignee_id) where status not in ('CLOSED', 'CANCELLED');
create index ticket_team on ticket (assignee_team_id) where status not in ('RESOLVED', 'CLOSED', 'CANCELLED');
create index ticket_customer on ticket (customer_id);
create index ticket_parent on ticket (parent_id);
create unique index ticket_incident_outage on ticket (outage_id) where incident;
create index ticket_open_recorded on ticket (recorded_at) where status not in ('RESOLVED', 'CLOSED', 'CANCELLED');
create index ticket_search on ticket using gin (to_tsvector('simple', search_text));

-- Explicit hand-overs (首问负责): the sender holds the ticket until the receiver accepts.
create table ticket_transfer (
    id            bigserial primary key,
    ticket_id     bigint not null references ticket (id),
    kind          varchar(12) not null,
    from_staff_id bigint not null,
    from_staff    varchar(50) not null,
    to_staff_id   bigint,
    to_team_id    bigint,
    reason        varchar(500) not null,
    status        varchar(12) not null,
    requested_at  timestamptz not null,
    decided_at    timestamptz,
    decided_by    varchar(50),
    decline_reason varchar(500)
);
create unique index ticket_transfer_one_pending on ticket_transfer (ticket_id) where status = 'PENDING';
create index ticket_transfer_to_staff on ticket_transfer (to_staff_id) where status = 'PENDING';
create index ticket_transfer_to_team on ticket_transfer (to_team_id) where status = 'PENDING';

-- The timeline: every event of a ticket in order.
create table ticket_event (
    id         bigserial primary key,
    ticket_id  bigint not null references ticket (id),
    at         timestamptz not null,
    actor      varchar(100) not null,
    kind       varchar(30) not null,
    detail     varchar(4000),
    contact_id bigint
);
create index ticket_event_ticket on ticket_event (ticket_id, id);

-- In-app notifications (reminders, marks, transfers), shown on "my tickets".
create table ticket_notification (
    id         bigserial primary key,
    staff_id   bigint not null,
    ticket_id  bigint not null references ticket (id),
    kind       varchar(30) not null,
    detail     varchar(500),
    created_at timestamptz not null,
    read_at    timestamptz
);
create index ticket_notification_staff on ticket_notification (staff_id, id desc) where read_at is null;

-- Categories that heating customers really call about.
insert into ticket_category (type, code, name_zh, name_en, keywords, sort) values
 ('REPAIR', 'REPAIR_NOT_WARM', '暖气不热', 'Radiator not warm', '不热,不暖,冰凉,凉,温度低,不烫,发凉', 10),
 ('REPAIR', 'REPAIR_LEAK', '漏水', 'Leak', '漏水,渗水,滴水,跑水,爆管,爆裂,淹', 20),
 ('REPAIR', 'REPAIR_VALVE', '阀门故障', 'Valve fault', '阀门,阀,关不上,打不开,拧不动', 30),
 ('REPAIR', 'REPAIR_ROOM_TEMP', '室温不达标', 'Room temperature below standard', '室温,测温,18度,达标,温度不够', 40),
 ('REPAIR', 'REPAIR_NOISE', '管道异响', 'Noisy pipes', '异响,响声,噪音,咚咚,哗哗', 50),
 ('REPAIR', 'REPAIR_AIR', '排气/放风', 'Air in radiator', '排气,放风,有气,气堵', 60),
 ('INQUIRY', 'INQUIRY_FEES', '收费咨询', 'Fees', '收费,缴费,交费,费用,发票,价格,多少钱,欠费', 10),
 ('INQUIRY', 'INQUIRY_SEASON', '供暖时间', 'Heating season dates', '供暖时间,什么时候供暖,开始供暖,停暖,几号', 20),
 ('INQUIRY', 'INQUIRY_SUSPEND', '报停/复供', 'Suspend or resume supply', '报停,复供,停供,恢复供暖,不供暖', 30),
 ('INQUIRY', 'INQUIRY_OUTAGE', '停热咨询', 'Outage', '停热,停暖,抢修,什么时候来热', 40),
 ('INQUIRY', 'INQUIRY_OTHER', '其他咨询', 'Other inquiry', '', 90),
 ('COMPLAINT', 'COMPLAINT_ATTITUDE', '服务态度', 'Staff attitude', '态度,不耐烦,骂,吵,不礼貌,服务差', 10),
 ('COMPLAINT', 'COMPLAINT_SLOW_REPAIR', '维修不及时', 'Slow repair', '不及时,没人来,没来,拖,一直没修,还没修', 20),
 ('COMPLAINT', 'COMPLAINT_TEMP', '室温投诉', 'Room temperature', '室温,冻,冷', 30),
 ('COMPLAINT', 'COMPLAINT_FEES', '收费投诉', 'Fees', '乱收费,多收,收费不合理', 40),
 ('SUGGESTION', 'SUGGESTION_SERVICE', '服务建议', 'Service', '建议', 10),
 ('PRAISE', 'PRAISE_STAFF', '表扬员工', 'Praise staff', '表扬,感谢,锦旗,好评', 10);

-- Policy version 1: defaults drawn from Shandong rules and practice.
insert into ticket_policy (version, note, season_start, season_end, work_start, work_end, work_days, created_by, created_at)
values (1, '初始时限（山东供热服务规范与实践）', '11-15', '03-15', '08:00', '17:30', '1,2,3,4,5', 'system', now());

insert into ticket_policy_rule (policy_id, type, category_id, priority, scope, dispatch_limit, respond_limit, on_site_limit, resolve_limit)
select 1, t.type, (select id from ticket_category c where c.code = t.code), t.priority, null, t.d, t.r, t.o, t.s
from (values
 ('INQUIRY', null, null, '60m', 'EOD', null, 'EOD'),
 ('REPAIR', null, null, '15m', '30m', '2h', '8h'),
 ('REPAIR', null, 'URGENT', '15m', '30m', '30m', '8h'),
 ('REPAIR', 'REPAIR_ROOM_TEMP', null, '15m', '30m', '24h', '3d'),
 ('COMPLAINT', null, null, '60m', '24h', null, '3d'),
 ('COMPLAINT', 'COMPLAINT_TEMP', null, '60m', '24h', '24h', '3d'),
 ('SUGGESTION', null, null, 'EOD', '24h', null, '3d'),
 ('PRAISE', null, null, 'EOD', '24h', null, '3d')
) as t(type, code, priority, d, r, o, s);
