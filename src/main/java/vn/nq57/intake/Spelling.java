package vn.nq57.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spelling slips that can be caught without a dictionary: a Vietnamese syllable that cannot exist ("đôc": a
 * syllable ending in c, ch, p or t only takes the sắc or nặng tone, so it is "đốc" or "độc"), and a word
 * typed twice ("các các"). Words without any Vietnamese letter or mark (KHCN, IoT, Internet) are left alone.
 */
final class Spelling {

	/** A suspicious word and why. */
	record Slip(String written, String reason) {
	}

	private static final Pattern WORD = Pattern.compile("\\p{L}+");

	private static final Pattern DOUBLED = Pattern.compile("(?<![\\p{L}])(\\p{L}{2,})\\s+(\\p{L}{2,})(?![\\p{L}])");

	// Reduplications that are correct Vietnamese ("dần dần", "từng từng" is not among them).
	private static final Set<String> REDUPLICATIONS = Set.of("dần", "từ", "thường", "ngày", "người", "nhà", "đời",
			"mãi", "đâu", "luôn", "nhiều", "ai", "gì", "chầm", "xa", "gần", "sớm", "rất", "thật", "nhanh", "lần",
			"năm", "tháng", "hằng", "cùng", "từng", "mỗi", "chiều", "đều");

	private static final Set<Character> STOP_FINALS = Set.of('c', 'p', 't');

	private static final char ACUTE = '\u0301';

	private static final char DOT_BELOW = '\u0323';

	private Spelling() {
	}

	static List<Slip> check(String text) {
		List<Slip> out = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return out;
		}
		Set<String> seen = new LinkedHashSet<>();
		Matcher w = WORD.matcher(text);
		while (w.find()) {
			String word = w.group();
			if (seen.add(word.toLowerCase(Locale.ROOT)) && impossibleSyllable(word)) {
				out.add(new Slip(word, "“" + word + "” không phải âm tiết tiếng Việt (vần tận cùng bằng c, ch, p, t chỉ "
						+ "mang dấu sắc hoặc nặng)"));
			}
		}
		Matcher d = DOUBLED.matcher(text);
		int from = 0;
		while (from < text.length() && d.find(from)) {
			String a = d.group(1);
			String b = d.group(2);
			if (a.equalsIgnoreCase(b) && !REDUPLICATIONS.contains(a.toLowerCase(Locale.ROOT))) {
				out.add(new Slip(a + " " + b, "Lặp từ “" + a + " " + b + "”"));
			}
			from = d.start(2);
		}
		return out;
	}

	/** A syllable with a stop final (c, ch, p, t) must carry the sắc or nặng tone. */
	static boolean impossibleSyllable(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (!looksVietnamese(lower)) {
			return false;
		}
		String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
		boolean stopTone = nfd.indexOf(ACUTE) >= 0 || nfd.indexOf(DOT_BELOW) >= 0;
		String b = VnText.foldAccents(word);
		if (b.length() < 2) {
			return false;
		}
		char last = b.charAt(b.length() - 1);
		boolean stopFinal = STOP_FINALS.contains(last) || b.endsWith("ch");
		// the syllable needs a vowel before the final consonant to be a syllable at all
		boolean hasVowel = b.substring(0, b.length() - 1).chars().anyMatch(ch -> "aeiouy".indexOf(ch) >= 0);
		return stopFinal && hasVowel && !stopTone;
	}

	/** Has a letter or mark only Vietnamese uses: đ, â, ê, ô, ơ, ư, ă or a tone mark. */
	private static boolean looksVietnamese(String lower) {
		return VnText.hasDiacritics(lower);
	}
}
