package vn.nq57.steering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.kernel.Rates;
import vn.nq57.system.AppClock;

/**
 * The ranking of agencies by the criteria the province sets: each agency's score is the weighted mean of its
 * criteria's percentages, over the criteria it has something to count for (the weights of the others are left out
 * of the divisor). The formula is printed under the table; a closed quarter's ranking is kept as it was computed, so
 * the reprimand DoST proposes rests on a stated, unchanging rule.
 */
@Service
public class RankingService {

	public record Criterion(String code, String label, String definition, int weight) {
	}

	/**
	 * {@code rates}: each criterion's percentage; {@code ratios}: its counts when live (none for a kept quarter, whose
	 * history keeps the percentages only). {@link #part} prints a criterion as the table shows it ("87,50% (7/8)"),
	 * when asked: a board's widget shows 15 lines of 5.000 and formats only those.
	 */
	public record Line(int rank, long agencyId, String name, String kind, Map<String, BigDecimal> rates,
			Map<String, Rates.Ratio> ratios, BigDecimal score, Integer previousRank) {

		public String part(String code) {
			Rates.Ratio r = ratios.get(code);
			if (r != null) {
				return Fmt.pct(rates.get(code)) + " (" + Fmt.num(r.part()) + "/" + Fmt.num(r.whole()) + ")";
			}
			BigDecimal v = rates.get(code);
			return v == null ? "–" : Fmt.pct(v);
		}

		/** Every criterion as printed, in the order of {@link #rates}. */
		public Map<String, String> parts() {
			Map<String, String> out = new LinkedHashMap<>();
			rates.keySet().forEach(c -> out.put(c, part(c)));
			return out;
		}

		Line ranked(int rank, Integer previousRank) {
			return new Line(rank, agencyId, name, kind, rates, ratios, score, previousRank);
		}
	}

	public record Ranking(String periodLabel, LocalDate day, List<Criterion> criteria, List<Line> lines, String formula,
			boolean kept) {
	}

	public record PeriodRef(String label, LocalDate end, String name) {
	}

	private final List<RankingCriterion> criteria;
	private final SteeringSettings settings;
	private final NamedParameterJdbcTemplate jdbc;
	private final AppClock clock;
	private final FigureCache cache;

	private final java.util.concurrent.Executor parallel;

	RankingService(List<RankingCriterion> criteria, SteeringSettings settings, NamedParameterJdbcTemplate jdbc,
			AppClock clock, FigureCache cache, SteeringExecutor parallel) {
		this.parallel = parallel;
		this.criteria = criteria;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
		this.cache = cache;
	}

	public List<Criterion> criteria() {
		Map<String, Integer> w = settings.weights();
		List<Criterion> out = new ArrayList<>();
		for (RankingCriterion c : criteria) {
			out.add(new Criterion(c.code(), c.label(), c.definition(), w.getOrDefault(c.code(), 0)));
		}
		out.sort(Comparator.comparingInt((Criterion c) -> -c.weight()).thenComparing(Criterion::code));
		return out;
	}

	public static String formula(List<Criterion> cs) {
		List<Criterion> used = cs.stream().filter(c -> c.weight() > 0).toList();
		int sum = used.stream().mapToInt(Criterion::weight).sum();
		StringBuilder sb = new StringBuilder("Điểm = (");
		for (int i = 0; i < used.size(); i++) {
			sb.append(i == 0 ? "" : " + ").append(used.get(i).weight()).append(" × ").append(used.get(i).label());
		}
		sb.append(") ÷ ").append(sum)
			.append("; tiêu chí cơ quan không có số liệu thì không tính, và trọng số của nó được bỏ khỏi số chia. ");
		for (Criterion c : used) {
			sb.append(c.label()).append(" = ").append(c.definition()).append(". ");
		}
		sb.append("Cơ quan cùng điểm xếp cùng hạng. Trọng số do Sở KH&CN đặt tại trang Cài đặt.");
		return sb.toString();
	}

	/** The ranking on {@code day} (live), limited by the filter (agency kind, commune, task group). */
	public Ranking live(LocalDate day, Filter f) {
		return live(day, f, null);
	}

	/**
	 * The same, reusing the task categories a board has already counted for this filter ({@code figures}, whose
	 * day is {@code day}), so the on-time criterion does not count them a second time.
	 */
	Ranking live(LocalDate day, Filter f, java.util.function.Supplier<StatusFigures.ByAgency> figures) {
		List<Criterion> cs = criteria();
		List<Line> lines = compute(day, f, cs, figures);
		PeriodRef prev = quarterEnding(previousQuarterEnd(day));
		Map<Long, Integer> before = Map.of();
		if (f.groupCode() == null && f.agencyId() == null) {
			before = kept(prev.label(), f);
			if (before.isEmpty()) {
				// the quarter just closed is ranked once, as of its last day, and kept: the history needs no one to ask
				closed(prev, Filter.ALL);
				before = kept(prev.label(), f);
			}
		}
		Map<Long, Integer> previous = before;
		lines = lines.stream().map(l -> l.ranked(l.rank(), previous.get(l.agencyId()))).toList();
		return new Ranking(periodLabel(day), day, cs, lines, formula(cs), false);
	}

