package org.heatdesk.contact;

/** Where a call is: ringing (or waiting in a queue), talking, ended, abandoned, or closed by the sweep. */
enum CallStatus {
	RINGING, TALKING, ENDED, ABANDONED, SWEPT
}
