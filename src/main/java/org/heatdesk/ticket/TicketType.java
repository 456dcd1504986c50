package org.heatdesk.ticket;

/** What a ticket is about (ch. 9, 10): 咨询, 报修, 投诉, 建议, 表扬. */
public enum TicketType {
	INQUIRY, REPAIR, COMPLAINT, SUGGESTION, PRAISE
}
