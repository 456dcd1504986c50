package org.heatdesk.reporting;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

import org.heatdesk.platform.Company;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The figures of the modules already built (issue 15): one bean per code, each the SQL of its cases
 * (see {@link SqlFigure} for the columns). Every case is counted on the day its outcome is settled:
 * a mark on the day its deadline falls, a call on the day it rang, a closing on the day it closed.
 * The definitions (article, unit, direction, default target) are the catalogue's.
 */
@Configuration(proxyBeanMethods = false)
class LandedFigures {

	/** The scopes of a ticket: its first responder, his team, its substation and community. */
	static final Set<ScopeKind> TICKET = EnumSet.allOf(ScopeKind.class);

	/** The scopes of a call: the agent who answered it and his team. */
	static final Set<ScopeKind> CALL = EnumSet.of(ScopeKind.COMPANY, ScopeKind.TEAM, ScopeKind.AGENT);

	static final Set<ScopeKind> COMPANY = EnumSet.of(ScopeKind.COMPANY);

	static final Set<ScopeKind> NETWORK = EnumSet.of(ScopeKind.COMPANY, ScopeKind.SUBSTATION, ScopeKind.COMMUNITY);

	private static final String TICKET_SCOPES = "t.first_responder_id as agent_id, fr.team_id as team_id, t.substation_id, t.community_id";

	private static final String FIRST_RESPONDER = " left join staff_member fr on fr.id = t.first_responder_id ";

	private static final String TICKET_LINK = "t.ticket_no as ref, '/tickets/' || t.ticket_no as link";

	/**
	 * What a ticket's case reads of its row, selected once by the case's own query: its scopes and its
	 * number (reading the row a second time by its id doubled a day's work over a scattered table).
	 */
	private static final String TICKET_ROW = "t.id, t.ticket_no, t.first_responder_id, t.substation_id, t.community_id";

	private final ReportingReads reads;

	private final Company company;

	private final MessageSource messages;

	LandedFigures(ReportingReads reads, Company company, MessageSource messages) {
		this.reads = reads;
		this.company = company;
		this.messages = messages;
	}

	private SqlFigure figure(String code, Set<ScopeKind> scopes, String kind, String cases) {
		FigureDefinition c = FigureCatalogue.find(code);
		BigDecimal target = c.defaultTarget();
		return new SqlFigure(new FigureDefinition(code, c.article(), c.unit(), c.higherIsBetter(), target, scopes), kind, cases,
				reads, company.zone(), messages);
	}

	private static String hhmm(String column) {
		return "coalesce(to_char(" + column + " at time zone :tz, 'MM-DD HH24:MI'), '—')";
	}

	/**
	 * A ticket's case, kept or not: {@code cases} selects the ticket's {@link #TICKET_ROW}, the time
	 * {@code at_} it is counted at and whether it {@code kept} the rule; each case links to its ticket.
	 */
	private SqlFigure ticketKept(String code, String cases) {
		return figure(code, TICKET, "ticket", """
				select %s, case when t.kept then 1 else 0 end as num, 1 as den, null::int as minutes, t.kept as ok, %s,
				  t.at_ as at, null as note
				from (
				%s
				) t %s"""
			.formatted(TICKET_SCOPES, TICKET_LINK, cases.replace("TICKET_ROW", TICKET_ROW), FIRST_RESPONDER));
	}

	// 7(三): an inbound call rang on the day; the limit's verdict is the contact module's (within_limit)
	@Bean
	ComplianceFigure callsAnsweredInLimit() {
		return figure("calls.answered-in-limit", CALL, "call", """
				select k.answered_staff_id as agent_id, s.team_id, null::bigint as substation_id, null::bigint as community_id,
				  case when k.within_limit then 1 else 0 end as num, 1 as den, null::int as minutes, k.within_limit as ok,
				  to_char(k.first_ring_at at time zone :tz, 'MM-DD HH24:MI:SS') || ' ****' || right(coalesce(k.caller, ''), 4) as ref,
				  k.first_ring_at as at, '/calls/' || k.id as link,
				  case when k.abandoned then '✕' else round(coalesce(k.ring_ms, 0) / 1000.0) || ' s' end as note
				from contact_call k left join staff_member s on s.id = k.answered_staff_id
				where k.direction = 'INBOUND' and k.first_ring_at >= :from and k.first_ring_at < :to and k.within_limit is not null""");
	}

