package org.heatdesk.ticket;

/** How the request reached the service center (7(一) unified registration). */
public enum Channel {
	PHONE, LETTER, VISIT, ONLINE, HOTLINE_12345
}
