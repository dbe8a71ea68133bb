package vn.nq57.upward;

import java.util.HashSet;
import java.util.Set;

import vn.nq57.kernel.VnText;

/** How alike two names are, accents and case aside: the larger of word overlap and character-trigram overlap. */
final class Similarity {

	private Similarity() {
	}

	static String key(String s) {
		return VnText.fold(s == null ? "" : s).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").strip();
	}

	static double score(String a, String b) {
		String x = key(a);
		String y = key(b);
		if (x.isEmpty() || y.isEmpty()) {
			return 0;
		}
		if (x.equals(y)) {
			return 1;
		}
		Set<String> wx = new HashSet<>(java.util.List.of(x.split(" ")));
		Set<String> wy = new HashSet<>(java.util.List.of(y.split(" ")));
		double words = dice(wx, wy);
		return Math.max(words, dice(trigrams(x), trigrams(y)));
	}

	private static Set<String> trigrams(String s) {
		Set<String> out = new HashSet<>();
		String p = " " + s + " ";
		for (int i = 0; i + 3 <= p.length(); i++) {
			out.add(p.substring(i, i + 3));
		}
		return out;
	}

	private static double dice(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		int common = 0;
		for (String s : a) {
			if (b.contains(s)) {
				common++;
			}
		}
		return 2.0 * common / (a.size() + b.size());
	}
}
