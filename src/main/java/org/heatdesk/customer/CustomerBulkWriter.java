package org.heatdesk.customer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes many validated customers at once with PostgreSQL's COPY, on the connection of the caller's
 * transaction, so that an import, the demo data and the scale generator are all-or-nothing and fast.
 */
@Component
class CustomerBulkWriter {

	private static final int CHUNK = 5_000;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	CustomerBulkWriter(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	/** A contract to write with a customer, by the customer's position in the list. */
	record BulkContract(int customerIndex, long templateId, LocalDate signedOn, LocalDate validFrom, LocalDate validTo) {
	}

	/**
	 * Stores {@code customers} (and their phones and {@code contracts}); must run in a transaction.
	 * @return the new ids, in the order of {@code customers}
	 */
	long[] write(List<NewCustomer> customers, List<BulkContract> contracts, Instant now, String actor) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("bulk writes need a transaction");
		}
		long[] ids = allocateIds(customers.size());
		String ts = now.toString();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			var copy = connection.unwrap(PGConnection.class).getCopyAPI();
			StringBuilder b = new StringBuilder(1 << 20);
			CopyIn in = copy.copyIn("copy customer (id, account_no, name, id_number, community_id, building, unit, room, "
					+ "heated_area, substation_id, heating_status, notes, version, created_at, updated_at) from stdin");
			try {
				for (int i = 0; i < customers.size(); i++) {
					NewCustomer c = customers.get(i);
					b.append(ids[i]).append('\t');
					field(b, c.accountNo());
					field(b, c.name());
					field(b, c.idNumber());
					b.append(c.communityId()).append('\t');
					field(b, c.building());
					field(b, c.unit());
					field(b, c.room());
					b.append(c.heatedArea().toPlainString()).append('\t');
					b.append(c.substationId() == null ? "\\N" : c.substationId().toString()).append('\t');
					b.append(c.heatingStatus().name()).append('\t');
					field(b, c.notes());
					b.append("0\t").append(ts).append('\t').append(ts).append('\n');
					if ((i + 1) % CHUNK == 0) {
						flush(in, b);
					}
				}
				flush(in, b);
				in.endCopy();
			}
			finally {
				if (in.isActive()) {
					in.cancelCopy();
				}
			}
			in = copy.copyIn("copy customer_phone (customer_id, position, phone, last4, community_id) from stdin");
			try {
				int rows = 0;
				for (int i = 0; i < customers.size(); i++) {
					NewCustomer c = customers.get(i);
					for (int p = 0; p < c.phones().size(); p++) {
						String phone = c.phones().get(p);
						b.append(ids[i]).append('\t').append(p).append('\t').append(phone).append('\t')
							.append(Phones.last4(phone)).append('\t').append(c.communityId()).append('\n');
						if (++rows % CHUNK == 0) {
							flush(in, b);
						}
					}
				}
				flush(in, b);
				in.endCopy();
			}
			finally {
				if (in.isActive()) {
					in.cancelCopy();
				}
			}
			if (!contracts.isEmpty()) {
				in = copy.copyIn("copy customer_contract (customer_id, template_id, signed_on, valid_from, valid_to, "
						+ "created_at, created_by) from stdin");
				try {
					int rows = 0;
					for (BulkContract k : contracts) {
						b.append(ids[k.customerIndex()]).append('\t').append(k.templateId()).append('\t')
							.append(k.signedOn()).append('\t').append(k.validFrom()).append('\t').append(k.validTo())
							.append('\t').append(ts).append('\t');
						field(b, actor);
						b.setCharAt(b.length() - 1, '\n');
						if (++rows % CHUNK == 0) {
							flush(in, b);
						}
					}
					flush(in, b);
					in.endCopy();
				}
				finally {
					if (in.isActive()) {
						in.cancelCopy();
					}
				}
			}
			return ids;
		}
		catch (SQLException e) {
			throw new IllegalStateException("bulk write of customers failed: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private long[] allocateIds(int n) {
		List<Long> list = jdbc.sql("select nextval(pg_get_serial_sequence('customer', 'id')) from generate_series(1, ?)")
			.param(n)
			.query(Long.class)
			.list();
		return list.stream().mapToLong(Long::longValue).toArray();
	}

	private static void flush(CopyIn in, StringBuilder b) throws SQLException {
		if (b.isEmpty()) {
			return;
		}
		byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
		in.writeToCopy(bytes, 0, bytes.length);
		b.setLength(0);
	}

	/** A text value in COPY's text format followed by a tab; {@code null} as {@code \N}. */
	private static void field(StringBuilder b, String value) {
		if (value == null) {
			b.append("\\N\t");
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> b.append("\\\\");
				case '\t' -> b.append("\\t");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				default -> b.append(c);
			}
		}
		b.append('\t');
	}

}
