package org.heatdesk.contact;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the contact module.
 * @param answerLimit {@code heatdesk.answer.limit}: the three-ring limit (the national hotline's 15 s)
 */
@ConfigurationProperties("heatdesk.answer")
record AnswerProperties(@DefaultValue("15s") Duration limit) {
}
