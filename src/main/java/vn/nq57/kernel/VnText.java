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

	// the five tone marks in one order (sắc, huyền, hỏi, ngã, nặng) on the vowels whose place in a syllable varies
	private static final String[] TONED = { "áàảãạ", "éèẻẽẹ", "óòỏõọ", "úùủũụ", "ýỳỷỹỵ" };

	private static final String PLAIN = "aeouy";

	/**
	 * One placement of the tone mark, so that the old and the new convention read alike: in an open "oa", "oe",
	 * "uy" the mark goes on the first vowel ("hoà" → "hòa", "thuỷ" → "thủy", "HOÀ" → "HÒA"), which leaves closed
	 * syllables alone ("hoàn", "toán", "khuỷu"); after "q" the "u" belongs to the consonant, so the mark goes on
	 * the vowel after it ("quý" stays, "qúy" → "quý", "qủa" → "quả"). Case is kept, the length never changes
	 * (character positions still point into the original), and the text is expected composed ({@link #nfc}).
	 */
	public static String tones(String s) {
		if (s == null || s.length() < 2) {
			return s;
		}
		char[] c = s.toCharArray();
		for (int i = 0; i + 1 < c.length; i++) {
			int t1 = tone(c[i]);
			int t2 = tone(c[i + 1]);
			if ((t1 < 0) == (t2 < 0)) {
				continue; // no mark on either, or a mark on both (not a placement question)
			}
			char b1 = Character.toLowerCase(base(c[i]));
			char b2 = Character.toLowerCase(base(c[i + 1]));
			boolean afterQ = i > 0 && (c[i - 1] == 'q' || c[i - 1] == 'Q');
			if (afterQ && b1 == 'u' && t1 >= 0 && PLAIN.indexOf(b2) >= 0) {
				c[i + 1] = withTone(c[i + 1], t1);
				c[i] = withTone(c[i], -1);
				continue;
			}
			boolean pair = (b1 == 'o' && (b2 == 'a' || b2 == 'e')) || (b1 == 'u' && b2 == 'y');
			boolean open = i + 2 >= c.length || !Character.isLetter(c[i + 2]);
			if (pair && open && !afterQ && t2 >= 0) {
				c[i] = withTone(c[i], t2);
				c[i + 1] = withTone(c[i + 1], -1);
			}
		}
		return new String(c);
	}

	/** The tone of a vowel in {@link #TONED} (0–4), −1 for the plain vowel or any other character. */
	private static int tone(char ch) {
		char l = Character.toLowerCase(ch);
		for (String t : TONED) {
			int k = t.indexOf(l);
			if (k >= 0) {
				return k;
			}
		}
		return -1;
	}

	/** The plain vowel under a tone mark, in the same case; any other character unchanged. */
	private static char base(char ch) {
		char l = Character.toLowerCase(ch);
		for (int v = 0; v < TONED.length; v++) {
			if (TONED[v].indexOf(l) >= 0) {
				char b = PLAIN.charAt(v);
				return Character.isUpperCase(ch) ? Character.toUpperCase(b) : b;
			}
		}
		return ch;
	}

	/** The same vowel with tone {@code t} (−1: none), in its case; a character that is not such a vowel unchanged. */
	private static char withTone(char ch, int t) {
		char b = base(ch);
		int v = PLAIN.indexOf(Character.toLowerCase(b));
		if (v < 0) {
			return ch;
		}
		char r = t < 0 ? Character.toLowerCase(b) : TONED[v].charAt(t);
		return Character.isUpperCase(ch) ? Character.toUpperCase(r) : r;
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
