package org.heatdesk.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.heatdesk.network.CommunityView;

/**
 * A deterministic generator of demo customers: the customer with sequence number {@code n} is
 * always the same person at the same address, whoever asks and in whatever batch. Customer
 * {@code n} lives in community {@code n mod C} in the {@code n div C}-th dwelling of it.
 */
final class DemoCustomers {

	static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国建华志强海燕文斌晓东丹宁俊峰鹏飞婷雪梅淑珍凤英桂芝春梅立新玉梅振华国庆红梅金凤德明永刚建军文杰晓燕思远欣怡子涵浩然雨轩梓萱一诺佳怡宇航子轩欣妍博文";

	private static final int FLOORS = 18;

	private static final int ROOMS_PER_FLOOR = 4;

	private static final int UNITS = 4;

	private static final String[] MOBILE_PREFIXES = { "130", "131", "132", "133", "135", "136", "137", "138", "139",
			"150", "151", "152", "155", "156", "157", "158", "159", "180", "181", "182", "185", "186", "187", "188",
			"189" };

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] ID_CHECK = "10X98765432".toCharArray();

	private final List<CommunityView> communities;

	private final long seed;

	DemoCustomers(List<CommunityView> communities, long seed) {
		this.communities = List.copyOf(communities);
		this.seed = seed;
	}

	static String accountNo(long n) {
		return "A" + (1_000_000 + n);
	}

	/** Customers {@code from} (inclusive) to {@code to} (exclusive). */
	List<NewCustomer> range(long from, long to) {
		List<NewCustomer> list = new ArrayList<>((int) (to - from));
		for (long n = from; n < to; n++) {
			list.add(customer(n));
		}
		return list;
	}

	NewCustomer customer(long n) {
		SplittableRandom random = new SplittableRandom(seed * 1_000_003L + n);
		CommunityView community = communities.get((int) (n % communities.size()));
		long dwelling = n / communities.size();
		// Spread over the community's buildings (8 to 30 of them), then units, rooms and floors; a
		// community that is full gets further buildings. Every n has its own dwelling.
		int buildings = 8 + (int) (Math.floorMod(community.id() * 7919L, 23L));
		long rest = dwelling / buildings;
		int unit = (int) (rest % UNITS) + 1;
		long perUnit = rest / UNITS;
		// 29 is coprime to the 72 dwellings of a unit: a permutation that spreads people over the floors.
		int slot = (int) (perUnit % (ROOMS_PER_FLOOR * FLOORS) * 29 % (ROOMS_PER_FLOOR * FLOORS));
		int room = slot % ROOMS_PER_FLOOR + 1;
		int floor = slot / ROOMS_PER_FLOOR + 1;
		long building = dwelling % buildings + 1 + buildings * (perUnit / (ROOMS_PER_FLOOR * FLOORS));
		String name = name(random);
		List<String> phones = new ArrayList<>(2);
		int kind = random.nextInt(100);
		if (kind < 8) {
			phones.add(landline(random));
		}
		else {
			phones.add(mobile(random));
			if (kind < 28) {
				phones.add(random.nextBoolean() ? mobile(random) : landline(random));
			}
		}
		String idNumber = random.nextInt(100) < 60 ? idNumber(random) : null;
		BigDecimal area = BigDecimal.valueOf(5000 + random.nextInt(11001), 2);
		int s = random.nextInt(100);
		HeatingStatus status = s < 93 ? HeatingStatus.HEATING : s < 98 ? HeatingStatus.SUSPENDED : HeatingStatus.DISCONNECTED;
		return new NewCustomer(accountNo(n), name, List.copyOf(phones), idNumber, community.id(), Long.toString(building),
				Integer.toString(unit), Integer.toString(floor * 100 + room), area, community.substationId(), status, null);
	}

	/** Which contract the demo customer {@code n} has: 0 current, 1 only an expired one, 2 none. */
	int contractKind(long n) {
		int k = new SplittableRandom(seed * 7_919L + n).nextInt(100);
		return k < 90 ? 0 : k < 95 ? 1 : 2;
	}

	LocalDate signedOn(long n, LocalDate seasonStart) {
		return seasonStart.minusDays(new SplittableRandom(seed * 104_729L + n).nextInt(60));
	}

	static String name(SplittableRandom random) {
		char surname = SURNAMES.charAt(random.nextInt(SURNAMES.length()));
		StringBuilder b = new StringBuilder().append(surname);
		int length = random.nextInt(100) < 35 ? 1 : 2;
		for (int i = 0; i < length; i++) {
			b.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
		}
		return b.toString();
	}

	static String mobile(SplittableRandom random) {
		return MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)] + pad(random.nextInt(100_000_000), 8);
	}

	static String landline(SplittableRandom random) {
		return "0531-8" + pad(random.nextInt(10_000_000), 7);
	}

	private static String pad(int value, int width) {
		String s = Integer.toString(value);
		return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
	}

	/** A well-formed 18-character resident ID number of Jinan (3701xx), with its check character. */
	static String idNumber(SplittableRandom random) {
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65));
		String body = "3701" + String.format("%02d", 2 + random.nextInt(11)) + birth.toString().replace("-", "")
				+ String.format("%03d", random.nextInt(1000));
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return body + ID_CHECK[sum % 11];
	}
}
