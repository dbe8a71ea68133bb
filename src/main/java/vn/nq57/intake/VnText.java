package vn.nq57.intake;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import vn.nq57.agency.AgencyNames;

/**
 * How imported Vietnamese text is compared: {@link #key} ignores case and accents (what "chuyen doi so"
 * must find), {@link #fold} keeps the accents but ignores case and the old/new placement of tone marks
 * ("hoá" = "hóa"), so that a wrong accent can be told apart from a different spelling convention.
 */
final class VnText {

	// Word, PDF exports and web pages leave these behind; the person who typed the text never saw them.
	private static final Pattern INVISIBLE = Pattern.compile("[\u200B\u200C\u200D\u2060\uFEFF\u00AD]");

	private static final Pattern SPACES = Pattern.compile("[\\p{Z}\\t\\x0B\\f]+");

	/** Abbreviations provincial documents use for the same words, in {@link #key} form. */
	private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("ubnd", "uy ban nhan dan"),
			Map.entry("hdnd", "hoi dong nhan dan"), Map.entry("kh&cn", "khoa hoc va cong nghe"),
			Map.entry("khcn", "khoa hoc va cong nghe"), Map.entry("kh&kt", "khoa hoc va ky thuat"),
			Map.entry("khkt", "khoa hoc va ky thuat"), Map.entry("kkt", "khu kinh te"),
			Map.entry("kcn", "khu cong nghiep"), Map.entry("ccn", "cum cong nghiep"), Map.entry("bql", "ban quan ly"),
			Map.entry("vhttdl", "van hoa the thao va du lich"), Map.entry("gd&dt", "giao duc va dao tao"),
			Map.entry("gddt", "giao duc va dao tao"), Map.entry("nn&mt", "nong nghiep va moi truong"),
			Map.entry("nnmt", "nong nghiep va moi truong"), Map.entry("chqs", "chi huy quan su"),
			Map.entry("ptth", "phat thanh va truyen hinh"), Map.entry("pt th", "phat thanh va truyen hinh"),
			Map.entry("mttq", "mat tran to quoc"), Map.entry("mttqvn", "mat tran to quoc viet nam"),
			Map.entry("vn", "viet nam"), Map.entry("tp", "thanh pho"), Map.entry("vp", "van phong"),
			Map.entry("cds", "chuyen doi so"), Map.entry("dmst", "doi moi sang tao"),
			Map.entry("cntt", "cong nghe thong tin"), Map.entry("tthc", "thu tuc hanh chinh"),
			Map.entry("csdl", "co so du lieu"), Map.entry("bcd", "ban chi dao"), Map.entry("&", "va"),
			Map.entry("dh", "dai hoc"));

	private VnText() {
	}

	/** NFC, no invisible characters, single spaces inside each line, lines trimmed; {@code null} stays null. */
	static String clean(String s) {
		if (s == null) {
			return null;
		}
		String t = INVISIBLE.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll("");
		t = t.replace("\r\n", "\n").replace('\r', '\n').replace('\u000B', '\n');
		List<String> lines = new ArrayList<>();
		for (String line : t.split("\n")) {
			String l = SPACES.matcher(line).replaceAll(" ").strip();
			if (!l.isEmpty()) {
				lines.add(l);
			}
		}
		return String.join("\n", lines);
	}

	/** {@link #clean} on one line: line breaks become spaces. */
	static String oneLine(String s) {
		String c = clean(s);
		return c == null ? null : c.replace('\n', ' ');
	}

	static boolean isBlank(String s) {
		return s == null || clean(s).isEmpty();
	}

	/** No case, no accents, no punctuation: the registry's matching form ({@link AgencyNames#key}). */
	static String key(String s) {
		return AgencyNames.key(s);
	}

	/** Lower case, accents kept, tone placement unified, single spaces. */
	static String fold(String s) {
		if (s == null) {
			return "";
		}
		return vn.nq57.kernel.VnText.tones(oneLine(s).toLowerCase(Locale.ROOT));
	}

	/** No case, no accents, đ as d, punctuation kept: the kernel's {@link vn.nq57.kernel.VnText#fold}. */
	static String foldAccents(String s) {
		return vn.nq57.kernel.VnText.fold(s);
	}

	/** {@link #fold} that keeps every character where it was (no trimming, no space collapsing). */
	static String foldInPlace(String s) {
		String t = s.toLowerCase(Locale.ROOT);
		if (t.length() != s.length()) {
			return s;
		}
		return vn.nq57.kernel.VnText.tones(t);
	}

	/** Whether the text carries any Vietnamese diacritic (so it was typed with accents, not without). */
	static boolean hasDiacritics(String s) {
		return vn.nq57.kernel.VnText.hasMarks(s);
	}

	/** {@link #key} with the usual abbreviations written out, so "Ban Quản lý KKT" equals "Ban Quản lý Khu Kinh tế". */
	static String canonical(String s) {
		return String.join(" ", canonicalTokens(s));
	}

	static List<String> canonicalTokens(String s) {
		List<String> out = new ArrayList<>();
		for (String w : key(s).split(" ")) {
			if (w.isEmpty()) {
				continue;
			}
			String e = ABBREVIATIONS.get(w);
			if (e == null) {
				out.add(w);
			}
			else {
				for (String x : e.split(" ")) {
					out.add(x);
				}
			}
		}
		return out;
	}
}
