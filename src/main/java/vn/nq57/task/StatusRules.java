package vn.nq57.task;

import java.time.LocalDate;
import java.util.Collection;

import vn.nq57.deadline.DeadlineKind;

/**
 * How a task's status follows from its deadline, its confirmed completion date and the day asked about.
 * Plain Java, no framework: the aggregate SQL in V4__plan.sql ({@code assignment_status_rank},
 * {@code task_status_rank}) mirrors it, and StatusSqlAgreementTest keeps the two equal.
 *
 * <ul>
 * <li>Completed (DoST confirmed; the date is the agency's): on time when on or before the due date, else late.
 * A task completed without any due date counts as on time.</li>
 * <li>Not completed with a due date: overdue from the day after the due date, in progress until then.</li>
 * <li>Not completed without a due date: awaiting trigger (conditional), ongoing ("Thường xuyên"), or no deadline.</li>
 * <li>A task rolls up its assignments: the highest rank wins, so it is completed only when every lead
 * agency has completed, and overdue as soon as one of them is.</li>
 * </ul>
 */
public final class StatusRules {

	private StatusRules() {
	}

	public static TaskStatus of(LocalDate dueDate, DeadlineKind kind, LocalDate completedOn, LocalDate today) {
		if (completedOn != null) {
			return dueDate == null || !completedOn.isAfter(dueDate) ? TaskStatus.COMPLETED_ON_TIME
					: TaskStatus.COMPLETED_LATE;
		}
		if (dueDate != null) {
			return dueDate.isBefore(today) ? TaskStatus.OVERDUE : TaskStatus.IN_PROGRESS;
		}
		if (kind == DeadlineKind.CONDITIONAL) {
			return TaskStatus.AWAITING_TRIGGER;
		}
		if (kind == DeadlineKind.ONGOING) {
			return TaskStatus.ONGOING;
		}
		return TaskStatus.NO_DEADLINE;
	}

	/** Sắp đến hạn: not completed, due today or within the next {@code days} days. */
	public static boolean isDueSoon(LocalDate dueDate, LocalDate completedOn, LocalDate today, int days) {
		return completedOn == null && dueDate != null && !dueDate.isBefore(today)
				&& !dueDate.isAfter(today.plusDays(days));
	}

	public static TaskStatus rollUp(Collection<TaskStatus> assignmentStatuses) {
		return assignmentStatuses.stream()
			.max((a, b) -> Integer.compare(a.rank(), b.rank()))
			.orElse(TaskStatus.NO_DEADLINE);
	}
}
