package org.heatdesk.contact.ami;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code heatdesk.ami.*}: where Asterisk's Manager Interface listens and how to log in. The adapter
 * runs only with {@code heatdesk.ami.enabled=true}.
 * @param queue the queue name recorded for calls waiting before they ring at an agent
 * @param reconnectDelay how long to wait before connecting again after a drop
 * @param originateChannelPrefix what a call from the desk rings first: this prefix and the agent's
 *        extension ({@code PJSIP/} → {@code PJSIP/8001})
 * @param originateContext the dialplan context in which the customer's number is dialled once the agent picks up
 * @param originateTimeout how long the agent's phone rings before the switch gives up
 */
@ConfigurationProperties("heatdesk.ami")
record AmiProperties(@DefaultValue("false") boolean enabled, @DefaultValue("localhost") String host,
		@DefaultValue("5038") int port, String username, String secret, @DefaultValue("hotline") String queue,
		@DefaultValue("5s") Duration reconnectDelay, @DefaultValue("PJSIP/") String originateChannelPrefix,
		@DefaultValue("from-internal") String originateContext, @DefaultValue("30s") Duration originateTimeout) {
}
