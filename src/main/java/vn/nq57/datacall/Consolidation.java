package vn.nq57.datacall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.datacall.DataCall.Question;
import vn.nq57.kernel.Rates;
import vn.nq57.kernel.VnFormat;

/**
 * The figures of a call: completeness and timeliness (expected, received, on time, as for periodic reports) and
 * the consolidation of the sent answers — sums of numbers, rates recomputed from the summed numerators and
 * denominators (never averaged), counts of yes/no and of each choice, texts by agency, sums per commune.
 */
@Component
public class Consolidation {

	/** Completeness of one call: expected = agencies asked, received = answers sent, on time = sent by the due date. */
	public record Counts(long expected, long received, long onTime, long drafts) {
		public long late() {
			return received - onTime;
		}

		public long missing() {
			return expected - received;
		}

		public BigDecimal completeness() {
			return Rates.percent(received, expected);
		}

		public BigDecimal timeliness() {
			return Rates.percent(onTime, expected);
		}
	}

	/** One row of the completeness grid. */
	public record AgencyRow(long agencyId, String code, String name, String kind, String state, LocalDate submittedOn,
			boolean late, long answered) {
		public String cell() {
			if (!"SUBMITTED".equals(state)) {
				return state == null ? "MISSING" : "DRAFT";
			}
			return late ? "LATE" : "ON_TIME";
		}
	}

	public record Grid(Counts counts, List<AgencyRow> rows, long total, int page, int size) {
	}

