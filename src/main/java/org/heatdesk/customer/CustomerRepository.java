package org.heatdesk.customer;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.heatdesk.platform.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

	static final String SELECT = """
			select c.id, c.account_no, c.name, c.id_number, c.community_id, n.name as community_name, c.building, c.unit,
			       c.room, c.heated_area, c.substation_id, c.heating_status, c.notes, c.version, c.updated_at,
			       array(select p.phone from customer_phone p where p.customer_id = c.id order by p.position) as phones
			from customer c join network_community n on n.id = c.community_id
			""";

	private final JdbcClient jdbc;

	CustomerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CustomerRow> find(long id) {
		return jdbc.sql(SELECT + " where c.id = ?").param(id).query(CustomerRepository::row).optional();
	}

	List<CustomerRow> findAll(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where c.id = any(?)").param(ids.toArray(Long[]::new)).query(CustomerRepository::row).list();
	}

	// the first mobile number by the phones' order: landlines cannot receive a message
	private static final String RECIPIENT = """
			select c.id, c.messages_opt_out,
			       (select p.phone from customer_phone p where p.customer_id = c.id and p.phone ~ '^1[3-9][0-9]{9}$'
			         order by p.position limit 1) as mobile
			  from customer c
			""";

	List<MessageRecipient> messageRecipients(java.util.Collection<Long> ids) {
		return jdbc.sql(RECIPIENT + " where c.id = any(?)").param(ids.toArray(Long[]::new))
			.query((rs, n) -> new MessageRecipient(rs.getLong("id"), rs.getString("mobile"), rs.getBoolean("messages_opt_out")))
			.list();
	}

	void forEachMessageRecipient(java.util.Collection<Long> communityIds, java.util.function.Consumer<MessageRecipient> each) {
		jdbc.sql(RECIPIENT + " where c.community_id = any(?) and c.heating_status <> 'DISCONNECTED' order by c.id")
			.param(communityIds.toArray(Long[]::new))
			.withFetchSize(2000)
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
				each.accept(new MessageRecipient(rs.getLong("id"), rs.getString("mobile"), rs.getBoolean("messages_opt_out")));
			});
	}

	boolean messagesOptOut(long id) {
		return jdbc.sql("select messages_opt_out from customer where id = ?").param(id).query(Boolean.class).single();
	}

	void setMessagesOptOut(long id, boolean optOut, java.time.Instant now) {
		jdbc.sql("update customer set messages_opt_out = ?, updated_at = ?, version = version + 1 where id = ?")
			.param(optOut).param(java.sql.Timestamp.from(now)).param(id).update();
	}

	Optional<CustomerRow> findByAccountNo(String accountNo) {
		return jdbc.sql(SELECT + " where c.account_no = ?").param(accountNo).query(CustomerRepository::row).optional();
	}

	List<CustomerRow> findByPhone(String phone) {
		return jdbc.sql(SELECT + " where c.id in (select p.customer_id from customer_phone p where p.phone = ?) order by c.account_no")
			.param(phone)
			.query(CustomerRepository::row)
			.list();
	}

	List<CustomerRow> findByLast4(String last4, Collection<Long> communityIds, int limit) {
		if (communityIds == null) {
			return jdbc.sql(SELECT + """
					 where c.id in (select p.customer_id from customer_phone p where p.last4 = ?)
					 order by n.name, c.building, c.unit, c.room limit ?""")
				.params(last4, limit)
				.query(CustomerRepository::row)
				.list();
		}
		if (communityIds.size() == 1) {
			// Equality, not = any(?): the generic plan of a prepared statement then always seeks on both columns.
			return jdbc.sql(SELECT + """
					 where c.id in (select p.customer_id from customer_phone p where p.last4 = ? and p.community_id = ?)
					 order by n.name, c.building, c.unit, c.room limit ?""")
				.params(last4, communityIds.iterator().next(), limit)
				.query(CustomerRepository::row)
				.list();
		}
		return jdbc.sql(SELECT + """
				 where c.id in (select p.customer_id from customer_phone p where p.last4 = ? and p.community_id = any(?))
				 order by n.name, c.building, c.unit, c.room limit ?""")
			.params(last4, communityIds.toArray(Long[]::new), limit)
			.query(CustomerRepository::row)
			.list();
	}

	List<CustomerRow> findByAccountPrefix(String prefix, int limit) {
		return jdbc.sql(SELECT + " where c.account_no like ? order by c.account_no limit ?")
			.params(SqlValues.escapeLike(prefix) + "%", limit)
			.query(CustomerRepository::row)
			.list();
	}

	List<CustomerRow> findByNamePrefix(String prefix, int limit) {
		return jdbc.sql(SELECT + " where c.name like ? order by c.name = ? desc, c.name, c.account_no limit ?")
			.params(SqlValues.escapeLike(prefix) + "%", prefix, limit)
			.query(CustomerRepository::row)
			.list();
	}

	List<CustomerRow> findByAddress(Collection<Long> communityIds, String building, String unit, String room, int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append(" where c.community_id = any(:communities)");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("communities", communityIds.toArray(Long[]::new));
		if (building != null) {
			sql.append(" and c.building = :building");
			params.put("building", building);
		}
		if (unit != null) {
			sql.append(" and c.unit = :unit");
			params.put("unit", unit);
		}
		if (room != null) {
			sql.append(" and c.room = :room");
			params.put("room", room);
		}
		sql.append(" order by n.name, length(c.building), c.building, length(c.unit), c.unit, length(c.room), c.room limit :limit");
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params).query(CustomerRepository::row).list();
	}

	boolean exists(long id) {
		return jdbc.sql("select exists (select 1 from customer where id = ?)").param(id).query(Boolean.class).single();
	}

	boolean accountNoTaken(String accountNo, long exceptId) {
		return jdbc.sql("select exists (select 1 from customer where account_no = ? and id <> ?)")
			.params(accountNo, exceptId)
			.query(Boolean.class)
			.single();
	}

	/** Which of {@code accountNos} already exist: one query for a whole import. */
	List<String> existingAccountNos(Collection<String> accountNos) {
		if (accountNos.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select account_no from customer where account_no = any(?)")
			.param(accountNos.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	long insert(NewCustomer c, Instant now) {
		long id = jdbc.sql("""
				insert into customer (account_no, name, id_number, community_id, building, unit, room, heated_area,
				                      substation_id, heating_status, notes, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(c.accountNo(), c.name(), c.idNumber(), c.communityId(), c.building(), c.unit(), c.room(),
					c.heatedArea(), c.substationId(), c.heatingStatus().name(), c.notes(), Timestamp.from(now),
					Timestamp.from(now))
			.query(Long.class)
			.single();
		replacePhones(id, c.communityId(), c.phones());
		return id;
	}

	boolean update(long id, int version, NewCustomer c, Instant now) {
		int n = jdbc.sql("""
				update customer set name = ?, id_number = ?, community_id = ?, building = ?, unit = ?, room = ?,
				       heated_area = ?, substation_id = ?, heating_status = ?, notes = ?, version = version + 1,
				       updated_at = ?
				where id = ? and version = ?""")
			.params(c.name(), c.idNumber(), c.communityId(), c.building(), c.unit(), c.room(), c.heatedArea(),
					c.substationId(), c.heatingStatus().name(), c.notes(), Timestamp.from(now), id, version)
			.update();
		if (n == 0) {
			return false;
		}
		replacePhones(id, c.communityId(), c.phones());
		return true;
	}

	private void replacePhones(long customerId, long communityId, List<String> phones) {
		jdbc.sql("delete from customer_phone where customer_id = ?").param(customerId).update();
		for (int i = 0; i < phones.size(); i++) {
			jdbc.sql("insert into customer_phone (customer_id, position, phone, last4, community_id) values (?, ?, ?, ?, ?)")
				.params(customerId, i, phones.get(i), Phones.last4(phones.get(i)), communityId)
				.update();
		}
	}

	String maxDemoAccountNo() {
		return jdbc.sql("select max(account_no) from customer where account_no ~ '^A[0-9]{7}$'").query(String.class).single();
	}

	long count() {
		return jdbc.sql("select count(*) from customer").query(Long.class).single();
	}

	// access log

	void logAccess(Instant at, String actor, String address, Long customerId, String purpose, String reason) {
		jdbc.sql("""
				insert into customer_access_log (occurred_at, actor, actor_address, customer_id, purpose, reason)
				values (?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(at), actor, address, customerId, purpose, reason)
			.update();
	}

	record AccessEntry(long id, Instant occurredAt, String actor, String actorAddress, Long customerId, String accountNo,
			String purpose, String reason) {
	}

	List<AccessEntry> accessLog(String actor, String accountNo, String purpose, Instant from, Instant to, int limit) {
		StringBuilder sql = new StringBuilder("""
				select l.id, l.occurred_at, l.actor, l.actor_address, l.customer_id, c.account_no, l.purpose, l.reason
				from customer_access_log l left join customer c on c.id = l.customer_id where 1 = 1""");
		Map<String, Object> params = new LinkedHashMap<>();
		if (actor != null) {
			sql.append(" and l.actor = :actor");
			params.put("actor", actor);
		}
		if (accountNo != null) {
			sql.append(" and c.account_no = :accountNo");
			params.put("accountNo", accountNo);
		}
		if (purpose != null) {
			sql.append(" and l.purpose = :purpose");
			params.put("purpose", purpose);
		}
		if (from != null) {
			sql.append(" and l.occurred_at >= :from");
			params.put("from", Timestamp.from(from));
		}
		if (to != null) {
			sql.append(" and l.occurred_at < :to");
			params.put("to", Timestamp.from(to));
		}
		sql.append(" order by l.occurred_at desc, l.id desc limit :limit");
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params).query((rs, i) -> new AccessEntry(rs.getLong("id"),
				rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("actor_address"),
				(Long) rs.getObject("customer_id"), rs.getString("account_no"), rs.getString("purpose"),
				rs.getString("reason")))
			.list();
	}

	// contracts

	record TemplateRow(long id, String version, String title, String body, LocalDate effectiveFrom) {
	}

	record ContractRow(long id, long customerId, long templateId, String templateVersion, String templateTitle,
			LocalDate signedOn, LocalDate validFrom, LocalDate validTo) {

		public boolean currentOn(LocalDate day) {
			return !validFrom.isAfter(day) && !validTo.isBefore(day);
		}
	}

	List<TemplateRow> templates() {
		return jdbc.sql("select id, version, title, body, effective_from from customer_contract_template order by effective_from desc, id desc")
			.query(TemplateRow.class)
			.list();
	}

	Optional<TemplateRow> template(long id) {
		return jdbc.sql("select id, version, title, body, effective_from from customer_contract_template where id = ?")
			.param(id)
			.query(TemplateRow.class)
			.optional();
	}

	boolean templateVersionTaken(String version) {
		return jdbc.sql("select exists (select 1 from customer_contract_template where version = ?)")
			.param(version)
			.query(Boolean.class)
			.single();
	}

	long insertTemplate(String version, String title, String body, LocalDate effectiveFrom, Instant now, String by) {
		return jdbc.sql("""
				insert into customer_contract_template (version, title, body, effective_from, created_at, created_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(version, title, body, effectiveFrom, Timestamp.from(now), by)
			.query(Long.class)
			.single();
	}

	List<ContractRow> contracts(long customerId) {
		return jdbc.sql("""
				select k.id, k.customer_id, k.template_id, t.version as template_version, t.title as template_title,
				       k.signed_on, k.valid_from, k.valid_to
				from customer_contract k join customer_contract_template t on t.id = k.template_id
				where k.customer_id = ? order by k.valid_to desc, k.id desc""")
			.param(customerId)
			.query(ContractRow.class)
			.list();
	}

	long insertContract(long customerId, long templateId, LocalDate signedOn, LocalDate from, LocalDate to, Instant now,
			String by) {
		return jdbc.sql("""
				insert into customer_contract (customer_id, template_id, signed_on, valid_from, valid_to, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(customerId, templateId, signedOn, from, to, Timestamp.from(now), by)
			.query(Long.class)
			.single();
	}

	/** Customers not disconnected who have no contract valid on {@code day}. */
	List<CustomerRow> withoutCurrentContract(LocalDate day, int limit) {
		return jdbc.sql(SELECT + """
				 where c.heating_status <> 'DISCONNECTED'
				   and not exists (select 1 from customer_contract k
				                   where k.customer_id = c.id and k.valid_from <= ? and k.valid_to >= ?)
				 order by c.account_no limit ?""")
			.params(day, day, limit)
			.query(CustomerRepository::row)
			.list();
	}

	long countWithoutCurrentContract(LocalDate day) {
		return jdbc.sql("""
				select count(*) from customer c where c.heating_status <> 'DISCONNECTED'
				   and not exists (select 1 from customer_contract k
				                   where k.customer_id = c.id and k.valid_from <= ? and k.valid_to >= ?)""")
			.params(day, day)
			.query(Long.class)
			.single();
	}

	long countActive() {
		return jdbc.sql("select count(*) from customer where heating_status <> 'DISCONNECTED'").query(Long.class).single();
	}

	/** All customers in account order, for the manager's export (streamed in pages by the caller). */
	List<CustomerRow> page(String afterAccountNo, int limit) {
		return jdbc.sql(SELECT + " where c.account_no > ? order by c.account_no limit ?")
			.params(afterAccountNo, limit)
			.query(CustomerRepository::row)
			.list();
	}

	static CustomerRow row(ResultSet rs, int i) throws SQLException {
		Array phones = rs.getArray("phones");
		List<String> list = phones == null ? List.of() : Arrays.asList((String[]) phones.getArray());
		Timestamp updated = rs.getTimestamp("updated_at");
		return new CustomerRow(rs.getLong("id"), rs.getString("account_no"), rs.getString("name"), List.copyOf(list),
				rs.getString("id_number"), rs.getLong("community_id"), rs.getString("community_name"),
				rs.getString("building"), rs.getString("unit"), rs.getString("room"), rs.getBigDecimal("heated_area"),
				(Long) rs.getObject("substation_id"), HeatingStatus.valueOf(rs.getString("heating_status")),
				rs.getString("notes"), rs.getInt("version"), updated == null ? null : updated.toInstant());
	}
}
