package org.heatdesk.staff;

/** A shift team (班组). */
public record TeamView(long id, String code, String name) {
}
