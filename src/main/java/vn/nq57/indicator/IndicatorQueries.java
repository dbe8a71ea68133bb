package vn.nq57.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.agency.AgencyDirectory;
import vn.nq57.kernel.Page;
import vn.nq57.system.AppClock;

/**
 * What the scoreboard and the indicator page show, read from the kept province figures
 * ({@code indicator_rollup}: one row per indicator and period) and, for one indicator's breakdown, from
 * one period's values through the {@code (indicator_id, period_start, agency_id)} index. Nothing here
 * reads the whole value table.
 */
@Component
class IndicatorQueries {

	static final int SPARK_PERIODS = 12;
	static final int SPARK_WIDTH = 120;
	static final int SPARK_HEIGHT = 28;

	/** The province's figure for one period. */
	record Point(Period period, BigDecimal value, BigDecimal numerator, BigDecimal denominator, int reported,
			String problem) {
	}

	/**
	 * One line of the scoreboard as the page prints it: every text ready, so that rendering hundreds of lines is
	 * one lookup per cell (empty text leaves the cell empty). {@code agency}, {@code problemNote} and {@code unit} (as DoST typed it) are content
	 * inside {@code meta} and {@code problem} (an agency's name, the stored reason a figure is missing), for the
	 * page to mark them.
	 */
	record Shown(String code, String name, String meta, String period, String value, String parts, String problem,
			String target, String targetYear, String statusClass, String statusLabel, String expected, String spark,
			String sparkLabel, String missing, boolean late, String duePeriod, String agency, String problemNote,
			String unit) {
	}

	/** One line of the scoreboard. {@code unfinished}: the newest period, when it has no figure (and why). */
	record ScoreRow(Indicator ind, String agencyName, Point latest, TargetStatus.Assessment assessment,
			Indicator.Target target, List<Point> recent, String spark, int expected, Period duePeriod, int missingPastDue,
			Point unfinished) {

		/** The line in Vietnamese. */
		public Shown shown() {
			return shown(null, null);
		}

		/**
		 * The line in the page's language: the words from the bundles ({@code scoreboard.*}, {@code indFrequency.*},
		 * {@code targetStatus.*}), the periods by {@link Period#label(Locale)}; without {@code messages}, Vietnamese.
		 */
		public Shown shown(MessageSource messages, Locale locale) {
			Words w = new Words(messages, locale);
			String parts = parts();
			String problem = unfinished == null ? null : unfinished.period().label(locale) + ": " + unfinished.problem();
			return new Shown(ind.code(), ind.name(),
					ind.code() + " · " + w.get("indFrequency." + ind.frequency().name(), ind.frequency().label())
							+ (ind.computed() ? " · " + w.get("scoreboard.computed", "tính theo công thức") : "") + " · "
							+ agencyName,
					latest == null ? "–" : latest.period().label(locale), latest == null ? "–" : ind.show(latest.value()),
					parts, problem, target == null ? "–" : ind.show(target.value()),
					target == null ? null : w.get("scoreboard.targetYear", "năm " + target.year(), String.valueOf(target.year())),
					"ts ts-" + status().name(), w.get("targetStatus." + status().name(), status().label()),
					assessment.expected() == null ? null
							: w.get("scoreboard.expected", "Cần đạt: " + ind.show(assessment.expected()),
									ind.show(assessment.expected())),
					spark,
					spark == null ? null
							: w.get("scoreboard.sparkLabel", "Xu hướng " + recent.size() + " kỳ gần nhất",
									String.valueOf(recent.size())) + (trend() == null ? "" : " " + trend()),
					duePeriod == null ? "–" : missingPastDue == 0 ? "0" : VnNumber.format(BigDecimal.valueOf(missingPastDue), 0)
							+ "/" + VnNumber.format(BigDecimal.valueOf(expected), 0),
					duePeriod != null && missingPastDue > 0, duePeriod == null ? null : duePeriod.label(locale), agencyName,
					unfinished == null ? null : unfinished.problem(), ind.percent() ? null : ind.unit());
		}

		public TargetStatus status() {
			return assessment.status();
		}

		/** {@code 5/7} when the figure is a ratio with known parts. */
		public String parts() {
			if (latest == null || latest.numerator() == null || latest.denominator() == null) {
				return null;
			}
			return VnNumber.compact(latest.numerator(), 2) + "/" + VnNumber.compact(latest.denominator(), 2);
		}

		public String trend() {
			if (recent.size() < 2) {
				return null;
			}
			BigDecimal last = recent.get(recent.size() - 1).value();
			BigDecimal prev = recent.get(recent.size() - 2).value();
			int c = last.compareTo(prev);
			return c == 0 ? "→" : c > 0 ? "↑" : "↓";
		}
	}

