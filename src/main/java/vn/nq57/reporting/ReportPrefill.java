package vn.nq57.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.nq57.kernel.VnText;
import vn.nq57.task.TaskQueries;
import vn.nq57.task.TaskQueries.ReportAssignment;
import vn.nq57.task.ProgressService;
import vn.nq57.task.ProgressService.ClaimEntry;
import vn.nq57.task.ProgressService.ProgressEntry;
import vn.nq57.reporting.ReportContent.Item;
import vn.nq57.reporting.ReportContent.Section;
import vn.nq57.reporting.ReportContent.TaskLine;
import vn.nq57.task.StatusRules;
import vn.nq57.task.TaskStatus;
import vn.nq57.kernel.VnFormat;

/**
 * Fills an agency's report from what it already posted: every assignment still open at the start of the data
 * window (or completed in it) with its status and percent on the data day, the results and outputs posted in the
 * window; a section per task group, pre-written from those results; the obstacles and proposals posted in the
 * window as items with a suggested theme. What the agency wrote itself is kept on every refresh.
 */
@Component
class ReportPrefill {

	private static final VnFormat FMT = new VnFormat();

	static final String SUMMARY_TITLE = "Đánh giá chung tình hình thực hiện trong kỳ";
	static final String NEXT_TITLE = "Nhiệm vụ trọng tâm kỳ tới";
	static final String NO_GROUP_TITLE = "Nhiệm vụ tại các thông báo kết luận, văn bản chỉ đạo khác";

	private final TaskQueries tasks;
	private final ProgressService progress;
	private final ObjectProvider<IndicatorValueSource> indicators;

	ReportPrefill(TaskQueries tasks, ProgressService progress, ObjectProvider<IndicatorValueSource> indicators) {
		this.tasks = tasks;
		this.progress = progress;
		this.indicators = indicators;
	}

