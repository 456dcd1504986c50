-- Messages to customers: templates with their approval, and the outbox.

-- One text per event (kind) and channel; a change is a new version, approved before it is used.
create table notification_template (
    id          bigserial primary key,
    kind        varchar(40)  not null,
    channel     varchar(20)  not null,
    version     int          not null,
    body        varchar(500) not null,
    status      varchar(20)  not null check (status in ('DRAFT', 'APPROVED', 'RETIRED', 'REJECTED')),
    written_by  varchar(100) not null,
    written_at  timestamptz  not null,
    decided_by  varchar(100),
    decided_at  timestamptz,
    note        varchar(500),
    unique (kind, channel, version)
);
create unique index notification_template_approved on notification_template (kind, channel) where status = 'APPROVED';

-- The outbox: a message is written in the transaction of the change that causes it and delivered
-- after it. dedup_key makes a repeated request or event queue once.
create table notification_message (
    id            bigserial primary key,
    kind          varchar(40)  not null,
    channel       varchar(20)  not null,
    customer_id   bigint,
    phone         varchar(20),
    ticket_no     varchar(40),
    outage_id     bigint,
    template_id   bigint references notification_template (id),
    body          varchar(1000) not null,
    status        varchar(20)  not null check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    skip_reason   varchar(20),
    urgent        boolean      not null default false,
    dedup_key     varchar(160) unique,
    attempts      int          not null default 0,
    not_before    timestamptz  not null,
    queued_at     timestamptz  not null,
    queued_by     varchar(100) not null,
    locked_by     varchar(100),
    locked_until  timestamptz,
    sent_at       timestamptz,
    provider_id   varchar(100),
    last_error    varchar(500),
    reply_text    varchar(500),
    replied_at    timestamptz
);
create index notification_message_due on notification_message (not_before, id) where status = 'QUEUED';
create index notification_message_sending on notification_message (locked_until) where status = 'SENDING';
create index notification_message_ticket on notification_message (ticket_no, id) where ticket_no is not null;
create index notification_message_outage on notification_message (outage_id, status) where outage_id is not null;
create index notification_message_queued on notification_message (queued_at desc, id desc);
create index notification_message_phone on notification_message (phone, sent_at desc) where status = 'SENT';

-- The first texts, approved by the system; the company's signature is put before each by the gateway.
insert into notification_template (kind, channel, version, body, status, written_by, written_at, decided_by, decided_at, note) values
('TICKET_RECORDED', 'SMS', 1, '您反映的问题已登记，工单号{ticketNo}。我们会尽快处理，查询进度请致电{hotline}。', 'APPROVED', 'system', now(), 'system', now(), null),
('TICKET_DISPATCHED', 'SMS', 1, '您的工单{ticketNo}已安排{technician}（工号{technicianNo}）上门，预计{window}前到达。如有变化请致电{hotline}。', 'APPROVED', 'system', now(), 'system', now(), null),
('TECHNICIAN_ARRIVED', 'SMS', 1, '{technician}已到达现场，处理您的工单{ticketNo}。', 'APPROVED', 'system', now(), 'system', now(), null),
('TICKET_RESOLVED', 'SMS', 1, '您的工单{ticketNo}已处理完毕：{result}。如仍有问题请致电{hotline}。', 'APPROVED', 'system', now(), 'system', now(), null),
('FOLLOW_UP', 'SMS', 1, '您的工单{ticketNo}已办结，请回复数字评价本次服务：1非常满意 2满意 3一般 4不满意。感谢您的支持！', 'APPROVED', 'system', now(), 'system', now(), null),
('COMPLAINT_REPLY', 'SMS', 1, '关于您的投诉（工单{ticketNo}）：{reply}。如有疑问请致电{hotline}。', 'APPROVED', 'system', now(), 'system', now(), null),
('SUGGESTION_REPLY', 'SMS', 1, '感谢您的建议（工单{ticketNo}）：{reply}', 'APPROVED', 'system', now(), 'system', now(), null),
('OUTAGE_PUBLISHED', 'SMS', 1, '{community}因{reason}暂停供热，预计{until}恢复，给您带来不便敬请谅解。咨询电话{hotline}。', 'APPROVED', 'system', now(), 'system', now(), null),
('OUTAGE_EXTENDED', 'SMS', 1, '{community}停热预计延长至{until}恢复，我们正在全力抢修，敬请谅解。咨询电话{hotline}。', 'APPROVED', 'system', now(), 'system', now(), null),
('OUTAGE_RESTORED', 'SMS', 1, '{community}已恢复供热，感谢您的理解。如家中仍不热请致电{hotline}。', 'APPROVED', 'system', now(), 'system', now(), null);