	/** A page's words: from the bundles in its locale, or (no bundles) the Vietnamese given. */
	record Words(MessageSource messages, Locale locale) {

		/** {@code vietnamese} is the text already formatted, for when there are no bundles. */
		String get(String key, String vietnamese, Object... args) {
			return messages == null ? vietnamese : messages.getMessage(key, args, vietnamese, locale);
		}
	}

	record Scoreboard(LocalDate today, List<ScoreRow> rows, Map<TargetStatus, Long> counts, List<String> categories) {
	}

	/** One agency's line in an indicator's breakdown for a period. */
	record AgencyValue(long agencyId, String agencyName, Long valueId, ValueState state, BigDecimal value,
			BigDecimal numerator, BigDecimal denominator, BigDecimal approvedValue, BigDecimal approvedNumerator,
			BigDecimal approvedDenominator, String flag, String sourceNote, Long fileId, String returnReason,
			BigDecimal previous, Instant enteredAt, Long version) {

		public boolean missing() {
			return approvedValue == null;
		}
	}

	record BreakdownPage(Period period, List<AgencyValue> rows, int page, int size, long total, int reported,
			int expected, boolean pastDue) {

		/** The rows as the kernel's page, whose arithmetic the pager uses. */
		Page<AgencyValue> asPage() {
			return new Page<>(rows, page, size, total);
		}

		public int pages() {
			return asPage().pages();
		}

		public boolean hasNext() {
			return asPage().hasNext();
		}
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final IndicatorCatalog catalog;
	private final AgencyDirectory agencies;
	private final AppClock clock;
	private final IndicatorAsOf asOfFigures;

	IndicatorQueries(NamedParameterJdbcTemplate jdbc, IndicatorCatalog catalog, AgencyDirectory agencies, AppClock clock,
			IndicatorAsOf asOfFigures) {
		this.jdbc = jdbc;
		this.asOfFigures = asOfFigures;
		this.catalog = catalog;
		this.agencies = agencies;
		this.clock = clock;
	}

	/** The leaders' scoreboard: every active indicator on it, with its latest figure and status today. */
	Scoreboard scoreboard(String category, TargetStatus status) {
		return scoreboard(category, status, null);
	}

	/**
	 * The scoreboard as it stood at the end of {@code asOf} (values approved up to that day, status against the
	 * trajectory at that day), or today's from the kept figures when {@code asOf} is {@code null}.
	 */
	Scoreboard scoreboard(String category, TargetStatus status, LocalDate asOf) {
		LocalDate today = asOf == null ? clock.today() : asOf;
		Map<String, Indicator> all = catalog.byCode();
		List<Indicator> shown = all.values().stream().filter(i -> i.active() && i.onScoreboard()).toList();
		Map<Long, List<Point>> recent = new HashMap<>();
		Map<Long, TargetStatus.Point> firsts = new HashMap<>();
		Map<Long, Map<LocalDate, Integer>> reportedAsOf = asOf == null ? null : new HashMap<>();
		if (asOf == null) {
			currentFigures(all, today, recent, firsts);
		}
		else {
			Map<Long, List<Point>> figures = asOfFigures.figures(all, asOf);
			figures.forEach((id, points) -> {
				List<Point> withValue = points.stream().filter(x -> x.value() != null).toList();
				if (!withValue.isEmpty()) {
					Point f = withValue.get(0);
					firsts.put(id, new TargetStatus.Point(min(f.period().end(), today), f.value()));
				}
				recent.put(id, points.subList(Math.max(0, points.size() - SPARK_PERIODS), points.size()));
				Map<LocalDate, Integer> rep = new HashMap<>();
				points.forEach(x -> rep.put(x.period().start(), x.reported()));
				reportedAsOf.put(id, rep);
			});
		}
		Map<String, Long> kinds = agencyCounts();
		Map<Long, String> names = new HashMap<>();
		agencies.refs(shown.stream().map(Indicator::responsibleAgencyId).collect(Collectors.toSet()))
			.forEach((id, ref) -> names.put(id, ref.displayName()));
		List<ScoreRow> rows = new ArrayList<>();
		Map<TargetStatus, Long> counts = new EnumMap<>(TargetStatus.class);
		for (TargetStatus s : TargetStatus.values()) {
			counts.put(s, 0L);
		}
		for (Indicator ind : shown) {
			List<Point> r = recent.getOrDefault(ind.id(), List.of());
			ScoreRow row = row(ind, all, r, firsts.get(ind.id()), names.get(ind.responsibleAgencyId()), kinds, today,
					reportedAsOf == null ? null : reportedAsOf.getOrDefault(ind.id(), Map.of()));
			counts.merge(row.status(), 1L, Long::sum);
			if ((category == null || category.equals(ind.category())) && (status == null || status == row.status())) {
				rows.add(row);
			}
		}
		List<String> categories = shown.stream().map(Indicator::category).filter(c -> c != null)
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new)).stream().toList();
		return new Scoreboard(today, rows, counts, categories);
	}

	/** The last {@value #SPARK_PERIODS} periods of every indicator and its first figure, from the kept figures. */
	private void currentFigures(Map<String, Indicator> all, LocalDate today, Map<Long, List<Point>> recent,
			Map<Long, TargetStatus.Point> firsts) {
		MapSqlParameterSource p = new MapSqlParameterSource("today", Date.valueOf(today)).addValue("n", SPARK_PERIODS);
		Map<Long, Frequency> freq = new HashMap<>();
		all.values().forEach(i -> freq.put(i.id(), i.frequency()));
		jdbc.query("""
				SELECT indicator_id, period_start, value, numerator, denominator, reported, problem
				FROM (SELECT r.*, row_number() OVER (PARTITION BY indicator_id ORDER BY period_start DESC) AS rn
				      FROM indicator_rollup r WHERE period_start <= :today) x
				WHERE rn <= :n
				ORDER BY indicator_id, period_start""", p, rs -> {
			long id = rs.getLong(1);
			Frequency f = freq.get(id);
			if (f != null) {
				recent.computeIfAbsent(id, k -> new ArrayList<>()).add(new Point(new Period(f, rs.getObject(2, LocalDate.class)),
						rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getInt(6), rs.getString(7)));
			}
		});
		jdbc.query("""
				SELECT DISTINCT ON (indicator_id) indicator_id, period_start, value
				FROM indicator_rollup WHERE value IS NOT NULL AND period_start <= :today
				ORDER BY indicator_id, period_start""", p, rs -> {
			Frequency f = freq.get(rs.getLong(1));
			if (f != null) {
				Period per = new Period(f, rs.getObject(2, LocalDate.class));
				firsts.put(rs.getLong(1), new TargetStatus.Point(min(per.end(), today), rs.getBigDecimal(3)));
			}
		});
	}

	private ScoreRow row(Indicator ind, Map<String, Indicator> all, List<Point> recent, TargetStatus.Point first,
			String agencyName, Map<String, Long> kinds, LocalDate today, Map<LocalDate, Integer> reportedAsOf) {
		List<Point> withValue = recent.stream().filter(x -> x.value() != null).toList();
		Point latest = withValue.isEmpty() ? null : withValue.get(withValue.size() - 1);
		TargetStatus.Assessment a = assess(ind, latest, first, today);
		int expected = expected(ind, all, kinds);
		Period due = null;
		int missing = 0;
		if (!ind.computed() && !catalog.fed(ind) && ind.expects(lastDuePeriod(ind, today))) {
			due = lastDuePeriod(ind, today);
			Period d = due;
			int reported = recent.stream().filter(x -> x.period().equals(d)).mapToInt(Point::reported).findFirst()
				.orElseGet(() -> reportedAsOf != null ? reportedAsOf.getOrDefault(d.start(), 0) : recentReported(ind, d));
			missing = Math.max(0, expected - reported);
		}
		Indicator.Target target = ind.targetFor(latest == null ? today.getYear() : latest.period().year());
		Point newest = recent.isEmpty() ? null : recent.get(recent.size() - 1);
		Point unfinished = newest != null && newest.value() == null ? newest : null;
		return new ScoreRow(ind, agencyName, latest, a, target, withValue, spark(withValue, latest), expected, due, missing,
				unfinished);
	}

	/** The reported count of a period older than the recent window (rare: a yearly indicator's last due year). */
	private int recentReported(Indicator ind, Period p) {
		Integer n = jdbc.query("SELECT reported FROM indicator_rollup WHERE indicator_id = :id AND period_start = :p",
				new MapSqlParameterSource("id", ind.id()).addValue("p", Date.valueOf(p.start())),
				rs -> rs.next() ? rs.getInt(1) : 0);
		return n == null ? 0 : n;
	}

	/**
	 * The status of a figure. The trajectory starts at the baseline, or without one at the first figure on
	 * record — unless that is the figure being judged, which is then compared with the target itself.
	 */
	TargetStatus.Assessment assess(Indicator ind, Point latest, TargetStatus.Point first, LocalDate today) {
		TargetStatus.Point point = latest == null ? null : new TargetStatus.Point(min(latest.period().end(), today), latest.value());
		TargetStatus.Point baseline = ind.baselineValue() != null
				? new TargetStatus.Point(LocalDate.of(ind.baselineYear(), 12, 31), ind.baselineValue())
				: first != null && point != null && first.date().isBefore(point.date()) ? first : null;
		return TargetStatus.assess(ind.direction(), ind.targetMap(), baseline, point, ind.greenPct(), ind.amberPct());
	}

	/** The most recent period whose values were due before today. */
	static Period lastDuePeriod(Indicator ind, LocalDate today) {
		Period p = Period.containing(ind.frequency(), today);
		while (!today.isAfter(p.dueDate(ind.dueDays()))) {
			p = p.previous();
		}
		return p;
	}

	/** How many agencies are expected to report the indicator (for a computed one: as its first input). */
	int expected(Indicator ind, Map<String, Indicator> all, Map<String, Long> kinds) {
		Indicator src = catalog.reportingSource(ind, all);
		return switch (src.breakdown()) {
			case PROVINCE -> 1;
			case COMMUNE -> kinds.getOrDefault("COMMUNE", 0L).intValue();
			case AGENCY -> src.reporterIds().isEmpty() ? kinds.getOrDefault("DEPARTMENT", 0L).intValue()
					: src.reporterIds().size();
		};
	}

	Map<String, Long> agencyCounts() {
		Map<String, Long> kinds = new HashMap<>();
		jdbc.query("SELECT kind, count(*) FROM agency_view WHERE active GROUP BY kind", new MapSqlParameterSource(),
				rs -> {
					kinds.put(rs.getString(1), rs.getLong(2));
				});
		return kinds;
	}

	/**
	 * Polyline points of the values of the last {@value #SPARK_PERIODS} periods, scaled into the sparkline's
	 * box: x is the period's place in time (a gap stays a gap) between the first value shown and the latest,
	 * so a short series uses the whole width; {@code null} with fewer than two values.
	 */
	static String spark(List<Point> values, Point latest) {
		if (latest == null) {
			return null;
		}
		int months = latest.period().frequency().months();
		LocalDate windowStart = latest.period().start().minusMonths((long) months * (SPARK_PERIODS - 1));
		List<Point> shown = values.stream().filter(p -> !p.period().start().isBefore(windowStart)).toList();
		if (shown.size() < 2) {
			return null;
		}
		LocalDate first = shown.get(0).period().start();
		double steps = java.time.temporal.ChronoUnit.MONTHS.between(first, latest.period().start()) / (double) months;
		BigDecimal lo = shown.stream().map(Point::value).min(BigDecimal::compareTo).orElseThrow();
		BigDecimal hi = shown.stream().map(Point::value).max(BigDecimal::compareTo).orElseThrow();
		BigDecimal range = hi.subtract(lo);
		StringBuilder sb = new StringBuilder();
		for (Point pt : shown) {
			double step = java.time.temporal.ChronoUnit.MONTHS.between(first, pt.period().start()) / (double) months;
			double x = 2 + step * (SPARK_WIDTH - 4) / steps;
			double y = range.signum() == 0 ? SPARK_HEIGHT / 2.0
					: 2 + (SPARK_HEIGHT - 4) * (1 - pt.value().subtract(lo).divide(range, 6, RoundingMode.HALF_UP).doubleValue());
			if (sb.length() > 0) {
				sb.append(' ');
			}
			appendTenths(sb, x);
			sb.append(',');
			appendTenths(sb, y);
		}
		return sb.toString();
	}

	/** {@code 12.3} without the cost of a Formatter (thousands of points per scoreboard). */
	private static void appendTenths(StringBuilder sb, double v) {
		long tenths = Math.round(v * 10);
		if (tenths < 0) {
			sb.append('-');
			tenths = -tenths;
		}
		sb.append(tenths / 10).append('.').append(tenths % 10);
	}

	// ---- one indicator ----

	/** Every period's province figure, oldest first. */
	List<Point> series(Indicator ind) {
		return jdbc.query("""
				SELECT period_start, value, numerator, denominator, reported, problem FROM indicator_rollup
				WHERE indicator_id = :id AND period_start <= :today ORDER BY period_start""",
				new MapSqlParameterSource("id", ind.id()).addValue("today", Date.valueOf(clock.today())),
				(rs, i) -> new Point(new Period(ind.frequency(), rs.getObject(1, LocalDate.class)), rs.getBigDecimal(2),
						rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getInt(5), rs.getString(6)));
	}

	/** The status of each period's figure, as the scoreboard would have judged it then. */
	Map<Period, TargetStatus.Assessment> statuses(Indicator ind, List<Point> series) {
		Map<Period, TargetStatus.Assessment> out = new LinkedHashMap<>();
		TargetStatus.Point first = null;
		LocalDate today = clock.today();
		for (Point pt : series) {
			if (pt.value() == null) {
				continue;
			}
			if (first == null) {
				first = new TargetStatus.Point(min(pt.period().end(), today), pt.value());
			}
			out.put(pt.period(), assess(ind, pt, first, today));
		}
		return out;
	}

	/** Sort orders of the breakdown. */
	enum BreakdownSort {
		VALUE_DESC("v.approved_value DESC NULLS LAST"), VALUE_ASC("v.approved_value ASC NULLS FIRST"), NAME("1");

		final String sql;

		BreakdownSort(String sql) {
			this.sql = sql;
		}
	}

	/**
	 * The agencies' values of one period: every agency expected to report (and any other that did), with the
	 * approved figure, the pending or returned state, the previous period's figure; paged.
	 */
	BreakdownPage breakdown(Indicator ind, Period period, BreakdownSort sort, int page, int size) {
		Map<String, Indicator> all = catalog.byCode();
		Indicator src = catalog.reportingSource(ind, all);
		MapSqlParameterSource p = new MapSqlParameterSource("id", ind.id()).addValue("p", Date.valueOf(period.start()))
			.addValue("prev", Date.valueOf(period.previous().start())).addValue("limit", size)
			.addValue("offset", (long) page * size);
		String reporters = IndicatorCatalog.reportersSql(src, p);
		long[] total = { 0 };
		List<AgencyValue> rows = jdbc.query("""
				WITH who AS (%s UNION SELECT agency_id FROM indicator_value WHERE indicator_id = :id AND period_start = :p)
				SELECT a.id AS agency_id, a.name, v.id, v.state, v.value, v.numerator, v.denominator, v.approved_value,
				       v.approved_numerator, v.approved_denominator, v.flag, v.source_note, v.file_id, v.return_reason,
				       v.entered_at, v.version, pv.approved_value AS previous, count(*) OVER () AS total
				FROM who JOIN agency_view a ON a.id = who.id
				LEFT JOIN indicator_value v ON v.indicator_id = :id AND v.period_start = :p AND v.agency_id = a.id
				LEFT JOIN indicator_value pv ON pv.indicator_id = :id AND pv.period_start = :prev AND pv.agency_id = a.id
				ORDER BY %s, a.name COLLATE "vi-x-icu", a.id
				LIMIT :limit OFFSET :offset""".formatted(reporters, sort.sql), p, (rs, i) -> {
			total[0] = rs.getLong("total");
			Timestamp at = rs.getTimestamp("entered_at");
			String st = rs.getString("state");
			return new AgencyValue(rs.getLong("agency_id"), rs.getString("name"), (Long) rs.getObject("id"),
					st == null ? null : ValueState.valueOf(st), rs.getBigDecimal("value"), rs.getBigDecimal("numerator"),
					rs.getBigDecimal("denominator"), rs.getBigDecimal("approved_value"), rs.getBigDecimal("approved_numerator"),
					rs.getBigDecimal("approved_denominator"), rs.getString("flag"), rs.getString("source_note"),
					(Long) rs.getObject("file_id"), rs.getString("return_reason"), rs.getBigDecimal("previous"),
					at == null ? null : at.toInstant(), (Long) rs.getObject("version"));
		});
		if (rows.isEmpty() && page > 0) {
			Long n = jdbc.queryForObject("WITH who AS (%s UNION SELECT agency_id FROM indicator_value WHERE indicator_id = :id AND period_start = :p) SELECT count(*) FROM who"
				.formatted(reporters), p, Long.class);
			total[0] = n == null ? 0 : n;
		}
		Integer reported = jdbc.query("SELECT reported FROM indicator_rollup WHERE indicator_id = :id AND period_start = :p",
				p, rs -> rs.next() ? rs.getInt(1) : 0);
		int expected = expected(ind, all, agencyCounts());
		boolean pastDue = clock.today().isAfter(period.dueDate(ind.dueDays()));
		return new BreakdownPage(period, rows, page, size, total[0], reported == null ? 0 : reported, expected, pastDue);
	}

	/** The periods that have a figure or are due, newest first (for the period picker). */
	List<Period> periods(Indicator ind, List<Point> series) {
		Set<Period> out = new TreeSet<>(java.util.Comparator.reverseOrder());
		series.forEach(pt -> out.add(pt.period()));
		Period cur = Period.containing(ind.frequency(), clock.today());
		for (int i = 0; i < 12; i++) {
			out.add(cur);
			cur = cur.previous();
		}
		return List.copyOf(out);
	}

	/** The inputs' province figures for one period (to show what a computed figure is made of). */
	Map<String, Point> inputs(Indicator ind, Period period, Map<String, Indicator> all) {
		Map<String, Point> out = new LinkedHashMap<>();
		if (!ind.computed()) {
			return out;
		}
		for (String code : ind.formula().references()) {
			Indicator in = all.get(code);
			Point pt = jdbc.query("""
					SELECT value, numerator, denominator, reported, problem FROM indicator_rollup
					WHERE indicator_id = :id AND period_start = :p""",
					new MapSqlParameterSource("id", in.id()).addValue("p", Date.valueOf(period.start())),
					rs -> rs.next() ? new Point(period, rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
							rs.getInt(4), rs.getString(5)) : new Point(period, null, null, null, 0, null));
			out.put(code, pt);
		}
		return out;
	}

	/** The notes and files agencies gave with their values of a period. */
	record Source(String agencyName, String note, Long fileId) {
	}

	List<Source> sources(Indicator ind, Period period) {
		return jdbc.query("""
				SELECT a.name, v.source_note, v.file_id FROM indicator_value v JOIN agency_view a ON a.id = v.agency_id
				WHERE v.indicator_id = :id AND v.period_start = :p AND (v.source_note IS NOT NULL OR v.file_id IS NOT NULL)
				ORDER BY a.name COLLATE "vi-x-icu" LIMIT 100""",
				new MapSqlParameterSource("id", ind.id()).addValue("p", Date.valueOf(period.start())),
				(rs, i) -> new Source(rs.getString(1), rs.getString(2), (Long) rs.getObject(3)));
	}

	LocalDate today() {
		return clock.today();
	}

	String agencyName(long agencyId) {
		return agencies.find(agencyId).map(a -> a.getName()).orElse("?");
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}
}
