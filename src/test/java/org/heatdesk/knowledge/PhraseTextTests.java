package org.heatdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Placeholders filled as an agent would say them. */
class PhraseTextTests {

	@Test
	void theCompanyTheSurnameTheTitleAndTheAgentNumberAreFilledIn() {
		Map<String, String> v = new HashMap<>();
		v.put("company", "金鼎公司");
		v.put("surname", "张");
		v.put("title", "女士");
		v.put("agentNo", "1008");
		// by hand: each placeholder replaced by its value, the words around them untouched
		assertThat(PhraseText.fill("{title}，您好，我是{company}供热客服中心，请问您是{surname}业主吗？", v))
			.isEqualTo("女士，您好，我是金鼎公司供热客服中心，请问您是张业主吗？");
		assertThat(PhraseText.fill("{agentNo}号为您服务", v)).isEqualTo("1008号为您服务");
	}

	@Test
	void anUnknownTitleIsSaidAsSirOrMadamAndAMissingSurnameLeavesNoGap() {
		Map<String, String> v = new HashMap<>();
		v.put("company", "金鼎公司");
		assertThat(PhraseText.fill("对不起，{title}，{surname}我们会立即处理", v)).isEqualTo("对不起，先生/女士，我们会立即处理");
		// a brace that is not a placeholder stays as written
		assertThat(PhraseText.fill("{company}{foo}", v)).isEqualTo("金鼎公司{foo}");
	}

	@Test
	void theSurnameIsTheFirstHanCharacterOfTheNameMaskedOrNot() {
		assertThat(PhraseText.surnameOf("张**")).isEqualTo("张");
		assertThat(PhraseText.surnameOf(" 王小明 ")).isEqualTo("王");
		assertThat(PhraseText.surnameOf("*明")).isEmpty();
		assertThat(PhraseText.surnameOf(null)).isEmpty();
		assertThat(PhraseText.titleOf("先生")).isEqualTo("先生");
		assertThat(PhraseText.titleOf("Mr")).isNull();
	}
}
