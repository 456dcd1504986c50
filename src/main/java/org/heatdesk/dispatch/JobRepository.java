package org.heatdesk.dispatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of field jobs, their steps and photos. */
@Repository
class JobRepository {

	static final String ACTIVE = "('DISPATCHED','ACCEPTED','ON_THE_WAY','ON_SITE')";

	/** Every column but the signature's bytes, with whether it is there and how many photos the job has. */
	private static final String SELECT = """
			select j.id, j.ticket_no, j.kind, j.technician_id, j.crew_id, j.status, j.substation_id, j.community_id,
			  j.address, j.on_site_due, j.dispatched_at, j.dispatched_by, j.note, j.accepted_at, j.on_the_way_at,
			  j.arrived_at, j.finished_at, j.reason, j.next_visit_at, j.cause, j.work_done, j.parts_used,
			  j.signature is not null as signed, j.signed_by, j.version,
			  (select count(*) from dispatch_job_photo p where p.job_id = j.id) as photos
			from dispatch_job j""";

	private final JdbcClient jdbc;

	JobRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new job in state DISPATCHED; the partial unique index refuses a second active job of the ticket. */
	long insert(String ticketNo, JobKind kind, long technicianId, Long crewId, Long substationId, Long communityId,
			String address, Instant onSiteDue, Instant at, String by, String note) {
		return jdbc.sql("""
				insert into dispatch_job (ticket_no, kind, technician_id, crew_id, status, substation_id, community_id,
				  address, on_site_due, dispatched_at, dispatched_by, note)
				values (?, ?, ?, ?, 'DISPATCHED', ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(ticketNo, kind.name(), technicianId, crewId, substationId, communityId, address,
					SqlValues.ts(onSiteDue), SqlValues.ts(at), by, note)
			.query(Long.class)
			.single();
	}

	Optional<JobView> find(long id) {
		return jdbc.sql(SELECT + " where j.id = ?").param(id).query(JobRepository::view).optional();
	}

	/** The job, its row locked until the transaction ends: steps on one job are taken one at a time. */
	Optional<JobView> lock(long id) {
		jdbc.sql("select 1 from dispatch_job where id = ? for update").param(id).query(Integer.class).optional();
		return find(id);
	}

	Optional<JobView> activeForTicket(String ticketNo) {
		return jdbc.sql(SELECT + " where j.ticket_no = ? and j.status in " + ACTIVE).param(ticketNo)
			.query(JobRepository::view)
			.optional();
	}

	List<JobView> activeFor(long technicianId) {
		return jdbc.sql(SELECT + " where j.technician_id = ? and j.status in " + ACTIVE
				+ " order by j.on_site_due nulls last, j.dispatched_at, j.id")
			.param(technicianId)
			.query(JobRepository::view)
			.list();
	}

	List<JobView> forTicket(String ticketNo) {
		return jdbc.sql(SELECT + " where j.ticket_no = ? order by j.id").param(ticketNo).query(JobRepository::view).list();
	}

	Map<Long, Integer> activeCountByTechnician() {
		Map<Long, Integer> counts = new HashMap<>();
		jdbc.sql("select technician_id, count(*) from dispatch_job where status in " + ACTIVE + " group by technician_id")
			.query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return counts;
	}

	/** Whether the job has a step with this id already (the phone sent it before). */
	/** Whether the room-temperature test of this job has been recorded. */
	boolean hasTemperatureTest(long jobId) {
		return jdbc.sql("select count(*) from dispatch_temperature_test where job_id = ?").param(jobId)
			.query(Long.class)
			.single() > 0;
	}

	boolean hasStep(long jobId, String stepId) {
		return jdbc.sql("select count(*) from dispatch_job_step where job_id = ? and step_id = ?")
			.params(jobId, stepId)
			.query(Long.class)
			.single() > 0;
	}

	void insertStep(long jobId, String stepId, StepKind kind, Instant occurredAt, Instant receivedAt, String actor,
			String detail) {
		jdbc.sql("""
				insert into dispatch_job_step (job_id, step_id, kind, occurred_at, received_at, actor, detail)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(jobId, stepId, kind.name(), SqlValues.ts(occurredAt), SqlValues.ts(receivedAt), actor, detail)
			.update();
	}

	/** The steps of a job as recorded, in the order they happened. */
	List<Map<String, Object>> steps(long jobId) {
		return jdbc.sql("""
				select step_id, kind, occurred_at, received_at, actor, detail from dispatch_job_step
				where job_id = ? order by occurred_at, id""").param(jobId).query().listOfRows();
	}

	/** Moves the job to {@code status}, setting {@code column} (one of the step times) and the given fields. */
	void step(long jobId, JobStatus status, String column, Instant at, String reason, Instant nextVisitAt) {
		jdbc.sql("update dispatch_job set status = ?, " + column + " = ?, reason = coalesce(?, reason),"
				+ " next_visit_at = coalesce(?, next_visit_at), version = version + 1 where id = ?")
			.params(status.name(), SqlValues.ts(at), reason, SqlValues.ts(nextVisitAt), jobId)
			.update();
	}

	void finish(long jobId, Instant at, String cause, String workDone, String partsUsed, byte[] signature,
			String signedBy) {
		jdbc.sql("""
				update dispatch_job set status = 'DONE', finished_at = ?, cause = ?, work_done = ?, parts_used = ?,
				  signature = ?, signed_by = ?, version = version + 1
				where id = ?""")
			.params(SqlValues.ts(at), cause, workDone, partsUsed, signature, signedBy, jobId)
			.update();
	}

	Optional<byte[]> signature(long jobId) {
		return jdbc.sql("select signature from dispatch_job where id = ? and signature is not null").param(jobId)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	Optional<JobPhoto> photoByStep(long jobId, String stepId) {
		return jdbc.sql(PHOTO + " where job_id = ? and step_id = ?").params(jobId, stepId).query(JobRepository::photo)
			.optional();
	}

	List<JobPhoto> photos(long jobId) {
		return jdbc.sql(PHOTO + " where job_id = ? order by taken_at, id").param(jobId).query(JobRepository::photo).list();
	}

	Optional<byte[]> photoContent(long jobId, long photoId) {
		return jdbc.sql("select content from dispatch_job_photo where job_id = ? and id = ?").params(jobId, photoId)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	long insertPhoto(long jobId, String stepId, String fileName, String contentType, byte[] content, Instant takenAt,
			Instant receivedAt) {
		return jdbc.sql("""
				insert into dispatch_job_photo (job_id, step_id, file_name, content_type, size, content, taken_at, received_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(jobId, stepId, fileName, contentType, content.length, content, SqlValues.ts(takenAt),
					SqlValues.ts(receivedAt))
			.query(Long.class)
			.single();
	}

	private static final String PHOTO = "select id, job_id, step_id, file_name, content_type, size, taken_at from dispatch_job_photo";

	private static JobPhoto photo(ResultSet rs, int n) throws SQLException {
		return new JobPhoto(rs.getLong("id"), rs.getLong("job_id"), rs.getString("step_id"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getInt("size"), SqlValues.instant(rs, "taken_at"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	private static JobView view(ResultSet rs, int n) throws SQLException {
		return new JobView(rs.getLong("id"), rs.getString("ticket_no"), JobKind.valueOf(rs.getString("kind")),
				rs.getLong("technician_id"), nullableLong(rs, "crew_id"), JobStatus.valueOf(rs.getString("status")),
				nullableLong(rs, "substation_id"), nullableLong(rs, "community_id"), rs.getString("address"),
				SqlValues.instant(rs, "on_site_due"), SqlValues.instant(rs, "dispatched_at"), rs.getString("dispatched_by"),
				rs.getString("note"), SqlValues.instant(rs, "accepted_at"), SqlValues.instant(rs, "on_the_way_at"),
				SqlValues.instant(rs, "arrived_at"), SqlValues.instant(rs, "finished_at"), rs.getString("reason"),
				SqlValues.instant(rs, "next_visit_at"), rs.getString("cause"), rs.getString("work_done"),
				rs.getString("parts_used"), rs.getBoolean("signed"), rs.getString("signed_by"), rs.getInt("photos"),
				rs.getInt("version"));
	}
}
