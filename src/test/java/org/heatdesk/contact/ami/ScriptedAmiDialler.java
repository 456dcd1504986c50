package org.heatdesk.contact.ami;

import java.time.Clock;
import java.time.Duration;

import org.heatdesk.contact.cti.CtiIntake;
import org.heatdesk.contact.cti.Dialler;

/**
 * The AMI adapter's client as a {@link Dialler}, connected to a scripted switch in a test, for tests
 * outside this package that place calls through it (the application's own adapter runs only with
 * {@code heatdesk.ami.enabled=true}).
 */
public final class ScriptedAmiDialler implements Dialler, AutoCloseable {

	private final AmiClient client;

	private ScriptedAmiDialler(AmiClient client) {
		this.client = client;
	}

	/** Connects to the scripted switch on {@code port} with the default originate settings. */
	public static ScriptedAmiDialler connect(int port, CtiIntake intake) {
		AmiClient client = new AmiClient(new AmiProperties(true, "localhost", port, "heatdesk", "s3cret", "hotline",
				Duration.ofMillis(200), "PJSIP/", "from-internal", Duration.ofSeconds(30)), intake, Clock.systemUTC());
		client.start();
		return new ScriptedAmiDialler(client);
	}

	public boolean loggedIn() {
		return client.logins() > 0;
	}

	@Override
	public boolean originate(DialOrder order) {
		return client.originate(order);
	}

	@Override
	public void close() {
		client.stop();
	}
}
