package org.heatdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.heatdesk.staff.StaffView;
import org.heatdesk.ticket.sla.DueTickets;
import org.springframework.stereotype.Component;

/** The deadline sweep's view of the tickets ({@link DueTickets}), over the package's repository. */
@Component
class DueTicketStore implements DueTickets {

	private final TicketRepository repository;

	private final TicketSupport support;

	DueTicketStore(TicketRepository repository, TicketSupport support) {
		this.repository = repository;
		this.support = support;
	}

	@Override
	public List<Due> dueBefore(Instant now, int limit) {
		return repository.dueBefore(now, limit).stream().map(r -> {
			Mark mark = r.nextMark();
			return new Due(r.id(), r.ticketNo(), mark == null ? null : mark.name(), r.nextDeadline(), r.remindedMark(),
					r.overdueMark(), r.assigneeId(), r.firstResponderId(), r.assigneeTeamId(), r.aboutStaffId());
		}).toList();
	}

	@Override
	public void reminded(long ticketId, String mark) {
		repository.updateQuietly(ticketId, "reminded_mark = ?", mark);
	}

	@Override
	public void overdue(long ticketId, String mark) {
		repository.updateQuietly(ticketId, "overdue_mark = ?, reminded_mark = ?, escalation_level = escalation_level + 1",
				mark, mark);
	}

	@Override
	public Optional<StaffView> leadFor(Due ticket) {
		return support.leadFor(ticket.teamId(), ticket.aboutStaffId(), null);
	}

	@Override
	public void notify(long staffId, long ticketId, String kind, String detail, Instant at) {
		repository.notify(staffId, ticketId, kind, detail, at);
	}

	@Override
	public void addEvent(long ticketId, Instant at, String actor, String kind, String detail) {
		repository.addEvent(ticketId, at, actor, kind, detail, null);
	}
}
