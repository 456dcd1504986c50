package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class UploadedFilesTests {

	private static final byte[] HEIC = "\0\0\0\u0018ftypheic\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);

	private static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);

	@Test
	void aKindOutsideTheAcceptedOnesIsRefusedWithTheCallersCode() {
		// a phone's HEIC photo is a ticket's attachment, not a certificate's scan
		assertThat(UploadedFiles.contentType(HEIC, UploadedFiles.PHOTOS_AND_PDF, "TICKET_ATTACHMENT", "file"))
			.isEqualTo("image/heic");
		assertThatThrownBy(() -> UploadedFiles.contentType(HEIC, UploadedFiles.SCANS, "DISPATCH_SCAN", "scan"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> {
				assertThat(e.code()).isEqualTo("DISPATCH_SCAN_TYPE");
				assertThat(e.field()).isEqualTo("scan");
			});
		assertThat(UploadedFiles.contentType(PDF, UploadedFiles.SCANS, "DISPATCH_SCAN", "scan")).isEqualTo("application/pdf");
	}

	@Test
	void emptyAndTooLargeAreRefusedBeforeTheKindIsLookedAt() {
		assertThatThrownBy(() -> UploadedFiles.contentType(new byte[0], UploadedFiles.SCANS, "DISPATCH_SCAN", "scan"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("DISPATCH_SCAN_EMPTY"));
		byte[] big = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		assertThatThrownBy(() -> UploadedFiles.contentType(big, UploadedFiles.SCANS, "X", "f"))
			.isInstanceOfSatisfying(HeatDeskException.class, e -> assertThat(e.code()).isEqualTo("X_TOO_LARGE"));
	}

	@Test
	void aNameLosesItsPathAndControlCharactersAndABlankOneTakesTheStem() {
		assertThat(UploadedFiles.fileName("C:\\Users\\li\\证书\"扫描\".pdf", "application/pdf", "certificate"))
			.isEqualTo("证书扫描.pdf");
		assertThat(UploadedFiles.fileName("../..", "image/jpeg", "certificate")).isEqualTo("certificate.jpg");
		assertThat(UploadedFiles.fileName(null, "image/heif", "attachment")).isEqualTo("attachment.heic");
	}
}