	/**
	 * A closed quarter's ranking: as kept when first asked for, or computed as of its last day and kept. Only the
	 * ranking of every agency (no filter but the kind) is kept.
	 */
	@Transactional
	public Ranking closed(PeriodRef period, Filter f) {
		List<Criterion> cs = criteria();
		Map<Long, Integer> kept = kept(period.label(), Filter.ALL);
		if (kept.isEmpty()) {
			List<Line> all = compute(period.end(), Filter.ALL, cs);
			String weights = SteeringSettings.normalizeWeights(settings.weights().entrySet().stream()
				.map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ";" + b).orElse(""));
			List<MapSqlParameterSource> rows = new ArrayList<>();
			for (Line l : all) {
				rows.add(new MapSqlParameterSource("p", period.label()).addValue("e", Date.valueOf(period.end()))
					.addValue("a", l.agencyId()).addValue("r", l.rank()).addValue("s", l.score())
					.addValue("o", l.rates().get("ON_TIME")).addValue("rp", l.rates().get("REPORTS"))
					.addValue("i", l.rates().get("INDICATORS")).addValue("an", l.rates().get("ANSWERS"))
					.addValue("w", Fmt.cut(weights, 100)));
			}
			if (!rows.isEmpty()) {
				jdbc.batchUpdate("""
						INSERT INTO steering_ranking_history(period_label, period_end, agency_id, rank, score, on_time_rate,
						       report_rate, indicator_rate, answer_rate, weights)
						VALUES (:p, :e, :a, :r, :s, :o, :rp, :i, :an, :w) ON CONFLICT DO NOTHING""",
						rows.toArray(MapSqlParameterSource[]::new));
			}
		}
		List<Line> lines = new ArrayList<>();
		MapSqlParameterSource p = new MapSqlParameterSource("p", period.label());
		String kind = "";
		if (f.agencyKind() != null) {
			kind = " AND ag.kind = :k";
			p.addValue("k", f.agencyKind());
		}
		String[] weightsUsed = { null };
		jdbc.query("""
				SELECT h.agency_id, ag.name, ag.kind, h.rank, h.score, h.on_time_rate, h.report_rate, h.indicator_rate, h.weights,
				       h.answer_rate
				FROM steering_ranking_history h JOIN agency_view ag ON ag.id = h.agency_id
				WHERE h.period_label = :p%s ORDER BY h.rank, ag.name""".formatted(kind), p, rs -> {
			Map<String, BigDecimal> rates = new LinkedHashMap<>();
			String[] codes = { "ON_TIME", "REPORTS", "INDICATORS", "ANSWERS" };
			for (int k = 0; k < 4; k++) {
				BigDecimal v = rs.getBigDecimal(k < 3 ? 6 + k : 10);
				if (v != null) {
					rates.put(codes[k], v);
				}
			}
			lines.add(new Line(rs.getInt(4), rs.getLong(1), rs.getString(2), rs.getString(3), rates, Map.of(),
					rs.getBigDecimal(5), null));
			weightsUsed[0] = rs.getString(9);
		});
		return new Ranking(period.name(), period.end(), cs, lines,
				"Kết quả đã chốt ngày " + Fmt.date(period.end()) + " với trọng số " + weightsUsed[0] + ". " + formula(cs), true);
	}

	private Map<Long, Integer> kept(String label, Filter f) {
		Map<Long, Integer> out = new HashMap<>();
		jdbc.query("SELECT agency_id, rank FROM steering_ranking_history WHERE period_label = :p",
				new MapSqlParameterSource("p", label), rs -> {
					out.put(rs.getLong(1), rs.getInt(2));
				});
		return out;
	}

	List<Line> compute(LocalDate day, Filter f, List<Criterion> cs) {
		return compute(day, f, cs, null);
	}

	private List<Line> compute(LocalDate day, Filter f, List<Criterion> cs,
			java.util.function.Supplier<StatusFigures.ByAgency> figures) {
		return cache.get("ranking|" + day + "|" + f + "|" + cs, () -> count(day, f, cs, figures));
	}

	/**
	 * Each criterion's ratios (counted side by side: each is one aggregate query of its module, and while one waits
	 * for the database the other runs), then the agencies' names in one query, the scores and the ranks.
	 */
	private List<Line> count(LocalDate day, Filter f, List<Criterion> cs,
			java.util.function.Supplier<StatusFigures.ByAgency> figures) {
		boolean reuse = false;
		Map<String, java.util.concurrent.CompletableFuture<Map<Long, Rates.Ratio>>> pending = new LinkedHashMap<>();
		for (RankingCriterion c : criteria) {
			int w = cs.stream().filter(x -> x.code().equals(c.code())).findFirst().map(Criterion::weight).orElse(0);
			if (w > 0) {
				if (c instanceof RankingCriteria.OnTime && figures != null) {
					reuse = true; // read below, once the other criteria are under way
				}
				else {
					pending.put(c.code(), java.util.concurrent.CompletableFuture.supplyAsync(() -> c.byAgency(day, f), parallel));
				}
			}
		}
		Map<Long, String[]> names = new HashMap<>();
		{
			MapSqlParameterSource p = new MapSqlParameterSource();
			StringBuilder where = new StringBuilder(" WHERE kind <> 'COLLECTIVE'");
			if (f.agencyKind() != null) {
				where.append(" AND kind = :k");
				p.addValue("k", f.agencyKind());
			}
			if (f.agencyId() != null) {
				where.append(" AND id = :one");
				p.addValue("one", f.agencyId());
			}
			jdbc.query("SELECT id, name, kind FROM agency_view" + where, p, rs -> {
				names.put(rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) });
			});
		}
		Map<String, Map<Long, Rates.Ratio>> byCode = new HashMap<>();
		Set<Long> agencies = new HashSet<>();
		if (reuse) {
			StatusFigures.ByAgency counted = figures.get();
			Map<Long, Rates.Ratio> m = day.equals(counted.day()) ? RankingCriteria.OnTime.ratios(counted)
					: criteria.stream().filter(c -> c instanceof RankingCriteria.OnTime).findFirst().orElseThrow().byAgency(day, f);
			byCode.put("ON_TIME", m);
			agencies.addAll(m.keySet());
		}
		pending.forEach((code, future) -> {
			Map<Long, Rates.Ratio> m;
			try {
				m = future.join();
			}
			catch (java.util.concurrent.CompletionException e) {
				if (e.getCause() instanceof RuntimeException re) {
					throw re;
				}
				throw e;
			}
			byCode.put(code, m);
			agencies.addAll(m.keySet());
		});
		names.keySet().retainAll(agencies);
		List<Line> lines = new ArrayList<>();
		for (Map.Entry<Long, String[]> e : names.entrySet()) {
			Map<String, BigDecimal> rates = new LinkedHashMap<>();
			Map<String, Rates.Ratio> ratios = new HashMap<>();
			BigDecimal sum = BigDecimal.ZERO;
			int weights = 0;
			for (Criterion c : cs) {
				if (c.weight() == 0) {
					continue;
				}
				Rates.Ratio r = byCode.getOrDefault(c.code(), Map.of()).get(e.getKey());
				if (r != null && r.whole() > 0) {
					BigDecimal pct = r.percent();
					rates.put(c.code(), pct);
					ratios.put(c.code(), r);
					sum = sum.add(pct.multiply(BigDecimal.valueOf(c.weight())));
					weights += c.weight();
				}
			}
			if (weights > 0) {
				lines.add(new Line(0, e.getKey(), e.getValue()[0], e.getValue()[1], rates, ratios,
						sum.divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP), null));
			}
		}
		// names compared through their collation keys, made once per name (a Collator compares 5.000 names slowly)
		Map<String, java.text.CollationKey> keys = new HashMap<>();
		for (Line l : lines) {
			keys.computeIfAbsent(l.name(), RankingService::collationKey);
		}
		lines.sort(Comparator.comparing(Line::score).reversed().thenComparing(l -> keys.get(l.name())));
		List<Line> ranked = new ArrayList<>(lines.size());
		int rank = 0;
		BigDecimal last = null;
		for (int i = 0; i < lines.size(); i++) {
			Line l = lines.get(i);
			if (last == null || l.score().compareTo(last) != 0) {
				rank = i + 1;
				last = l.score();
			}
			ranked.add(l.ranked(rank, null));
		}
		return ranked;
	}

	private static final java.text.Collator VI = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));

	/** A name's collation key depends on the name alone: each is made once, not on every ranking (at most 20.000 kept). */
	private static final Map<String, java.text.CollationKey> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

	static java.text.CollationKey collationKey(String name) {
		java.text.CollationKey k = KEYS.get(name);
		if (k == null) {
			synchronized (VI) { // a Collator is not safe for threads
				k = VI.getCollationKey(name);
			}
			if (KEYS.size() >= 20_000) {
				KEYS.clear();
			}
			KEYS.put(name, k);
		}
		return k;
	}

	// ----- periods (quarters) -----

	public static String periodLabel(LocalDate day) {
		int q = (day.getMonthValue() - 1) / 3 + 1;
		return "Quý " + new String[] { "I", "II", "III", "IV" }[q - 1] + "/" + day.getYear();
	}

	static LocalDate previousQuarterEnd(LocalDate day) {
		int q = (day.getMonthValue() - 1) / 3;
		return LocalDate.of(day.getYear(), q * 3 + 1, 1).minusDays(1);
	}

	static PeriodRef quarterEnding(LocalDate end) {
		int q = (end.getMonthValue() - 1) / 3 + 1;
		return new PeriodRef(end.getYear() + "-Q" + q, end, periodLabel(end));
	}

	/** The last {@code n} closed quarters, newest first. */
	public List<PeriodRef> closedPeriods(int n) {
		List<PeriodRef> out = new ArrayList<>();
		LocalDate end = previousQuarterEnd(clock.today());
		for (int i = 0; i < n; i++) {
			out.add(quarterEnding(end));
			end = previousQuarterEnd(end);
		}
		return out;
	}

	public LocalDate today() {
		return clock.today();
	}
}
