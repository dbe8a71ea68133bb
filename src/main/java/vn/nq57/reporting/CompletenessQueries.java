package vn.nq57.reporting;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import vn.nq57.agency.AgencyKind;
import vn.nq57.agency.AgencyNames;
import vn.nq57.kernel.Page;
import vn.nq57.kernel.VnFormat;
import vn.nq57.reporting.Completeness.Cell;
import vn.nq57.reporting.Completeness.Counts;

/**
 * Completeness and timeliness counted in the database by the rules of {@link Completeness}: expected reports of
 * periods whose due date has passed, received ones (submitted or accepted), on-time ones (first submitted by the
 * due date). Per period, per agency (paginated, one page of cells at a time), per regime and overall; and the
 * agencies to urge. Every figure is a GROUP BY over {@code periodic_report}, whose (period, agency) index carries
 * the state and the first submission day.
 */
@Component
public class CompletenessQueries {

	static final String RECEIVED = "r.state IN ('SUBMITTED', 'ACCEPTED')";

	/** Which agencies the grid shows; {@code null} fields do not filter. */
	public record Filter(long regimeId, int year, AgencyKind kind, String text, String only, String sort) {
	}

	/** One column of the grid: the period and its figures (counted only once it is past due). */
	public record PeriodTotals(ReportingPeriod period, boolean pastDue, long owed, long receivedSoFar, long returned,
			Counts counts) {
	}

	/** One row of the grid: the agency, its figures over the shown periods, and its cells. */
	public record AgencyRow(long agencyId, String name, Counts counts, long returned, Map<Long, Cell> cells,
			Map<Long, Long> reportIds) {

		public Cell cell(ReportingPeriod p) {
			return cells.get(p.id());
		}

		public Long reportId(ReportingPeriod p) {
			return reportIds.get(p.id());
		}

		/**
		 * The row after the agency's name, as HTML: one {@code <td>} per period (right-aligned by the grid's style,
		 * without a class of its own: 60.000 cells make 6 MB of HTML, every byte counts; linked to the report at
		 * {@code reportBase} + id, styled by its cell), then the completeness and timeliness rates. Built once per
		 * row so that a page of 5.000 rows × 12 periods costs the template one expression per row, not six per
		 * cell. Only numbers and the fixed labels of {@link Cell} go into it; {@code reportBase} is the page's
		 * encoded link base, escaped here.
		 */
		public String cellsHtml(List<ReportingPeriod> periods, String reportBase) {
			return cellsHtml(periods, reportBase, null);
		}

		/**
		 * {@link #cellsHtml(List, String)} with the cells' words in the page's language ({@code labels}, from the
		 * {@code reportCell.*} keys; escaped here); without them, the Vietnamese of {@link Cell#label()}.
		 */
		public String cellsHtml(List<ReportingPeriod> periods, String reportBase, Map<Cell, String> labels) {
			String base = HtmlUtils.htmlEscape(reportBase);
			String[] words = new String[Cell.values().length];
			for (Cell c : Cell.values()) {
				words[c.ordinal()] = labels == null || !labels.containsKey(c) ? c.label()
						: HtmlUtils.htmlEscape(labels.get(c), "UTF-8");
			}
			StringBuilder s = new StringBuilder(periods.size() * 72 + 64);
			for (ReportingPeriod p : periods) {
				Cell c = cells.get(p.id());
				Long id = reportIds.get(p.id());
				if (c == null || id == null) {
					s.append("<td><span class=\"muted\">·</span></td>");
				}
				else {
					s.append("<td><a href=\"").append(base).append(id).append("\" class=\"rcell rc-")
						.append(c.css()).append("\">")
						.append(words[c.ordinal()])
						.append("</a></td>");
				}
			}
			s.append("<td class=\"num\">").append(pct(counts.completeness())).append("</td><td class=\"num\">")
				.append(pct(counts.timeliness())).append("</td>");
			return s.toString();
		}
	}

