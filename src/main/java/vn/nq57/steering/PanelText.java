package vn.nq57.steering;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.nq57.kernel.VnText;

/**
 * The labels of the boards, the brief and the ranking in the viewer's language. Widgets and brief sections (also
 * those of other modules) write their titles, figure labels, column headings and notes in Vietnamese, ready for the
 * .docx, the PDF and Excel; on the page, for another language, each is looked up in the message bundles under
 * {@code steering.t.<its words folded>}, its figures (counts, dates, rates) taken out as arguments {0}, {1}…: "Đến hạn
 * trong 7 ngày tới" is {@code steering.t.den_han_trong_0_ngay_toi} = "Due within the next {0} days". A text with no
 * key — names of agencies and tasks, what users typed — is shown as it is.
 */
@Component("steeringText")
public class PanelText {

	private static final Pattern FIGURE = Pattern.compile("[+−-]?\\d[\\d.,/]*(?<![.,/])%?");
	private static final Pattern NUMBERED = Pattern.compile("^([IVXL]+\\. )(.*)$", Pattern.DOTALL);
	private static final int MAX_KEY = 90;

	private final MessageSource messages;
	/** Texts looked up and not found (for the test that every label has its key). */
	private final Set<String> missing = ConcurrentHashMap.newKeySet();

	private final org.springframework.beans.factory.ObjectProvider<RankingService> ranking;

	PanelText(MessageSource messages, org.springframework.beans.factory.ObjectProvider<RankingService> ranking) {
		this.messages = messages;
		this.ranking = ranking;
	}

	/** The text in the viewer's language (as it is for Vietnamese). */
	public String t(String text) {
		return t(text, LocaleContextHolder.getLocale());
	}

	public String t(String text, Locale locale) {
		if (text == null || text.isBlank() || locale == null || "vi".equals(locale.getLanguage())) {
			return text;
		}
		if (text.startsWith(FORMULA[0][0]) || text.startsWith(FORMULA[3][0])) {
			return formula(text, ranking.getObject().criteria(), locale);
		}
		Matcher n = NUMBERED.matcher(text);
		if (n.matches()) {
			return n.group(1) + t(n.group(2), locale);
		}
		List<Object> args = new ArrayList<>();
		Matcher m = FIGURE.matcher(text);
		StringBuilder template = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(template, Matcher.quoteReplacement("{" + args.size() + "}"));
			args.add(m.group());
		}
		m.appendTail(template);
		String key = key(template.toString());
		if (key == null) {
			return text;
		}
		String found = messages.getMessage(key, args.toArray(), null, locale);
		if (found == null) {
			missing.add(key + "=" + template);
			return text;
		}
		return found;
	}

	/** A table cell: a label with a key is translated, anything else (names, typed text) shown as it is. */
	public String cell(String text) {
		Locale locale = LocaleContextHolder.getLocale();
		if (text == null || text.isBlank() || "vi".equals(locale.getLanguage()) || text.length() > 120) {
			return text;
		}
		Matcher m = FIGURE.matcher(text);
		List<Object> args = new ArrayList<>();
		StringBuilder template = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(template, Matcher.quoteReplacement("{" + args.size() + "}"));
			args.add(m.group());
		}
		m.appendTail(template);
		String key = key(template.toString());
		String found = key == null ? null : messages.getMessage(key, args.toArray(), null, locale);
		return found == null ? text : found;
	}

	/**
	 * The ranking's formula: the criteria's labels and definitions through their keys, the sentences around them
	 * through {@code steering.formula.*}; the weights as DoST wrote them stay as written.
	 */
	public String formula(RankingService.Ranking r) {
		return formula(r.formula(), r.criteria(), LocaleContextHolder.getLocale());
	}

	private String formula(String formula, List<RankingService.Criterion> criteria, Locale locale) {
		String f = formula;
		if (f == null || "vi".equals(locale.getLanguage())) {
			return f;
		}
		for (RankingService.Criterion c : criteria) {
			f = f.replace(c.definition(), t(c.definition(), locale)).replace(c.label(), t(c.label(), locale));
		}
		for (String[] part : FORMULA) {
			f = f.replace(part[0], messages.getMessage("steering.formula." + part[1], null, part[0], locale));
		}
		return f;
	}

	/**
	 * The ranking table's rows as HTML, built here once per line: 5.000 agencies through the template's expressions
	 * (a link, a loop over the criteria, a formatted score per row) took nearly nine tenths of the page's time. Per
	 * line: the rank, the agency's name (escaped) linked to its tasks at {@code tasksBase}{@code ?agency=id}, each
	 * weighted criterion as printed, the score, the rank of the previous quarter or "–". Names are the only text
	 * from users; every cell is escaped.
	 */
	public String rankingRows(RankingService.Ranking r, String tasksBase) {
		List<String> codes = r.criteria().stream().filter(c -> c.weight() > 0).map(RankingService.Criterion::code).toList();
		String base = esc(tasksBase) + "?agency=";
		StringBuilder s = new StringBuilder(r.lines().size() * (120 + 40 * codes.size()));
		for (RankingService.Line l : r.lines()) {
			s.append("<tr><td>").append(l.rank()).append("</td><td><a href=\"").append(base).append(l.agencyId())
				.append("\">").append(esc(l.name())).append("</a></td>");
			for (String c : codes) {
				s.append("<td>").append(esc(l.part(c))).append("</td>");
			}
			s.append("<td class=\"score\">").append(esc(vn.nq57.kernel.VnFormat.decimal(l.score(), 2))).append("</td><td>")
				.append(l.previousRank() == null ? "–" : String.valueOf(l.previousRank())).append("</td></tr>\n");
		}
		return s.toString();
	}

	private static String esc(String text) {
		return text == null ? "" : org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private static final String[][] FORMULA = {
			{ "Điểm = (", "score" },
			{ "; tiêu chí cơ quan không có số liệu thì không tính, và trọng số của nó được bỏ khỏi số chia. ", "skipped" },
			{ "Cơ quan cùng điểm xếp cùng hạng. Trọng số do Sở KH&CN đặt tại trang Cài đặt.", "ties" },
			{ "Kết quả đã chốt ngày ", "keptOn" },
			{ " với trọng số ", "withWeights" } };

	/** {@code steering.t.} and the words folded to ASCII, or null for a text with no letters. */
	static String key(String template) {
		String slug = VnText.fold(template).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (slug.isEmpty() || slug.matches("[0-9_]*")) {
			return null;
		}
		return "steering.t." + (slug.length() > MAX_KEY ? slug.substring(0, MAX_KEY) : slug);
	}

	Set<String> missing() {
		return missing;
	}
}
