package org.heatdesk.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.heatdesk.platform.InputChecks;

/**
 * A customer as typed into the form or read from one row of an import file, before validation.
 * Phones are one text with numbers separated by {@code ;}, {@code ,}, {@code /} or {@code 、}.
 * The community is given by id (form) or by name (import); the substation by id or code, and when
 * absent it is the community's substation.
 */
record CustomerInput(String accountNo, String name, String phones, String idNumber, Long communityId,
		String communityName, String building, String unit, String room, String heatedArea, Long substationId,
		String substationCode, String heatingStatus, String notes) {

	/** One thing wrong with the input: which field, the error code (message key {@code error.<code>}) and its arguments. */
	record Problem(String field, String code, Object... args) {
	}

	/** Where the rules look up communities and substations. */
	interface Places {

		/** The community's id and the id of the substation serving it, or {@code null}. */
		long[] communityById(long id);

		/** The community's id and the id of the substation serving it, or {@code null}. */
		long[] communityByName(String name);

		Long substationByCode(String code);

		boolean substationExists(long id);
	}

	static final Pattern ACCOUNT_NO = Pattern.compile("[A-Z0-9][A-Z0-9-]{3,19}");

	static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9X]|[0-9]{15}");

	static final Pattern ADDRESS_PART = Pattern.compile("[0-9A-Za-z]{1,10}");

	private static final Pattern PHONE_SEPARATORS = Pattern.compile("[;,/、；，]+");

	static final BigDecimal MAX_AREA = new BigDecimal("100000");

	/**
	 * Checks every rule and gives the customer to store, or every problem found (then no customer).
	 * @param accountEditable whether the account number is part of the input (create, import) or fixed (edit)
	 */
	Result validate(Places places, boolean accountEditable) {
		List<Problem> problems = new ArrayList<>();
		String account = InputChecks.trim(accountNo);
		if (accountEditable) {
			if (account == null) {
				problems.add(new Problem("accountNo", "REQUIRED"));
			}
			else {
				account = account.toUpperCase();
				if (!ACCOUNT_NO.matcher(account).matches()) {
					problems.add(new Problem("accountNo", "CUSTOMER_ACCOUNT_NO_FORMAT", account));
				}
			}
		}
		String n = InputChecks.trim(name);
		if (n == null) {
			problems.add(new Problem("name", "REQUIRED"));
		}
		else if (n.length() > 60) {
			problems.add(new Problem("name", "TOO_LONG", 60));
		}
		List<String> phoneList = new ArrayList<>();
		String rawPhones = InputChecks.trim(phones);
		if (rawPhones == null) {
			problems.add(new Problem("phones", "REQUIRED"));
		}
		else {
			for (String raw : PHONE_SEPARATORS.split(rawPhones)) {
				String r = raw.strip();
				if (r.isEmpty()) {
					continue;
				}
				String phone = Phones.normalize(r);
				if (phone == null) {
					problems.add(new Problem("phones", "CUSTOMER_PHONE_FORMAT", r));
				}
				else if (!phoneList.contains(phone)) {
					phoneList.add(phone);
				}
			}
			if (phoneList.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("phones"))) {
				problems.add(new Problem("phones", "REQUIRED"));
			}
			if (phoneList.size() > 5) {
				problems.add(new Problem("phones", "CUSTOMER_PHONE_TOO_MANY", 5));
			}
		}
		String id = InputChecks.trim(idNumber);
		if (id != null) {
			id = id.toUpperCase();
			if (!ID_NUMBER.matcher(id).matches()) {
				problems.add(new Problem("idNumber", "CUSTOMER_ID_NUMBER_FORMAT"));
			}
		}
		long[] community = null;
		String cName = InputChecks.trim(communityName);
		if (communityId != null) {
			community = places.communityById(communityId);
			if (community == null) {
				problems.add(new Problem("community", "CUSTOMER_COMMUNITY_UNKNOWN", String.valueOf(communityId)));
			}
		}
		else if (cName != null) {
			community = places.communityByName(cName);
			if (community == null) {
				problems.add(new Problem("community", "CUSTOMER_COMMUNITY_UNKNOWN", cName));
			}
		}
		else {
			problems.add(new Problem("community", "REQUIRED"));
		}
		String b = addressPart(building, "building", problems);
		String u = addressPart(unit, "unit", problems);
		String r = addressPart(room, "room", problems);
		BigDecimal area = null;
		String a = InputChecks.trim(heatedArea);
		if (a == null) {
			problems.add(new Problem("heatedArea", "REQUIRED"));
		}
		else {
			try {
				area = new BigDecimal(a);
				if (area.signum() <= 0 || area.compareTo(MAX_AREA) > 0 || area.scale() > 2) {
					problems.add(new Problem("heatedArea", "CUSTOMER_AREA_RANGE", a));
				}
			}
			catch (NumberFormatException e) {
				problems.add(new Problem("heatedArea", "CUSTOMER_AREA_FORMAT", a));
			}
		}
		Long substation = null;
		String code = InputChecks.trim(substationCode);
		if (substationId != null) {
			if (!places.substationExists(substationId)) {
				problems.add(new Problem("substation", "CUSTOMER_SUBSTATION_UNKNOWN", String.valueOf(substationId)));
			}
			substation = substationId;
		}
		else if (code != null) {
			substation = places.substationByCode(code);
			if (substation == null) {
				problems.add(new Problem("substation", "CUSTOMER_SUBSTATION_UNKNOWN", code));
			}
		}
		else if (community != null) {
			substation = community[1];
		}
		HeatingStatus status = HeatingStatus.HEATING;
		String s = InputChecks.trim(heatingStatus);
		if (s != null) {
			status = heatingStatusOf(s);
			if (status == null) {
				problems.add(new Problem("heatingStatus", "CUSTOMER_STATUS_UNKNOWN", s));
			}
		}
		String notesText = InputChecks.trim(notes);
		if (notesText != null && notesText.length() > 500) {
			problems.add(new Problem("notes", "TOO_LONG", 500));
		}
		if (!problems.isEmpty()) {
			return new Result(null, problems);
		}
		return new Result(new NewCustomer(account, n, List.copyOf(phoneList), id, community[0], b, u, r, area,
				substation, status, notesText), List.of());
	}

	/** The customer to store, or the problems (never both). */
	record Result(NewCustomer customer, List<Problem> problems) {

		boolean valid() {
			return customer != null;
		}
	}

	/** A heating status by its name or its Chinese label (供热, 报停, 停供/已拆除). */
	static HeatingStatus heatingStatusOf(String s) {
		String t = s.strip();
		for (HeatingStatus h : HeatingStatus.values()) {
			if (h.name().equalsIgnoreCase(t)) {
				return h;
			}
		}
		return switch (t) {
			case "供热", "正常", "供暖" -> HeatingStatus.HEATING;
			case "报停", "停暖" -> HeatingStatus.SUSPENDED;
			case "停供", "拆除", "已拆除", "断开" -> HeatingStatus.DISCONNECTED;
			default -> null;
		};
	}

	private static String addressPart(String value, String field, List<Problem> problems) {
		String v = InputChecks.trim(value);
		if (v == null) {
			problems.add(new Problem(field, "REQUIRED"));
			return null;
		}
		v = SearchQuery.normalizeWidth(v).replaceFirst("(号楼|栋|幢|单元|室|号)$", "").strip();
		if (!ADDRESS_PART.matcher(v).matches()) {
			problems.add(new Problem(field, "CUSTOMER_ADDRESS_PART_FORMAT", value.strip()));
			return null;
		}
		// 03 and 3 are the same building.
		return v.replaceFirst("^0+(?=.)", "");
	}
}
