package vn.nq57.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.nq57.task.TaskStatus;

/**
 * What an agency's periodic report says. Stored as JSON: the working copy on the report, and a copy of it with
 * every submission. Task lines are read from what the agency posted (progress, completion); sections and the
 * obstacle and proposal items are the agency's text.
 *
 * @param dataAsOf the day the task lines were read for (the end of the data window, or the day of drafting)
 * @param tasks the agency's assignments with their status and what was posted in the data window
 * @param sections narrative sections: the general assessment, one per task group, the next period's focus
 * @param obstacles khó khăn, vướng mắc
 * @param proposals kiến nghị, đề xuất
 * @param indicators indicator values due in the period, from the {@link IndicatorValueSource} (the indicator set)
 */
public record ReportContent(LocalDate dataAsOf, List<TaskLine> tasks, List<Section> sections, List<Item> obstacles,
		List<Item> proposals, List<IndicatorValue> indicators) {

	public static final String SUMMARY = "SUMMARY";
	public static final String NEXT = "NEXT";
	public static final String GROUP_PREFIX = "GROUP:";
	/** How {@link ReportPrefill} titles a group's section. */
	static final java.util.regex.Pattern GROUP_TITLE = java.util.regex.Pattern.compile("Nhóm (\\S+)\\. (.*)", java.util.regex.Pattern.DOTALL);
	/** The group key of tasks outside any task group (conclusion notices, other directives). */
	public static final String NO_GROUP = "-";

	public ReportContent {
		tasks = tasks == null ? List.of() : List.copyOf(tasks);
		sections = sections == null ? List.of() : List.copyOf(sections);
		obstacles = obstacles == null ? List.of() : List.copyOf(obstacles);
		proposals = proposals == null ? List.of() : List.copyOf(proposals);
		indicators = indicators == null ? List.of() : List.copyOf(indicators);
	}

	/** One assignment of the agency, as it stood on {@code dataAsOf}. */
	public record TaskLine(long assignmentId, long taskId, String groupCode, String groupTitle, String stt, String title,
			String periodLabel, String deadline, LocalDate dueDate, TaskStatus status, int percent, LocalDate completedOn,
			String results, String outputs) {

		/** "Nhiệm vụ II.3" or the start of the title, to cite a task in running text. */
		public String shortLabel() {
			if (stt != null && !stt.isBlank() && groupCode != null) {
				return "Nhiệm vụ " + groupCode + "." + stt;
			}
			return title.length() <= 90 ? title : title.substring(0, 87) + "…";
		}
	}

	/** A narrative section; {@code code} is {@link #SUMMARY}, {@link #NEXT} or {@link #GROUP_PREFIX} + group code. */
	public record Section(String code, String title, boolean required, String body) {

		public boolean blank() {
			return body == null || body.isBlank();
		}

		public boolean grouped() {
			return code.startsWith(GROUP_PREFIX);
		}

		public String groupCode() {
			return grouped() ? code.substring(GROUP_PREFIX.length()) : null;
		}

		/**
		 * The bundle key of a title the application wrote ({@code reportSection.*}: the summary, the next period,
		 * the tasks outside any group), for a page to show it in its language; null for a group's title or one
		 * written otherwise.
		 */
		public String titleKey() {
			if (SUMMARY.equals(code) && ReportPrefill.SUMMARY_TITLE.equals(title)) {
				return "reportSection.SUMMARY";
			}
			if (NEXT.equals(code) && ReportPrefill.NEXT_TITLE.equals(title)) {
				return "reportSection.NEXT";
			}
			return grouped() && ReportPrefill.NO_GROUP_TITLE.equals(title) ? "reportSection.noGroup" : null;
		}

		/** "I" of a group's title "Nhóm I. Chuyển đổi số…"; null for other titles. */
		public String groupLabel() {
			java.util.regex.Matcher m = GROUP_TITLE.matcher(title == null ? "" : title);
			return grouped() && m.matches() ? m.group(1) : null;
		}

		/** "Chuyển đổi số…" of a group's title "Nhóm I. Chuyển đổi số…" (the plan's words); null for other titles. */
		public String groupTitle() {
			java.util.regex.Matcher m = GROUP_TITLE.matcher(title == null ? "" : title);
			return grouped() && m.matches() ? m.group(2) : null;
		}

		Section withBody(String b) {
			return new Section(code, title, required, b);
		}
	}

	/** An obstacle or a proposal, with its theme and, when it came from a progress update, the task. */
	public record Item(ReportTheme theme, String text, Long taskId, String taskLabel) {
	}

	public Section section(String code) {
		return sections.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
	}

	/** Required sections left empty, by title: what keeps the report from being approved or sent. */
	public List<String> missingRequired() {
		List<String> out = new ArrayList<>();
		for (Section s : sections) {
			if (s.required() && s.blank()) {
				out.add(s.title());
			}
		}
		return out;
	}

	public static ReportContent empty() {
		return new ReportContent(null, List.of(), List.of(), List.of(), List.of(), List.of());
	}
}
