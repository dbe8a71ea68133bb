package vn.nq57.deadline;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A deadline as read from its Vietnamese phrase by {@link DeadlineParser}. The phrase is kept so a person can always
 * see what the document actually said, whatever the parser made of it.
 *
 * @param phrase the original phrase, NFC-normalised and trimmed; {@code ""} when there was none
 * @param kind what sort of deadline it is
 * @param dueDate the last on-time day; only for {@link DeadlineKind#DATE}
 * @param precision how coarsely the date was written; only for {@link DeadlineKind#DATE}
 * @param recurrence how often it repeats; only for {@link DeadlineKind#RECURRING}
 * @param problem why the phrase could not be read, in Vietnamese for the user; only for
 * {@link DeadlineKind#UNPARSED}
 */
public record DeadlineSpec(String phrase, DeadlineKind kind, LocalDate dueDate, DeadlinePrecision precision,
		Recurrence recurrence, String problem) {

	public DeadlineSpec {
		Objects.requireNonNull(phrase, "phrase");
		Objects.requireNonNull(kind, "kind");
		// A half-filled spec would silently turn into the wrong task status later, so refuse it here.
		boolean isDate = kind == DeadlineKind.DATE;
		require(isDate == (dueDate != null), "dueDate is given exactly for DATE deadlines");
		require(isDate == (precision != null), "precision is given exactly for DATE deadlines");
		require((kind == DeadlineKind.RECURRING) == (recurrence != null),
				"recurrence is given exactly for RECURRING deadlines");
		require((kind == DeadlineKind.UNPARSED) == (problem != null), "problem is given exactly for UNPARSED deadlines");
	}

	public static DeadlineSpec date(String phrase, LocalDate dueDate, DeadlinePrecision precision) {
		return new DeadlineSpec(phrase, DeadlineKind.DATE, dueDate, precision, null, null);
	}

	public static DeadlineSpec recurring(String phrase, Recurrence recurrence) {
		return new DeadlineSpec(phrase, DeadlineKind.RECURRING, null, null, recurrence, null);
	}

	public static DeadlineSpec ongoing(String phrase) {
		return new DeadlineSpec(phrase, DeadlineKind.ONGOING, null, null, null, null);
	}

	public static DeadlineSpec conditional(String phrase) {
		return new DeadlineSpec(phrase, DeadlineKind.CONDITIONAL, null, null, null, null);
	}

	public static DeadlineSpec none(String phrase) {
		return new DeadlineSpec(phrase, DeadlineKind.NONE, null, null, null, null);
	}

	public static DeadlineSpec unparsed(String phrase, String problem) {
		return new DeadlineSpec(phrase, DeadlineKind.UNPARSED, null, null, null, problem);
	}

	/**
	 * For a recurring deadline: when the instance whose period contains {@code day} is due (the end of that month,
	 * quarter, half-year or year).
	 * @throws IllegalStateException if this deadline does not recur
	 */
	public LocalDate dueDateOfInstanceContaining(LocalDate day) {
		return recurrenceOrFail().periodEndContaining(Objects.requireNonNull(day, "day"));
	}

	/**
	 * For a recurring deadline: the name of the instance whose period contains {@code day}, e.g. "2026",
	 * "Quý III/2026", "6 tháng đầu năm 2026" or "Tháng 9/2026".
	 * @throws IllegalStateException if this deadline does not recur
	 */
	public String instanceLabel(LocalDate day) {
		return recurrenceOrFail().periodLabel(Objects.requireNonNull(day, "day"));
	}

	public boolean isDate() {
		return this.kind == DeadlineKind.DATE;
	}

	public boolean isRecurring() {
		return this.kind == DeadlineKind.RECURRING;
	}

	public boolean isOngoing() {
		return this.kind == DeadlineKind.ONGOING;
	}

	public boolean isConditional() {
		return this.kind == DeadlineKind.CONDITIONAL;
	}

	public boolean isNone() {
		return this.kind == DeadlineKind.NONE;
	}

	public boolean isUnparsed() {
		return this.kind == DeadlineKind.UNPARSED;
	}

	private Recurrence recurrenceOrFail() {
		if (this.recurrence == null) {
			throw new IllegalStateException("Deadline “" + this.phrase + "” is " + this.kind + ", not RECURRING");
		}
		return this.recurrence;
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
