package org.heatdesk.notification;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param quietStart from this time of day (company zone) no message that is not urgent is sent
 * @param quietEnd until this time of day
 * @param signature put before every message ({@code 【金鼎公司】}); empty: the company's short name in brackets
 */
@ConfigurationProperties("heatdesk.notification")
record NotificationProperties(@DefaultValue("22:00") LocalTime quietStart, @DefaultValue("07:00") LocalTime quietEnd,
		@DefaultValue("") String signature) {
}
