package vn.nq57.indicator;

/** How often an indicator is measured; a period of the frequency starts on the first day of a month. */
enum Frequency {
	MONTHLY("Hằng tháng", 1),
	QUARTERLY("Hằng quý", 3),
	HALF_YEARLY("6 tháng", 6),
	YEARLY("Hằng năm", 12);

	private final String label;
	private final int months;

	Frequency(String label, int months) {
		this.label = label;
		this.months = months;
	}

	public String label() {
		return label;
	}

	int months() {
		return months;
	}

	/** What a user of this frequency types for a period, for messages. */
	String example() {
		return switch (this) {
			case MONTHLY -> "10/2026";
			case QUARTERLY -> "Quý III/2026";
			case HALF_YEARLY -> "6 tháng đầu năm 2026";
			case YEARLY -> "2026";
		};
	}

	/** Matches the enum name or its Vietnamese label, accents and case ignored (Excel import, forms). */
	static Frequency parse(String text) {
		String k = Labels.key(text);
		for (Frequency f : values()) {
			if (k.equals(Labels.key(f.name())) || k.equals(Labels.key(f.label))) {
				return f;
			}
		}
		return switch (k) {
			case "thang", "hang thang" -> MONTHLY;
			case "quy", "hang quy" -> QUARTERLY;
			case "6 thang", "nua nam", "dinh ky 6 thang", "hang 6 thang" -> HALF_YEARLY;
			case "nam", "hang nam" -> YEARLY;
			default -> null;
		};
	}
}
