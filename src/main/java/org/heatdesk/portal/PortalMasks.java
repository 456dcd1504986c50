package org.heatdesk.portal;

/** What the public portal hides of an address: every digit (building, unit, room), so that no dwelling is named. */
final class PortalMasks {

	private PortalMasks() {
	}

	/** {@code 翠园小区3号楼2单元501} → {@code 翠园小区*号楼*单元***}; {@code null} stays {@code null}. */
	static String address(String address) {
		if (address == null || address.isBlank()) {
			return null;
		}
		return address.strip().replaceAll("[0-9０-９]", "*");
	}

	/**
	 * {@code value} when every UTF-16 surrogate in it is paired: a lone one (which no phone's keyboard
	 * types) cannot be stored as it was sent, and the audit trail could not write it.
	 * @throws org.heatdesk.platform.HeatDeskException 400 {@code PORTAL_TEXT_INVALID} naming {@code field}
	 */
	static String text(String value, String field) {
		if (value == null) {
			return null;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw org.heatdesk.platform.HeatDeskException.badInput("PORTAL_TEXT_INVALID", field);
			}
		}
		return org.heatdesk.platform.InputChecks.text(value, field);
	}
}
