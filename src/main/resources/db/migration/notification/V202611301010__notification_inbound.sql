-- Replies customers send to the gateway's number, matched or not: a reply that fits no message is
-- kept too, so that nothing a customer said is lost.
create table notification_inbound (
    id           bigserial primary key,
    provider_id  varchar(100) not null unique,
    phone        varchar(20)  not null,
    text         varchar(500) not null,
    received_at  timestamptz  not null,
    stored_at    timestamptz  not null,
    message_id   bigint references notification_message (id)
);
create index notification_inbound_received on notification_inbound (received_at desc, id desc);