	// 7(三): an inbound call rang on the day and the caller hung up before anyone answered
	@Bean
	ComplianceFigure callsAbandoned() {
		return figure("calls.abandoned", COMPANY, "call", """
				select null::bigint as agent_id, null::bigint as team_id, null::bigint as substation_id, null::bigint as community_id,
				  case when k.abandoned then 1 else 0 end as num, 1 as den, null::int as minutes, not k.abandoned as ok,
				  to_char(k.first_ring_at at time zone :tz, 'MM-DD HH24:MI:SS') || ' ****' || right(coalesce(k.caller, ''), 4) as ref,
				  k.first_ring_at as at, '/calls/' || k.id as link, round(coalesce(k.ring_ms, 0) / 1000.0) || ' s' as note
				from contact_call k
				where k.direction = 'INBOUND' and k.first_ring_at >= :from and k.first_ring_at < :to
				  and k.status not in ('RINGING', 'TALKING')""");
	}

	/**
	 * A mark reached within its deadline, counted on the day the deadline falls, every round (the
	 * ended rounds of a reopened ticket from ticket_round). A ticket cancelled before the deadline owes
	 * nothing; a ticket waiting for the customer at the deadline is counted when its moved deadline falls.
	 */
	private SqlFigure mark(String code, String due, String at) {
		return figure(code, TICKET, "ticket", """
				select %s, case when t.at_ <= t.due then 1 else 0 end as num, 1 as den, null::int as minutes,
				  coalesce(t.at_ <= t.due, false) as ok, %s, t.due as at, %s || ' → ' || %s as note
				from (
				  select %s, t.%2$s as due, t.%3$s as at_ from ticket t
				  where t.%2$s >= :from and t.%2$s < :to
				    and (t.%3$s is not null or t.cancelled_at is null or t.cancelled_at > t.%2$s)
				    and (t.%3$s is not null or t.paused_at is null or t.paused_at > t.%2$s)
				  union all
				  select %s, r.%2$s, r.%3$s from ticket_round r join ticket t on t.id = r.ticket_id
				  where r.%2$s >= :from and r.%2$s < :to
				) t %s"""
			.replace("%2$s", due).replace("%3$s", at)
			.formatted(TICKET_SCOPES, TICKET_LINK, hhmm("t.due"), hhmm("t.at_"), TICKET_ROW, TICKET_ROW, FIRST_RESPONDER));
	}

	@Bean
	ComplianceFigure ticketsDispatchedOnTime() {
		return mark("tickets.dispatched-on-time", "dispatch_due", "dispatched_at");
	}

	@Bean
	ComplianceFigure ticketsRespondedOnTime() {
		return mark("tickets.responded-on-time", "respond_due", "responded_at");
	}

	@Bean
	ComplianceFigure ticketsOnSiteOnTime() {
		return mark("tickets.on-site-on-time", "on_site_due", "on_site_at");
	}

	@Bean
	ComplianceFigure ticketsResolvedOnTime() {
		return mark("tickets.resolved-on-time", "resolve_due", "resolved_at");
	}

	// 6.5: a ticket recorded on the day heard back (its first 有回音 of any round) the same day
	@Bean
	ComplianceFigure ticketsSameDayFirstResponse() {
		return figure("tickets.same-day-first-response", TICKET, "ticket", """
				select %s, case when t.first_response < :to then 1 else 0 end as num, 1 as den, null::int as minutes,
				  coalesce(t.first_response < :to, false) as ok, %s, t.recorded_at as at, %s || ' → ' || %s as note
				from (
				  select %s, t.recorded_at,
				    least(t.responded_at, (select min(r.responded_at) from ticket_round r where r.ticket_id = t.id)) as first_response
				  from ticket t
				  where t.recorded_at >= :from and t.recorded_at < :to
				    and (t.cancelled_at is null or t.cancelled_at >= :to or t.responded_at is not null)
				) t %s"""
			.formatted(TICKET_SCOPES, TICKET_LINK, hhmm("t.recorded_at"), hhmm("t.first_response"), TICKET_ROW, FIRST_RESPONDER));
	}

	/*
	 * 6.6: a ticket closed on the day whose ownership never broke: someone (a person or a team) held it
	 * when it closed and no transfer of it was left hanging (asked, never accepted nor declined).
	 */
	@Bean
	ComplianceFigure ticketsUnbrokenOwnership() {
		return ticketKept("tickets.unbroken-ownership", """
				  select TICKET_ROW, t.closed_at as at_, (t.assignee_id is not null or t.assignee_team_id is not null)
				    and not exists (select 1 from ticket_transfer tr where tr.ticket_id = t.id and tr.status = 'PENDING') as kept
				  from ticket t where t.closed_at >= :from and t.closed_at < :to""");
	}

