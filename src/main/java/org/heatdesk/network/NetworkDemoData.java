package org.heatdesk.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.heatdesk.platform.DemoDataSeeder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo network of a city in Shandong (Jinan): 3 heat sources, 40 substations in five areas,
 * about 300 communities, hourly telemetry for {@code heatdesk.demo.telemetry-days} days (7 by
 * default), CY-07 in fault with a fault outage in progress, SZ-03 in warning, HY-06 under
 * maintenance and a planned outage of TQ-04 tomorrow. Same seed, same network.
 */
@Component
@Order(20)
class NetworkDemoData implements DemoDataSeeder {

	static final long SEED = 20261127L;

	/** The substation in fault in the demo, and the community it serves that tests and demos use. */
	static final String FAULT_SUBSTATION = "CY-07";

	static final String FAULT_COMMUNITY = "翠园小区";

	private static final int SUBSTATIONS_PER_AREA = 8;

	private static final int COMMUNITIES = 300;

	private static final int BATCH = 1000;

	private record Source(String code, String name, String kind, double capacity, String location) {
	}

	private record Area(String prefix, String name, String district, int source) {
	}

	private static final List<Source> SOURCES = List.of(
			new Source("HS-1", "金鼎热电厂", "CHP", 600, "历城区工业北路 188 号"),
			new Source("HS-2", "东郊锅炉房", "BOILER", 280, "历下区经十东路 9 号"),
			new Source("HS-3", "西城热源厂", "BOILER", 350, "槐荫区日照路 66 号"));

	private static final List<Area> AREAS = List.of(new Area("CY", "翠园", "历城区", 0),
			new Area("LX", "历下", "历下区", 0), new Area("SZ", "市中", "市中区", 1), new Area("HY", "槐荫", "槐荫区", 2),
			new Area("TQ", "天桥", "天桥区", 2));

	private static final List<String> ROADS = List.of("经十路", "解放路", "山大路", "二环东路", "花园路", "工业南路", "舜耕路",
			"英雄山路", "经四路", "纬二路", "北园大街", "济泺路", "堤口路", "张庄路", "经七路", "和平路", "文化东路", "历山路",
			"泉城路", "共青团路");

	private static final List<String> PREFIXES = List.of("银座", "阳光", "锦绣", "华府", "明湖", "千佛山", "大明湖", "趵突泉",
			"舜耕", "燕山", "洪楼", "七里山", "英雄山", "玉函", "领秀", "鲁能", "绿地", "万科", "恒大", "融创", "中海", "龙湖", "保利",
			"海尔", "三庆", "银丰", "高新", "奥体", "汉峪", "东城", "西城", "北园", "南郊", "历山", "文化", "和平", "解放", "山大",
			"经十", "花园", "工业", "化纤", "匡山", "腊山", "党家", "王舍人", "唐冶", "彩石", "港沟", "荷花", "柳荫", "杨柳", "紫薇",
			"丁香", "玉兰", "桂花", "海棠", "枫林", "松园", "竹园", "梅园", "兰亭", "御景", "名士", "春晖", "盛世", "金色",
			"凤凰", "天鹅", "白马", "黄河", "小清河", "济泺", "北湖", "泉景", "山水", "碧桂", "舜华", "龙奥", "齐鲁", "鲁邦", "丰奥",
			"新城", "西客站", "腊山河", "清河", "幸福", "康桥", "长盛", "东舜",
			"金科", "旅游路", "燕子山", "甸柳", "姚家", "文东", "燕翔", "羊头峪", "东关", "青龙", "五里沟", "道德街", "十亩园");

	private static final List<String> SUFFIXES = List.of("小区", "花园", "新苑", "家园", "名苑", "雅苑", "华庭", "公寓", "新村",
			"嘉园", "佳苑", "山庄", "府", "里");

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Network network;

	private final Clock clock;

	private final int telemetryDays;

	NetworkDemoData(JdbcClient jdbc, JdbcTemplate template, Network network, Clock clock,
			@Value("${heatdesk.demo.telemetry-days:7}") int telemetryDays) {
		this.jdbc = jdbc;
		this.template = template;
		this.network = network;
		this.clock = clock;
		this.telemetryDays = Math.max(1, telemetryDays);
	}

	@Override
	public String name() {
		return "network";
	}

