package vn.nq57.kernel;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How Vietnamese text is compared: {@link #fold} is the one comparison form of the application ("Sở KH&amp;CN
 * Quảng Ngãi" and "so kh&amp;cn  QUANG NGAI" fold alike), {@link #nfc} the one stored form (a name typed on a Mac
 * arrives decomposed and must still equal the same name typed on Windows).
 */
public final class VnText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	// \s misses the non-breaking and other Unicode spaces Word tables are full of
	private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

	private VnText() {
	}

	/**
	 * The comparison form: no accents, đ/Đ read as d, lower case, one space between words, nothing around them.
	 * Punctuation is kept. {@code null} folds to {@code ""}.
	 */
	public static String fold(String s) {
		if (s == null) {
			return "";
		}
		String t = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
		t = t.replace('đ', 'd').replace('Đ', 'd').toLowerCase(Locale.ROOT);
		return Normalizer.normalize(SPACES.matcher(t).replaceAll(" ").strip(), Normalizer.Form.NFC);
	}

	/** The stored form: composed (NFC) and stripped; {@code null} stays null. */
	public static String nfc(String s) {
		return s == null ? null : Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
	}

	/** Whether the text carries a Vietnamese letter or tone mark (đ, â, ơ, sắc…), i.e. was typed with accents. */
	public static boolean hasMarks(String s) {
		if (s == null) {
			return false;
		}
		return s.indexOf('đ') >= 0 || s.indexOf('Đ') >= 0
				|| MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).find();
	}
}
