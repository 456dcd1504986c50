package org.heatdesk.ticket;

/** An attachment with its bytes, for download. */
public record Attachment(AttachmentView view, byte[] content) {
}
