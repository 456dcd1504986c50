package org.heatdesk.ticket;

import org.heatdesk.platform.SqlValues;
import org.heatdesk.ticket.sla.SlaPolicy;
import org.heatdesk.ticket.sla.Deadlines;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** SQL for tickets, their timeline, transfers, notifications, categories and policies. */
@Repository
class TicketRepository {

	static final String OPEN = "('RECORDED','DISPATCHED','RESPONDED','REOPENED','PENDING_CUSTOMER')";

	/** The deadline of the next mark, in SQL (see {@link Lifecycle#nextMark}). */
	static final String NEXT_DUE = """
			case coalesce(case when t.status = 'PENDING_CUSTOMER' then t.status_before_pause end, t.status)
			  when 'RECORDED' then t.dispatch_due when 'REOPENED' then t.dispatch_due
			  when 'DISPATCHED' then t.respond_due when 'RESPONDED' then t.resolve_due end""";

	static final String NEXT_MARK = """
			case coalesce(case when t.status = 'PENDING_CUSTOMER' then t.status_before_pause end, t.status)
			  when 'RECORDED' then 'DISPATCHED' when 'REOPENED' then 'DISPATCHED'
			  when 'DISPATCHED' then 'RESPONDED' when 'RESPONDED' then 'RESOLVED' end""";

	private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

	private final JdbcClient jdbc;

	private final TransactionTemplate own;

	/** {@link #base} of the days this node has drawn numbers for. */
	private final Map<LocalDate, Long> bases = new ConcurrentHashMap<>();

	TicketRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	// ---- numbers

	/**
	 * The next number of {@code day}, drawn as intake draws it ({@link #insert}): the global
	 * {@code ticket_number} sequence less the day's base. Nothing is locked until commit; a number
	 * drawn by a transaction that rolls back is not given again (a gap).
	 */
	int nextNumber(LocalDate day) {
		return jdbc.sql("select nextval('ticket_number') - ?").param(base(day)).query(Long.class).single().intValue();
	}

	/**
	 * The value of {@code ticket_number} just before the day's number 1. Written once per day by
	 * whichever transaction needs it first, in a short transaction of its own (never under the
	 * caller's, so no ticket waits for another's commit), and remembered: it never changes. Every
	 * number of the day is drawn after its base is committed, hence above it.
	 */
	long base(LocalDate day) {
		Long known = bases.get(day);
		if (known != null) {
			return known;
		}
		// committed already (another ticket of the day, another node): no second connection needed
		long base = jdbc.sql("select base from ticket_day_start where day = ?").param(day).query(Long.class).optional()
			.orElseGet(() -> own.execute(s -> {
				// the lock keeps two first tickets of a day from both drawing a base (the loser's would be a gap)
				jdbc.sql("select pg_advisory_xact_lock(hashtext('ticket_day_start'), ?)")
					.param(day.getYear() * 10000 + day.getMonthValue() * 100 + day.getDayOfMonth())
					.query((rs, n) -> 1)
					.single();
				jdbc.sql("""
						insert into ticket_day_start (day, base) select ?, nextval('ticket_number')
						where not exists (select 1 from ticket_day_start where day = ?)
						on conflict (day) do nothing""").params(day, day).update();
				return jdbc.sql("select base from ticket_day_start where day = ?").param(day).query(Long.class).single();
			}));
		bases.put(day, base);
		return base;
	}

	// ---- tickets

