package vn.nq57.task;

/**
 * The government's own categories. {@link #rank} orders them so that a task's status is the highest
 * rank among its assignments (the SQL functions in V4__plan.sql use the same numbers).
 */
public enum TaskStatus {

	/** Đã hoàn thành đúng hạn. */
	COMPLETED_ON_TIME(0, "Hoàn thành đúng hạn"),
	/** Đã hoàn thành quá hạn. */
	COMPLETED_LATE(1, "Hoàn thành quá hạn"),
	/** Chưa có thời hạn: a data-quality problem, never silently "on time". */
	NO_DEADLINE(2, "Chưa có thời hạn"),
	/** Thường xuyên. */
	ONGOING(3, "Thường xuyên"),
	/** Chờ điều kiện. */
	AWAITING_TRIGGER(4, "Chờ điều kiện"),
	/** Chưa hoàn thành, trong hạn. */
	IN_PROGRESS(5, "Chưa hoàn thành – trong hạn"),
	/** Chưa hoàn thành, quá hạn. */
	OVERDUE(6, "Chưa hoàn thành – quá hạn");

	private final int rank;
	private final String label;

	TaskStatus(int rank, String label) {
		this.rank = rank;
		this.label = label;
	}

	public int rank() {
		return rank;
	}

	/** The Vietnamese label leaders read in reports. */
	public String label() {
		return label;
	}

	public boolean isCompleted() {
		return this == COMPLETED_ON_TIME || this == COMPLETED_LATE;
	}

	public static TaskStatus ofRank(int rank) {
		for (TaskStatus s : values()) {
			if (s.rank == rank) {
				return s;
			}
		}
		throw new IllegalArgumentException("No status of rank " + rank);
	}
}
