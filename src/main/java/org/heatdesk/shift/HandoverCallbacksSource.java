package org.heatdesk.shift;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Calls waiting for a call-back (问题清): callers who hung up in the queue in the last twelve hours
 * and have neither been called back nor called again and been answered since. The queue is the
 * center's, so every team hands it over.
 */
@Component
class HandoverCallbacksSource implements HandoverSource {

	static final Duration WINDOW = Duration.ofHours(12);

	private final JdbcClient jdbc;

	private final MessageSource messages;

	HandoverCallbacksSource(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "CALLBACKS";
	}

	@Override
	public List<HandoverItem> items(long teamId, Instant at, Locale locale) {
		return jdbc.sql("""
				select c.caller, max(c.first_ring_at) from contact_call c
				where c.abandoned and c.direction = 'INBOUND' and c.caller is not null
				  and c.first_ring_at > ? and c.first_ring_at <= ?
				  and not exists (select 1 from contact_call a where a.caller = c.caller and a.answered_at is not null
				                  and a.first_ring_at > c.first_ring_at)
				  and not exists (select 1 from contact_contact o where o.phone = c.caller and o.direction = 'OUTBOUND'
				                  and o.occurred_at > c.first_ring_at)
				group by c.caller order by max(c.first_ring_at) limit 50""")
			.params(Timestamp.from(at.minus(WINDOW)), Timestamp.from(at))
			.query((rs, n) -> {
				Instant rang = rs.getTimestamp(2).toInstant();
				String phone = mask(rs.getString(1));
				String text = messages.getMessage("shift.handover.item.callback", new Object[] { phone }, locale);
				return new HandoverItem(name(), "PROBLEM", phone, text, rang, false, "/calls");
			})
			.list();
	}

	static String mask(String phone) {
		String p = phone.strip();
		if (p.length() <= 7) {
			return "*".repeat(p.length());
		}
		return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
	}
}
