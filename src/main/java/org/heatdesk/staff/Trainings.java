package org.heatdesk.staff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.heatdesk.platform.Actor;
import org.heatdesk.platform.AuditTrail;
import org.heatdesk.platform.HeatDeskException;
import org.heatdesk.platform.InputChecks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training sessions (4.6, 11.4): topic, date, length, trainer, who attended and each one's test
 * result (a score out of 100, passed from {@link #PASS_MARK}); each person's training record is
 * read from the attendances. A session is recorded once it has taken place.
 */
@Service
class Trainings {

	/** The lowest score that passes a session's test. */
	static final int PASS_MARK = 60;

	/** One attendee as a supervisor enters him: a score, or none when the session had no test. */
	record AttendeeInput(Long staffId, Integer score) {
	}

	record Attendee(long staffId, String name, Integer score, Boolean passed) {
	}

	record Session(long id, String topic, LocalDate heldOn, int minutes, String trainer, String createdBy,
			List<Attendee> attendees) {
	}

	/** One line of a person's training record. */
	record RecordLine(long sessionId, String topic, LocalDate heldOn, int minutes, String trainer, Integer score,
			Boolean passed) {
	}

	record NewSession(String topic, LocalDate heldOn, Integer minutes, String trainer, List<AttendeeInput> attendees) {
	}

	private final JdbcClient jdbc;

	private final PeopleSupport people;

	private final AuditTrail audit;

	Trainings(JdbcClient jdbc, PeopleSupport people, AuditTrail audit) {
		this.jdbc = jdbc;
		this.people = people;
		this.audit = audit;
	}

	/**
	 * @throws HeatDeskException 400 {@code REQUIRED}, {@code TOO_LONG}, {@code DATE_OUT_OF_RANGE},
	 *         {@code TRAINING_DATE_FUTURE}, {@code TRAINING_MINUTES_RANGE}, {@code TRAINING_ATTENDEES_REQUIRED},
	 *         {@code PEOPLE_STAFF_UNKNOWN}, {@code TRAINING_SCORE_RANGE}, {@code TRAINING_ATTENDEE_TWICE}
	 */
	@Transactional
	Session create(Actor by, NewSession s) {
		String topic = InputChecks.required(s.topic(), "topic", 200);
		LocalDate heldOn = PeopleSupport.date(s.heldOn(), "heldOn");
		if (heldOn.isAfter(people.today())) {
			throw HeatDeskException.badInput("TRAINING_DATE_FUTURE", "heldOn");
		}
		if (s.minutes() == null) {
			throw HeatDeskException.badInput("REQUIRED", "minutes");
		}
		if (s.minutes() < 1 || s.minutes() > 1440) {
			throw HeatDeskException.badInput("TRAINING_MINUTES_RANGE", "minutes");
		}
		String trainer = InputChecks.required(s.trainer(), "trainer", 60);
		if (s.attendees() == null || s.attendees().isEmpty()) {
			throw HeatDeskException.badInput("TRAINING_ATTENDEES_REQUIRED", "attendees");
		}
		if (s.attendees().size() > 500) {
			throw HeatDeskException.badInput("TRAINING_ATTENDEES_REQUIRED", "attendees");
		}
		Map<Long, Integer> attendees = new LinkedHashMap<>();
		for (AttendeeInput a : s.attendees()) {
			if (a == null) {
				throw HeatDeskException.badInput("REQUIRED", "attendees");
			}
			StaffView person = people.person(a.staffId(), "attendees");
			if (a.score() != null && (a.score() < 0 || a.score() > 100)) {
				throw HeatDeskException.badInput("TRAINING_SCORE_RANGE", "attendees");
			}
			if (attendees.containsKey(person.id())) {
				throw HeatDeskException.badInput("TRAINING_ATTENDEE_TWICE", "attendees", person.displayName());
			}
			attendees.put(person.id(), a.score());
		}
		long id = jdbc.sql("""
				insert into staff_training_session (topic, held_on, minutes, trainer, created_by, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(topic, PeopleSupport.sql(heldOn), s.minutes(), trainer, by.name(),
					org.heatdesk.platform.SqlValues.ts(people.now()))
			.query(Long.class)
			.single();
		List<Map<String, Object>> who = new ArrayList<>();
		attendees.forEach((staffId, score) -> {
			jdbc.sql("insert into staff_training_attendance (session_id, staff_id, score, passed) values (?, ?, ?, ?)")
				.params(id, staffId, score, score == null ? null : score >= PASS_MARK)
				.update();
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("staffId", staffId);
			m.put("score", score);
			who.add(m);
		});
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("topic", topic);
		after.put("heldOn", heldOn.toString());
		after.put("minutes", s.minutes());
		after.put("trainer", trainer);
		after.put("attendees", who);
		audit.record(by, "TRAINING_RECORDED", "staff_training_session", id, null, after);
		people.recordedFor(heldOn);
		return find(id);
	}

	@Transactional(readOnly = true)
	Session find(long id) {
		return jdbc.sql("select * from staff_training_session where id = ?").param(id)
			.query((rs, n) -> new Session(rs.getLong("id"), rs.getString("topic"), rs.getDate("held_on").toLocalDate(),
					rs.getInt("minutes"), rs.getString("trainer"), rs.getString("created_by"), attendees(rs.getLong("id"))))
			.optional()
			.orElseThrow(() -> HeatDeskException.notFound("TRAINING_NOT_FOUND"));
	}

	/** The latest sessions, newest first. */
	@Transactional(readOnly = true)
	List<Session> list(int limit) {
		List<Long> ids = jdbc.sql("select id from staff_training_session order by held_on desc, id desc limit ?").param(limit)
			.query(Long.class).list();
		return ids.stream().map(this::find).toList();
	}

	/** A person's training record, newest first. */
	@Transactional(readOnly = true)
	List<RecordLine> recordOf(long staffId) {
		return jdbc.sql("""
				select s.id, s.topic, s.held_on, s.minutes, s.trainer, a.score, a.passed from staff_training_attendance a
				join staff_training_session s on s.id = a.session_id where a.staff_id = ? order by s.held_on desc, s.id desc""")
			.param(staffId)
			.query((rs, n) -> new RecordLine(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getInt(4),
					rs.getString(5), rs.getObject(6, Integer.class), rs.getObject(7, Boolean.class)))
			.list();
	}

	/** Minutes of training each person attended from {@code from} to {@code to}, both included. */
	@Transactional(readOnly = true)
	Map<Long, Long> minutesBetween(LocalDate from, LocalDate to) {
		Map<Long, Long> m = new LinkedHashMap<>();
		jdbc.sql("""
				select a.staff_id, sum(s.minutes) from staff_training_attendance a join staff_training_session s on s.id = a.session_id
				where s.held_on between ? and ? group by a.staff_id""")
			.params(PeopleSupport.sql(from), PeopleSupport.sql(to))
			.query((rs, n) -> m.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return m;
	}

	private List<Attendee> attendees(long sessionId) {
		return jdbc.sql("""
				select a.staff_id, m.display_name, a.score, a.passed from staff_training_attendance a
				join staff_member m on m.id = a.staff_id where a.session_id = ? order by m.employee_no""")
			.param(sessionId)
			.query((rs, n) -> new Attendee(rs.getLong(1), rs.getString(2), rs.getObject(3, Integer.class),
					rs.getObject(4, Boolean.class)))
			.list();
	}
}
