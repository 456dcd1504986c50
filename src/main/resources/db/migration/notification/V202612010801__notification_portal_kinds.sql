-- portal-b (issue 18): the one-time code of the public portal and the number of a request made
-- online, each with its first approved SMS template.
insert into notification_template (kind, channel, version, body, status, written_by, written_at, decided_by, decided_at, note) values
('PORTAL_CODE', 'SMS', 1, '您的验证码为{code}，10分钟内有效，请勿告诉他人。如非本人操作请忽略。', 'APPROVED', 'system', now(), 'system', now(), null),
('PORTAL_REQUEST_RECORDED', 'SMS', 1, '您在网上提交的诉求已登记，工单号{ticketNo}。凭工单号和本手机号可在网上查询进度，或致电{hotline}。', 'APPROVED', 'system', now(), 'system', now(), null);
