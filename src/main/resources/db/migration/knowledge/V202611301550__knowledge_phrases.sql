-- Service phrases (standard chapter 7, the three voices of 5.4): a phrase is a stable slot in a
-- scenario; its words are versions, and the desk shows the latest approved one. A draft is
-- approved by a manager who did not write it; every version stays.
create table knowledge_phrase (
    id         bigserial primary key,
    scenario   varchar(20) not null check (scenario in
               ('GREETING', 'ACKNOWLEDGE', 'CLARIFY', 'OUTBOUND', 'COMPLAINT', 'APOLOGY', 'CLOSING')),
    position   int not null,
    source     varchar(80),
    created_at timestamptz not null default now()
);

create table knowledge_phrase_version (
    id          bigserial primary key,
    phrase_id   bigint not null references knowledge_phrase (id),
    version     int not null,
    text        varchar(500) not null,
    status      varchar(10) not null check (status in ('DRAFT', 'APPROVED', 'REJECTED')),
    author      varchar(60) not null,
    created_at  timestamptz not null default now(),
    decided_by  varchar(60),
    decided_at  timestamptz,
    unique (phrase_id, version)
);
-- one open draft per phrase: a second edit changes that draft's author's mind, not the queue
create unique index knowledge_phrase_one_draft on knowledge_phrase_version (phrase_id) where status = 'DRAFT';

-- The three voices (问声, 应声, 送声) the agent ticked for a call: what quality checks score.
create table knowledge_call_voice (
    call_id    bigint not null,
    voice      varchar(12) not null check (voice in ('GREET', 'ACKNOWLEDGE', 'FAREWELL')),
    ticked_by  varchar(60) not null,
    ticked_at  timestamptz not null,
    primary key (call_id, voice)
);

-- Seed: chapter 7 word for word (金鼎公司 → {company}; 先生/女士 → {title}, or {surname}{title} where the
-- agent addresses a complaining caller he knows; xx业主 → {surname}业主), then
-- the 5.4 voices HeatDesk words itself (the standard names them, it gives no words).
with p (scenario, position, source, text) as (values
    ('GREETING',    1, '第七章（一）1', '您好！'),
    ('GREETING',    2, '第七章（一）2', '您好！{company}供热客服中心！'),
    ('GREETING',    3, '第七章（一）3', '请问有什么可以帮您的吗？'),
    ('CLARIFY',     1, '第七章（一）', '对不起，{title}，您刚才讲的问题我没听清楚，请您重述一遍好吗？'),
    ('OUTBOUND',    1, '第七章（二）打电话用语', '{title}，您好，我是{company}供热客服中心，请问您是{surname}业主吗？'),
    ('OUTBOUND',    2, '第七章（二）打电话用语', '谢谢您，再见！'),
    ('COMPLAINT',   1, '第七章（二）用户电话投诉时', '{surname}{title}您好！{company}供热客服中心！请问您有什么需要帮忙的？'),
    ('COMPLAINT',   2, '第七章（二）用户电话投诉时', '{title}，请问您贵姓？'),
    ('COMPLAINT',   3, '第七章（二）用户电话投诉时', '对不起，{surname}{title}，我们会立即处理这个问题，会在最短时间给您答复。'),
    ('COMPLAINT',   4, '第七章（二）用户电话投诉时', '您放心，我们会立即采取措施，使您满意。'),
    ('COMPLAINT',   5, '第七章（二）用户电话投诉时', '很抱歉给您带来的不便。感谢您对我们工作提出的宝贵意见。'),
    ('APOLOGY',     1, '第七章（三）1', '对不起，请原谅！'),
    ('APOLOGY',     2, '第七章（三）2', '对不起，这是我们的失误。'),
    ('APOLOGY',     3, '第七章（三）3', '谢谢您的批评，我们一定注意改进。'),
    ('APOLOGY',     4, '第七章（三）4', '谢谢您，请多提宝贵意见！'),
    ('GREETING',    4, '5.4 问声', '您好！{company}供热客服中心，{agentNo}号接线员为您服务，请问有什么可以帮您的吗？'),
    ('ACKNOWLEDGE', 1, '5.4 应声', '好的，{surname}{title}，您反映的情况我已经记下了。'),
    ('ACKNOWLEDGE', 2, '5.4 应声', '请您稍等，我马上为您查询。'),
    ('CLOSING',     1, '5.4 送声', '感谢您的来电，请您保持电话畅通，再见！'),
    ('CLOSING',     2, '第七章（二）', '谢谢您，再见！')
), made as (
    insert into knowledge_phrase (scenario, position, source)
    select scenario, position, source from p
    returning id, scenario, position
)
insert into knowledge_phrase_version (phrase_id, version, text, status, author, decided_by, decided_at)
select made.id, 1, p.text, 'APPROVED', 'system', 'system', now()
from made join p on p.scenario = made.scenario and p.position = made.position;
