package vn.nq57.system;

import java.util.regex.Pattern;

/**
 * Free text from users is stored as plain text and always escaped on output; markup or script in it is
 * refused outright so that nothing resembling code reaches a report, a Word file or another system.
 */
public final class TextRules {

	private static final Pattern MARKUP = Pattern.compile(
			// a tag (or comment, or processing instruction) opening, or a script URL; an event handler such as
			// onclick= needs a tag to live in, so "nộp hồ sơ online = 85%" or "tỷ lệ < 50%" are fine
			"<\\s*/?\\s*[a-zA-Z!?]|javascript\\s*:|vbscript\\s*:|data\\s*:\\s*text/html", Pattern.CASE_INSENSITIVE);

	public static final String MESSAGE = "không được chứa mã HTML hoặc script (như <script>, <…>, javascript:)";

	private TextRules() {
	}

	public static boolean isSafe(String text) {
		return text == null || !MARKUP.matcher(text).find();
	}

	/** The message for the first unsafe value, or {@code null} when all are safe. */
	public static String firstUnsafe(String... values) {
		for (String v : values) {
			if (!isSafe(v)) {
				return "Nội dung “" + abbreviate(v) + "” " + MESSAGE;
			}
		}
		return null;
	}

	/** Refuses (with the Vietnamese message) the first value that holds markup or script. */
	public static void requireSafe(String... values) {
		String unsafe = firstUnsafe(values);
		if (unsafe != null) {
			throw new DomainException(unsafe);
		}
	}

	private static String abbreviate(String v) {
		return v.length() > 40 ? v.substring(0, 40) + "…" : v;
	}
}
