package org.heatdesk.platform;

/**
 * What an integration key may call. A key carries the authority {@code SCOPE_<value>}; endpoints
 * check it with {@code hasAuthority('SCOPE_cti')} and the like.
 */
public enum ApiKeyScope {

	/** The telephone switch posting call events. */
	CTI("cti"),
	/** SCADA posting substation readings. */
	TELEMETRY("telemetry"),
	/** The SMS gateway posting delivery reports. */
	SMS("sms"),
	/** The 12345 government hotline transferring cases. */
	HOTLINE_12345("hotline12345"),
	/** The billing system importing customers. */
	BILLING("billing"),
	/** A monitoring system reading Prometheus metrics. */
	METRICS("metrics");

	private final String value;

	ApiKeyScope(String value) {
		this.value = value;
	}

	public String value() {
		return value;
	}

	public String authority() {
		return "SCOPE_" + value;
	}
}
