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
}
