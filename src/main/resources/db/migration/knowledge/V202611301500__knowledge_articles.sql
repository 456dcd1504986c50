-- The knowledge base: articles with every version kept, synonyms for search, and the change
-- sequence every node's search index follows.

-- An article is its stable key and what does not change between versions; the text is in its versions.
create table knowledge_article (
    id                bigserial primary key,
    slug              varchar(80)  not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    published_version int,
    -- how often an agent marked the article as "this answered the caller" (the phrases helper's marks add to it)
    answered_count    int          not null default 0 check (answered_count >= 0),
    created_by        varchar(100) not null,
    created_at        timestamptz  not null default now()
);

-- One version: DRAFT → APPROVED (by a manager who did not write it) → PUBLISHED; a newer published
-- version makes the older one SUPERSEDED. Nothing is deleted, so every version stays readable.
create table knowledge_article_version (
    article_id   bigint        not null references knowledge_article (id),
    version      int           not null check (version > 0),
    title        varchar(200)  not null,
    body         text          not null check (length(body) <= 100000),
    category     varchar(40)   not null,
    tags         varchar(500)  not null default '',
    valid_from   date,
    valid_to     date,
    status       varchar(20)   not null check (status in ('DRAFT', 'APPROVED', 'PUBLISHED', 'SUPERSEDED', 'REJECTED')),
    written_by   varchar(100)  not null,
    written_at   timestamptz   not null,
    approved_by  varchar(100),
    approved_at  timestamptz,
    published_by varchar(100),
    published_at timestamptz,
    primary key (article_id, version),
    check (valid_to is null or valid_from is null or valid_to >= valid_from),
    check (approved_by is null or approved_by <> written_by or written_by = 'system')
);
create unique index knowledge_article_version_published on knowledge_article_version (article_id) where status = 'PUBLISHED';
create index knowledge_article_version_queue on knowledge_article_version (status) where status in ('DRAFT', 'APPROVED');

create table knowledge_attachment (
    id           bigserial primary key,
    article_id   bigint       not null references knowledge_article (id),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    content      bytea        not null,
    added_by     varchar(100) not null,
    added_at     timestamptz  not null default now()
);
create index knowledge_attachment_article on knowledge_attachment (article_id);

-- Synonym groups: every word of a group finds what any other word of it finds. A word belongs to
-- at most one group (the primary key), so groups never chain into one another.
create table knowledge_synonym_group (
    id         bigserial primary key,
    kind       varchar(20)  not null default 'SYNONYM' check (kind in ('SYNONYM', 'COLLOQUIAL')),
    created_by varchar(100) not null,
    created_at timestamptz  not null default now()
);
create table knowledge_synonym_word (
    word     varchar(40) primary key,
    group_id bigint      not null references knowledge_synonym_group (id) on delete cascade
);
create index knowledge_synonym_word_group on knowledge_synonym_word (group_id);

-- Every change to what search sees adds a row; each node polls for rows it has not applied.
create table knowledge_change (
    id         bigserial primary key,
    article_id bigint,
    what       varchar(20) not null,
    at         timestamptz not null default now()
);
