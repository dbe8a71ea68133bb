package vn.nq57.indicator;

import vn.nq57.kernel.PeriodKind;
import vn.nq57.kernel.VnText;

/** How often an indicator is measured: one value per calendar period of its {@link #kind()}. */
enum Frequency {
	MONTHLY("Hằng tháng", PeriodKind.MONTH),
	QUARTERLY("Hằng quý", PeriodKind.QUARTER),
	HALF_YEARLY("6 tháng", PeriodKind.HALF_YEAR),
	YEARLY("Hằng năm", PeriodKind.YEAR);

	private final String label;
	private final PeriodKind kind;

	Frequency(String label, PeriodKind kind) {
		this.label = label;
		this.kind = kind;
	}

	public String label() {
		return label;
	}

	PeriodKind kind() {
		return kind;
	}

	int months() {
		return kind.months();
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
		String k = VnText.fold(text);
		for (Frequency f : values()) {
			if (k.equals(VnText.fold(f.name())) || k.equals(VnText.fold(f.label))) {
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