	/**
	 * Records a ticket in one statement: draws the day's next number (see {@link #nextNumber}), inserts
	 * the ticket and its {@code RECORDED} timeline entry. Nothing is written, and no number is taken,
	 * when a ticket with the same idempotency key exists already ({@code Optional.empty()}); a
	 * concurrent insert of the same key still ends in the unique index's {@code DuplicateKeyException}
	 * (its number is then a gap).
	 */
	Optional<TicketRow> insert(String numberPrefix, LocalDate day, RecordTicket c, TicketStatus status, Long substationId,
			Long communityId, Long aboutStaffId, long firstResponderId, String firstResponder, Long assigneeTeamId,
			Long parentId, boolean incident, Long outageId, long policyId, Instant now, Deadlines due, String searchText) {
		return jdbc.sql("""
				with prior as (
				  select 1 from ticket where idempotency_key = ?::text
				), n as (
				  select nextval('ticket_number') - ?::bigint as day_no where not exists (select 1 from prior)
				), t as (
				  insert into ticket (ticket_no, type, category_id, priority, scope, channel, status, customer_id, caller_phone,
				    address, description, contact_phone, substation_id, community_id, about_staff_id,
				    first_responder_id, first_responder, assignee_id, assignee, assignee_team_id, parent_id, incident,
				    outage_id, policy_id, recorded_at, dispatch_due, respond_due, on_site_due, resolve_due,
				    idempotency_key, search_text)
				  select ?::text || lpad(n.day_no::text, greatest(4, length(n.day_no::text)), '0'), ?::text, ?::bigint,
				    ?::text, ?::text, ?::text, ?::text, ?::bigint, ?::text, ?::text, ?::text, ?::text, ?::bigint,
				    ?::bigint, ?::bigint, ?::bigint, ?::text, ?::bigint, ?::text, ?::bigint, ?::bigint, ?::boolean, ?::bigint,
				    ?::bigint, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?::text, ?::text
				  from n
				  returning *
				), e as (
				  insert into ticket_event (ticket_id, at, actor, kind, contact_id)
				  select t.id, t.recorded_at, t.first_responder, 'RECORDED', ?::bigint from t
				)
				select * from t""")
			.params(c.idempotencyKey(), base(day), numberPrefix, c.type().name(), c.categoryId(), c.priority().name(),
					c.scope().name(), c.channel().name(), status.name(), c.customerId(), c.callerPhone(), c.address(),
					c.description(), c.contactPhone(), substationId, communityId, aboutStaffId,
					firstResponderId, firstResponder, firstResponderId, firstResponder, assigneeTeamId, parentId, incident,
					outageId, policyId, SqlValues.ts(now), SqlValues.ts(due.dispatch()), SqlValues.ts(due.respond()), SqlValues.ts(due.onSite()),
					SqlValues.ts(due.resolve()), c.idempotencyKey(), searchText, c.contactId())
			.query(TICKET)
			.optional();
	}

	Optional<TicketRow> find(long id) {
		return jdbc.sql("select * from ticket t where t.id = ?").param(id).query(TICKET).optional();
	}

	Optional<TicketRow> findByNo(String ticketNo) {
		return jdbc.sql("select * from ticket t where t.ticket_no = ?").param(ticketNo).query(TICKET).optional();
	}

	Optional<TicketRow> findByKey(String key) {
		return jdbc.sql("select * from ticket t where t.idempotency_key = ?").param(key).query(TICKET).optional();
	}

	Optional<TicketRow> incidentForOutage(long outageId) {
		return jdbc.sql("select * from ticket t where t.incident and t.outage_id = ?").param(outageId).query(TICKET)
			.optional();
	}

	List<TicketRow> children(long parentId) {
		return jdbc.sql("select * from ticket t where t.parent_id = ? order by t.id").param(parentId).query(TICKET).list();
	}

