package org.heatdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Chinese text split into the words a search column holds, the same for every module. */
class TextSegmenterTests {

	private final TextSegmenter segmenter = new TextSegmenter();

	@Test
	void splitsAChineseQuestionIntoWords() {
		assertThat(segmenter.words("暖气片不热怎么办")).containsExactly("暖气片", "不", "热", "怎么办");
	}

	@Test
	void joinsTheWordsOfSeveralTextsWithSingleSpaces() {
		assertThat(segmenter.segment("暖气片不热", null, "", "怎么办")).isEqualTo("暖气片 不 热 怎么办");
	}

	@Test
	void blankTextHasNoWords() {
		assertThat(segmenter.words(null)).isEmpty();
		assertThat(segmenter.words("  ")).isEmpty();
		assertThat(segmenter.segment()).isEmpty();
	}
}
