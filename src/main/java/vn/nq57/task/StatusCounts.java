package vn.nq57.task;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import vn.nq57.kernel.Rates;

/**
 * Counts of tasks (or assignments) by status, and the three rates official reports quote:
 * <ul>
 * <li>completion rate over tasks already due = completed ÷ (completed + overdue not done);</li>
 * <li>completion rate over all tasks = completed ÷ all;</li>
 * <li>overdue rate = overdue not done ÷ all.</li>
 * </ul>
 * A rate with nothing to divide by is {@code null} (shown as "–"), never 0% or 100%. The arithmetic is the
 * kernel's {@link Rates}.
 */
public final class StatusCounts {

	private final EnumMap<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);

	public StatusCounts() {
		for (TaskStatus s : TaskStatus.values()) {
			counts.put(s, 0L);
		}
	}

	public StatusCounts add(TaskStatus status, long n) {
		counts.merge(status, n, Long::sum);
		return this;
	}

	public long get(TaskStatus status) {
		return counts.get(status);
	}

	public Map<TaskStatus, Long> asMap() {
		return Map.copyOf(counts);
	}

	public long total() {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	public long completed() {
		return get(TaskStatus.COMPLETED_ON_TIME) + get(TaskStatus.COMPLETED_LATE);
	}

	public long overdue() {
		return get(TaskStatus.OVERDUE);
	}

	public long notCompleted() {
		return total() - completed();
	}

	public BigDecimal completionRateOverDue() {
		return Rates.completionOverDue(completed(), overdue());
	}

	public BigDecimal completionRateOverAll() {
		return Rates.completionOverAll(completed(), total());
	}

	public BigDecimal overdueRate() {
		return Rates.overdue(overdue(), total());
	}
}
