package org.heatdesk.network;

/** Why heat is interrupted: announced in advance ({@code PLANNED}) or by a failure ({@code FAULT}). */
public enum OutageKind {
	PLANNED, FAULT
}
