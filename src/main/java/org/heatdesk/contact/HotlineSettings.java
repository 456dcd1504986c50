package org.heatdesk.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code heatdesk.contact.hotline12345.*}: the staff member (user name) who receives the cases the
 * 12345 platform posts and so becomes their first responder (首问负责人); unset, the API refuses cases.
 */
@ConfigurationProperties("heatdesk.contact.hotline12345")
record HotlineSettings(String receiver) {
}
