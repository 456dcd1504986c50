package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The text helpers every form and API reads its fields with, and the SQL value conversions. */
class InputChecksTests {

	@Test
	void aBlankFieldIsNotGiven() {
		assertThat(InputChecks.blank(null)).isTrue();
		assertThat(InputChecks.blank("")).isTrue();
		assertThat(InputChecks.blank(" \t\u3000")).isTrue(); // the ideographic space a Chinese keyboard types
		assertThat(InputChecks.blank(" 王 ")).isFalse();
		assertThat(InputChecks.trim(" \t")).isNull();
		assertThat(InputChecks.trim(null)).isNull();
		assertThat(InputChecks.trim("\u3000 王丽 \n")).isEqualTo("王丽");
	}

	@Test
	void aRequiredFieldIsTrimmedAndRefusedWhenMissingOrTooLong() {
		assertThat(InputChecks.required("  维修班 ", "name", 3)).isEqualTo("维修班");

		HeatDeskException missing = catchThrowableOfType(HeatDeskException.class,
				() -> InputChecks.required("   ", "name", 60));
		assertThat(missing.code()).isEqualTo("REQUIRED");
		assertThat(missing.field()).isEqualTo("name");
		assertThat(missing.status()).isEqualTo(HttpStatus.BAD_REQUEST);

		HeatDeskException tooLong = catchThrowableOfType(HeatDeskException.class,
				() -> InputChecks.required(" 维修班组 ", "name", 3));
		assertThat(tooLong.code()).isEqualTo("TOO_LONG");
		assertThat(tooLong.field()).isEqualTo("name");
		assertThat(tooLong.args()).containsExactly(3);
	}

	@Test
	void anOptionalFieldMayBeLeftOutButNotTooLong() {
		assertThat(InputChecks.optional("  ", "notes", 5)).isNull();
		assertThat(InputChecks.optional(" 五个字正好 ", "notes", 5)).isEqualTo("五个字正好");
		assertThat(catchThrowableOfType(HeatDeskException.class, () -> InputChecks.optional("六个字太长了", "notes", 5))
			.code()).isEqualTo("TOO_LONG");
	}

	@Test
	void maxLengthCountsCharactersAsGiven() {
		assertThat(InputChecks.maxLength(null, "queue", 2)).isNull();
		assertThat(InputChecks.maxLength(" 12", "queue", 3)).isEqualTo(" 12");
		assertThat(catchThrowableOfType(HeatDeskException.class, () -> InputChecks.maxLength(" 123", "queue", 3))
			.field()).isEqualTo("queue");
	}

	@Test
	void jsonTextIsTheValueAsSent() {
		JsonNode body = JsonMapper.builder().build()
			.readTree("{\"callId\":\"PBX-1\",\"extension\":8001,\"queue\":null,\"caller\":{\"a\":1}}");
		assertThat(InputChecks.jsonText(body, "callId")).isEqualTo("PBX-1");
		assertThat(InputChecks.jsonText(body, "extension")).isEqualTo("8001");
		assertThat(InputChecks.jsonText(body, "queue")).isNull();
		assertThat(InputChecks.jsonText(body, "missing")).isNull();
		assertThat(InputChecks.jsonText(body, "caller")).isEqualTo("{\"a\":1}");
	}

	@Test
	void sqlValuesKeepNullAndTheInstant() {
		Instant at = Instant.parse("2026-11-27T01:02:03.456Z");
		assertThat(SqlValues.ts(at)).isEqualTo(Timestamp.from(at));
		assertThat(SqlValues.instant(SqlValues.ts(at))).isEqualTo(at);
		assertThat(SqlValues.ts(null)).isNull();
		assertThat(SqlValues.instant((Timestamp) null)).isNull();
	}

	@Test
	void likeTextIsMatchedLiterally() {
		assertThat(SqlValues.escapeLike("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
		assertThat(SqlValues.escapeLike("金鼎小区")).isEqualTo("金鼎小区");
	}
}
