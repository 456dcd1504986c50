package org.heatdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.heatdesk.platform.HeatDeskException;
import org.junit.jupiter.api.Test;

/** The upload rules: the first bytes decide the type; size and emptiness; names without paths. */
class AttachmentCheckTests {

	static byte[] bytes(int... b) {
		byte[] out = new byte[b.length];
		for (int i = 0; i < b.length; i++) {
			out[i] = (byte) b[i];
		}
		return out;
	}

	static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	@Test
	void acceptedKindsAreRecognisedByTheirFirstBytes() {
		assertThat(AttachmentCheck.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10))).isEqualTo("image/jpeg");
		assertThat(AttachmentCheck.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0))).isEqualTo("image/png");
		assertThat(AttachmentCheck.sniff(ascii("RIFF\u0024\0\0\0WEBPVP8 "))).isEqualTo("image/webp");
		assertThat(AttachmentCheck.sniff(ascii("\0\0\0\u0018ftypheic\0\0\0\0"))).isEqualTo("image/heic");
		assertThat(AttachmentCheck.sniff(ascii("\0\0\0\u0018ftypmif1\0\0\0\0"))).isEqualTo("image/heif");
		assertThat(AttachmentCheck.sniff(ascii("%PDF-1.7\n"))).isEqualTo("application/pdf");
	}

	@Test
	void otherContentIsRefusedWhateverItIsCalled() {
		assertThat(AttachmentCheck.sniff(ascii("MZ\u0090\0"))).isNull();
		assertThat(AttachmentCheck.sniff(ascii("RIFF\0\0\0\0WAVEfmt "))).isNull();
		assertThat(AttachmentCheck.sniff(ascii("\0\0\0\u0018ftypisom"))).isNull(); // an MP4 video
		assertThat(AttachmentCheck.sniff(ascii("<svg xmlns="))).isNull();
		assertThat(AttachmentCheck.sniff(bytes(0x89, 'P', 'N'))).isNull(); // cut short
		assertThatThrownBy(() -> AttachmentCheck.contentType(ascii("MZ\u0090\0")))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("TICKET_ATTACHMENT_TYPE"));
	}

	@Test
	void emptyAndTooLargeAreRefusedAndTheLimitItselfIsAccepted() {
		assertThatThrownBy(() -> AttachmentCheck.contentType(new byte[0]))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("TICKET_ATTACHMENT_EMPTY"));
		assertThatThrownBy(() -> AttachmentCheck.contentType(null))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("TICKET_ATTACHMENT_EMPTY"));
		byte[] limit = new byte[10 * 1024 * 1024];
		System.arraycopy(ascii("%PDF-"), 0, limit, 0, 5);
		assertThat(AttachmentCheck.contentType(limit)).isEqualTo("application/pdf");
		byte[] over = new byte[limit.length + 1];
		System.arraycopy(limit, 0, over, 0, 5);
		assertThatThrownBy(() -> AttachmentCheck.contentType(over))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("TICKET_ATTACHMENT_TOO_LARGE"));
	}

	@Test
	void namesLoseTheirPathsAndNeverEndUpBlank() {
		assertThat(AttachmentCheck.fileName("C:\\Users\\li\\来信.pdf", "application/pdf")).isEqualTo("来信.pdf");
		assertThat(AttachmentCheck.fileName("../../etc/passwd.png", "image/png")).isEqualTo("passwd.png");
		assertThat(AttachmentCheck.fileName("a\"b\r\n.jpg", "image/jpeg")).isEqualTo("ab.jpg");
		assertThat(AttachmentCheck.fileName("  ", "image/jpeg")).isEqualTo("attachment.jpg");
		assertThat(AttachmentCheck.fileName(null, "application/pdf")).isEqualTo("attachment.pdf");
		assertThat(AttachmentCheck.fileName("x".repeat(300) + ".png", "image/png")).hasSize(255).endsWith(".png");
	}
}