	/** 99,30%, as every page writes a rate. */
	static String pct(java.math.BigDecimal p) {
		return VnFormat.percent(p);
	}

	public record Grid(Filter filter, List<ReportingPeriod> periods, List<PeriodTotals> totals, Counts overall,
			Page<AgencyRow> agencies) {
	}

	public record RegimeTotals(long regimeId, String name, Counts counts) {
	}

	/** An agency to remind: its missing and returned reports of periods already due. */
	public record UrgeRow(long agencyId, String name, String email, long missing, long returned, String periods,
			LocalDate oldestDue) {

		/**
		 * {@link #periods()} one by one, for a page to name each period in its own language: the regime's name
		 * (content), the stored period label, whether DoST returned the report.
		 */
		public List<UrgedPeriod> periodList() {
			List<UrgedPeriod> out = new ArrayList<>();
			if (periods == null || periods.isBlank()) {
				return out;
			}
			for (String item : periods.split("; ")) {
				boolean returned = item.endsWith(RETURNED_MARK);
				String s = returned ? item.substring(0, item.length() - RETURNED_MARK.length()) : item;
				int dash = s.lastIndexOf(" – ");
				out.add(dash < 0 ? new UrgedPeriod("", s, returned)
						: new UrgedPeriod(s.substring(0, dash), s.substring(dash + 3), returned));
			}
			return out;
		}
	}

	/** One period an agency is urged for: its regime's name, the period's stored label, returned or never sent. */
	public record UrgedPeriod(String regime, String label, boolean returned) {
	}

	private static final String RETURNED_MARK = " (bị trả lại)";

	/** A period due soon and the number of agencies that have not sent it yet. */
	public record DueSoon(ReportingPeriod period, long notReceived, long owed) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	CompletenessQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One agency owing (or having sent) the report of one period: its report, and the cell it makes. */
	public record PeriodAgency(long agencyId, String name, Long reportId, ReportState state, Cell cell,
			LocalDate firstSubmittedOn) {
	}

	/**
	 * The agencies that owe the report of a period, those that have not reported first (missing, returned, not yet
	 * due), then late and on time, by name; one page; {@code onlyMissing} keeps those to urge.
	 */
	public Page<PeriodAgency> periodAgencies(ReportingPeriod p, LocalDate today, boolean onlyMissing, int page, int size) {
		MapSqlParameterSource params = new MapSqlParameterSource("period", p.id()).addValue("limit", size)
			.addValue("offset", (long) page * size).addValue("due", java.sql.Date.valueOf(p.dueDate()));
		String where = onlyMissing ? " WHERE coalesce(r.state, 'NOT_STARTED') NOT IN ('SUBMITTED', 'ACCEPTED')" : "";
		long[] total = { 0 };
		List<PeriodAgency> rows = jdbc.query("""
				SELECT x.agency_id, a.name, r.id AS report_id, coalesce(r.state, 'NOT_STARTED') AS state,
				       r.first_submitted_on, count(*) OVER () AS total
				FROM (SELECT agency_id FROM reporting_expectation WHERE period_id = :period
				      UNION SELECT agency_id FROM periodic_report WHERE period_id = :period AND expected) x
				JOIN agency_view a ON a.id = x.agency_id
				LEFT JOIN periodic_report r ON r.period_id = :period AND r.agency_id = x.agency_id
				%s
				ORDER BY CASE WHEN coalesce(r.state, 'NOT_STARTED') IN ('SUBMITTED', 'ACCEPTED')
				              THEN CASE WHEN r.first_submitted_on <= :due THEN 3 ELSE 2 END
				              WHEN r.state = 'RETURNED' THEN 1 ELSE 0 END,
				         a.name COLLATE "vi-x-icu", a.id
				LIMIT :limit OFFSET :offset""".formatted(where), params, (rs, i) -> {
			total[0] = rs.getLong("total");
			ReportState state = ReportState.valueOf(rs.getString("state"));
			java.sql.Date first = rs.getDate("first_submitted_on");
			LocalDate firstOn = first == null ? null : first.toLocalDate();
			return new PeriodAgency(rs.getLong("agency_id"), rs.getString("name"), (Long) rs.getObject("report_id"), state,
					Completeness.cell(state, firstOn, p.dueDate(), today), firstOn);
		});
		return new Page<>(rows, page, size, total[0]);
	}

