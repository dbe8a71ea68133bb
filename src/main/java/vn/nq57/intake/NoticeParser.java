package vn.nq57.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.nq57.agency.AgencyKind;

/**
 * Proposes candidate tasks from a conclusion notice (thông báo kết luận) written in prose: after "kết luận
 * và chỉ đạo như sau", each numbered section that names an agency ("2. Giao Sở Khoa học và Công nghệ",
 * "5. Sở Tài chính: …") addresses the items under it; a paragraph ending with ":" that names an agency
 * ("… Ban Quản lý tập trung triển khai … sau:") does the same. One candidate per bullet, per lettered item,
 * and per numbered item that is itself an instruction; deadlines written in the text ("hoàn thành trong ngày
 * 10/4/2026", "trước ngày 01/6/2026") become the candidate's deadline. Sections that assess (Đánh giá chung)
 * are skipped. The candidates are only proposals: the user keeps, edits or drops each in the preview.
 */
final class NoticeParser {

	record Result(List<DraftRow> rows, String title, LocalDate date, String issuer) {
	}

	private static final Pattern FOOTNOTE = Pattern.compile("^[¹²³⁴⁵⁶⁷⁸⁹⁰]+");

	private static final Pattern FOOTNOTE_MARKS = Pattern.compile("(?<=[\\p{L}\\p{N}.,;:)”\"])[¹²³⁴⁵⁶⁷⁸⁹⁰]+");

	private static final Pattern ROMAN_SECTION = Pattern.compile("^([IVX]{1,5})\\.\\s+(.+)$");

