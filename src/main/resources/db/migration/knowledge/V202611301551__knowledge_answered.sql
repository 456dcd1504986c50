-- "This answered the caller": each mark an agent made, with the ticket or contact it was for. A
-- ticket (or a contact) counts once per article, however often it is marked; the article's
-- answered_count (created with the articles) is the number of these rows.
alter table knowledge_article add column if not exists answered_count int not null default 0;

create table knowledge_answered (
    id         bigserial primary key,
    article_id bigint not null references knowledge_article (id),
    ticket_no  varchar(40),
    contact_id bigint,
    marked_by  varchar(100) not null,
    marked_at  timestamptz not null,
    linked_at  timestamptz
);
create unique index knowledge_answered_ticket on knowledge_answered (article_id, ticket_no) where ticket_no is not null;
create unique index knowledge_answered_contact on knowledge_answered (article_id, contact_id) where contact_id is not null;
create index knowledge_answered_by_ticket on knowledge_answered (ticket_no) where ticket_no is not null;
create index knowledge_answered_recent on knowledge_answered (marked_at desc);