	// 6.6: a ticket (or an ended round of it) closed on the day with a result written
	@Bean
	ComplianceFigure ticketsClosedWithResult() {
		return ticketKept("tickets.closed-with-result", """
				  select TICKET_ROW, t.closed_at as at_, coalesce(btrim(t.result), '') <> '' as kept from ticket t
				  where t.closed_at >= :from and t.closed_at < :to
				  union all
				  select TICKET_ROW, r.closed_at, coalesce(btrim(r.result), '') <> '' from ticket_round r join ticket t on t.id = r.ticket_id
				  where r.closed_at >= :from and r.closed_at < :to""");
	}

	/*
	 * 7(六): a ticket recorded on the day with every required field: a category, a description, a way
	 * to reach the customer (the customer's record or a phone number) and where (the customer's record
	 * or an address).
	 */
	@Bean
	ComplianceFigure ticketsCompleteFields() {
		return ticketKept("tickets.complete-fields", """
				  select TICKET_ROW, t.recorded_at as at_, t.category_id is not null and btrim(t.description) <> ''
				    and (t.customer_id is not null or coalesce(t.contact_phone, t.caller_phone) is not null)
				    and (t.customer_id is not null or coalesce(btrim(t.address), '') <> '') as kept
				  from ticket t where t.recorded_at >= :from and t.recorded_at < :to""");
	}

	// 9.1: an inquiry recorded on the day and answered in the call itself (not cancelled)
	@Bean
	ComplianceFigure inquiriesResolvedInCall() {
		return ticketKept("inquiries.resolved-in-call", """
				  select TICKET_ROW, t.recorded_at as at_, exists (select 1 from ticket_event e where e.ticket_id = t.id and e.kind = 'ANSWERED_IN_CALL') as kept
				  from ticket t where t.type = 'INQUIRY' and t.recorded_at >= :from and t.recorded_at < :to and t.cancelled_at is null""");
	}

	/*
	 * 9.2: a repair first dispatched on the day (its first round's 有指令): whole minutes from intake. Its
	 * candidates are the repairs with a dispatch on the day, in any round, read by the dispatch indexes.
	 */
	private static final String FIRST_DISPATCH = """
			coalesce((select r.dispatched_at from ticket_round r where r.ticket_id = t.id order by r.round limit 1), t.dispatched_at)""";

	@Bean
	ComplianceFigure repairsIntakeToDispatch() {
		return figure("repairs.intake-to-dispatch", TICKET, "ticket", """
				select %s, 0 as num, 1 as den, floor(extract(epoch from t.first_dispatch - t.recorded_at) / 60)::int as minutes,
				  null::boolean as ok, %s, t.first_dispatch as at, null as note
				from (
				  select %s, t.recorded_at, %s as first_dispatch
				  from ticket t where t.type = 'REPAIR' and t.recorded_at < :to and t.dispatched_at >= :from and t.dispatched_at < :to
				  union
				  select %3$s, t.recorded_at, %4$s from ticket_round d join ticket t on t.id = d.ticket_id
				  where t.type = 'REPAIR' and t.recorded_at < :to and d.dispatched_at >= :from and d.dispatched_at < :to
				) t %s
				where t.first_dispatch >= :from and t.first_dispatch < :to"""
			.replace("%3$s", TICKET_ROW)
			.replace("%4$s", FIRST_DISPATCH)
			.formatted(TICKET_SCOPES, TICKET_LINK, TICKET_ROW, FIRST_DISPATCH, FIRST_RESPONDER));
	}

	// 9.3: a repair resolved on the day whose customer was sent (or is being sent) a message about it by then
	@Bean
	ComplianceFigure repairsCustomerUpdated() {
		return ticketKept("repairs.customer-updated", """
				  select TICKET_ROW, t.resolved_at as at_, exists (select 1 from notification_message m where m.ticket_no = t.ticket_no
				      and m.status in ('QUEUED', 'SENDING', 'SENT') and m.queued_at < :to) as kept
				  from ticket t where t.type = 'REPAIR' and t.resolved_at >= :from and t.resolved_at < :to""");
	}