	private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2})\\.\\s+(.+)$");

	private static final Pattern LETTERED = Pattern.compile("^([a-zđ])\\)\\s+(.+)$");

	private static final Pattern BULLET = Pattern.compile("^[-–•+]\\s*(.+)$");

	private static final Pattern START = Pattern.compile("kết luận(?:,)? (?:và )?chỉ đạo như sau|kết luận như sau|chỉ đạo như sau");

	private static final Pattern END = Pattern.compile("^(?:nay thông báo|nơi nhận|tl\\. chủ tịch|kt\\. chủ tịch)");

	private static final Pattern ASSESSMENT = Pattern.compile("đánh giá|kết quả đạt được|tình hình");

	private static final Pattern SECTION_PREFIX = Pattern.compile("^(?:giao|đối với|về phía|yêu cầu|đề nghị)\\s+",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	// deadlines written inside the text
	private static final String DAY = "\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*\\d{4}";

	private static final String LEAD_IN = "(?:hoàn thành\\s*,?\\s*(?:trước|trong|chậm nhất(?: là)?|vào)?|trước|trong|"
			+ "chậm nhất(?: là)?|hạn chót|không quá)";

	// anywhere in the sentence: "… trong Quý III/2026.", "(hoàn thành trước ngày 15/5/2026)", "…, chậm nhất tháng 9 năm 2026"
	private static final Pattern DEADLINE = Pattern.compile("(?<!\\p{L})" + LEAD_IN + "\\s+(?:(?:ngày\\s+)?" + DAY
			+ "|tháng\\s+\\d{1,2}\\s*(?:[/-]|,?\\s*năm)\\s*\\d{4}|quý\\s+[ivx\\d]+\\s*(?:[/-]|,?\\s*năm)\\s*\\d{4}"
			+ "|năm\\s+\\d{4}|(?:0?6|sáu) tháng (?:đầu|cuối) năm\\s+\\d{4})(?!\\d)");

	private static final Pattern DEADLINE_PARENTHESIS = Pattern.compile("\\s*\\((?:[^()]*?)(?:hoàn thành|trước|trong|chậm nhất)[^()]*?\\d{4}\\s*\\)",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern ONGOING = Pattern.compile("^(?:thường xuyên|định kỳ)\\b", Pattern.CASE_INSENSITIVE
			| Pattern.UNICODE_CASE);

	// recurrence written anywhere in the sentence: "định kỳ hằng quý báo cáo …", "…, báo cáo hằng năm"
	private static final Pattern RECURRENCE = Pattern.compile("(?<!\\p{L})(?:(?:định kỳ\\s*,?\\s*)?(?:hằng|hàng|mỗi)\\s*"
			+ "(?:(?:0?6|sáu)\\s*tháng|năm|quý|tháng)|định kỳ\\s*(?:0?6|sáu)\\s*tháng)(?!\\p{L})");

	// "…, thực hiện thường xuyên.", "(thường xuyên)", "– liên tục": ongoing said after the task, not only before it
	private static final Pattern ONGOING_ANYWHERE = Pattern.compile("(?:^|[,;(–]\\s*|thực hiện\\s+)(?:thường xuyên|liên tục)"
			+ "(?=\\s*[.;,)]|\\s*$)");

	private static final Pattern COORDINATION = Pattern.compile("phối hợp(?: chặt chẽ)?(?: với)?\\s+");

	private static final Pattern CLAUSE_END = Pattern.compile("[;.]|\\s(?:để|nhằm|tổ chức|triển khai|kiểm tra|rà soát|nghiên cứu|"
			+ "xây dựng|thực hiện|tăng cường|tham mưu|trong)\\s");

	private static final Pattern DATE_IN_OPENING = Pattern.compile("[Nn]gày\\s+(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})");

	private static final Pattern LOCAL_ALIAS = Pattern.compile("\\((?:sau đây (?:gọi|viết) tắt là\\s*)?\\*?([^()*]{3,60}?)\\*?\\)");

	private final AgencyMatcher agencies;

	private NoticeParser(AgencyMatcher agencies) {
		this.agencies = agencies;
	}

	/** Paragraphs of a notice, pasted or read from Word. */
	static Result parse(List<String> paragraphs, AgencyMatcher agencies) {
		return new NoticeParser(agencies).run(paragraphs);
	}

	/** Pasted text: one paragraph per line; a line that starts in lower case continues the line before. */
	static List<String> paragraphs(String text) {
		List<String> out = new ArrayList<>();
		if (text == null) {
			return out;
		}
		for (String raw : text.replace("\r", "").split("\n")) {
			String line = clean(raw);
			if (line.isEmpty()) {
				continue;
			}
			if (!out.isEmpty() && Character.isLowerCase(line.codePointAt(0)) && !LETTERED.matcher(line).matches()) {
				out.set(out.size() - 1, out.get(out.size() - 1) + " " + line);
			}
			else {
				out.add(line);
			}
		}
		return out;
	}

	private static String clean(String s) {
		String t = VnText.oneLine(s == null ? "" : s.replace("*", ""));
		return t == null ? "" : t;
	}

	private Result run(List<String> raw) {
		List<String> lines = new ArrayList<>();
		for (String r : raw) {
			String c = clean(r);
			if (!c.isEmpty()) {
				lines.add(c);
			}
		}
		Map<String, Long> local = localAliases(lines);
		int start = 0;
		for (int i = 0; i < lines.size(); i++) {
			if (START.matcher(VnText.fold(lines.get(i))).find()) {
				start = i + 1;
				break;
			}
		}
		List<DraftRow> rows = new ArrayList<>();
		State s = new State();
		for (int i = start; i < lines.size(); i++) {
			String line = lines.get(i);
			String folded = VnText.fold(line);
			if (END.matcher(folded).find()) {
				break;
			}
			if (FOOTNOTE.matcher(line).find()) {
				continue;
			}
			line = FOOTNOTE_MARKS.matcher(line).replaceAll("");
			Matcher m;
			if ((m = ROMAN_SECTION.matcher(line)).matches()) {
				flush(s, rows);
				s.section = m.group(1);
				s.skip = ASSESSMENT.matcher(VnText.fold(m.group(2))).find();
				s.addressee = null;
				s.item = null;
				s.agencyItem = false;
				continue;
			}
			if (s.skip) {
				continue;
			}
			if ((m = NUMBERED.matcher(line)).matches()) {
				flush(s, rows);
				s.item = m.group(1);
				s.sub = 0;
				s.topic = null;
				s.agencyItem = false;
				String heading = m.group(2);
				Section section = agencySection(heading, local);
				if (section != null) {
					s.addressee = section.agency;
					s.addresseeText = section.text;
					s.agencyItem = true;
					if (section.body != null && !section.body.isBlank()) {
						s.open(i + 1, section.body, ref(s, null), false);
					}
					continue;
				}
				if (heading.endsWith(":")) {
					s.topic = heading;
					Long named = lastMention(heading, local);
					if (named != null) {
						s.addressee = named;
						s.addresseeText = null;
					}
					continue;
				}
				boolean isHeading = heading.length() < 150 && !heading.endsWith(".") && !heading.endsWith(";")
						&& i + 1 < lines.size() && !NUMBERED.matcher(lines.get(i + 1)).matches();
				if (isHeading) {
					s.topic = heading;
					s.collectBody = true;
					s.bodyLine = i + 2;
				}
				else {
					s.open(i + 1, heading, ref(s, null), false);
				}
				continue;
			}
			if ((m = LETTERED.matcher(line)).matches()) {
				flush(s, rows);
				s.collectBody = false;
				s.open(i + 1, m.group(2), ref(s, m.group(1)), m.group(2).endsWith(":"));
				continue;
			}
			if ((m = BULLET.matcher(line)).matches()) {
				flush(s, rows);
				s.collectBody = false;
				s.sub++;
				s.open(i + 1, m.group(1), ref(s, "ý " + s.sub), false);
				continue;
			}
			// a plain paragraph
			if (s.current != null && s.absorbs) {
				s.current.append("\n").append(line);
				continue;
			}
			if (s.collectBody) {
				if (s.current == null) {
					s.open(s.bodyLine, line, ref(s, null), true);
				}
				else {
					s.current.append("\n").append(line);
				}
				continue;
			}
			// under "3. Giao Sở …:" a paragraph without a bullet is that agency's task like a bulleted one
			if (s.agencyItem && !line.endsWith(":")) {
				if (s.current != null && continues(s.current, line)) {
					s.current.append("\n").append(line);
				}
				else {
					flush(s, rows);
					s.sub++;
					s.open(i + 1, line, ref(s, "ý " + s.sub), false);
				}
				continue;
			}
			if (line.endsWith(":")) {
				flush(s, rows);
				Long named = lastMention(line, local);
				if (named != null) {
					s.addressee = named;
					s.addresseeText = null;
				}
			}
		}
		flush(s, rows);
		return new Result(rows, title(lines), date(lines), issuer(lines));
	}

	/** A line that carries on the sentence before it (broken across lines or pages): no full stop, lower case. */
	private static boolean continues(CharSequence before, String line) {
		char last = before.charAt(before.length() - 1);
		return ".;:!?".indexOf(last) < 0 && Character.isLowerCase(line.charAt(0));
	}

	/** Reading state while walking the notice. */
	private static final class State {
		boolean agencyItem;
		String section;
		boolean skip;
		String item;
		int sub;
		String topic;
		Long addressee;
		String addresseeText;
		boolean collectBody;
		int bodyLine;
		StringBuilder current;
		int currentLine;
		String currentRef;
		boolean absorbs;

		void open(int line, String text, String ref, boolean absorbsFollowing) {
			current = new StringBuilder(text);
			currentLine = line;
			currentRef = ref;
			absorbs = absorbsFollowing;
		}
	}

	private void flush(State s, List<DraftRow> rows) {
		if (s.current == null) {
			return;
		}
		String text = s.current.toString().strip();
		s.current = null;
		s.absorbs = false;
		if (text.isEmpty()) {
			return;
		}
		rows.add(candidate(s, text));
	}

	private DraftRow candidate(State s, String text) {
		String deadline = deadline(text);
		String title = DEADLINE_PARENTHESIS.matcher(text).replaceAll("").strip();
		title = title.replaceAll("[.;]+$", "").strip();
		String lead = null;
		String head = null;
		if (s.addressee != null) {
			AgencyMatcher.Entry e = agencies.entry(s.addressee);
			lead = e.name();
			head = headOf(e);
		}
		else if (s.addresseeText != null) {
			lead = s.addresseeText;
		}
		Set<String> coordinators = new LinkedHashSet<>();
		Matcher c = COORDINATION.matcher(VnText.foldInPlace(text));
		while (c.find()) {
			String window = text.substring(c.end());
			Matcher end = CLAUSE_END.matcher(VnText.foldInPlace(window));
			if (end.find()) {
				window = window.substring(0, end.start());
			}
			for (AgencyMatcher.Mention m : agencies.mentions(window, null)) {
				if (!Long.valueOf(m.agencyId()).equals(s.addressee)) {
					coordinators.add(m.agencyName());
				}
			}
		}
		String source = s.currentRef + (s.topic == null ? "" : " – " + abbreviate(s.topic.replaceAll(":$", ""), 80));
		return DraftRow.task(s.currentLine, null, null, title, head, lead,
				coordinators.isEmpty() ? null : String.join("; ", coordinators), null, deadline, source).withQuote(text);
	}

	/** The deadline written inside the text, as the deadline parser reads it; "Thường xuyên" at the start. */
	static String deadline(String text) {
		String folded = VnText.foldInPlace(text);
		Matcher m = DEADLINE.matcher(folded);
		String found = null;
		while (m.find()) {
			found = text.substring(m.start(), m.end());
		}
		if (found != null) {
			return found.replaceFirst("(?i)^hoàn thành\\s*,?\\s*", "");
		}
		Matcher r = RECURRENCE.matcher(folded);
		if (r.find()) {
			return text.substring(r.start(), r.end());
		}
		Matcher o = ONGOING.matcher(text);
		return o.find() || ONGOING_ANYWHERE.matcher(folded).find() ? "Thường xuyên" : null;
	}

	/** The title an agency's accountable head usually has; the user can change it in the preview. */
	static String headOf(AgencyMatcher.Entry e) {
		String name = e.name();
		String k = VnText.key(name);
		if (e.kind() == AgencyKind.COLLECTIVE) {
			return "Thủ trưởng " + Character.toLowerCase(name.charAt(0)) + name.substring(1);
		}
		if (e.kind() == AgencyKind.COMMUNE) {
			return "Chủ tịch UBND " + Character.toLowerCase(name.charAt(0)) + name.substring(1);
		}
		if (k.startsWith("so ") || k.startsWith("cong an") || k.startsWith("buu dien")) {
			return "Giám đốc " + name;
		}
		if (k.startsWith("ban ")) {
			return "Trưởng " + name;
		}
		if (k.startsWith("van phong")) {
			return "Chánh " + name;
		}
		if (k.startsWith("truong ")) {
			return "Hiệu trưởng " + name;
		}
		return null;
	}

	private record Section(Long agency, String text, String body) {
	}

	/** "Giao Sở Khoa học và Công nghệ", "Sở Tài chính: Kịp thời …", "Các sở, ban, ngành, địa phương". */
	private Section agencySection(String heading, Map<String, Long> local) {
		int colon = heading.indexOf(':');
		String head = colon >= 0 ? heading.substring(0, colon) : heading;
		String body = colon >= 0 ? heading.substring(colon + 1).strip() : null;
		String name = SECTION_PREFIX.matcher(head.strip()).replaceFirst("").strip();
		if (name.isEmpty() || name.length() > 160) {
			return null;
		}
		AgencyMatcher.Match m = agencies.resolve(name);
		if (m.known()) {
			return new Section(m.agencyId(), name, body);
		}
		List<AgencyMatcher.Mention> mentions = agencies.mentions(name, local);
		int tokens = VnText.canonicalTokens(name).size();
		if (!mentions.isEmpty() && mentions.get(0).start() == 0 && mentions.get(0).end() >= tokens - 1) {
			return new Section(mentions.get(0).agencyId(), name, body);
		}
		return null;
	}

	private Long lastMention(String text, Map<String, Long> local) {
		List<AgencyMatcher.Mention> mentions = agencies.mentions(text, local);
		return mentions.isEmpty() ? null : mentions.get(mentions.size() - 1).agencyId();
	}

	/** Short names a notice defines: "Ban Quản lý Khu Kinh tế Dung Quất và các KCN Quảng Ngãi (Ban Quản lý)". */
	private Map<String, Long> localAliases(List<String> lines) {
		Map<String, Long> out = new HashMap<>();
		for (String line : lines) {
			Matcher m = LOCAL_ALIAS.matcher(line);
			while (m.find()) {
				String alias = m.group(1).strip();
				if (alias.split(" ").length > 6 || alias.matches(".*\\d.*")) {
					continue;
				}
				List<AgencyMatcher.Mention> before = agencies.mentions(line.substring(0, m.start()), null);
				int tokens = VnText.canonicalTokens(line.substring(0, m.start())).size();
				if (!before.isEmpty() && before.get(before.size() - 1).end() == tokens) {
					out.put(alias, before.get(before.size() - 1).agencyId());
				}
			}
		}
		return out;
	}

	private static String ref(State s, String sub) {
		StringBuilder sb = new StringBuilder("Mục ");
		if (s.section != null) {
			sb.append(s.section);
			if (s.item != null) {
				sb.append('.');
			}
		}
		if (s.item != null) {
			sb.append(s.item);
		}
		if (s.section == null && s.item == null) {
			sb.setLength(0);
			sb.append("Phần kết luận");
		}
		if (sub != null) {
			sb.append(sub.startsWith("ý") ? ", " + sub : "." + sub);
		}
		return sb.toString();
	}

	/** The notice's subject: the lines after "THÔNG BÁO" up to the opening paragraph. */
	private static String title(List<String> lines) {
		for (int i = 0; i < lines.size(); i++) {
			if (VnText.key(lines.get(i)).equals("thong bao")) {
				StringBuilder sb = new StringBuilder();
				for (int j = i + 1; j < lines.size() && j < i + 6; j++) {
					String l = lines.get(j);
					if (DATE_IN_OPENING.matcher(l).lookingAt() || l.length() > 400) {
						break;
					}
					sb.append(sb.length() == 0 ? "" : " ").append(l);
				}
				return sb.length() == 0 ? null : abbreviate(sb.toString(), 900);
			}
		}
		return null;
	}

	/** The meeting day in the opening paragraph ("Ngày 08/4/2026, tại …"). */
	private static LocalDate date(List<String> lines) {
		List<String> opening = lines.subList(0, Math.min(lines.size(), 12));
		for (boolean atStart : new boolean[] { true, false }) {
			for (String l : opening) {
				Matcher m = DATE_IN_OPENING.matcher(l);
				if (atStart ? m.lookingAt() : m.find()) {
				try {
					return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
							Integer.parseInt(m.group(1)));
				}
				catch (DateTimeException e) {
					return null;
				}
				}
			}
		}
		return null;
	}

	private static String issuer(List<String> lines) {
		for (String l : lines) {
			if (VnText.key(l).startsWith("tl chu tich")) {
				return "Văn phòng UBND tỉnh";
			}
		}
		return null;
	}

	private static String abbreviate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}
}