	/** The consolidated result of one question. */
	public record Result(Question question, long answered, BigDecimal sum, BigDecimal numerator, BigDecimal denominator,
			BigDecimal rate, long percentOnly, long yes, long no, Map<String, Long> choices, List<String[]> texts,
			long textCount, List<CommuneSum> communes) {

		/** The figure as a sentence part: "1.526 cơ quan", "99,30% (1.515/1.526)", "Có: 12, Không: 3". */
		public String figure() {
			return switch (question.kind()) {
				case NUMBER -> sum == null ? "—" : VnFormat.compact(sum, 2) + (question.unit() == null ? "" : " " + question.unit());
				case PERCENT -> rate == null ? "—"
						: VnFormat.decimal(rate, 2) + "% (" + VnFormat.compact(numerator, 2) + "/" + VnFormat.compact(denominator, 2) + ")";
				case YES_NO -> "Có: " + yes + ", Không: " + no;
				case CHOICE -> choices.isEmpty() ? "—"
						: String.join("; ", choices.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
				case PER_COMMUNE -> communes.isEmpty() ? "—"
						: "Tổng " + VnFormat.compact(communes.stream().map(CommuneSum::sum).reduce(BigDecimal.ZERO, BigDecimal::add), 2)
								+ (question.unit() == null ? "" : " " + question.unit()) + " trên " + communes.size() + " xã, phường, đặc khu";
				case TEXT, FILE -> answered + " cơ quan trả lời";
			};
		}
	}

	public record CommuneSum(long communeId, String name, BigDecimal sum, long reporters) {
	}

	private final JdbcTemplate jdbc;
	private final vn.nq57.system.AppClock clock;

	Consolidation(JdbcTemplate jdbc, vn.nq57.system.AppClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Counts counts(DataCall call) {
		return jdbc.queryForObject("""
				SELECT count(*) AS expected,
				       count(r.id) FILTER (WHERE r.state = 'SUBMITTED') AS received,
				       count(r.id) FILTER (WHERE r.state = 'SUBMITTED' AND r.submitted_on <= ?) AS on_time,
				       count(r.id) FILTER (WHERE r.state = 'DRAFT') AS drafts
				FROM data_call_target t
				LEFT JOIN data_call_response r ON r.call_id = t.call_id AND r.agency_id = t.agency_id
				WHERE t.call_id = ?""", (rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
				call.dueDate(), call.id());
	}

	/**
	 * The grid of agencies asked with the state of their answer, filtered ({@code only}: missing, late, draft, sent)
	 * and searched accent-insensitively, one page at a time.
	 */
	public Grid grid(DataCall call, String q, String only, int page, int size) {
		String filter = switch (only == null ? "" : only) {
			case "missing" -> " AND (r.state IS DISTINCT FROM 'SUBMITTED')";
			case "late" -> " AND r.state = 'SUBMITTED' AND r.submitted_on > :due";
			case "draft" -> " AND r.state = 'DRAFT'";
			case "sent" -> " AND r.state = 'SUBMITTED'";
			default -> "";
		};
		String search = q == null || q.isBlank() ? "" : " AND a.search LIKE '%' || search_key(:q) || '%'";
		var params = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("call", call.id())
			.addValue("due", call.dueDate()).addValue("q", q).addValue("limit", size).addValue("offset", (long) page * size);
		var named = new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc);
		String from = """
				FROM data_call_target t JOIN agency_view a ON a.id = t.agency_id
				LEFT JOIN data_call_response r ON r.call_id = t.call_id AND r.agency_id = t.agency_id
				WHERE t.call_id = :call""" + filter + search;
		Long total = named.queryForObject("SELECT count(*) " + from, params, Long.class);
		List<AgencyRow> rows = named.query("""
				SELECT a.id, a.code, a.name, a.kind, r.state, r.submitted_on, r.submitted_on > :due AS late,
				       (SELECT count(*) FROM data_call_answer x WHERE x.response_id = r.id) AS answered
				""" + from + " ORDER BY a.kind, a.name LIMIT :limit OFFSET :offset", params,
				(rs, i) -> new AgencyRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getObject(6, LocalDate.class), rs.getBoolean(7), rs.getLong(8)));
		return new Grid(counts(call), rows, total == null ? 0 : total, page, size);
	}

	/** The consolidation of every question over the answers sent by agencies still asked. */
	public List<Result> results(DataCall call, List<Question> questions) {
		return results(call, questions, 50);
	}

	public List<Result> results(DataCall call, List<Question> questions, int textLimit) {
		record Agg(long answered, BigDecimal sum, BigDecimal num, BigDecimal den, long pctOnly, long yes, long no) {
		}
		Map<Long, Agg> agg = new HashMap<>();
		jdbc.query("""
				SELECT a.question_id, count(*), sum(a.num_value) FILTER (WHERE a.denominator IS NULL),
				       sum(a.numerator) FILTER (WHERE a.denominator IS NOT NULL), sum(a.denominator),
				       count(*) FILTER (WHERE a.denominator IS NULL AND a.num_value IS NOT NULL),
				       count(*) FILTER (WHERE a.bool_value), count(*) FILTER (WHERE NOT a.bool_value)
				FROM data_call_response r
				JOIN data_call_target t ON t.call_id = r.call_id AND t.agency_id = r.agency_id
				JOIN data_call_answer a ON a.response_id = r.id
				WHERE r.call_id = ? AND r.state = 'SUBMITTED'
				GROUP BY a.question_id""", rs -> {
			agg.put(rs.getLong(1), new Agg(rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8)));
		}, call.id());
		Map<Long, Map<String, Long>> choices = new HashMap<>();
		Map<Long, List<String[]>> texts = new HashMap<>();
		Map<Long, List<CommuneSum>> communes = new HashMap<>();
		boolean anyChoice = questions.stream().anyMatch(q -> q.kind() == QuestionKind.CHOICE);
		if (anyChoice) {
			jdbc.query("""
					SELECT a.question_id, a.text_value, count(*) FROM data_call_response r
					JOIN data_call_target t ON t.call_id = r.call_id AND t.agency_id = r.agency_id
					JOIN data_call_answer a ON a.response_id = r.id
					JOIN data_call_question q ON q.id = a.question_id AND q.kind = 'CHOICE'
					WHERE r.call_id = ? AND r.state = 'SUBMITTED' GROUP BY 1, 2 ORDER BY 1, 3 DESC""", rs -> {
				choices.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
			}, call.id());
		}
		if (questions.stream().anyMatch(q -> q.kind() == QuestionKind.TEXT || q.kind() == QuestionKind.FILE)) {
			jdbc.query("""
					SELECT question_id, name, text_value, file_id FROM (
					  SELECT a.question_id, ag.name, a.text_value, a.file_id,
					         row_number() OVER (PARTITION BY a.question_id ORDER BY ag.kind, ag.name) AS n
					  FROM data_call_response r
					  JOIN data_call_target t ON t.call_id = r.call_id AND t.agency_id = r.agency_id
					  JOIN agency_view ag ON ag.id = r.agency_id
					  JOIN data_call_answer a ON a.response_id = r.id
					  JOIN data_call_question q ON q.id = a.question_id AND q.kind IN ('TEXT', 'FILE')
					  WHERE r.call_id = ? AND r.state = 'SUBMITTED') x
					WHERE n <= ? ORDER BY question_id, n""", rs -> {
				texts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new String[] { rs.getString(2),
						rs.getString(3) != null ? rs.getString(3) : "tệp đính kèm số " + rs.getLong(4) });
			}, call.id(), textLimit);
		}
		if (questions.stream().anyMatch(q -> q.kind() == QuestionKind.PER_COMMUNE)) {
			jdbc.query("""
					SELECT v.question_id, v.commune_id, c.name, sum(v.value), count(*)
					FROM data_call_response r
					JOIN data_call_target t ON t.call_id = r.call_id AND t.agency_id = r.agency_id
					JOIN data_call_commune_value v ON v.response_id = r.id
					JOIN agency_view c ON c.id = v.commune_id
					WHERE r.call_id = ? AND r.state = 'SUBMITTED'
					GROUP BY v.question_id, v.commune_id, c.name ORDER BY v.question_id, c.name""", rs -> {
				communes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new CommuneSum(rs.getLong(2), rs.getString(3), rs.getBigDecimal(4), rs.getLong(5)));
			}, call.id());
		}
		List<Result> out = new ArrayList<>();
		for (Question q : questions) {
			Agg a = agg.getOrDefault(q.id(), new Agg(0, null, null, null, 0, 0, 0));
			List<CommuneSum> cs = communes.getOrDefault(q.id(), List.of());
			long answered = q.kind() == QuestionKind.PER_COMMUNE
					? Math.max(a.answered(), cs.stream().mapToLong(CommuneSum::reporters).max().orElse(0))
					: a.answered();
			BigDecimal rate = a.den() == null || a.den().signum() == 0 ? null
					: a.num().multiply(BigDecimal.valueOf(100)).divide(a.den(), 2, Rates.rule().mode());
			out.add(new Result(q, answered, a.sum(), a.num(), a.den(), rate, a.pctOnly(), a.yes(), a.no(),
					choices.getOrDefault(q.id(), Map.of()), texts.getOrDefault(q.id(), List.of()), a.answered(), cs));
		}
		return out;
	}

	/** The answers side by side: one row per agency that sent, its answer to each question as text. */
	public record SideBySide(List<Question> questions, List<String> agencies, List<List<String>> cells, long total) {
	}

	public SideBySide sideBySide(DataCall call, List<Question> questions, int page, int size) {
		Long total = jdbc.queryForObject("""
				SELECT count(*) FROM data_call_response r JOIN data_call_target t ON t.call_id = r.call_id AND t.agency_id = r.agency_id
				WHERE r.call_id = ? AND r.state = 'SUBMITTED'""", Long.class, call.id());
		List<long[]> responses = new ArrayList<>();
		List<String> names = new ArrayList<>();
		jdbc.query("""
				SELECT r.id, a.name FROM data_call_response r
				JOIN data_call_target t ON t.call_id = r.call_id AND t.agency_id = r.agency_id
				JOIN agency_view a ON a.id = r.agency_id
				WHERE r.call_id = ? AND r.state = 'SUBMITTED' ORDER BY a.kind, a.name LIMIT ? OFFSET ?""", rs -> {
			responses.add(new long[] { rs.getLong(1) });
			names.add(rs.getString(2));
		}, call.id(), size, (long) page * size);
		Map<Long, Integer> column = new HashMap<>();
		for (int i = 0; i < questions.size(); i++) {
			column.put(questions.get(i).id(), i);
		}
		Map<Long, Integer> row = new HashMap<>();
		List<List<String>> cells = new ArrayList<>();
		for (int i = 0; i < responses.size(); i++) {
			row.put(responses.get(i)[0], i);
			List<String> blank = new ArrayList<>();
			questions.forEach(q -> blank.add(""));
			cells.add(blank);
		}
		if (!responses.isEmpty()) {
			Long[] ids = responses.stream().map(r -> r[0]).toArray(Long[]::new);
			jdbc.query("""
					SELECT response_id, question_id, num_value, numerator, denominator, text_value, bool_value, file_id
					FROM data_call_answer WHERE response_id = ANY (?)""", rs -> {
				Integer r = row.get(rs.getLong(1));
				Integer c = column.get(rs.getLong(2));
				if (r == null || c == null) {
					return;
				}
				cells.get(r).set(c, text(questions.get(c), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
						rs.getString(6), (Boolean) rs.getObject(7), (Long) rs.getObject(8)));
			}, (Object) ids);
			jdbc.query("""
					SELECT response_id, question_id, count(*), sum(value) FROM data_call_commune_value
					WHERE response_id = ANY (?) GROUP BY 1, 2""", rs -> {
				Integer r = row.get(rs.getLong(1));
				Integer c = column.get(rs.getLong(2));
				if (r != null && c != null) {
					cells.get(r).set(c, rs.getLong(3) + " xã; tổng " + VnFormat.compact(rs.getBigDecimal(4), 2));
				}
			}, (Object) ids);
		}
		return new SideBySide(questions, names, cells, total == null ? 0 : total);
	}

	static String text(Question q, BigDecimal value, BigDecimal num, BigDecimal den, String text, Boolean yes, Long file) {
		return switch (q.kind()) {
			case NUMBER -> value == null ? "" : VnFormat.compact(value, 4);
			case PERCENT -> den != null ? VnFormat.decimal(value, 2) + "% (" + VnFormat.compact(num, 4) + "/" + VnFormat.compact(den, 4) + ")"
					: value == null ? "" : VnFormat.decimal(value, 2) + "%";
			case TEXT, CHOICE -> text == null ? "" : text;
			case YES_NO -> yes == null ? "" : yes ? "Có" : "Không";
			case FILE -> file == null ? "" : "Tệp số " + file;
			case PER_COMMUNE -> "";
		};
	}

	LocalDate today() {
		return clock.today();
	}

	static BigDecimal scale(BigDecimal v) {
		return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
	}
}
