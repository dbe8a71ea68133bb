package vn.nq57.reporting;

import java.sql.Date;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.agency.AgencyDirectory;
import vn.nq57.kernel.Page;
import vn.nq57.kernel.VnText;
import vn.nq57.overview.OverviewQueries;
import vn.nq57.reporting.ConsolidatedData.AgencyReport;
import vn.nq57.reporting.ConsolidatedData.AppendixRow;
import vn.nq57.reporting.ConsolidatedData.Contribution;
import vn.nq57.reporting.ConsolidatedData.GroupFigures;
import vn.nq57.reporting.ConsolidatedData.IndicatorLine;
import vn.nq57.reporting.ConsolidatedData.LateAgency;
import vn.nq57.reporting.ConsolidatedData.Narrative;
import vn.nq57.reporting.ConsolidatedData.ThemeItems;
import vn.nq57.reporting.ReportContent.Item;
import vn.nq57.reporting.ReportContent.Section;
import vn.nq57.system.Settings;
import vn.nq57.task.TaskQueries;
import vn.nq57.task.TaskStatus;

/**
 * Reads what a consolidated report needs, each from where it lives: task figures from the leaders' overview
 * (the same SQL aggregates), the appendix from the task list query, agencies late with tasks from the overview's
 * agency roll-up, and the agencies' own words from the reports they submitted for the period.
 */
@Component
class ConsolidatedCollector {

	/** A Word appendix beyond this many tasks is unreadable; the Excel file has them all up to the same cap. */
	static final int APPENDIX_LIMIT = 3000;
	static final int LATE_AGENCY_LIMIT = 300;

	private final OverviewQueries overview;
	private final TaskQueries tasks;
	private final PeriodicReportService reports;
	private final AgencyDirectory agencies;
	private final NamedParameterJdbcTemplate jdbc;
	private final Settings settings;

	ConsolidatedCollector(OverviewQueries overview, TaskQueries tasks, PeriodicReportService reports,
			AgencyDirectory agencies, NamedParameterJdbcTemplate jdbc, Settings settings) {
		this.overview = overview;
		this.tasks = tasks;
		this.reports = reports;
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.settings = settings;
	}

