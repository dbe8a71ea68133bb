package vn.nq57.kernel;

/** The calendar spans a {@link Period} can have; every span but a day starts on the first of a month. */
public enum PeriodKind {
	DAY(0, "Ngày"),
	MONTH(1, "Tháng"),
	QUARTER(3, "Quý"),
	HALF_YEAR(6, "6 tháng"),
	YEAR(12, "Năm");

	private final int months;
	private final String label;

	PeriodKind(int months, String label) {
		this.months = months;
		this.label = label;
	}

	/** Length in months; 0 for a day. */
	public int months() {
		return months;
	}

	public String label() {
		return label;
	}

	/** How many periods of this kind a year of {@code year} has. */
	public int periodsIn(int year) {
		return this == DAY ? java.time.Year.of(year).length() : 12 / months;
	}
}
