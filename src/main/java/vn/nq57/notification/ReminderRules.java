package vn.nq57.notification;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a reminder is due, as plain Java (the SQL of {@link ReminderEngine} computes the same, set-based).
 * <p>
 * Before the due date an assignment is reminded at each offset ("7,3,1,0" days before). The reminder of a day is
 * the <em>latest stage reached</em>: with the due date 5 days away the stage is "7 days before" (reminder day =
 * due − 7). The stage's day is the key of the reminder, so a job that runs twice, or late, or after the clock
 * jumped, sends each stage at most once and never a backlog of stages already passed.
 * <p>
 * While overdue, the reminder repeats every N days after the due date (due + N, due + 2N…), again the latest
 * stage reached.
 */
public final class ReminderRules {

	private ReminderRules() {
	}

	/** Parses "7,3,1,0": non-negative whole days, duplicates removed, largest first. */
	public static List<Integer> offsets(String setting) {
		try {
			List<Integer> list = Arrays.stream(setting.split("[,; ]+"))
				.filter(s -> !s.isBlank())
				.map(s -> Integer.parseInt(s.trim()))
				.peek(n -> {
					if (n < 0 || n > 366) {
						throw new IllegalArgumentException();
					}
				})
				.distinct()
				.sorted((a, b) -> b - a)
				.collect(Collectors.toList());
			return List.copyOf(list);
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("Số ngày nhắc không hợp lệ: \"" + setting + "\" (ví dụ: 7,3,1,0)");
		}
	}

	/** The day of the pre-due reminder stage reached on {@code today}, if any. */
	public static Optional<LocalDate> beforeDue(LocalDate due, LocalDate today, List<Integer> offsets) {
		long left = ChronoUnit.DAYS.between(today, due);
		if (left < 0) {
			return Optional.empty();
		}
		return offsets.stream().filter(o -> o >= left).min(Integer::compare).map(o -> due.minusDays(o));
	}

	/** The day of the overdue reminder stage reached on {@code today}, if any (never the due day itself). */
	public static Optional<LocalDate> overdue(LocalDate due, LocalDate today, int everyDays) {
		long late = ChronoUnit.DAYS.between(due, today);
		if (everyDays <= 0 || late < everyDays) {
			return Optional.empty();
		}
		return Optional.of(due.plusDays(late / everyDays * everyDays));
	}
}
