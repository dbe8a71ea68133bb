package vn.nq57.steering;

/** The three kinds of meeting whose conclusions become tasks. */
public enum SessionKind {
	/** Phiên họp thường kỳ của Ban Chỉ đạo (001). */
	REGULAR("Phiên họp thường kỳ", "phiên họp thường kỳ của Ban Chỉ đạo thực hiện Nghị quyết số 57-NQ/TW"),
	/** Buổi làm việc với một cơ quan (000): the brief is scoped to that agency. */
	WORKING("Buổi làm việc", "buổi làm việc với"),
	/** Hội nghị của ngành (002). */
	CONFERENCE("Hội nghị", "hội nghị");

	private final String label;
	private final String phrase;

	SessionKind(String label, String phrase) {
		this.label = label;
		this.phrase = phrase;
	}

	public String label() {
		return label;
	}

	/** How the notice names the meeting after "tại". */
	public String phrase() {
		return phrase;
	}
}
