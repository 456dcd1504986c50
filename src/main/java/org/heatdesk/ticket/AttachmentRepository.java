package org.heatdesk.ticket;

import org.heatdesk.platform.SqlValues;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code ticket_attachment}. */
@Repository
class AttachmentRepository {

	private static final String COLUMNS = "a.id, t.ticket_no, a.file_name, a.content_type, a.size_bytes, a.sha256, a.uploaded_by, a.uploaded_at";

	private final JdbcClient jdbc;

	AttachmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the file unless the ticket already has one with the same sha256; the new id, or empty. */
	Optional<Long> insert(long ticketId, String fileName, String contentType, byte[] content, String sha256,
			String uploadedBy, Instant at) {
		return jdbc.sql("""
				insert into ticket_attachment (ticket_id, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (ticket_id, sha256) do nothing
				returning id""")
			.params(ticketId, fileName, contentType, (long) content.length, sha256, content, uploadedBy,
					SqlValues.ts(at))
			.query(Long.class)
			.optional();
	}

	Optional<AttachmentView> bySha(long ticketId, String sha256) {
		return jdbc.sql("select " + COLUMNS + " from ticket_attachment a join ticket t on t.id = a.ticket_id"
				+ " where a.ticket_id = ? and a.sha256 = ?")
			.params(ticketId, sha256)
			.query(AttachmentRepository::view)
			.optional();
	}

	Optional<AttachmentView> find(long ticketId, long id) {
		return jdbc.sql("select " + COLUMNS + " from ticket_attachment a join ticket t on t.id = a.ticket_id"
				+ " where a.ticket_id = ? and a.id = ?")
			.params(ticketId, id)
			.query(AttachmentRepository::view)
			.optional();
	}

	List<AttachmentView> list(long ticketId) {
		return jdbc.sql("select " + COLUMNS + " from ticket_attachment a join ticket t on t.id = a.ticket_id"
				+ " where a.ticket_id = ? order by a.uploaded_at, a.id")
			.param(ticketId)
			.query(AttachmentRepository::view)
			.list();
	}

	Optional<Attachment> download(long ticketId, long id) {
		return jdbc.sql("select " + COLUMNS + ", a.content from ticket_attachment a join ticket t on t.id = a.ticket_id"
				+ " where a.ticket_id = ? and a.id = ?")
			.params(ticketId, id)
			.query((rs, n) -> new Attachment(view(rs, n), rs.getBytes("content")))
			.optional();
	}

	private static AttachmentView view(ResultSet rs, int n) throws SQLException {
		return new AttachmentView(rs.getLong("id"), rs.getString("ticket_no"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
				SqlValues.instant(rs, "uploaded_at"));
	}
}
