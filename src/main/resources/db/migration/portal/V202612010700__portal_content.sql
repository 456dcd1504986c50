-- What the company publishes on the portal (article 5(一)): one topic (commitments, fees, …) has
-- versions; a manager writes one, another manager approves it and it becomes the published one
-- (the previous published version is kept, superseded). A version's text is its own, or the
-- published answer of a knowledge article named by its slug (shown as that article reads now).
create table portal_content_version (
    id             bigserial primary key,
    topic          varchar(32)  not null,
    version        int          not null,
    title          varchar(100) not null,
    body           text,
    knowledge_slug varchar(80),
    status         varchar(16)  not null check (status in ('PENDING', 'PUBLISHED', 'SUPERSEDED', 'REJECTED')),
    written_by     varchar(100) not null,
    written_at     timestamptz  not null,
    decided_by     varchar(100),
    decided_at     timestamptz,
    decision_note  varchar(500),
    unique (topic, version),
    check ((body is null) <> (knowledge_slug is null))
);

-- at most one published version per topic: two approvals at once cannot both win
create unique index portal_content_published on portal_content_version (topic) where status = 'PUBLISHED';
create index portal_content_pending on portal_content_version (written_at) where status = 'PENDING';
