package org.heatdesk.knowledge;

/**
 * When in a call a phrase is said (standard chapter 7 and the three voices of 5.4). The desk picks
 * the scenarios for the moment: the call answered, a complaint, a call-back, wrapping up.
 */
public enum PhraseScenario {
	GREETING, ACKNOWLEDGE, CLARIFY, OUTBOUND, COMPLAINT, APOLOGY, CLOSING
}
