package org.heatdesk.platform;

/**
 * How this instance runs. {@code demo} is true when HeatDesk started its own embedded PostgreSQL:
 * then an empty database is filled with demo data; against an external database nothing is seeded.
 */
public record Deployment(boolean demo) {
}
