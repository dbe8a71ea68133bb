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

	/** The word list: the bundled two-syllable words ({@code intake/words.txt}), lower case, NFC, tones unified. */
	static final Set<String> WORDS = loadWords();

	private static Set<String> loadWords() {
		Set<String> out = new java.util.HashSet<>();
		try (java.io.InputStream in = Spelling.class.getResourceAsStream("/intake/words.txt")) {
			if (in == null) {
				return out;
			}
			for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
				String l = line.strip();
				if (!l.isEmpty() && !l.startsWith("#")) {
					out.add(VnText.fold(l));
				}
			}
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		return Set.copyOf(out);
	}

	/**
	 * The word list with the syllables of the registry's names ("Đắk", "Măng", "Lý Sơn"): a name's syllable is never
	 * an impossible one. Only the word list's two-syllable words join a doubled syllable into two words (a name's
	 * neighbouring syllables, "lý khu", are not a word).
	 */
	static Set<String> wordsOf(java.util.Collection<String> names) {
		Set<String> out = new java.util.HashSet<>(WORDS);
		for (String n : names) {
			for (String t : VnText.fold(n).split("[^\\p{L}]+")) {
				if (!t.isEmpty()) {
					out.add(t);
				}
			}
		}
		return out;
	}

	static List<Slip> check(String text) {
		return check(text, WORDS);
	}

	/**
	 * The slips of a text. {@code words}: the known two-syllable words (the word list and the registry's names); a
	 * syllable said twice is not a doubled word when the first ends a known word and the second begins one
	 * ("truyền thông thông minh"), and a syllable of a known word is never impossible.
	 */
	static List<Slip> check(String text, Set<String> words) {
		List<Slip> out = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return out;
		}
		Set<String> seen = new LinkedHashSet<>();
		Matcher w = WORD.matcher(text);
		while (w.find()) {
			String word = w.group();
			if (seen.add(word.toLowerCase(Locale.ROOT)) && impossibleSyllable(word) && !known(word, words)) {
				out.add(new Slip(word, "“" + word + "” không phải âm tiết tiếng Việt (vần tận cùng bằng c, ch, p, t chỉ "
						+ "mang dấu sắc hoặc nặng)"));
			}
		}
		Matcher d = DOUBLED.matcher(text);
		int from = 0;
		while (from < text.length() && d.find(from)) {
			String a = d.group(1);
			String b = d.group(2);
			if (a.equalsIgnoreCase(b) && !REDUPLICATIONS.contains(a.toLowerCase(Locale.ROOT))
					&& !twoWords(text, d.start(1), d.end(2), a, words)) {
				out.add(new Slip(a + " " + b, "Lặp từ “" + a + " " + b + "”"));
			}
			from = d.start(2);
		}
		return out;
	}

	/** Whether a syllable belongs to one of the known words. */
	private static boolean known(String syllable, Set<String> words) {
		String s = VnText.fold(syllable);
		if (words.contains(s)) {
			return true;
		}
		for (String w : words) {
			int sp = w.indexOf(' ');
			if (sp > 0 && (w.substring(0, sp).equals(s) || w.substring(sp + 1).equals(s))) {
				return true;
			}
		}
		return false;
	}

	/** "… truyền thông thông minh …": the word before and the first make a word, the second and the word after too. */
	private static boolean twoWords(String text, int start, int end, String syllable, Set<String> words) {
		String before = lastWord(text.substring(0, start));
		String after = firstWord(text.substring(end));
		String s = VnText.fold(syllable);
		return before != null && after != null && words.contains(VnText.fold(before) + " " + s)
				&& words.contains(s + " " + VnText.fold(after));
	}

	private static String lastWord(String s) {
		Matcher m = Pattern.compile("(\\p{L}+)[^\\p{L}]*$").matcher(s);
		return m.find() && s.substring(m.end(1)).isBlank() ? m.group(1) : null;
	}

	private static String firstWord(String s) {
		Matcher m = Pattern.compile("^\\s*(\\p{L}+)").matcher(s);
		return m.find() ? m.group(1) : null;
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