	@Override
	public void seed() {
		Random random = new Random(SEED);
		Instant now = clock.instant();
		List<Long> sourceIds = new ArrayList<>();
		for (Source s : SOURCES) {
			sourceIds.add(jdbc.sql("""
					insert into network_heat_source (code, name, kind, capacity_mw, location) values (?, ?, ?, ?, ?) returning id""")
				.params(s.code(), s.name(), s.kind(), s.capacity(), s.location())
				.query(Long.class)
				.single());
		}
		Map<String, Long> substations = new LinkedHashMap<>();
		Map<String, Area> areaOf = new LinkedHashMap<>();
		for (Area area : AREAS) {
			for (int n = 1; n <= SUBSTATIONS_PER_AREA; n++) {
				String code = "%s-%02d".formatted(area.prefix(), n);
				String location = area.district() + ROADS.get(random.nextInt(ROADS.size())) + (10 + random.nextInt(290)) + "号";
				double capacity = 8 + random.nextInt(25);
				long id = jdbc.sql("""
						insert into network_substation (code, name, heat_source_id, capacity_mw, location)
						values (?, ?, ?, ?, ?) returning id""")
					.params(code, area.name() + n + "号换热站", sourceIds.get(area.source()), capacity, location)
					.query(Long.class)
					.single();
				substations.put(code, id);
				areaOf.put(code, area);
			}
		}
		seedCommunities(random, substations, areaOf);
		seedTelemetry(random, substations, now);
		Instant maintenanceSince = now.minus(Duration.ofHours(5));
		jdbc.sql("""
				insert into network_status_change (substation_id, from_status, to_status, changed_at)
				select id, status, 'MAINTENANCE', ? from network_substation where code = 'HY-06'""")
			.param(Timestamp.from(maintenanceSince))
			.update();
		jdbc.sql("update network_substation set status = 'MAINTENANCE', status_manual = true, status_since = ? where code = 'HY-06'")
			.param(Timestamp.from(maintenanceSince))
			.update();
		seedOutages(substations, now);
	}

	private void seedCommunities(Random random, Map<String, Long> substations, Map<String, Area> areaOf) {
		Map<String, String> fixed = new LinkedHashMap<>();
		fixed.put(FAULT_COMMUNITY, FAULT_SUBSTATION);
		fixed.put("金鼎花园", "LX-01");
		fixed.put("泉城新苑", "SZ-02");
		Set<String> names = new LinkedHashSet<>(fixed.keySet());
		Map<String, Integer> perPrefix = new LinkedHashMap<>();
		List<String> combos = new ArrayList<>();
		for (String p : PREFIXES) {
			for (String s : SUFFIXES) {
				combos.add(p + s);
			}
		}
		java.util.Collections.shuffle(combos, random);
		for (String name : combos) {
			if (names.size() >= COMMUNITIES) {
				break;
			}
			String prefix = PREFIXES.stream().filter(name::startsWith).max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
			if (perPrefix.merge(prefix, 1, Integer::sum) <= 3) {
				names.add(name);
			}
		}
		List<String> codes = new ArrayList<>(substations.keySet());
		List<Object[]> rows = new ArrayList<>();
		int i = 0;
		for (String name : names) {
			String code = fixed.containsKey(name) ? fixed.get(name) : codes.get((i++ + random.nextInt(3)) % codes.size());
			rows.add(new Object[] { name, areaOf.get(code).district(), substations.get(code) });
		}
		template.batchUpdate("insert into network_community (name, district, substation_id) values (?, ?, ?)", rows);
	}

