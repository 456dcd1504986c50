package org.heatdesk.shift;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.heatdesk.network.Network;
import org.heatdesk.network.OutageView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The outages going on at the hand-over (情况清), past their expected restoration first. */
@Component
class HandoverOutagesSource implements HandoverSource {

	private final Network network;

	private final MessageSource messages;

	HandoverOutagesSource(Network network, MessageSource messages) {
		this.network = network;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "OUTAGES";
	}

	@Override
	public List<HandoverItem> items(long teamId, Instant at, Locale locale) {
		return network.openOutages().stream().filter(o -> o.activeAt(at) || o.upcomingAt(at)).map(o -> item(o, at, locale)).toList();
	}

	private HandoverItem item(OutageView o, Instant at, Locale locale) {
		String where = String.join("、", o.communityNames().isEmpty() ? o.substationCodes() : o.communityNames());
		String text = messages.getMessage(o.activeAt(at) ? "shift.handover.item.outage" : "shift.handover.item.outageUpcoming",
				new Object[] { o.title(), where }, locale);
		return new HandoverItem(name(), "SITUATION", "#" + o.id(), text, o.expectedRestoreAt(), o.overdueAt(at),
				"/network/outages/" + o.id());
	}
}
