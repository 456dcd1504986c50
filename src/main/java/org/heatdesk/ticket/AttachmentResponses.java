package org.heatdesk.ticket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.heatdesk.platform.HeatDeskException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** The HTTP side of attachments, shared by the API and the ticket page. */
final class AttachmentResponses {

	private AttachmentResponses() {
	}

	/** The bytes with their stored type: images inline, PDFs as a download; never sniffed by the browser. */
	static ResponseEntity<byte[]> of(Attachment a) {
		AttachmentView v = a.view();
		ContentDisposition disposition = (v.image() ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(v.fileName(), StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(v.contentType()))
			.contentLength(a.content().length)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.body(a.content());
	}

	/** The uploaded part's bytes; a missing part counts as an empty file. */
	static byte[] bytes(MultipartFile file) {
		if (file == null) {
			throw HeatDeskException.badInput("TICKET_ATTACHMENT_EMPTY", "file");
		}
		if (file.getSize() > AttachmentCheck.MAX_BYTES) {
			throw HeatDeskException.badInput("TICKET_ATTACHMENT_TOO_LARGE", "file", AttachmentCheck.MAX_LABEL);
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw HeatDeskException.badInput("TICKET_ATTACHMENT_EMPTY", "file");
		}
	}
}
