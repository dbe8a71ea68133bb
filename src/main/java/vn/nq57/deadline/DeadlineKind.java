package vn.nq57.deadline;

/** What kind of deadline a "thời gian hoàn thành" phrase states. */
public enum DeadlineKind {

	/** A fixed calendar deadline, e.g. "Quý III/2026". */
	DATE,

	/** Repeats every period, e.g. "Hằng năm"; each instance is due at the end of its period. */
	RECURRING,

	/** "Thường xuyên": never due, never finished. */
	ONGOING,

	/** Starts only after something else happens, e.g. "Sau khi có văn bản của Trung ương". */
	CONDITIONAL,

	/** The document gives no deadline at all. */
	NONE,

	/** Something was written but could not be read; a person has to decide. */
	UNPARSED

}
