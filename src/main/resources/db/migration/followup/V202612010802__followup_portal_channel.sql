-- portal-b (issue 18): a customer may rate a resolved ticket on the public portal.
alter table followup_follow_up drop constraint followup_follow_up_channel_check;
alter table followup_follow_up add constraint followup_follow_up_channel_check
    check (channel in ('CALL', 'SMS_REPLY', 'PORTAL'));
