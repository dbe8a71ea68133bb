package vn.nq57.intake;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "The same task in other words", measured on word pairs (two syllables in a row, case, accents and the usual
 * abbreviations such as UBND, KH&CN, KCN set aside): the mean of how much of the shorter text the other
 * contains and how much the two share overall. Containment because a plan row often restates a paragraph of a
 * notice in one line; the shared part so that two texts built from the same stock phrases of Resolution 57
 * ("khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số") do not pass for one task. Letter trigrams
 * (pg_trgm) find the candidates in the database; this measure decides, within a file and against the system
 * alike.
 */
final class Similarity {

	/**
	 * At or above this, two tasks are reported as near-duplicates. Calibrated on the sample appendix and the
	 * notices 000–002 (README, "Near-duplicates"): the 14 pairs that are one task score 0,46–0,88, all other
	 * pairs at most 0,41.
	 */
	static final double NEAR_DUPLICATE = 0.45;

	/** Below this many word pairs a text is too short to judge (unless it is the same text). */
	static final int MIN_PAIRS = 3;

	private static final Set<String> STOPWORDS = Set.of("cac", "va", "cua", "cho", "trong", "ve", "voi", "de", "theo",
			"tai", "tren", "mot", "so", "nhung", "duoc", "la", "co", "thuc", "hien", "trien", "khai", "nham", "dong",
			"thoi", "tu", "den", "nay", "do", "da", "se", "can", "phai");

	private Similarity() {
	}

	/** The word pairs of a text, leaving out pairs of two function words ("và các", "của các"). */
	static Set<String> pairs(String text) {
		Set<String> out = new HashSet<>();
		if (text == null) {
			return out;
		}
		List<String> t = VnText.canonicalTokens(text);
		for (int i = 0; i + 1 < t.size(); i++) {
			String a = t.get(i);
			String b = t.get(i + 1);
			if (!(STOPWORDS.contains(a) && STOPWORDS.contains(b))) {
				out.add(a + " " + b);
			}
		}
		return out;
	}

	static double score(Set<String> a, Set<String> b) {
		if (a.size() < MIN_PAIRS || b.size() < MIN_PAIRS) {
			return a.equals(b) && !a.isEmpty() ? 1 : 0;
		}
		Set<String> small = a.size() <= b.size() ? a : b;
		Set<String> large = small == a ? b : a;
		int common = 0;
		for (String t : small) {
			if (large.contains(t)) {
				common++;
			}
		}
		double containment = (double) common / small.size();
		double shared = (double) common / (a.size() + b.size() - common);
		return (containment + shared) / 2;
	}

	static double of(String a, String b) {
		return score(pairs(a), pairs(b));
	}
}
