package vn.nq57.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an import understood, row by row, before anything is written: the same object is shown on the
 * preview page and returned by the dry-run API.
 *
 * @param kind plan appendix or conclusion notice
 * @param rows every row, group rows included, in document order
 * @param unknownNames agency names that resolve to nothing, each once, with the rows that use them
 * @param summary counts for the header of the preview
 * @param diff for a revised version of a plan already in the system: what is added, changed, removed
 */
public record Preview(IntakeKind kind, List<Row> rows, List<UnknownName> unknownNames, Summary summary, Diff diff) {

	/**
	 * One row and what was made of it.
	 *
	 * @param index position in the draft (what the preview's edit and drop actions address)
	 * @param number the task's number in the preview (1, 2, …), or {@code null} for group rows
	 * @param assignments how many agencies get an assignment (a collective lead fans out)
	 * @param change for a revised plan: ADDED, CHANGED or UNCHANGED
	 * @param taskId the task this row updates (revised plan), or {@code null}
	 * @param changedFields for a changed row, which fields differ from the task in the system
	 */
	public record Row(int index, Integer number, DraftRow draft, String groupTitle, List<AgencyView> leads,
			List<AgencyView> coordinators, int assignments, List<HeadView> heads, DeadlineView deadline,
			List<Finding> findings, String change, Long taskId, List<String> changedFields) {

		public boolean hasErrors() {
			return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
		}

		public boolean has(FindingCode code) {
			return findings.stream().anyMatch(f -> f.code() == code);
		}
	}

	/**
	 * An agency name as written and the registry agency it was understood as.
	 *
	 * @param match EXACT, NORMALISED (abbreviations written out), FUZZY (a typo) or UNKNOWN
	 */
	public record AgencyView(String text, Long agencyId, String agencyName, String match, boolean collective) {
	}

	/** An accountable head: title and the agency it belongs to, when the registry knows it. */
	public record HeadView(String text, String title, Long agencyId, String agencyName) {
	}

	/**
	 * The deadline phrase as the deadline component read it.
	 *
	 * @param kind DATE, RECURRING, ONGOING, CONDITIONAL, NONE or UNPARSED
	 * @param dueDate for a DATE: the last on-time day
	 * @param meaning in Vietnamese, what the phrase was taken to mean
	 * @param problem for UNPARSED: why
	 */
	public record DeadlineView(String phrase, String kind, LocalDate dueDate, String meaning, String problem) {
	}

	/** A name to map to an agency once; the mapping is saved as an alias. */
	public record UnknownName(String text, List<Integer> rows, boolean lead, List<Suggestion> suggestions) {
	}

	/** A registry entry near an unknown name, best first: its id, name, and how near (0–100). */
	public record Suggestion(long agencyId, String name, int score) {
	}

	/**
	 * @param committable whether the import can be written as it stands (no error left on a kept row)
	 * @param byCode how many findings of each code
	 */
	public record Summary(int tasks, int groups, int dropped, int errors, int warnings, int infos,
			Map<FindingCode, Integer> byCode, boolean committable) {
	}

	/** A revised plan against the plan in the system. */
	public record Diff(long planId, String planTitle, int added, int changed, int unchanged, List<RemovedTask> removed) {
	}

	/**
	 * A task of the plan that the revised version no longer has.
	 *
	 * @param hasProgress an agency has reported on it: it is kept (its work is not thrown away), not deleted
	 */
	public record RemovedTask(long taskId, String stt, String groupCode, String title, boolean hasProgress) {
	}
}