	/*
	 * 9.4: a follow-up due on the day (not cancelled) done by its deadline: the customer rated it, or
	 * the three tries on different days that make it unreachable were made.
	 */
	@Bean
	ComplianceFigure followUpRate() {
		return figure("followup.rate", TICKET, "followup", """
				select %s, case when x.kept then 1 else 0 end as num, 1 as den, null::int as minutes, x.kept as ok,
				  f.ticket_no as ref, '/tickets/' || f.ticket_no as link, f.due_at as at, %s || ' → ' || %s as note
				from (
				  select f.id, coalesce(f.status = 'DONE' and f.done_at <= f.due_at
				    or f.status = 'UNREACHABLE' and (select max(a.at) from followup_attempt a where a.follow_up_id = f.id) <= f.due_at, false) as kept,
				    case when f.status = 'DONE' then f.done_at
				         when f.status = 'UNREACHABLE' then (select max(a.at) from followup_attempt a where a.follow_up_id = f.id) end as done
				  from followup_follow_up f where f.due_at >= :from and f.due_at < :to and f.status <> 'CANCELLED'
				) x join followup_follow_up f on f.id = x.id join ticket t on t.id = f.ticket_id %s"""
			.formatted(TICKET_SCOPES, hhmm("f.due_at"), hhmm("x.done"), FIRST_RESPONDER));
	}

	// 9.4: a follow-up done on the day whose customer was satisfied or very satisfied
	@Bean
	ComplianceFigure followUpSatisfaction() {
		return figure("followup.satisfaction", TICKET, "followup", """
				select %s, case when x.kept then 1 else 0 end as num, 1 as den, null::int as minutes, x.kept as ok,
				  f.ticket_no as ref, '/tickets/' || f.ticket_no as link, f.done_at as at, null as note
				from (
				  select f.id, f.satisfaction in ('VERY_SATISFIED', 'SATISFIED') as kept
				  from followup_follow_up f where f.status = 'DONE' and f.done_at >= :from and f.done_at < :to
				) x join followup_follow_up f on f.id = x.id join ticket t on t.id = f.ticket_id %s"""
			.formatted(TICKET_SCOPES, FIRST_RESPONDER));
	}

	// 10.3: a repair recorded on the day that is rework (the same fault again within 7 days); lower is better
	@Bean
	ComplianceFigure repairsRework() {
		return figure("repairs.rework", TICKET, "ticket", """
				select %s, case when t.rework then 1 else 0 end as num, 1 as den, null::int as minutes, not t.rework as ok, %s,
				  t.recorded_at as at, t.previous as note
				from (
				  select %s, t.recorded_at, w.ticket_id is not null as rework, p.ticket_no as previous
				  from ticket t left join ticket_rework w on w.ticket_id = t.id left join ticket p on p.id = w.previous_ticket_id
				  where t.type = 'REPAIR' and t.recorded_at >= :from and t.recorded_at < :to
				) t %s"""
			.formatted(TICKET_SCOPES, TICKET_LINK, TICKET_ROW, FIRST_RESPONDER));
	}

	// 10.5: a complaint whose reply to the customer fell due on the day, replied by then
	@Bean
	ComplianceFigure complaintsAnsweredInTime() {
		return figure("complaints.answered-in-time", TICKET, "ticket", """
				select %s, case when x.kept then 1 else 0 end as num, 1 as den, null::int as minutes, x.kept as ok, %s,
				  c.reply_due as at, %s || ' → ' || %s as note
				from (
				  select c.ticket_id, coalesce(c.replied_at <= c.reply_due, false) as kept
				  from followup_complaint c where c.reply_due >= :from and c.reply_due < :to
				) x join followup_complaint c on c.ticket_id = x.ticket_id join ticket t on t.id = c.ticket_id %s"""
			.formatted(TICKET_SCOPES, TICKET_LINK, hhmm("c.reply_due"), hhmm("c.replied_at"), FIRST_RESPONDER));
	}

	// 6.7: each attempt on the day to route a complaint to the person it is about (refused and logged)
	@Bean
	ComplianceFigure complaintsConflictRefusals() {
		return figure("complaints.conflict-refusals", CALL, "ticket", """
				select s.id as agent_id, s.team_id, null::bigint as substation_id, null::bigint as community_id,
				  1 as num, 1 as den, null::int as minutes, false as ok, a.entity_id as ref, a.occurred_at as at,
				  '/tickets/' || a.entity_id as link, a.actor as note
				from platform_audit_event a left join staff_member s on s.username = a.actor
				where a.action = 'TICKET_CONFLICT_ROUTING_REFUSED' and a.occurred_at >= :from and a.occurred_at < :to""");
	}

