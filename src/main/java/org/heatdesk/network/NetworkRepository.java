package org.heatdesk.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.heatdesk.platform.SqlValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for heat sources, substations, communities and outages. */
@Repository
class NetworkRepository {

	private static final String SUBSTATION = """
			select s.id, s.code, s.name, s.heat_source_id, h.name as heat_source_name, s.status, s.last_reading_at,
			       s.primary_supply_temp, s.primary_return_temp, s.secondary_supply_temp, s.secondary_return_temp,
			       s.pressure, s.flow, s.status_since, s.status_manual, s.capacity_mw, s.location
			from network_substation s join network_heat_source h on h.id = s.heat_source_id
			""";

	private static final String COMMUNITY = """
			select c.id, c.name, c.district, c.substation_id, s.code as substation_code
			from network_community c join network_substation s on s.id = c.substation_id
			""";

	private static final String OUTAGE = """
			select o.id, o.kind, o.title, o.notice_text, o.starts_at, o.expected_restore_at, o.restored_at,
			       o.created_by, o.created_at,
			       array(select os.substation_id from network_outage_substation os join network_substation s on s.id = os.substation_id
			             where os.outage_id = o.id order by s.code) as substation_ids,
			       array(select s.code from network_outage_substation os join network_substation s on s.id = os.substation_id
			             where os.outage_id = o.id order by s.code) as substation_codes,
			       array(select oc.community_id from network_outage_community oc join network_community c on c.id = oc.community_id
			             where oc.outage_id = o.id order by c.name) as community_ids,
			       array(select c.name from network_outage_community oc join network_community c on c.id = oc.community_id
			             where oc.outage_id = o.id order by c.name) as community_names
			from network_outage o
			""";

	private final JdbcClient jdbc;

	NetworkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A heat source. */
	record HeatSource(long id, String code, String name, String kind, Double capacityMw, String location) {
	}

	List<HeatSource> heatSources() {
		return jdbc.sql("select id, code, name, kind, capacity_mw, location from network_heat_source order by code")
			.query((rs, n) -> new HeatSource(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("kind"), doubleOrNull(rs, "capacity_mw"), rs.getString("location")))
			.list();
	}

	Optional<SubstationView> substation(long id) {
		return jdbc.sql(SUBSTATION + " where s.id = ?").param(id).query(NetworkRepository::substation).optional();
	}

	Optional<SubstationView> substationByCode(String code) {
		return jdbc.sql(SUBSTATION + " where s.code = ?").param(code).query(NetworkRepository::substation).optional();
	}

	List<SubstationView> substations(Long heatSourceId, OperatingStatus status) {
		StringBuilder sql = new StringBuilder(SUBSTATION).append(" where true");
		List<Object> params = new ArrayList<>();
		if (heatSourceId != null) {
			sql.append(" and s.heat_source_id = ?");
			params.add(heatSourceId);
		}
		if (status != null) {
			sql.append(" and s.status = ?");
			params.add(status.name());
		}
		sql.append(" order by s.code");
		return jdbc.sql(sql.toString()).params(params).query(NetworkRepository::substation).list();
	}

