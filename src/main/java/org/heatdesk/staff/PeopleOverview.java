package org.heatdesk.staff;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The people page's table: each member of the center with his record in numbers. */
@Component
class PeopleOverview {

	/** The posts whose people have a record here: the desk, its leads and dispatch. */
	static final List<String> CENTER_ROLES = List.of("AGENT", "TEAM_LEAD", "DISPATCHER");

	record Row(long id, String name, String employeeNo, String team, long commendations, long sanctions,
			long openSanctions, long trainingMinutes, long certificates, long flaggedCertificates) {

		public String trainingHours() {
			return PeopleSupport.hours(trainingMinutes);
		}
	}

	/** What waits for someone: proposals to decide, hearings, open reports, certificates to renew. */
	record Pending(long commendations, long sanctionsToHear, long sanctionsToDecide, long openReports,
			long flaggedCertificates) {
	}

	private final JdbcClient jdbc;

	PeopleOverview(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Active members of the center, by employee number; training minutes counted from {@code since}. */
	@Transactional(readOnly = true)
	List<Row> rows(LocalDate since, LocalDate flagUntil, int limit) {
		return jdbc.sql("""
				select m.id, m.display_name, m.employee_no, t.name as team,
				  (select count(*) from staff_commendation c where c.staff_id = m.id and c.status = 'GRANTED'),
				  (select count(*) from staff_sanction s where s.staff_id = m.id and s.status = 'APPROVED'),
				  (select count(*) from staff_sanction s where s.staff_id = m.id and s.status in ('PROPOSED', 'HEARD')),
				  (select coalesce(sum(ts.minutes), 0) from staff_training_attendance a
				     join staff_training_session ts on ts.id = a.session_id where a.staff_id = m.id and ts.held_on >= :since),
				  (select count(*) from staff_certificate c where c.staff_id = m.id),
				  (select count(*) from staff_certificate c where c.staff_id = m.id and c.expires_on <= :until
				     and not exists (select 1 from staff_certificate r where r.staff_id = c.staff_id and r.name = c.name
				       and r.expires_on > :until))
				from staff_member m left join staff_team t on t.id = m.team_id
				where m.active and exists (select 1 from staff_member_role r where r.staff_id = m.id and r.role in (:roles))
				order by m.employee_no limit :limit""")
			.param("since", PeopleSupport.sql(since))
			.param("until", PeopleSupport.sql(flagUntil))
			.param("roles", CENTER_ROLES)
			.param("limit", limit)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)))
			.list();
	}

	@Transactional(readOnly = true)
	Pending pending(LocalDate flagUntil) {
		return jdbc.sql("""
				select (select count(*) from staff_commendation where status = 'PROPOSED'),
				  (select count(*) from staff_sanction where status = 'PROPOSED'),
				  (select count(*) from staff_sanction where status = 'HEARD'),
				  (select count(*) from staff_violation_report where status = 'OPEN'),
				  (select count(*) from staff_certificate c join staff_member m on m.id = c.staff_id
				     where m.active and c.expires_on <= :until and not exists (select 1 from staff_certificate r
				       where r.staff_id = c.staff_id and r.name = c.name and r.expires_on > :until))""")
			.param("until", PeopleSupport.sql(flagUntil))
			.query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
	}
}
