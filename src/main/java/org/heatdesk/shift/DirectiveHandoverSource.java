package org.heatdesk.shift;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The hand-over's directives: the team's directives from superiors not yet fed back (交接清: they
 * pass to the incoming shift), in deadline order as {@link Directives#open} reads them, which is
 * overdue first.
 */
@Component
class DirectiveHandoverSource implements HandoverSource {

	private final Directives directives;

	private final TeamLogPeople people;

	private final MessageSource messages;

	DirectiveHandoverSource(Directives directives, TeamLogPeople people, MessageSource messages) {
		this.directives = directives;
		this.people = people;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "DIRECTIVES";
	}

	@Override
	public List<HandoverItem> items(long teamId, Instant at, Locale locale) {
		return directives.open(teamId).stream()
			.filter(d -> !d.givenAt().isAfter(at))
			.map(d -> new HandoverItem(name(), "HANDOVER", d.title(),
					messages.getMessage("shift.handover.directive",
							new Object[] { d.title(), d.fromWhom(), people.name(d.ownerId()),
									messages.getMessage("shift.directives.status." + d.status(), null, locale) },
							locale),
					d.dueAt(), d.dueAt().isBefore(at), "/shift/directives#directive-" + d.id()))
			.toList();
	}
}