	ConsolidatedData collect(ReportingPeriod period, Long planId, LocalDate today) {
		int soon = settings.dueSoonDays();
		String scope = planId == null ? null : overview.planTitle(planId).orElse(null);

		OverviewQueries.Summary summary = overview.summary(planId, today, today, soon);
		Map<TaskStatus, Long> totals = new EnumMap<>(TaskStatus.class);
		for (TaskStatus s : TaskStatus.values()) {
			totals.put(s, summary.totals().get(s));
		}
		List<GroupFigures> groups = new ArrayList<>();
		for (OverviewQueries.GroupRow g : summary.groups()) {
			Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
			counts.putAll(g.counts());
			groups.add(new GroupFigures(g.code() == null ? ReportContent.NO_GROUP : g.code(),
					g.code() == null ? ReportPrefill.NO_GROUP_TITLE : g.title(), counts));
		}

		// the period's reports: who owed one, who sent it and when
		Collator vi = Collator.getInstance(Locale.forLanguageTag("vi"));
		List<AgencyReport> states = new ArrayList<>();
		long[] n = new long[4];
		jdbc.query("""
				SELECT a.name, r.state, r.first_submitted_on FROM periodic_report r JOIN agency_view a ON a.id = r.agency_id
				WHERE r.period_id = :p AND r.expected ORDER BY a.name COLLATE "vi-x-icu", a.id""",
				new MapSqlParameterSource("p", period.id()), rs -> {
					ReportState state = ReportState.valueOf(rs.getString(2));
					Date first = rs.getDate(3);
					LocalDate f = first == null ? null : first.toLocalDate();
					Completeness.Cell cell = Completeness.cell(state, f, period.dueDate(), today);
					states.add(new AgencyReport(rs.getString(1), cell, state, f));
					n[0]++;
					n[1] += cell.isReceived() ? 1 : 0;
					n[2] += cell == Completeness.Cell.ON_TIME ? 1 : 0;
					n[3] += cell == Completeness.Cell.RETURNED ? 1 : 0;
				});

		// what the agencies wrote, attributed and grouped
		Map<Long, ReportContent> contents = reports.receivedContents(period.id());
		Map<Long, AgencyDirectory.AgencyRef> names = agencies.refs(contents.keySet());
		List<Long> order = new ArrayList<>(contents.keySet());
		order.sort(Comparator.comparing((Long id) -> names.get(id).name(), vi));
		Map<String, String> groupTitles = new LinkedHashMap<>();
		groups.forEach(g -> groupTitles.put(g.code(), g.title()));
		Map<String, List<Contribution>> byGroup = new LinkedHashMap<>();
		Map<ReportTheme, List<Contribution>> obstacles = new EnumMap<>(ReportTheme.class);
		Map<ReportTheme, List<Contribution>> proposals = new EnumMap<>(ReportTheme.class);
		List<IndicatorLine> indicators = new ArrayList<>();
		for (Long id : order) {
			String agency = names.get(id).name();
			ReportContent c = contents.get(id);
			for (Section s : c.sections()) {
				if (s.grouped() && !s.blank()) {
					groupTitles.putIfAbsent(s.groupCode(), s.title().replaceFirst("^Nhóm [IVXLC]+\\. ", ""));
					byGroup.computeIfAbsent(s.groupCode(), k -> new ArrayList<>()).add(new Contribution(agency, s.body().strip()));
				}
			}
			addItems(obstacles, agency, c.obstacles());
			addItems(proposals, agency, c.proposals());
			for (IndicatorValue v : c.indicators()) {
				indicators.add(new IndicatorLine(agency, v));
			}
		}
		List<String> codes = new ArrayList<>(groupTitles.keySet());
		codes.sort(Comparator.comparingInt(ConsolidatedCollector::groupOrder));
		List<Narrative> narratives = new ArrayList<>();
		for (String code : codes) {
			narratives.add(new Narrative(code, groupTitles.get(code), byGroup.getOrDefault(code, List.of())));
		}

		// agencies late with tasks: the overview's roll-up, worst first, until the first without an overdue task
		List<LateAgency> late = new ArrayList<>();
		long lateTotal = 0;
		for (int page = 0;; page++) {
			Page<OverviewQueries.AgencyRow> rows = overview.agencies(planId, today, today, soon, page, 100);
			boolean more = rows.hasNext();
			for (OverviewQueries.AgencyRow r : rows.rows()) {
				if (r.overdue() == 0) {
					more = false;
					break;
				}
				lateTotal++;
				if (late.size() < LATE_AGENCY_LIMIT) {
					late.add(new LateAgency(r.name(), r.total(), r.overdue()));
				}
			}
			if (!more) {
				break;
			}
		}

		// the appendix: every task in the plan's order, with its status today
		List<AppendixRow> appendix = new ArrayList<>();
		TaskQueries.Filter filter = new TaskQueries.Filter(planId, null, null, null, false, null, null, null, "plan");
		long appendixTotal = 0;
		for (int page = 0; appendix.size() < APPENDIX_LIMIT; page++) {
			Page<TaskQueries.TaskRow> rows = tasks.search(filter, today, soon, page, 500);
			appendixTotal = rows.total();
			for (TaskQueries.TaskRow t : rows.rows()) {
				if (appendix.size() >= APPENDIX_LIMIT) {
					break;
				}
				appendix.add(new AppendixRow(t.groupCode(), t.groupTitle(), t.stt(), t.title(), t.leads(),
						t.deadlinePhrase(), t.dueDate(), t.status(), t.assignmentCount(), t.openCount()));
			}
			if (!rows.hasNext()) {
				break;
			}
		}

		return new ConsolidatedData(period.id(), period.regimeName(), period.label(), period.windowStart(),
				period.windowEnd(), period.dueDate(), today, scope, totals, groups,
				new Completeness.Counts(n[0], n[1], n[2]), n[3], states, narratives, themed(obstacles), themed(proposals),
				late, lateTotal, appendix, appendixTotal, indicators);
	}

	private static void addItems(Map<ReportTheme, List<Contribution>> into, String agency, List<Item> items) {
		Set<String> seen = new HashSet<>();
		for (Item i : items) {
			if (seen.add(VnText.fold(i.text()))) {
				into.computeIfAbsent(i.theme(), k -> new ArrayList<>()).add(new Contribution(agency, i.text().strip()));
			}
		}
	}

	private static List<ThemeItems> themed(Map<ReportTheme, List<Contribution>> m) {
		List<ThemeItems> out = new ArrayList<>();
		m.forEach((t, items) -> out.add(new ThemeItems(t, items)));
		return out;
	}

	private static final List<String> ROMAN = List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
			"XI", "XII");

	/** I, II … XII in order, other codes after them, tasks outside any group last. */
	static int groupOrder(String code) {
		if (code == null || code.equals(ReportContent.NO_GROUP)) {
			return 1000;
		}
		int i = ROMAN.indexOf(code);
		return i >= 0 ? i : 100 + Math.abs(code.hashCode() % 100);
	}
}
