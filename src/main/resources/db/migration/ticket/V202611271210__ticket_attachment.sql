-- Photos and letters on a ticket (JPEG, PNG, WebP, HEIC, PDF; at most 10 MB each), kept in the database.
-- The same file (same sha256) is stored once per ticket.
create table ticket_attachment (
    id           bigserial primary key,
    ticket_id    bigint not null references ticket (id),
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint not null,
    sha256       char(64) not null,
    content      bytea not null,
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamptz not null,
    constraint ticket_attachment_once unique (ticket_id, sha256)
);
