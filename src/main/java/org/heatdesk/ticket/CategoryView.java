package org.heatdesk.ticket;

/**
 * A ticket category as another module offers it to choose from.
 * @param name the name in the current user's language
 */
public record CategoryView(long id, TicketType type, String name) {
}
