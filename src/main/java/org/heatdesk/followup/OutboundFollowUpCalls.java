package org.heatdesk.followup;

import java.util.Locale;

import org.heatdesk.contact.OutboundCall;
import org.heatdesk.contact.OutboundCalls;
import org.heatdesk.platform.Actor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The follow-up's call through the contact module's outbound calls (an OUTBOUND contact linked to the ticket). */
@Component
class OutboundFollowUpCalls implements FollowUpCalls {

	private final OutboundCalls calls;

	private final MessageSource messages;

	OutboundFollowUpCalls(OutboundCalls calls, MessageSource messages) {
		this.calls = calls;
		this.messages = messages;
	}

	@Override
	public StartedCall start(Actor by, long staffId, String ticketNo, Long customerId, String phone) {
		// the contact's summary is a record of the center: in Chinese
		String purpose = messages.getMessage("followup.call.purpose", new Object[] { ticketNo }, Locale.SIMPLIFIED_CHINESE);
		OutboundCall c = calls.start(by, staffId, ticketNo, customerId, customerId == null ? phone : null, purpose);
		return new StartedCall(c.contactId(), c.extension(), c.maskedPhone(), c.status());
	}
}