	/**
	 * The content for {@code agencyId}'s report on {@code period}, read on {@code asOf}; {@code previous} is the
	 * current working copy (or {@code null}), whose texts are kept. With {@code addPosted}, obstacles and proposals
	 * posted in the window that are not in the report yet are added.
	 */
	ReportContent build(long agencyId, Long planId, ReportingPeriod period, LocalDate asOf, ReportContent previous,
			boolean addPosted) {
		List<ReportAssignment> assignments = tasks.assignmentsForReport(agencyId, planId, period.windowStart());
		Set<Long> ids = new HashSet<>();
		assignments.forEach(a -> ids.add(a.assignmentId()));
		Map<Long, List<ProgressEntry>> posted = new HashMap<>();
		Map<Long, Integer> percentAsOf = new HashMap<>();
		for (ProgressEntry e : progress.progressOfAgency(agencyId, asOf)) {
			if (!ids.contains(e.assignmentId())) {
				continue;
			}
			percentAsOf.put(e.assignmentId(), e.percent());
			if (!e.reportedOn().isBefore(period.windowStart())) {
				posted.computeIfAbsent(e.assignmentId(), k -> new ArrayList<>()).add(e);
			}
		}
		Map<Long, ClaimEntry> completions = new HashMap<>();
		for (ClaimEntry c : progress.confirmedClaimsOfAgency(agencyId, period.windowStart(), asOf)) {
			completions.put(c.assignmentId(), c);
		}

		List<TaskLine> lines = new ArrayList<>();
		List<Item> obstacles = new ArrayList<>();
		List<Item> proposals = new ArrayList<>();
		Map<String, String> groupTitles = new LinkedHashMap<>();
		Map<String, StringBuilder> groupText = new LinkedHashMap<>();
		for (ReportAssignment a : assignments) {
			LocalDate done = a.completedOn() != null && !a.completedOn().isAfter(asOf) ? a.completedOn() : null;
			TaskStatus status = StatusRules.of(a.dueDate(), a.deadlineKind(), done, asOf);
			int percent = done != null ? 100 : percentAsOf.getOrDefault(a.assignmentId(), 0);
			List<ProgressEntry> mine = posted.getOrDefault(a.assignmentId(), List.of());
			List<String> results = new ArrayList<>();
			List<String> outputs = new ArrayList<>();
			for (ProgressEntry e : mine) {
				if (e.results() != null) {
					results.add(e.results().strip());
				}
				if (e.outputNumber() != null) {
					outputs.add(e.outputNumber() + (e.outputDate() == null ? "" : " ngày " + FMT.date(e.outputDate())));
				}
			}
			ClaimEntry claim = completions.get(a.assignmentId());
			if (claim != null) {
				results.add("Hoàn thành ngày " + FMT.date(claim.completedOn()) + ": " + claim.evidence().strip());
				if (claim.outputNumber() != null) {
					outputs.add(claim.outputNumber()
							+ (claim.outputDate() == null ? "" : " ngày " + FMT.date(claim.outputDate())));
				}
			}
			String group = a.groupCode() == null ? ReportContent.NO_GROUP : a.groupCode();
			TaskLine line = new TaskLine(a.assignmentId(), a.taskId(), a.groupCode(), a.groupTitle(), a.stt(), a.title(),
					a.periodLabel(), a.deadlinePhrase(), a.dueDate(), status, percent, done, join(results),
					join(distinct(outputs)));
			lines.add(line);
			groupTitles.putIfAbsent(group, a.groupCode() == null ? NO_GROUP_TITLE
					: "Nhóm " + a.groupCode() + ". " + a.groupTitle());
			StringBuilder text = groupText.computeIfAbsent(group, g -> new StringBuilder());
			if (!results.isEmpty()) {
				text.append(text.isEmpty() ? "" : "\n").append("- ").append(line.shortLabel()).append(": ")
					.append(String.join("; ", results.stream().map(r -> r.replaceAll("\\s*\\n\\s*", "; ")).toList()));
			}
			for (ProgressEntry e : mine) {
				if (e.obstacles() != null) {
					obstacles.add(new Item(ReportTheme.classify(e.obstacles()), e.obstacles().strip(), a.taskId(),
							line.shortLabel()));
				}
				if (e.proposals() != null) {
					proposals.add(new Item(ReportTheme.classify(e.proposals()), e.proposals().strip(), a.taskId(),
							line.shortLabel()));
				}
			}
		}

		List<Section> sections = new ArrayList<>();
		sections.add(keep(previous, new Section(ReportContent.SUMMARY, SUMMARY_TITLE, true, "")));
		for (Map.Entry<String, String> g : groupTitles.entrySet()) {
			String code = ReportContent.GROUP_PREFIX + g.getKey();
			sections.add(keep(previous, new Section(code, g.getValue(), true, groupText.get(g.getKey()).toString())));
		}
		if (previous != null) {
			// a group whose tasks are gone keeps its section if the agency wrote in it
			for (Section s : previous.sections()) {
				if (s.grouped() && !s.blank() && sections.stream().noneMatch(x -> x.code().equals(s.code()))) {
					sections.add(new Section(s.code(), s.title(), false, s.body()));
				}
			}
		}
		sections.add(keep(previous, new Section(ReportContent.NEXT, NEXT_TITLE, false, "")));

		List<Item> keptObstacles = previous == null ? new ArrayList<>() : new ArrayList<>(previous.obstacles());
		List<Item> keptProposals = previous == null ? new ArrayList<>() : new ArrayList<>(previous.proposals());
		if (previous == null || addPosted) {
			addNew(keptObstacles, obstacles);
			addNew(keptProposals, proposals);
		}
		List<IndicatorValue> values = new ArrayList<>();
		indicators.orderedStream().forEach(src -> values.addAll(src.valuesDue(agencyId, period)));
		return new ReportContent(asOf, lines, sections, keptObstacles, keptProposals, values);
	}

	/** The new section, or the previous one of the same code with its text (the agency's words win). */
	private static Section keep(ReportContent previous, Section fresh) {
		if (previous == null) {
			return fresh;
		}
		Section old = previous.section(fresh.code());
		return old == null ? fresh : new Section(fresh.code(), fresh.title(), fresh.required(), old.body());
	}

	private static void addNew(List<Item> into, List<Item> posted) {
		Set<String> seen = new HashSet<>();
		into.forEach(i -> seen.add(VnText.fold(i.text())));
		for (Item i : posted) {
			if (seen.add(VnText.fold(i.text()))) {
				into.add(i);
			}
		}
	}

	private static List<String> distinct(List<String> values) {
		return values.stream().distinct().toList();
	}

	private static String join(List<String> values) {
		return values.isEmpty() ? null : String.join("\n", values);
	}
}