	/**
	 * Saves the aggregate: every column a change may touch, guarded by the version it was loaded at,
	 * and the round a reopening ended. The sweep's columns (reminded and overdue mark, escalation
	 * level) change without the version, so only what the ticket changed of them is written. False (nothing written) when someone else changed it first.
	 * @param searchText the new search text, or {@code null} to keep it
	 */
	boolean save(Ticket t, String searchText) {
		boolean saved = jdbc.sql("""
				update ticket set status = ?, status_before_pause = ?, assignee_id = ?, assignee = ?, assignee_team_id = ?,
				  parent_id = ?, dispatched_at = ?, dispatched_by = ?, responded_at = ?, responded_by = ?, resolved_at = ?,
				  resolved_by = ?, result = ?, closed_at = ?, cancelled_at = ?, cancel_reason = ?, dispatch_due = ?,
				  respond_due = ?, on_site_due = ?, resolve_due = ?, paused_at = ?, paused_seconds = ?,
				  reminded_mark = case when ? then null else reminded_mark end,
				  overdue_mark = case when ? then null else overdue_mark end, escalation_level = escalation_level + ?,
				  search_text = coalesce(?, search_text), on_site_at = ?, on_site_by = ?, version = version + 1
				where id = ? and version = ?""")
			.params(t.status().name(), t.statusBeforePause() == null ? null : t.statusBeforePause().name(), t.assigneeId(),
					t.assignee(), t.assigneeTeamId(), t.parentId(), SqlValues.ts(t.dispatchedAt()), t.dispatchedBy(),
					SqlValues.ts(t.respondedAt()), t.respondedBy(), SqlValues.ts(t.resolvedAt()), t.resolvedBy(), t.result(), SqlValues.ts(t.closedAt()),
					SqlValues.ts(t.cancelledAt()), t.cancelReason(), SqlValues.ts(t.due().dispatch()), SqlValues.ts(t.due().respond()),
					SqlValues.ts(t.due().onSite()), SqlValues.ts(t.due().resolve()), SqlValues.ts(t.pausedAt()), t.pausedSeconds(), t.marksCleared(),
					t.marksCleared(), t.escalationsAdded(), searchText, SqlValues.ts(t.onSiteAt()), t.onSiteBy(), t.id(), t.version())
			.update() == 1;
		Ticket.Round r = t.endedRound();
		if (saved && r != null) {
			jdbc.sql("""
					insert into ticket_round (ticket_id, round, dispatch_due, dispatched_at, dispatched_by, respond_due,
					  responded_at, responded_by, on_site_due, resolve_due, resolved_at, resolved_by, result, closed_at,
					  reopened_at, reopened_by, reopen_reason, on_site_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(t.id(), r.round(), SqlValues.ts(r.due().dispatch()), SqlValues.ts(r.dispatchedAt()), r.dispatchedBy(),
						SqlValues.ts(r.due().respond()), SqlValues.ts(r.respondedAt()), r.respondedBy(), SqlValues.ts(r.due().onSite()),
						SqlValues.ts(r.due().resolve()), SqlValues.ts(r.resolvedAt()), r.resolvedBy(), r.result(), SqlValues.ts(r.closedAt()),
						SqlValues.ts(r.reopenedAt()), r.reopenedBy(), r.reopenReason(), SqlValues.ts(r.onSiteAt()))
				.update();
		}
		return saved;
	}

	/** The rounds a ticket's reopenings ended, first first. */
	List<Ticket.Round> rounds(long ticketId) {
		return jdbc.sql("select * from ticket_round where ticket_id = ? order by round").param(ticketId)
			.query((rs, n) -> new Ticket.Round(rs.getInt("round"),
					new Deadlines(SqlValues.instant(rs, "dispatch_due"), SqlValues.instant(rs, "respond_due"), SqlValues.instant(rs, "on_site_due"),
							SqlValues.instant(rs, "resolve_due")),
					SqlValues.instant(rs, "dispatched_at"), rs.getString("dispatched_by"), SqlValues.instant(rs, "responded_at"),
					rs.getString("responded_by"), SqlValues.instant(rs, "resolved_at"), rs.getString("resolved_by"),
					rs.getString("result"), SqlValues.instant(rs, "closed_at"), SqlValues.instant(rs, "reopened_at"), rs.getString("reopened_by"),
					rs.getString("reopen_reason"), SqlValues.instant(rs, "on_site_at")))
			.list();
	}

	/** How many rounds of the ticket have ended. */
	int roundsEnded(long ticketId) {
		return jdbc.sql("select count(*) from ticket_round where ticket_id = ?").param(ticketId).query(Integer.class).single();
	}

	/** Runs an update guarded by the ticket's version; false when someone else changed it first. */
	boolean update(long id, int version, String assignments, Object... params) {
		List<Object> all = new ArrayList<>(Arrays.asList(params));
		all.add(id);
		all.add(version);
		return jdbc.sql("update ticket set " + assignments + ", version = version + 1 where id = ? and version = ?")
			.params(all)
			.update() == 1;
	}

	/** An update by the deadline sweep that does not touch the version (no user edit races with it). */
	void updateQuietly(long id, String assignments, Object... params) {
		List<Object> all = new ArrayList<>(Arrays.asList(params));
		all.add(id);
		jdbc.sql("update ticket set " + assignments + " where id = ?").params(all).update();
	}

	List<TicketRow> mine(long staffId, boolean openOnly, int limit) {
		return jdbc.sql("select * from ticket t where (t.first_responder_id = :me or t.assignee_id = :me)"
				+ (openOnly ? " and t.status in " + OPEN : "") + " order by t.recorded_at desc limit :limit")
			.param("me", staffId)
			.param("limit", limit)
			.query(TICKET)
			.list();
	}

	List<TicketRow> teamQueue(long teamId, int limit) {
		return jdbc.sql("select * from ticket t where t.assignee_team_id = ? and t.status in " + OPEN
				+ " order by (" + NEXT_DUE + ") nulls last limit ?").params(teamId, limit).query(TICKET).list();
	}

	List<TicketRow> overdue(Instant now, int limit) {
		return jdbc.sql("select * from ticket t where t.status in ('RECORDED','DISPATCHED','RESPONDED','REOPENED') and ("
				+ NEXT_DUE + ") < ? order by (" + NEXT_DUE + ") limit ?").params(SqlValues.ts(now), limit).query(TICKET).list();
	}

	/** A row of {@link #waitingForField}: the ticket as the board sees it, and its category to be named. */
	record WaitingRow(WaitingTicket ticket, Long categoryId) {
	}

	/**
	 * The dispatch board's tickets: when {@code waiting}, the first {@code limit} repair tickets recorded
	 * or reopened that hang under no parent, by their dispatch deadline (index
	 * {@code ticket_waiting_for_field}); and the open tickets numbered {@code ticketNos}. Complaints about
	 * {@code hiddenFrom} are left out (6.7).
	 */
	List<WaitingRow> waitingForField(boolean waiting, Collection<String> ticketNos, long hiddenFrom, int limit) {
		String columns = """
				select t.id, t.ticket_no, t.type, t.category_id, t.priority, t.status, t.substation_id, t.community_id,
				  t.address, t.description, t.recorded_at, t.dispatch_due, t.on_site_due, t.incident, t.outage_id, t.version,
				  (select count(*) from ticket c where c.parent_id = t.id and c.status in """ + OPEN + """
				) as children
				from ticket t""";
		List<String> parts = new ArrayList<>();
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("me", hiddenFrom);
		if (waiting) {
			parts.add("(" + columns + " " + """
					where t.type = 'REPAIR' and t.status in ('RECORDED','REOPENED') and t.parent_id is null
					  and t.about_staff_id is distinct from :me order by t.dispatch_due, t.id limit :limit)""");
			params.put("limit", limit);
		}
		if (ticketNos != null && !ticketNos.isEmpty()) {
			parts.add("(" + columns + " where t.ticket_no in (:nos) and t.status in " + OPEN
					+ " and t.about_staff_id is distinct from :me)");
			params.put("nos", ticketNos);
		}
		if (parts.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(String.join(" union ", parts)).params(params)
			.query((rs, n) -> new WaitingRow(new WaitingTicket(rs.getLong("id"), rs.getString("ticket_no"),
					enumOf(TicketType.class, rs.getString("type")), null, null, enumOf(Priority.class, rs.getString("priority")),
					enumOf(TicketStatus.class, rs.getString("status")), nullableLong(rs, "substation_id"),
					nullableLong(rs, "community_id"), rs.getString("address"), rs.getString("description"),
					SqlValues.instant(rs, "recorded_at"), SqlValues.instant(rs, "dispatch_due"), SqlValues.instant(rs, "on_site_due"),
					rs.getBoolean("incident"), nullableLong(rs, "outage_id"), rs.getInt("children"), rs.getInt("version")),
					nullableLong(rs, "category_id")))
			.list();
	}

	List<TicketRow> openForCustomer(long customerId) {
		return jdbc.sql("select * from ticket t where t.customer_id = ? and t.status in " + OPEN
				+ " order by t.recorded_at desc").param(customerId).query(TICKET).list();
	}

	/** A customer's tickets (by the index on the customer), or without one those of the address. */
	List<TicketRow> history(Long customerId, String address, String exceptNo, long hiddenFrom, int limit) {
		String where = customerId != null ? "t.customer_id = ?" : "t.customer_id is null and t.address = ?";
		return jdbc.sql("select * from ticket t where " + where
				+ " and t.ticket_no <> ? and t.about_staff_id is distinct from ? order by t.recorded_at desc limit ?")
			.params(customerId != null ? customerId : address, exceptNo == null ? "" : exceptNo, hiddenFrom, limit)
			.query(TICKET)
			.list();
	}

	/**
	 * Search, newest first: {@code words} are pre-segmented terms matched in the description and
	 * result. Complaints about {@code hiddenFrom} are left out (6.7). {@code before}, a ticket id,
	 * continues a list after that ticket (keyset paging: a page does not shift when tickets arrive).
	 */
	List<TicketRow> search(String words, String ticketNo, TicketType type, TicketStatus status, Priority priority,
			Long categoryId, Instant from, Instant to, long hiddenFrom, Long before, int limit) {
		StringBuilder sql = new StringBuilder("select * from ticket t where t.about_staff_id is distinct from ?");
		List<Object> params = new ArrayList<>();
		params.add(hiddenFrom);
		if (before != null) {
			sql.append(" and (t.recorded_at, t.id) < (select b.recorded_at, b.id from ticket b where b.id = ?)");
			params.add(before);
		}
		if (words != null && !words.isBlank()) {
			sql.append(" and to_tsvector('simple', t.search_text) @@ plainto_tsquery('simple', ?)");
			params.add(words);
		}
		if (ticketNo != null) {
			sql.append(" and t.ticket_no = ?");
			params.add(ticketNo);
		}
		if (type != null) {
			sql.append(" and t.type = ?");
			params.add(type.name());
		}
		if (status != null) {
			sql.append(" and t.status = ?");
			params.add(status.name());
		}
		if (priority != null) {
			sql.append(" and t.priority = ?");
			params.add(priority.name());
		}
		if (categoryId != null) {
			sql.append(" and t.category_id = ?");
			params.add(categoryId);
		}
		if (from != null) {
			sql.append(" and t.recorded_at >= ?");
			params.add(SqlValues.ts(from));
		}
		if (to != null) {
			sql.append(" and t.recorded_at < ?");
			params.add(SqlValues.ts(to));
		}
		sql.append(" order by t.recorded_at desc, t.id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(TICKET).list();
	}

	/** Open tickets whose next deadline falls before {@code until}, for the sweep. */
	/** Open tickets whose next deadline is within their policy version's reminder lead of {@code now}, or past. */
	List<TicketRow> dueBefore(Instant now, int limit) {
		return jdbc.sql("select t.* from ticket t join ticket_policy p on p.id = t.policy_id"
				+ " where t.status in ('RECORDED','DISPATCHED','RESPONDED','REOPENED') and (" + NEXT_DUE
				+ ") < cast(? as timestamptz) + make_interval(mins => p.remind_minutes) and (t.overdue_mark is distinct from (" + NEXT_MARK
				+ ") or t.reminded_mark is distinct from (" + NEXT_MARK + ")) order by (" + NEXT_DUE + ") limit ?")
			.params(SqlValues.ts(now), limit)
			.query(TICKET)
			.list();
	}

	long countOpen() {
		return jdbc.sql("select count(*) from ticket t where t.status in " + OPEN).query(Long.class).single();
	}

	// ---- timeline

	void addEvent(long ticketId, Instant at, String actor, String kind, String detail, Long contactId) {
		jdbc.sql("insert into ticket_event (ticket_id, at, actor, kind, detail, contact_id) values (?, ?, ?, ?, ?, ?)")
			.params(ticketId, SqlValues.ts(at), actor, kind, detail, contactId)
			.update();
	}

	List<TimelineEntry> timeline(long ticketId) {
		return jdbc.sql("select id, at, actor, kind, detail, contact_id from ticket_event where ticket_id = ? order by at, id")
			.param(ticketId)
			.query((rs, n) -> new TimelineEntry(rs.getLong(1), SqlValues.instant(rs, "at"), rs.getString(3), rs.getString(4),
					rs.getString(5), nullableLong(rs, "contact_id")))
			.list();
	}

	// ---- notifications

	void notify(long staffId, long ticketId, String kind, String detail, Instant at) {
		// a notice is a pointer to the ticket: a long note or reason (up to 1000) is cut to the column's 500
		String d = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 499) + "…";
		jdbc.sql("insert into ticket_notification (staff_id, ticket_id, kind, detail, created_at) values (?, ?, ?, ?, ?)")
			.params(staffId, ticketId, kind, d, SqlValues.ts(at))
			.update();
	}

	List<Notification> unread(long staffId, int limit) {
		return jdbc.sql("""
				select n.id, n.ticket_id, t.ticket_no, n.kind, n.detail, n.created_at from ticket_notification n
				join ticket t on t.id = n.ticket_id where n.staff_id = ? and n.read_at is null order by n.id desc limit ?""")
			.params(staffId, limit)
			.query((rs, i) -> new Notification(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), SqlValues.instant(rs, "created_at")))
			.list();
	}

	int markRead(long staffId, Instant at) {
		return jdbc.sql("update ticket_notification set read_at = ? where staff_id = ? and read_at is null")
			.params(SqlValues.ts(at), staffId)
			.update();
	}

	// ---- transfers

	long insertTransfer(long ticketId, String kind, long fromStaffId, String fromStaff, Long toStaffId, Long toTeamId,
			String reason, Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into ticket_transfer (ticket_id, kind, from_staff_id, from_staff, to_staff_id, to_team_id, reason, status, requested_at)
				values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
			.params(ticketId, kind, fromStaffId, fromStaff, toStaffId, toTeamId, reason, SqlValues.ts(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Transfer> transfer(long id) {
		return jdbc.sql("select * from ticket_transfer where id = ?").param(id).query(TRANSFER).optional();
	}

	Optional<Transfer> pendingTransfer(long ticketId) {
		return jdbc.sql("select * from ticket_transfer where ticket_id = ? and status = 'PENDING'").param(ticketId)
			.query(TRANSFER)
			.optional();
	}

	List<Transfer> transfers(long ticketId) {
		return jdbc.sql("select * from ticket_transfer where ticket_id = ? order by id").param(ticketId).query(TRANSFER).list();
	}

	/** Pending transfers addressed to {@code staffId} or to their team. */
	List<Transfer> awaiting(long staffId, Long teamId) {
		return jdbc.sql("select * from ticket_transfer where status = 'PENDING' and (to_staff_id = ? or (to_staff_id is null and to_team_id = ?)) order by id")
			.params(staffId, teamId)
			.query(TRANSFER)
			.list();
	}

	/** Decides a pending transfer; false when it was no longer pending. */
	boolean decide(long transferId, String status, String by, String declineReason, Instant at) {
		return jdbc.sql("update ticket_transfer set status = ?, decided_by = ?, decline_reason = ?, decided_at = ? where id = ? and status = 'PENDING'")
			.params(status, by, declineReason, SqlValues.ts(at), transferId)
			.update() == 1;
	}

	// ---- categories

	List<Category> categories() {
		return jdbc.sql("select * from ticket_category order by type, sort, id").query(CATEGORY).list();
	}

	long insertCategory(TicketType type, Long parentId, String code, String nameZh, String nameEn, String keywords, int sort) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into ticket_category (type, parent_id, code, name_zh, name_en, keywords, sort) values (?, ?, ?, ?, ?, ?, ?)")
			.params(type.name(), parentId, code, nameZh, nameEn, keywords, sort)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void setCategoryActive(long id, boolean active) {
		jdbc.sql("update ticket_category set active = ? where id = ?").params(active, id).update();
	}

	// ---- policies

	long currentPolicyId() {
		return jdbc.sql("select id from ticket_policy order by version desc limit 1").query(Long.class).single();
	}

	List<Long> policyIds() {
		return jdbc.sql("select id from ticket_policy order by version desc").query(Long.class).list();
	}

	Optional<SlaPolicy> policy(long id) {
		List<SlaPolicy.Rule> rules = jdbc.sql("select * from ticket_policy_rule where policy_id = ? order by id")
			.param(id)
			.query((rs, n) -> new SlaPolicy.Rule(TicketType.valueOf(rs.getString("type")), nullableLong(rs, "category_id"),
					rs.getString("priority") == null ? null : Priority.valueOf(rs.getString("priority")),
					rs.getString("scope") == null ? null : TicketScope.valueOf(rs.getString("scope")),
					rs.getString("dispatch_limit"), rs.getString("respond_limit"), rs.getString("on_site_limit"),
					rs.getString("resolve_limit")))
			.list();
		return jdbc.sql("select * from ticket_policy where id = ?").param(id)
			.query((rs, n) -> new SlaPolicy(rs.getLong("id"), rs.getInt("version"), rs.getString("note"),
					MonthDay.parse("--" + rs.getString("season_start")), MonthDay.parse("--" + rs.getString("season_end")),
					rs.getTime("work_start").toLocalTime(), rs.getTime("work_end").toLocalTime(),
					Arrays.stream(rs.getString("work_days").split(",")).map(String::strip).map(Integer::parseInt)
						.map(DayOfWeek::of).collect(Collectors.toSet()),
					rs.getString("created_by"), SqlValues.instant(rs, "created_at"), rules, rs.getInt("remind_minutes")))
			.optional();
	}

	long insertPolicy(SlaPolicy p, Instant at) {
		int version = jdbc.sql("select coalesce(max(version), 0) + 1 from ticket_policy").query(Integer.class).single();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into ticket_policy (version, note, season_start, season_end, work_start, work_end, work_days, created_by,
				                           created_at, remind_minutes)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(version, p.note(), MONTH_DAY.format(p.seasonStart()), MONTH_DAY.format(p.seasonEnd()),
					java.sql.Time.valueOf(p.workStart()), java.sql.Time.valueOf(p.workEnd()),
					p.workDays().stream().map(DayOfWeek::getValue).sorted().map(String::valueOf).collect(Collectors.joining(",")),
					p.createdBy(), SqlValues.ts(at), p.remindMinutes())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (SlaPolicy.Rule r : p.rules()) {
			jdbc.sql("""
					insert into ticket_policy_rule (policy_id, type, category_id, priority, scope, dispatch_limit, respond_limit, on_site_limit, resolve_limit)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, r.type().name(), r.categoryId(), r.priority() == null ? null : r.priority().name(),
						r.scope() == null ? null : r.scope().name(), r.dispatchLimit(), r.respondLimit(), r.onSiteLimit(),
						r.resolveLimit())
				.update();
		}
		return id;
	}

	// ---- mapping



	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
		return value == null ? null : Enum.valueOf(type, value);
	}

	static final RowMapper<TicketRow> TICKET = (rs, n) -> new TicketRow(rs.getLong("id"), rs.getString("ticket_no"),
			enumOf(TicketType.class, rs.getString("type")), nullableLong(rs, "category_id"),
			enumOf(Priority.class, rs.getString("priority")), enumOf(TicketScope.class, rs.getString("scope")),
			enumOf(Channel.class, rs.getString("channel")), enumOf(TicketStatus.class, rs.getString("status")),
			enumOf(TicketStatus.class, rs.getString("status_before_pause")), nullableLong(rs, "customer_id"),
			rs.getString("caller_phone"), rs.getString("address"), rs.getString("description"),
			rs.getString("contact_phone"), nullableLong(rs, "substation_id"),
			nullableLong(rs, "community_id"), nullableLong(rs, "about_staff_id"), rs.getLong("first_responder_id"),
			rs.getString("first_responder"), nullableLong(rs, "assignee_id"), rs.getString("assignee"),
			nullableLong(rs, "assignee_team_id"), nullableLong(rs, "parent_id"), rs.getBoolean("incident"),
			nullableLong(rs, "outage_id"), rs.getLong("policy_id"), SqlValues.instant(rs, "recorded_at"),
			SqlValues.instant(rs, "dispatched_at"), rs.getString("dispatched_by"), SqlValues.instant(rs, "responded_at"),
			rs.getString("responded_by"), SqlValues.instant(rs, "resolved_at"), rs.getString("resolved_by"), rs.getString("result"),
			SqlValues.instant(rs, "closed_at"), SqlValues.instant(rs, "cancelled_at"), rs.getString("cancel_reason"),
			new Deadlines(SqlValues.instant(rs, "dispatch_due"), SqlValues.instant(rs, "respond_due"), SqlValues.instant(rs, "on_site_due"),
					SqlValues.instant(rs, "resolve_due")),
			SqlValues.instant(rs, "paused_at"), rs.getLong("paused_seconds"), rs.getString("reminded_mark"),
			rs.getString("overdue_mark"), rs.getInt("escalation_level"), rs.getInt("version"),
			SqlValues.instant(rs, "on_site_at"), rs.getString("on_site_by"));

	static final RowMapper<Transfer> TRANSFER = (rs, n) -> new Transfer(rs.getLong("id"), rs.getLong("ticket_id"),
			rs.getString("kind"), rs.getLong("from_staff_id"), rs.getString("from_staff"), nullableLong(rs, "to_staff_id"),
			nullableLong(rs, "to_team_id"), rs.getString("reason"), rs.getString("status"), SqlValues.instant(rs, "requested_at"),
			SqlValues.instant(rs, "decided_at"), rs.getString("decided_by"), rs.getString("decline_reason"));

	static final RowMapper<Category> CATEGORY = (rs, n) -> new Category(rs.getLong("id"),
			TicketType.valueOf(rs.getString("type")), nullableLong(rs, "parent_id"), rs.getString("code"),
			rs.getString("name_zh"), rs.getString("name_en"), rs.getString("keywords"), rs.getBoolean("active"),
			rs.getInt("sort"));


	List<String> numbersRecordedSince(java.time.Instant since, int limit) {
		return jdbc.sql("select ticket_no from ticket where recorded_at >= ? order by recorded_at, id limit ?")
			.params(java.sql.Timestamp.from(since), limit)
			.query(String.class)
			.list();
	}
}