	private void seedTelemetry(Random random, Map<String, Long> substations, Instant now) {
		Instant last = now.truncatedTo(ChronoUnit.HOURS);
		int hours = telemetryDays * 24;
		List<Object[]> batch = new ArrayList<>();
		List<Object[]> changes = new ArrayList<>();
		for (Map.Entry<String, Long> e : substations.entrySet()) {
			String code = e.getKey();
			long id = e.getValue();
			double base = 93 + random.nextDouble() * 6;
			double secondary = 51 + random.nextDouble() * 4;
			double pressure = 0.40 + random.nextDouble() * 0.12;
			double flow = 70 + random.nextDouble() * 120;
			OperatingStatus status = OperatingStatus.UNKNOWN;
			Instant since = null;
			Reading latest = null;
			for (int h = hours - 1; h >= 0; h--) {
				Instant at = last.minus(Duration.ofHours(h));
				// colder at night: the daily swing follows the hour in the company's zone
				double swing = Math.cos((at.atZone(ZoneId.of("Asia/Shanghai")).getHour() - 5) * Math.PI / 12);
				double ps = base + 4 * swing + random.nextGaussian() * 0.8;
				double pr = 48 + 2 * swing + random.nextGaussian() * 0.6;
				double ss = secondary + 2 * swing + random.nextGaussian() * 0.4;
				double sr = ss - 10 - random.nextDouble() * 2;
				double p = pressure + random.nextGaussian() * 0.01;
				double f = flow + 6 * swing + random.nextGaussian() * 2;
				if (code.equals(FAULT_SUBSTATION) && h < 4) {
					// a burst on the secondary loop: pressure and supply temperature collapse
					double k = 4 - h;
					ss = secondary - 6 * k;
					sr = ss - 5;
					p = Math.max(0.06, pressure - 0.09 * k);
					f = flow * (1 - 0.15 * k);
				}
				if (code.equals("SZ-03") && h < 6) {
					ss = 42.5 + random.nextDouble();
					sr = ss - 8;
				}
				Reading r = new Reading(at, round(ps, 1), round(pr, 1), round(ss, 1), round(sr, 1), round(p, 3), round(f, 1));
				batch.add(new Object[] { id, Timestamp.from(at), r.primarySupplyTemp(), r.primaryReturnTemp(),
						r.secondarySupplyTemp(), r.secondaryReturnTemp(), r.pressure(), r.flow(), Timestamp.from(at) });
				OperatingStatus next = StatusRules.derive(Thresholds.DEFAULTS, r);
				if (next != status) {
					changes.add(new Object[] { id, status.name(), next.name(),
							Timestamp.from(at) });
					status = next;
					since = at;
				}
				latest = r;
				if (batch.size() >= BATCH) {
					insertReadings(batch);
				}
			}
			jdbc.sql("""
					update network_substation set status = ?, status_since = ?, last_reading_at = ?, primary_supply_temp = ?,
					  primary_return_temp = ?, secondary_supply_temp = ?, secondary_return_temp = ?, pressure = ?, flow = ?
					where id = ?""")
				.params(status.name(), Timestamp.from(since), Timestamp.from(latest.readAt()), latest.primarySupplyTemp(),
						latest.primaryReturnTemp(), latest.secondarySupplyTemp(), latest.secondaryReturnTemp(),
						latest.pressure(), latest.flow(), id)
				.update();
		}
		insertReadings(batch);
		template.batchUpdate("""
				insert into network_status_change (substation_id, from_status, to_status, changed_at) values (?, ?, ?, ?)""",
				changes);
	}

	private void insertReadings(List<Object[]> batch) {
		if (batch.isEmpty()) {
			return;
		}
		template.batchUpdate("""
				insert into network_reading (substation_id, read_at, primary_supply_temp, primary_return_temp,
				  secondary_supply_temp, secondary_return_temp, pressure, flow, received_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
		batch.clear();
	}

	private void seedOutages(Map<String, Long> substations, Instant now) {
		Instant hour = now.truncatedTo(ChronoUnit.HOURS);
		network.publishOutage(new Network.NewOutage(OutageKind.FAULT, "翠园7号换热站二次网管道爆裂抢修",
				"因翠园7号换热站二次网供水管道突发爆裂，翠园小区等小区暂停供热，抢修人员已到场，预计恢复时间见下。给您带来不便，敬请谅解。",
				hour.minus(Duration.ofHours(1)), hour.plus(Duration.ofHours(6)), List.of(substations.get(FAULT_SUBSTATION)),
				List.of()));
		ZoneId zone = ZoneId.of("Asia/Shanghai");
		LocalDate tomorrow = now.atZone(zone).toLocalDate().plusDays(1);
		network.publishOutage(new Network.NewOutage(OutageKind.PLANNED, "天桥4号换热站计划检修停热",
				"为保障供热安全，天桥4号换热站将进行换热器清洗检修，检修期间所供小区暂停供热，请提前做好防寒准备。",
				tomorrow.atTime(8, 0).atZone(zone).toInstant(), tomorrow.atTime(17, 0).atZone(zone).toInstant(),
				List.of(substations.get("TQ-04")), List.of()));
	}

	private static double round(double value, int digits) {
		double f = Math.pow(10, digits);
		return Math.round(value * f) / f;
	}
}
