package org.heatdesk.ticket;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.SqlValues;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rework (standard 10.3): a repair for the same customer — or, when the ticket names no customer,
 * the same address — and the same category, recorded within {@link #WINDOW} of the resolution of
 * the one before, means the first repair did not hold. The flag is set when the second ticket is
 * recorded, in the same transaction (a listener of {@link TicketRecorded}), and shown on both
 * tickets; {@link #count} gives the figure for a report.
 */
@Service
public class Rework {

	/** How long after a repair's resolution a new repair of the same kind counts as rework. */
	public static final Duration WINDOW = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Rework(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * A ticket's rework link: {@code ticketNo} is the rework of {@code previousNo}, recorded
	 * {@code recordedAt}, the earlier one resolved at {@code previousResolvedAt}.
	 */
	public record Link(String ticketNo, String previousNo, Instant previousResolvedAt, Instant recordedAt) {
	}

	/** What a ticket page shows: the earlier repair this ticket reworks, and the later ones that rework it. */
	public record Flags(Optional<Link> reworkOf, List<Link> reworkedBy) {

		public boolean any() {
			return reworkOf.isPresent() || !reworkedBy.isEmpty();
		}
	}

	@EventListener
	void on(TicketRecorded event) {
		if (event.type() != TicketType.REPAIR) {
			return;
		}
		// the latest resolved repair of the same kind for the customer (or the address), resolved at most 7 days before
		Optional<long[]> previous = jdbc.sql("""
				select p.id, n.id from ticket n
				join ticket p on p.id <> n.id and p.type = 'REPAIR' and p.category_id = n.category_id
				  and p.status in ('RESOLVED', 'CLOSED') and p.resolved_at is not null
				  and p.resolved_at <= n.recorded_at and p.resolved_at >= n.recorded_at - cast(:window as interval)
				  and ((n.customer_id is not null and p.customer_id = n.customer_id)
				    or (n.customer_id is null and n.address is not null and p.address = n.address))
				where n.id = :id and n.type = 'REPAIR' and n.category_id is not null
				order by p.resolved_at desc, p.id desc limit 1""")
			.param("window", WINDOW.toSeconds() + " seconds")
			.param("id", event.ticketId())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.optional();
		previous.ifPresent(ids -> flag(event, ids[0]));
	}

	private void flag(TicketRecorded event, long previousId) {
		String previousNo = jdbc.sql("select ticket_no from ticket where id = ?").param(previousId).query(String.class).single();
		int inserted = jdbc.sql("""
				insert into ticket_rework (ticket_id, previous_ticket_id, previous_resolved_at, recorded_at)
				select ?, p.id, p.resolved_at, ? from ticket p where p.id = ?
				on conflict (ticket_id) do nothing""")
			.params(event.ticketId(), Timestamp.from(event.recordedAt()), previousId)
			.update();
		if (inserted == 0) {
			return;
		}
		Instant now = event.recordedAt();
		Actor system = Actor.system("rework");
		jdbc.sql("insert into ticket_event (ticket_id, at, actor, kind, detail) values (?, ?, ?, 'REWORK_OF', ?)")
			.params(event.ticketId(), Timestamp.from(now), system.name(), previousNo)
			.update();
		jdbc.sql("insert into ticket_event (ticket_id, at, actor, kind, detail) values (?, ?, ?, 'REWORKED_BY', ?)")
			.params(previousId, Timestamp.from(now), system.name(), event.ticketNo())
			.update();
		audit.record(system, "TICKET_REWORK_FLAGGED", "ticket", event.ticketNo(), null,
				Map.of("previous", previousNo));
	}

	/** The rework flags of a ticket, for its page. */
	@Transactional(readOnly = true)
	public Flags flags(String ticketNo) {
		List<Link> links = jdbc.sql("""
				select n.ticket_no, p.ticket_no, r.previous_resolved_at, r.recorded_at
				from ticket_rework r join ticket n on n.id = r.ticket_id join ticket p on p.id = r.previous_ticket_id
				where n.ticket_no = :no or p.ticket_no = :no
				order by r.recorded_at""")
			.param("no", ticketNo)
			.query((rs, n) -> new Link(rs.getString(1), rs.getString(2), SqlValues.instant(rs, "previous_resolved_at"),
					SqlValues.instant(rs, "recorded_at")))
			.list();
		return new Flags(links.stream().filter(l -> l.ticketNo().equals(ticketNo)).findFirst(),
				links.stream().filter(l -> l.previousNo().equals(ticketNo)).toList());
	}

	/**
	 * How many repairs recorded from {@code from} (included) to {@code to} (excluded) were rework (standard 10.3's figure): each
	 * rework ticket counts once, by the time it was recorded.
	 */
	@Transactional(readOnly = true)
	public long count(Instant from, Instant to) {
		return jdbc.sql("select count(*) from ticket_rework where recorded_at >= ? and recorded_at < ?")
			.params(Timestamp.from(from), Timestamp.from(to))
			.query(Long.class)
			.single();
	}
}
