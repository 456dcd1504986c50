package org.heatdesk.contact.cti;

import java.util.List;

import org.heatdesk.platform.HeatDeskException;

/**
 * Where the switch's adapters (the REST API, the Asterisk AMI client in {@code contact.ami}) hand in
 * the events they received: the one thing of the contact module an adapter needs.
 */
public interface CtiIntake {

	/**
	 * Stores each event in its own transaction, so a refused one does not stop the rest of a batch.
	 * @return one result per event, in the order given
	 */
	List<Accepted> accept(List<CtiEvent> events);

	/**
	 * What became of one event: stored, a duplicate of one stored before (nothing changed), or
	 * refused with the reason.
	 */
	record Accepted(int index, Status status, Long callId, HeatDeskException refusal) {

		public enum Status {
			STORED, DUPLICATE, REFUSED
		}
	}
}
