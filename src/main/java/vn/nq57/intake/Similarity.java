package vn.nq57.intake;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "The same task in other words": the share of letter trigrams two task texts have in common (as pg_trgm
 * computes it), after case, accents and the usual abbreviations (UBND, KH&CN, KCN…) are set aside. The same
 * measure decides within a file and, after PostgreSQL has found the candidates, against tasks in the system.
 */
final class Similarity {

	/** At or above this, two tasks are reported as near-duplicates. Calibrated on the sample plan (README). */
	static final double NEAR_DUPLICATE = 0.6;

	private Similarity() {
	}

	static Set<String> trigrams(String text) {
		Set<String> out = new HashSet<>();
		List<String> tokens = VnText.canonicalTokens(text);
		for (String w : tokens) {
			String padded = "  " + w + " ";
			for (int i = 0; i + 3 <= padded.length(); i++) {
				out.add(padded.substring(i, i + 3));
			}
		}
		return out;
	}

	static double jaccard(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		Set<String> small = a.size() <= b.size() ? a : b;
		Set<String> large = small == a ? b : a;
		int common = 0;
		for (String t : small) {
			if (large.contains(t)) {
				common++;
			}
		}
		return (double) common / (a.size() + b.size() - common);
	}

	static double of(String a, String b) {
		return jaccard(trigrams(a), trigrams(b));
	}
}
