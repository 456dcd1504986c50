package org.heatdesk.staff;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.heatdesk.platform.SqlValues;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certificates of the center's own staff (4(三): certified staff), with their expiry: a certificate
 * ending within {@code heatdesk.people.certificate-warning-days} (30) is flagged. A renewal is a new
 * certificate; the old one stays on the record. The technicians' certificates live in dispatch.
 */
@Service
class StaffCertificates {

	enum State {
		VALID, EXPIRING, EXPIRED
	}

	record Certificate(long id, long staffId, String staffName, String name, String number, LocalDate issuedOn,
			LocalDate expiresOn, State state, long daysLeft) {
	}

	record NewCertificate(Long staffId, String name, String number, LocalDate issuedOn, LocalDate expiresOn) {
	}

	private final JdbcClient jdbc;

	private final PeopleSupport people;

	private final AuditTrail audit;

	private final int warningDays;

	StaffCertificates(JdbcClient jdbc, PeopleSupport people, AuditTrail audit,
			@Value("${heatdesk.people.certificate-warning-days:30}") int warningDays) {
		this.jdbc = jdbc;
		this.people = people;
		this.audit = audit;
		this.warningDays = warningDays;
	}

	int warningDays() {
		return warningDays;
	}

	/**
	 * @throws HeatDeskException 400 {@code REQUIRED}, {@code TOO_LONG}, {@code DATE_OUT_OF_RANGE},
	 *         {@code PEOPLE_STAFF_UNKNOWN}, {@code CERTIFICATE_DATES}
	 */
	@Transactional
	Certificate add(Actor by, NewCertificate c) {
		StaffView person = people.person(c.staffId(), "staffId");
		String name = InputChecks.required(c.name(), "name", 100);
		String number = InputChecks.required(c.number(), "number", 60);
		LocalDate issued = PeopleSupport.date(c.issuedOn(), "issuedOn");
		LocalDate expires = PeopleSupport.date(c.expiresOn(), "expiresOn");
		if (!expires.isAfter(issued)) {
			throw HeatDeskException.badInput("CERTIFICATE_DATES", "expiresOn");
		}
		long id = jdbc.sql("""
				insert into staff_certificate (staff_id, name, number, issued_on, expires_on, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(person.id(), name, number, PeopleSupport.sql(issued), PeopleSupport.sql(expires), by.name(),
					SqlValues.ts(people.now()))
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("staffId", person.id());
		after.put("name", name);
		after.put("number", number);
		after.put("issuedOn", issued.toString());
		after.put("expiresOn", expires.toString());
		audit.record(by, "STAFF_CERTIFICATE_ADDED", "staff_certificate", id, null, after);
		people.recordedFor(issued);
		return find(id);
	}

	/** Expired and expiring first (soonest first), then the valid ones. */
	@Transactional(readOnly = true)
	List<Certificate> list(int limit) {
		return jdbc.sql(SELECT + " where m.active order by c.expires_on, c.id limit ?").param(limit).query(this::row).list();
	}

	/** The certificates of active staff that expired or end within the warning days. */
	@Transactional(readOnly = true)
	List<Certificate> flagged() {
		return jdbc.sql(SELECT + " where m.active and c.expires_on <= ? order by c.expires_on, c.id limit 200")
			.param(PeopleSupport.sql(people.today().plusDays(warningDays)))
			.query(this::row)
			.list()
			.stream()
			// a certificate renewed meanwhile (a later one of the same name) is no longer a warning
			.filter(c -> !renewed(c))
			.toList();
	}

	@Transactional(readOnly = true)
	List<Certificate> forStaff(long staffId) {
		return jdbc.sql(SELECT + " where c.staff_id = ? order by c.expires_on desc, c.id desc").param(staffId).query(this::row)
			.list();
	}

	@Transactional(readOnly = true)
	Certificate find(long id) {
		return jdbc.sql(SELECT + " where c.id = ?").param(id).query(this::row).optional()
			.orElseThrow(() -> HeatDeskException.notFound("CERTIFICATE_NOT_FOUND"));
	}

	private boolean renewed(Certificate c) {
		return jdbc.sql("select count(*) from staff_certificate where staff_id = ? and name = ? and expires_on > ?")
			.params(c.staffId(), c.name(), PeopleSupport.sql(people.today().plusDays(warningDays)))
			.query(Long.class)
			.single() > 0;
	}

	State state(LocalDate expiresOn) {
		LocalDate today = people.today();
		if (expiresOn.isBefore(today)) {
			return State.EXPIRED;
		}
		return expiresOn.isAfter(today.plusDays(warningDays)) ? State.VALID : State.EXPIRING;
	}

	private static final String SELECT = """
			select c.*, m.display_name from staff_certificate c join staff_member m on m.id = c.staff_id""";

	private Certificate row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		LocalDate expires = rs.getDate("expires_on").toLocalDate();
		return new Certificate(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("display_name"), rs.getString("name"),
				rs.getString("number"), rs.getDate("issued_on").toLocalDate(), expires, state(expires),
				ChronoUnit.DAYS.between(people.today(), expires));
	}
}
