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
	 * At or above this, two tasks are reported as near-duplicates. Measured on content words (function words and
	 * the stock openings "Triển khai", "Xây dựng", "Tổ chức thực hiện" left out, the plan-wide topics counted a
	 * quarter) and calibrated on two tables kept in the tests: the sample appendix against the notices 000–002
	 * ({@code SimilarityTest}: the 14 pairs that are one task score 0,456–0,908, all others at most 0,414) and pairs
	 * written for the purpose ({@code NearDuplicatePairsTest}: the same task in other words 0,436–1, tasks that
	 * only share a stock opening and a topic word at most 0,248). The threshold is the middle of the gap between
	 * the highest different pair (0,414) and the lowest same pair (0,436).
	 */
	static final double NEAR_DUPLICATE = 0.425;

	/** Below this many word pairs a text is too short to judge (unless it is the same text). */
	static final int MIN_PAIRS = 3;

	private static final Set<String> STOPWORDS = Set.of("cac", "va", "cua", "cho", "trong", "ve", "voi", "de", "theo",
			"tai", "tren", "mot", "nhung", "duoc", "la", "co", "nham", "thoi", "tu", "den", "nay", "do", "da", "se",
			"can", "phai", "o", "dang", "tinh", "quang", "ngai", "hoac", "cung", "moi", "khac");

	/**
	 * The stock openings of a plan's tasks and the filler around them: they say how a task is done, not what it is,
	 * so two tasks that share only these are not one ("Triển khai …", "Xây dựng …", "Tổ chức thực hiện …").
	 */
	private static final Set<String> STOCK = Set.of("trien khai", "xay dung", "to chuc", "thuc hien", "ban hanh",
			"tang cuong", "day manh", "nghien cuu", "hoan thien", "tham muu", "khan truong", "chu dong", "tiep tuc",
			"de xuat", "ra soat", "toan bo", "dia ban", "doi ngu", "tap trung", "chi dao", "phoi hop", "chu tri",
			"hieu qua", "dong bo", "kip thoi", "quy dinh", "lien quan");

	/**
	 * Word pairs every second task of Resolution 57's plans contains (the topic of the whole plan, not of one task):
	 * they count a quarter, so that "cơ sở dữ liệu đất đai" and "cơ sở dữ liệu giá nhà ở" stay two tasks.
	 */
	private static final Set<String> GENERIC = Set.of("co so", "so du", "du lieu", "chuyen doi", "doi so", "cong nghe",
			"khoa hoc", "thong tin", "nen tang", "he thong", "khu cong", "cong nghiep", "benh vien", "dich vu",
			"truc tuyen", "ung dung", "phat trien", "quan ly", "ke hoach", "quy che", "nghi quyet", "can bo",
			"cong chuc", "cap xa", "doi moi", "moi sang", "sang tao", "so hoa", "dien tu", "nguoi dan", "doanh nghiep",
			"hoat dong", "chinh quyen", "co quan", "don vi", "dia phuong", "bo chinh", "chinh tri", "nq tw",
			"uy ban", "ban nhan", "nhan dan", "so khoa", "nghe va", "hoc va", "va cong");

	static final double GENERIC_WEIGHT = 0.25;

	private Similarity() {
	}

	/** The content words of a text: no function words, no stock openings (a removed opening splits the text). */
	static List<String> contentWords(String text) {
		List<String> t = VnText.canonicalTokens(text);
		List<String> out = new java.util.ArrayList<>();
		for (int i = 0; i < t.size(); i++) {
			if (i + 1 < t.size() && STOCK.contains(t.get(i) + " " + t.get(i + 1))) {
				out.add(null);
				i++;
				continue;
			}
			if (!STOPWORDS.contains(t.get(i))) {
				out.add(t.get(i));
			}
		}
		return out;
	}

	/**
	 * A text's pairs, with their total weight and the numbers they name worked out once: a file of 300 rows is
	 * compared pair by pair (45.000 comparisons), each text many times.
	 */
	static final class Pairs extends HashSet<String> {

		private double weight = -1;

		private Set<String> numbers;

		double weight() {
			if (weight < 0) {
				weight = Similarity.weight((Set<String>) this);
			}
			return weight;
		}

		Set<String> numbers() {
			if (numbers == null) {
				numbers = Similarity.numbers(this);
			}
			return numbers;
		}
	}

	/** The pairs of content words side by side (not across a removed stock opening). */
	static Set<String> pairs(String text) {
		Pairs out = new Pairs();
		if (text == null) {
			return out;
		}
		List<String> t = contentWords(text);
		for (int i = 0; i + 1 < t.size(); i++) {
			if (t.get(i) != null && t.get(i + 1) != null) {
				out.add(t.get(i) + " " + t.get(i + 1));
				// and over one word put in between ("phủ sóng 5G" in "phủ sóng mạng 5G"), within the same stretch
				if (i + 2 < t.size() && t.get(i + 2) != null) {
					out.add(t.get(i) + " " + t.get(i + 2));
				}
			}
		}
		return out;
	}

	private static double weight(String pair) {
		return GENERIC.contains(pair) ? GENERIC_WEIGHT : 1;
	}

	private static double weight(Set<String> pairs) {
		return pairs.stream().mapToDouble(Similarity::weight).sum();
	}

	/** Numbers and codes a task names (57-NQ/TW, 2026): two tasks naming different ones are different tasks. */
	private static Set<String> numbers(Set<String> pairs) {
		Set<String> out = new HashSet<>();
		for (String p : pairs) {
			for (String w : p.split(" ")) {
				if (w.chars().anyMatch(Character::isDigit)) {
					out.add(w);
				}
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
		double common = 0;
		for (String t : small) {
			if (large.contains(t)) {
				common += weight(t);
			}
		}
		if (common == 0) {
			return 0;
		}
		Set<String> na = a instanceof Pairs p ? p.numbers() : numbers(a);
		Set<String> nb = b instanceof Pairs p ? p.numbers() : numbers(b);
		if (!na.isEmpty() && !nb.isEmpty() && java.util.Collections.disjoint(na, nb)) {
			return 0;
		}
		double wa = a instanceof Pairs p ? p.weight() : weight(a);
		double wb = b instanceof Pairs p ? p.weight() : weight(b);
		double containment = common / Math.min(wa, wb);
		double shared = common / (wa + wb - common);
		return (containment + shared) / 2;
	}

	static double of(String a, String b) {
		return score(pairs(a), pairs(b));
	}
}
