package org.heatdesk.network;

/** A residential community (小区) and the substation that serves it. */
public record CommunityView(long id, String name, String district, long substationId, String substationCode) {
}
