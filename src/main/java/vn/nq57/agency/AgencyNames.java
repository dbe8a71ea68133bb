package vn.nq57.agency;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The form in which documents' agency names are compared: no case, no accents, no punctuation noise. */
public final class AgencyNames {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern NOISE = Pattern.compile("[^\\p{L}\\p{N}&]+");

	private AgencyNames() {
	}

	public static String key(String name) {
		if (name == null) {
			return "";
		}
		String s = Normalizer.normalize(name, Normalizer.Form.NFD);
		s = MARKS.matcher(s).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		s = NOISE.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
		return s.trim();
	}

	public static String nfc(String s) {
		return s == null ? null : Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
	}
}
