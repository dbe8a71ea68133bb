package vn.nq57.agency;

import java.util.regex.Pattern;

import vn.nq57.kernel.VnText;

/** The form in which documents' agency names are compared: no case, no accents, no punctuation noise. */
public final class AgencyNames {

	private static final Pattern NOISE = Pattern.compile("[^\\p{L}\\p{N}&]+");

	private AgencyNames() {
	}

	/** {@link VnText#fold} without punctuation: "Sở KH&CN (Quảng Ngãi)" is "so kh&cn quang ngai". */
	public static String key(String name) {
		return NOISE.matcher(VnText.fold(name)).replaceAll(" ").strip();
	}

	public static String nfc(String s) {
		return VnText.nfc(s);
	}
}
