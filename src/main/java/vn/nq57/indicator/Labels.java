package vn.nq57.indicator;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Comparison key for labels typed by people or found in spreadsheets: no case, no accents, single spaces. */
final class Labels {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private Labels() {
	}

	static String key(String text) {
		if (text == null) {
			return "";
		}
		String s = Normalizer.normalize(text, Normalizer.Form.NFD);
		s = MARKS.matcher(s).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return s.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00a0]+", " ").strip();
	}

	static String nfc(String text) {
		return text == null ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
	}
}
