package org.heatdesk.knowledge;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin of Chinese characters: the full syllable (so that a homophone typed by a pinyin input
 * method, 暖汽 for 暖气, 报亭 for 报停, still finds the word) and the initial (so that an agent can type
 * nqbr for 暖气不热). A character with several readings takes its first; index and query use the same.
 */
final class Pinyin {

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	private Pinyin() {
	}

	static boolean han(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

	/** The syllable of {@code c} without tone, or {@code null} for anything but a Chinese character. */
	static String syllable(char c) {
		if (!han(c)) {
			return null;
		}
		try {
			String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			return all == null || all.length == 0 ? null : all[0];
		}
		catch (BadHanyuPinyinOutputFormatCombination e) {
			return null;
		}
	}

	/** The initials of the Chinese characters of {@code text} (暖气不热 → nqbr), other characters left out. */
	static String initials(String text) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			String s = syllable(text.charAt(i));
			if (s != null) {
				b.append(s.charAt(0));
			}
		}
		return b.toString();
	}
}