	Optional<Thresholds> thresholds(long substationId) {
		return jdbc.sql("""
				select primary_supply_warn_min, primary_supply_fault_min, secondary_supply_warn_min,
				       secondary_supply_fault_min, pressure_warn_min, pressure_warn_max, pressure_fault_min,
				       pressure_fault_max, flow_warn_min, flow_fault_min
				from network_substation where id = ?""")
			.param(substationId)
			.query((rs, n) -> new Thresholds(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
					rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10)))
			.optional();
	}

	Optional<CommunityView> community(long id) {
		return jdbc.sql(COMMUNITY + " where c.id = ?").param(id).query(NetworkRepository::community).optional();
	}

	Optional<CommunityView> communityByName(String name) {
		return jdbc.sql(COMMUNITY + " where c.name = ?").param(name).query(NetworkRepository::community).optional();
	}

	List<CommunityView> communities() {
		return jdbc.sql(COMMUNITY + " order by c.name").query(NetworkRepository::community).list();
	}

	List<CommunityView> communitiesServedBy(long substationId) {
		return jdbc.sql(COMMUNITY + " where c.substation_id = ? order by c.name")
			.param(substationId)
			.query(NetworkRepository::community)
			.list();
	}

	/**
	 * The communities an outage cuts off: every community served by a substation it names, and
	 * every community it names on its own; by substation code, then name.
	 */
	List<CommunityView> communitiesAffectedBy(long outageId) {
		return jdbc.sql(COMMUNITY + """
				 where c.substation_id in (select os.substation_id from network_outage_substation os where os.outage_id = ?)
				    or c.id in (select oc.community_id from network_outage_community oc where oc.outage_id = ?)
				 order by s.code, c.name""")
			.params(outageId, outageId)
			.query(NetworkRepository::community)
			.list();
	}

	/** Exact name first, then names starting with the text, then names containing it; shorter first. */
	List<CommunityView> matchCommunities(String text, int limit) {
		String like = "%" + SqlValues.escapeLike(text) + "%";
		String prefix = SqlValues.escapeLike(text) + "%";
		return jdbc.sql(COMMUNITY + """
				 where c.name like ? escape '\\'
				 order by case when c.name = ? then 0 when c.name like ? escape '\\' then 1 else 2 end,
				          char_length(c.name), c.name
				 limit ?""")
			.params(like, text, prefix, limit)
			.query(NetworkRepository::community)
			.list();
	}

	Optional<OutageView> outage(long id) {
		return jdbc.sql(OUTAGE + " where o.id = ?").param(id).query(NetworkRepository::outage).optional();
	}

	/** Outages not restored, active ones and upcoming ones, the soonest start first. */
	List<OutageView> openOutages() {
		return jdbc.sql(OUTAGE + " where o.restored_at is null order by o.starts_at, o.id")
			.query(NetworkRepository::outage)
			.list();
	}

	/** Active at {@code now}: started and not restored. */
	List<OutageView> activeOutages(Instant now) {
		return jdbc.sql(OUTAGE + " where o.restored_at is null and o.starts_at <= ? order by o.starts_at, o.id")
			.param(Timestamp.from(now))
			.query(NetworkRepository::outage)
			.list();
	}

	/** The latest outages of any state, newest start first. */
	List<OutageView> recentOutages(int limit) {
		return jdbc.sql(OUTAGE + " order by o.starts_at desc, o.id desc limit ?")
			.param(limit)
			.query(NetworkRepository::outage)
			.list();
	}

	/**
	 * Outages not restored that cover the substation, the community, or the substation serving the
	 * community; with {@code activeOnly} only those already started at {@code now}.
	 */
	List<OutageView> outagesAffecting(Long substationId, Long communityId, Instant now, boolean activeOnly) {
		return jdbc.sql(OUTAGE + """
				 where o.restored_at is null
				   and (not ? or o.starts_at <= ?)
				   and (exists (select 1 from network_outage_substation os
				                where os.outage_id = o.id
				                  and (os.substation_id = ?
				                       or os.substation_id = (select c.substation_id from network_community c where c.id = ?)))
				        or exists (select 1 from network_outage_community oc where oc.outage_id = o.id and oc.community_id = ?))
				 order by o.starts_at, o.id""")
			.params(activeOnly, Timestamp.from(now), substationId, communityId, communityId)
			.query(NetworkRepository::outage)
			.list();
	}

	/** All outages touching a substation (directly or through a community it serves), newest first. */
	List<OutageView> outagesOfSubstation(long substationId, int limit) {
		return jdbc.sql(OUTAGE + """
				 where exists (select 1 from network_outage_substation os where os.outage_id = o.id and os.substation_id = ?)
				    or exists (select 1 from network_outage_community oc join network_community c on c.id = oc.community_id
				               where oc.outage_id = o.id and c.substation_id = ?)
				 order by o.starts_at desc, o.id desc limit ?""")
			.params(substationId, substationId, limit)
			.query(NetworkRepository::outage)
			.list();
	}

	private static SubstationView substation(ResultSet rs, int n) throws SQLException {
		return new SubstationView(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
				rs.getLong("heat_source_id"), rs.getString("heat_source_name"),
				OperatingStatus.valueOf(rs.getString("status")), SqlValues.instant(rs, "last_reading_at"),
				doubleOrNull(rs, "primary_supply_temp"), doubleOrNull(rs, "primary_return_temp"),
				doubleOrNull(rs, "secondary_supply_temp"), doubleOrNull(rs, "secondary_return_temp"),
				doubleOrNull(rs, "pressure"), doubleOrNull(rs, "flow"), SqlValues.instant(rs, "status_since"),
				rs.getBoolean("status_manual"), doubleOrNull(rs, "capacity_mw"), rs.getString("location"));
	}

	private static CommunityView community(ResultSet rs, int n) throws SQLException {
		return new CommunityView(rs.getLong("id"), rs.getString("name"), rs.getString("district"),
				rs.getLong("substation_id"), rs.getString("substation_code"));
	}

	private static OutageView outage(ResultSet rs, int n) throws SQLException {
		return new OutageView(rs.getLong("id"), OutageKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getString("notice_text"), SqlValues.instant(rs, "starts_at"), SqlValues.instant(rs, "expected_restore_at"),
				SqlValues.instant(rs, "restored_at"), longs(rs, "substation_ids"), longs(rs, "community_ids"),
				strings(rs, "substation_codes"), strings(rs, "community_names"), rs.getString("created_by"),
				SqlValues.instant(rs, "created_at"));
	}

	static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	private static List<Long> longs(ResultSet rs, String column) throws SQLException {
		java.sql.Array array = rs.getArray(column);
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Long[]) array.getArray()).toList();
	}

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		java.sql.Array array = rs.getArray(column);
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((String[]) array.getArray()).toList();
	}
}
