package vn.nq57.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbering that skips a number: an appendix whose STT goes 1, 2, 4 or whose groups go I, II, IV, a notice whose
 * items go a), b), d). The row after the gap gets a {@link FindingCode#NUMBERING_GAP} naming what is missing (a
 * task lost when the document was copied, or a number typed wrong). Starting again at 1 (or a) is not a gap,
 * nor is a row without a number (that is {@link FindingCode#MISSING_STT}).
 */
final class NumberingGaps {

	/** Vietnamese lettering: a, b, c, d, đ, e, g … (no f, j, w, z). */
	static final String LETTERS = "abcdđeghiklmnopqrstuvxy";

	private static final Pattern REF = Pattern.compile("^Mục ([^,–]+?)(?:,|\\s–|$)");

	private NumberingGaps() {
	}

	/** A label's kind and place in its sequence: "4" → (number, 4), "d" → (letter, 4), "IV" → (roman, 4). */
	record Label(String kind, int value, String text) {

		static Label of(String raw) {
			if (raw == null) {
				return null;
			}
			String t = raw.strip().replaceAll("[.)]+$", "");
			if (t.matches("\\d{1,3}")) {
				return new Label("number", Integer.parseInt(t), t);
			}
			if (t.matches("[IVXivx]{1,6}") && roman(t) > 0 && !(t.length() == 1 && Character.isLowerCase(t.charAt(0)))) {
				return new Label("roman", roman(t), t);
			}
			if (t.length() == 1 && Character.isLetter(t.charAt(0))) {
				int k = LETTERS.indexOf(Character.toLowerCase(t.charAt(0)));
				return k < 0 ? null : new Label("letter", k + 1, t);
			}
			return null;
		}

		/** The labels between {@code this} and a later {@code next} of the same kind, in the same case. */
		List<String> between(Label next) {
			List<String> out = new ArrayList<>();
			boolean upper = !next.text.isEmpty() && Character.isUpperCase(next.text.charAt(0));
			for (int v = value + 1; v < next.value; v++) {
				String s = switch (kind) {
					case "number" -> String.valueOf(v);
					case "roman" -> toRoman(v);
					default -> String.valueOf(LETTERS.charAt(v - 1));
				};
				out.add(upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
			}
			return out;
		}
	}

	/** Adds the findings to the rows after a gap: STT and group codes of an appendix, item references of a notice. */
	static void check(IntakeKind kind, List<RowWork> work) {
		if (kind == IntakeKind.PLAN_APPENDIX) {
			Map<String, Label> last = new LinkedHashMap<>();
			for (RowWork w : work) {
				if (w.draft.dropped()) {
					continue;
				}
				if (w.draft.group()) {
					step(last, "group", w.draft.groupCode(), w, "nhóm");
					last.remove("task");
				}
				else if (w.draft.stt() == null || w.draft.stt().isBlank()) {
					last.remove("task");
				}
				else {
					String stt = w.draft.stt().strip();
					int dot = stt.lastIndexOf('.', stt.length() - 2);
					String parent = dot < 0 ? "task" : "task:" + stt.substring(0, dot);
					step(last, parent, dot < 0 ? stt : stt.substring(dot + 1), w, "nhiệm vụ");
				}
			}
			return;
		}
		// a notice: "Mục II.2.a – …", "Mục 3, ý 1"; the parts a person numbered, parent by parent, in reading order
		Map<String, Label> last = new LinkedHashMap<>();
		Map<String, String> seen = new LinkedHashMap<>();
		for (RowWork w : work) {
			if (w.draft.group() || w.draft.source() == null) {
				continue;
			}
			Matcher m = REF.matcher(w.draft.source());
			if (!m.find()) {
				continue;
			}
			String[] parts = m.group(1).strip().split("\\.");
			StringBuilder parent = new StringBuilder();
			for (int d = 0; d < parts.length; d++) {
				String key = parent + "/" + parts[d];
				if (!seen.containsKey(key)) {
					seen.put(key, key);
					Label l = Label.of(parts[d]);
					// whole roman sections are left out when they only assess (not tasks): no gap at that level
					if (l != null && !"roman".equals(l.kind())) {
						step(last, "notice:" + parent, parts[d], w, "mục");
					}
				}
				parent.append('/').append(parts[d]);
			}
		}
	}

	private static void step(Map<String, Label> last, String sequence, String raw, RowWork w, String what) {
		Label l = Label.of(raw);
		if (l == null) {
			last.remove(sequence);
			return;
		}
		Label before = last.get(sequence);
		last.put(sequence, l);
		if (before == null || !before.kind().equals(l.kind()) || l.value() <= before.value() + 1) {
			return;
		}
		List<String> missing = before.between(l);
		String prefix = sequence.startsWith("task:") ? sequence.substring(5) + "." : "";
		String list = String.join(", ", missing.stream().map(s -> prefix + s).toList());
		w.findings.add(Finding.of(FindingCode.NUMBERING_GAP, "stt", "Số thứ tự " + what + " nhảy từ “" + prefix
				+ before.text() + "” sang “" + prefix + l.text() + "”: thiếu " + list));
	}

	static int roman(String s) {
		int total = 0;
		int prev = 0;
		for (int i = s.length() - 1; i >= 0; i--) {
			int v = switch (Character.toUpperCase(s.charAt(i))) {
				case 'I' -> 1;
				case 'V' -> 5;
				case 'X' -> 10;
				default -> 0;
			};
			if (v == 0) {
				return 0;
			}
			total += v < prev ? -v : v;
			prev = Math.max(prev, v);
		}
		return toRoman(total).equalsIgnoreCase(s) ? total : 0;
	}

	static String toRoman(int n) {
		String[] r = { "X", "IX", "V", "IV", "I" };
		int[] v = { 10, 9, 5, 4, 1 };
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < v.length; i++) {
			while (n >= v[i]) {
				sb.append(r[i]);
				n -= v[i];
			}
		}
		return sb.toString();
	}
}