	/** The agency × period grid of one regime and year, one page of agencies at a time. */
	public Grid grid(Filter f, LocalDate today, int page, int size) {
		List<ReportingPeriod> periods = jdbc.query(RegimeQueries.PERIOD_SQL
				+ " WHERE p.regime_id = :r AND p.year = :y AND p.active"
				+ " AND (r.expected_from IS NULL OR p.due_date >= r.expected_from) ORDER BY p.starts_on",
				new MapSqlParameterSource("r", f.regimeId()).addValue("y", f.year()), (rs, i) -> RegimeQueries.period(rs));
		if (periods.isEmpty()) {
			return new Grid(f, periods, List.of(), Counts.NONE, Page.empty(page, size));
		}
		MapSqlParameterSource p = new MapSqlParameterSource("periods", periods.stream().map(ReportingPeriod::id).toList())
			.addValue("today", Date.valueOf(today)).addValue("limit", size).addValue("offset", (long) page * size);
		List<String> where = new ArrayList<>();
		if (f.kind() != null) {
			where.add("a.kind = :kind");
			p.addValue("kind", f.kind().name());
		}
		if (f.text() != null && !f.text().isBlank()) {
			String[] words = AgencyNames.nfc(f.text()).replace("%", " ").replace("_", " ").replace("\\", " ").strip()
				.split("\\s+");
			for (int i = 0; i < Math.min(words.length, 6); i++) {
				where.add("a.search LIKE '%' || search_key(:w" + i + ") || '%'");
				p.addValue("w" + i, words[i]);
			}
		}
		String agencyJoin = where.isEmpty() ? "" : " JOIN agency_view a ON a.id = r.agency_id AND " + String.join(" AND ", where);

		// column totals
		Map<Long, long[]> byPeriod = new HashMap<>();
		jdbc.query("""
				SELECT r.period_id, count(*) AS owed,
				       count(*) FILTER (WHERE %1$s) AS received,
				       count(*) FILTER (WHERE %1$s AND r.first_submitted_on <= p.due_date) AS on_time,
				       count(*) FILTER (WHERE r.state = 'RETURNED') AS returned
				FROM periodic_report r JOIN reporting_period p ON p.id = r.period_id%2$s
				WHERE r.expected AND r.period_id IN (:periods)
				GROUP BY r.period_id""".formatted(RECEIVED, agencyJoin), p, rs -> {
			byPeriod.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) });
		});
		List<PeriodTotals> totals = new ArrayList<>();
		Counts overall = Counts.NONE;
		for (ReportingPeriod period : periods) {
			long[] n = byPeriod.getOrDefault(period.id(), new long[4]);
			boolean due = period.isPastDue(today);
			Counts c = due ? new Counts(n[0], n[1], n[2]) : Counts.NONE;
			overall = overall.plus(c);
			totals.add(new PeriodTotals(period, due, n[0], n[1], n[3], c));
		}

		// one page of agencies with their own figures
		String having = switch (f.only() == null ? "" : f.only()) {
			case "missing" -> " WHERE c.missing > 0";
			case "late" -> " WHERE c.received > c.on_time";
			case "returned" -> " WHERE c.returned > 0";
			case "urge" -> " WHERE c.missing + c.returned > 0";
			default -> "";
		};
		String order = "worst".equals(f.sort())
				? "c.missing + c.returned DESC, c.received - c.on_time DESC, a.name COLLATE \"vi-x-icu\", a.id"
				: "a.name COLLATE \"vi-x-icu\", a.id";
		long[] total = { 0 };
		List<Object[]> rows = jdbc.query("""
				WITH c AS (
				  SELECT r.agency_id,
				         count(*) FILTER (WHERE p.due_date < :today) AS expected,
				         count(*) FILTER (WHERE p.due_date < :today AND %1$s) AS received,
				         count(*) FILTER (WHERE p.due_date < :today AND %1$s AND r.first_submitted_on <= p.due_date) AS on_time,
				         count(*) FILTER (WHERE r.state = 'RETURNED') AS returned,
				         count(*) FILTER (WHERE p.due_date < :today AND NOT %1$s AND r.state <> 'RETURNED') AS missing
				  FROM periodic_report r JOIN reporting_period p ON p.id = r.period_id%2$s
				  WHERE r.expected AND r.period_id IN (:periods)
				  GROUP BY r.agency_id)
				SELECT c.agency_id, a.name, c.expected, c.received, c.on_time, c.returned, count(*) OVER () AS total
				FROM c JOIN agency_view a ON a.id = c.agency_id%3$s
				ORDER BY %4$s
				LIMIT :limit OFFSET :offset""".formatted(RECEIVED, agencyJoin, having, order), p, (rs, i) -> {
			total[0] = rs.getLong("total");
			return new Object[] { rs.getLong(1), rs.getString(2), new Counts(rs.getLong(3), rs.getLong(4), rs.getLong(5)),
					rs.getLong(6) };
		});
		if (rows.isEmpty() && page > 0) {
			return grid(f, today, 0, size);
		}
		Map<Long, Map<Long, Cell>> cells = new HashMap<>();
		Map<Long, Map<Long, Long>> ids = new HashMap<>();
		if (!rows.isEmpty()) {
			Map<Long, ReportingPeriod> byId = new HashMap<>();
			periods.forEach(x -> byId.put(x.id(), x));
			// the page's agencies as one array parameter, joined (not "= ANY", which a generic plan checks element by
			// element): a page of 5.000 agencies is one bind value, not 5.000
			StringBuilder array = new StringBuilder("{");
			for (Object[] r : rows) {
				array.append(array.length() > 1 ? "," : "").append(r[0]);
			}
			MapSqlParameterSource q = new MapSqlParameterSource("periods", p.getValue("periods"))
				.addValue("agencies", array.append('}').toString());
			// one row per agency with its cells packed as "period:report:state:first-submitted" (60.000 cells of a
			// whole grid come as 5.000 rows, not 60.000)
			jdbc.query("""
					SELECT page.agency_id, string_agg(r.period_id || ':' || r.id || ':' || r.state || ':'
					       || coalesce(to_char(r.first_submitted_on, 'YYYY-MM-DD'), ''), ',')
					FROM unnest(CAST(:agencies AS bigint[])) AS page(agency_id)
					JOIN periodic_report r ON r.agency_id = page.agency_id
					WHERE r.expected AND r.period_id IN (:periods)
					GROUP BY page.agency_id""", q, rs -> {
				long agency = rs.getLong(1);
				Map<Long, Cell> agencyCells = new HashMap<>();
				Map<Long, Long> agencyIds = new HashMap<>();
				for (String packed : rs.getString(2).split(",")) {
					String[] part = packed.split(":", -1);
					ReportingPeriod period = byId.get(Long.parseLong(part[0]));
					agencyCells.put(period.id(), Completeness.cell(ReportState.valueOf(part[2]),
							part[3].isEmpty() ? null : LocalDate.parse(part[3]), period.dueDate(), today));
					agencyIds.put(period.id(), Long.parseLong(part[1]));
				}
				cells.put(agency, agencyCells);
				ids.put(agency, agencyIds);
			});
		}
		List<AgencyRow> agencies = rows.stream().map(r -> new AgencyRow((Long) r[0], (String) r[1], (Counts) r[2],
				(Long) r[3], cells.getOrDefault((Long) r[0], Map.of()), ids.getOrDefault((Long) r[0], Map.of()))).toList();
		return new Grid(f, periods, totals, overall, new Page<>(agencies, page, size, total[0]));
	}

	/** Figures per regime for a year (periods already due), in the regimes' order. */
	public List<RegimeTotals> byRegime(int year, LocalDate today) {
		Map<Long, RegimeTotals> out = new LinkedHashMap<>();
		jdbc.query("SELECT id, name FROM reporting_regime ORDER BY position, id", rs -> {
			out.put(rs.getLong(1), new RegimeTotals(rs.getLong(1), rs.getString(2), Counts.NONE));
		});
		jdbc.query("""
				SELECT p.regime_id, count(*), count(*) FILTER (WHERE %1$s),
				       count(*) FILTER (WHERE %1$s AND r.first_submitted_on <= p.due_date)
				FROM periodic_report r JOIN reporting_period p ON p.id = r.period_id
				WHERE r.expected AND p.active AND p.year = :y AND p.due_date < :today
				GROUP BY p.regime_id""".formatted(RECEIVED),
				new MapSqlParameterSource("y", year).addValue("today", Date.valueOf(today)), rs -> {
					RegimeTotals t = out.get(rs.getLong(1));
					if (t != null) {
						out.put(t.regimeId(), new RegimeTotals(t.regimeId(), t.name(),
								new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4))));
					}
				});
		return List.copyOf(out.values());
	}

	/** Every agency's figures for a year over every regime (periods already due), in one query: agency id → counts. */
	public Map<Long, Counts> byAgency(int year, LocalDate today) {
		Map<Long, Counts> out = new HashMap<>();
		jdbc.query("""
				SELECT r.agency_id, count(*), count(*) FILTER (WHERE %1$s),
				       count(*) FILTER (WHERE %1$s AND r.first_submitted_on <= p.due_date)
				FROM periodic_report r JOIN reporting_period p ON p.id = r.period_id
				WHERE r.expected AND p.active AND p.year = :y AND p.due_date < :today
				GROUP BY r.agency_id""".formatted(RECEIVED),
				new MapSqlParameterSource("y", year).addValue("today", Date.valueOf(today)), rs -> {
					out.put(rs.getLong(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
				});
		return out;
	}

	/** {@link #byAgency} and {@link #byRegime} together. */
	public record AgencyAndRegime(Map<Long, Counts> byAgency, List<RegimeTotals> byRegime) {
	}

	/**
	 * {@link #byAgency} and {@link #byRegime} in one pass over the year's reports ({@code GROUPING SETS}), for a page
	 * that shows both (the leaders' board: the reports widget and the ranking's report criterion); the same figures.
	 */
	public AgencyAndRegime byAgencyAndRegime(int year, LocalDate today) {
		Map<Long, RegimeTotals> regimes = new LinkedHashMap<>();
		jdbc.query("SELECT id, name FROM reporting_regime ORDER BY position, id", rs -> {
			regimes.put(rs.getLong(1), new RegimeTotals(rs.getLong(1), rs.getString(2), Counts.NONE));
		});
		Map<Long, Counts> agencies = new HashMap<>();
		jdbc.query("""
				SELECT r.agency_id, p.regime_id, GROUPING(r.agency_id), count(*), count(*) FILTER (WHERE %1$s),
				       count(*) FILTER (WHERE %1$s AND r.first_submitted_on <= p.due_date)
				FROM periodic_report r JOIN reporting_period p ON p.id = r.period_id
				WHERE r.expected AND p.active AND p.year = :y AND p.due_date < :today
				GROUP BY GROUPING SETS ((r.agency_id), (p.regime_id))""".formatted(RECEIVED),
				new MapSqlParameterSource("y", year).addValue("today", Date.valueOf(today)), rs -> {
					Counts c = new Counts(rs.getLong(4), rs.getLong(5), rs.getLong(6));
					if (rs.getInt(3) == 0) {
						agencies.put(rs.getLong(1), c);
					}
					else {
						RegimeTotals t = regimes.get(rs.getLong(2));
						if (t != null) {
							regimes.put(t.regimeId(), new RegimeTotals(t.regimeId(), t.name(), c));
						}
					}
				});
		return new AgencyAndRegime(agencies, List.copyOf(regimes.values()));
	}

	/** One agency's figures for a year over every regime (periods already due). */
	public Counts forAgency(long agencyId, int year, LocalDate today) {
		return jdbc.query("""
				SELECT count(*), count(*) FILTER (WHERE %1$s),
				       count(*) FILTER (WHERE %1$s AND r.first_submitted_on <= p.due_date)
				FROM periodic_report r JOIN reporting_period p ON p.id = r.period_id
				WHERE r.agency_id = :a AND r.expected AND p.active AND p.year = :y AND p.due_date < :today""".formatted(RECEIVED),
				new MapSqlParameterSource("a", agencyId).addValue("y", year).addValue("today", Date.valueOf(today)),
				rs -> {
					rs.next();
					return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
				});
	}

	/**
	 * Agencies to urge: missing or returned reports of periods already due in {@code year} (one regime or all),
	 * most first, then the longest overdue.
	 */
	public Page<UrgeRow> urge(Long regimeId, int year, LocalDate today, int page, int size) {
		MapSqlParameterSource p = new MapSqlParameterSource("y", year).addValue("today", Date.valueOf(today))
			.addValue("r", regimeId).addValue("limit", size).addValue("offset", (long) page * size);
		long[] total = { 0 };
		List<UrgeRow> rows = jdbc.query("""
				SELECT a.id, a.name, a.email,
				       count(*) FILTER (WHERE r.state <> 'RETURNED') AS missing,
				       count(*) FILTER (WHERE r.state = 'RETURNED') AS returned,
				       string_agg(rg.name || ' – ' || p.label
				                  || CASE WHEN r.state = 'RETURNED' THEN ' (bị trả lại)' ELSE '' END,
				                  '; ' ORDER BY p.due_date, rg.position) AS periods,
				       min(p.due_date) AS oldest, count(*) OVER () AS total
				FROM periodic_report r JOIN reporting_period p ON p.id = r.period_id
				JOIN reporting_regime rg ON rg.id = p.regime_id JOIN agency_view a ON a.id = r.agency_id
				WHERE r.expected AND p.active AND p.year = :y AND p.due_date < :today AND NOT %s
				  AND (CAST(:r AS bigint) IS NULL OR p.regime_id = :r)
				GROUP BY a.id, a.name, a.email
				ORDER BY count(*) DESC, min(p.due_date), a.name COLLATE "vi-x-icu", a.id
				LIMIT :limit OFFSET :offset""".formatted(RECEIVED), p, (rs, i) -> {
			total[0] = rs.getLong("total");
			return new UrgeRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
					rs.getString(6), rs.getDate(7).toLocalDate());
		});
		return new Page<>(rows, page, size, total[0]);
	}

	/** Periods due within {@code days} days and how many agencies have not sent them yet. */
	public List<DueSoon> dueSoon(LocalDate today, int days) {
		return jdbc.query(RegimeQueries.PERIOD_SQL.replace("FROM reporting_period p", """
				, (SELECT count(*) FROM periodic_report r WHERE r.period_id = p.id AND r.expected) AS owed,
				  (SELECT count(*) FROM periodic_report r WHERE r.period_id = p.id AND r.expected AND NOT %s) AS missing
				FROM reporting_period p""".formatted(RECEIVED))
				+ " WHERE p.active AND p.due_date BETWEEN :today AND :until ORDER BY p.due_date, r.position",
				new MapSqlParameterSource("today", Date.valueOf(today)).addValue("until", Date.valueOf(today.plusDays(days))),
				(rs, i) -> new DueSoon(RegimeQueries.period(rs), rs.getLong("missing"), rs.getLong("owed")));
	}
}
