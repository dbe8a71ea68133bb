package vn.nq57.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.nq57.task.StatusCounts;
import vn.nq57.task.TaskStatus;

/**
 * The facts of a consolidated report, read once when DoST generates it and kept with it (as JSON), so that the
 * text DoST edits, the Word appendix and the Excel tables all describe the same moment, however long the
 * editing takes.
 *
 * @param asOf the day the task figures are counted for (the day of generation)
 * @param totals tasks by status
 * @param groups tasks by task group and status, in the plan's order
 * @param reporting the period's expected, received and on-time reports
 * @param reports every agency that owed the period's report, with what became of it
 * @param narratives what the agencies wrote, by task group (used to write the draft; not kept with it)
 * @param obstacles the agencies' obstacles by theme
 * @param proposals the agencies' proposals by theme
 * @param lateWithTasks agencies with overdue assignments, most first
 * @param appendix the tasks with their status, in the plan's order
 * @param appendixTotal how many tasks there are (the appendix may list fewer)
 * @param indicators the indicator values in the received reports, by agency (missing ones included)
 */
public record ConsolidatedData(long periodId, String regimeName, String periodLabel, LocalDate windowStart,
		LocalDate windowEnd, LocalDate dueDate, LocalDate asOf, String scope, Map<TaskStatus, Long> totals,
		List<GroupFigures> groups, Completeness.Counts reporting, long returned, List<AgencyReport> reports,
		List<Narrative> narratives, List<ThemeItems> obstacles, List<ThemeItems> proposals,
		List<LateAgency> lateWithTasks, long lateWithTasksTotal, List<AppendixRow> appendix, long appendixTotal,
		List<IndicatorLine> indicators) {

	public record GroupFigures(String code, String title, Map<TaskStatus, Long> counts) {
		public StatusCounts statusCounts() {
			return ConsolidatedData.counts(counts);
		}
	}

	/** One agency's words, attributed. */
	public record Contribution(String agency, String text) {
	}

	public record Narrative(String code, String title, List<Contribution> contributions) {
	}

	public record ThemeItems(ReportTheme theme, List<Contribution> items) {
	}

	public record AgencyReport(String agency, Completeness.Cell cell, ReportState state, LocalDate firstSubmittedOn) {
	}

	public record LateAgency(String agency, long total, long overdue) {
	}

	public record AppendixRow(String groupCode, String groupTitle, String stt, String title, String leads,
			String deadline, LocalDate dueDate, TaskStatus status, int assignments, int open) {
	}

	/** An indicator value from one agency's received report: who reported what, against which target. */
	public record IndicatorLine(String agency, IndicatorValue value) {
	}

	public StatusCounts statusCounts() {
		return counts(totals);
	}

	static StatusCounts counts(Map<TaskStatus, Long> m) {
		StatusCounts c = new StatusCounts();
		if (m != null) {
			m.forEach(c::add);
		}
		return c;
	}
}