	/*
	 * 5.10: each attempt on the day to read personal data without the right to: a ticket or a field job
	 * refused to its reader, a complaint's reply refused, a customer page or API refused by role.
	 * Each was refused and logged; the figure shows whether anyone tries.
	 */
	@Bean
	ComplianceFigure privacyUnauthorisedReads() {
		return figure("privacy.unauthorised-reads", CALL, "access", """
				select s.id as agent_id, s.team_id, null::bigint as substation_id, null::bigint as community_id,
				  1 as num, 1 as den, null::int as minutes, false as ok, coalesce(a.entity_id, a.entity_type) as ref,
				  a.occurred_at as at, case when a.entity_type = 'ticket' then '/tickets/' || a.entity_id end as link,
				  a.actor as note
				from platform_audit_event a left join staff_member s on s.username = a.actor
				where a.occurred_at >= :from and a.occurred_at < :to
				  and (a.action in ('TICKET_ACCESS_REFUSED', 'TICKET_FIELD_ACCESS_REFUSED', 'JOB_ACCESS_REFUSED', 'FOLLOWUP_COMPLAINT_REFUSED')
				       or a.action = 'ACCESS_DENIED' and (a.entity_id like '% /customers%' or a.entity_id like '% /api/v1/customers%'))""");
	}

	/*
	 * 5(二): each customer heated on the day (on the books by its end) and whether a contract covering
	 * the day was on file by then; summed over a period, customer-days.
	 */
	@Bean
	ComplianceFigure customersCurrentContract() {
		return figure("customers.current-contract", NETWORK, "customer", """
				select null::bigint as agent_id, null::bigint as team_id, coalesce(c.substation_id, n.substation_id) as substation_id,
				  c.community_id, case when x.kept then 1 else 0 end as num, 1 as den, null::int as minutes, x.kept as ok,
				  c.account_no as ref, c.created_at as at, '/customers/' || c.id as link, null as note
				from (
				  select c.id, exists (select 1 from customer_contract k where k.customer_id = c.id and k.created_at < :to
				      and k.valid_from <= (cast(:from as timestamptz) at time zone :tz)::date and k.valid_to >= (cast(:from as timestamptz) at time zone :tz)::date) as kept
				  from customer c where c.heating_status = 'HEATING' and c.created_at < :to
				) x join customer c on c.id = x.id join network_community n on n.id = c.community_id""");
	}

	/*
	 * 6.4: each audit row of the day is sealed and linked to the row before it in the chain (an
	 * unsealed row younger than ten minutes is still waiting for the sealer). The full check, hashes
	 * recomputed, is GET /api/v1/audit/verify.
	 */
	@Bean
	ComplianceFigure auditChainIntact() {
		return figure("audit.chain-intact", COMPANY, "audit", """
				select null::bigint as agent_id, null::bigint as team_id, null::bigint as substation_id, null::bigint as community_id,
				  case when x.kept then 1 else 0 end as num, 1 as den, null::int as minutes, x.kept as ok,
				  coalesce(x.chain_seq::text, '#' || x.id) as ref, x.occurred_at as at, null as link, x.action as note
				from (
				  select e.id, e.chain_seq, e.occurred_at, e.action,
				    e.hash is not null and (e.chain_seq = 1 or e.prev_hash = p.hash) as kept
				  from platform_audit_event e left join platform_audit_event p on p.chain_seq = e.chain_seq - 1
				  where e.occurred_at >= :from and e.occurred_at < :to
				    and (e.hash is not null or e.occurred_at < now() - interval '10 minutes')
				) x""");
	}

	// 4(三): a field job dispatched on the day to a technician holding a certificate valid that day
	@Bean
	ComplianceFigure dispatchCertified() {
		return figure("dispatch.certified", NETWORK, "job", """
				select null::bigint as agent_id, null::bigint as team_id, coalesce(j.substation_id, t.substation_id) as substation_id,
				  coalesce(j.community_id, t.community_id) as community_id,
				  case when x.kept then 1 else 0 end as num, 1 as den, null::int as minutes, x.kept as ok,
				  j.ticket_no as ref, j.dispatched_at as at, '/tickets/' || j.ticket_no as link, null as note
				from (
				  select j.id, exists (select 1 from dispatch_certificate c where c.staff_id = j.technician_id
				      and c.valid_from <= (j.dispatched_at at time zone :tz)::date and c.valid_until >= (j.dispatched_at at time zone :tz)::date) as kept
				  from dispatch_job j where j.dispatched_at >= :from and j.dispatched_at < :to
				) x join dispatch_job j on j.id = x.id left join ticket t on t.ticket_no = j.ticket_no""");
	}
}
