package vn.nq57.indicator;

import vn.nq57.kernel.VnText;

/** Whether a higher or a lower value is better (5G coverage: higher; late dossiers: lower). */
enum Direction {
	HIGHER("Cao hơn là tốt"), LOWER("Thấp hơn là tốt");

	private final String label;

	Direction(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static Direction parse(String text) {
		String k = VnText.fold(text);
		for (Direction d : values()) {
			if (k.equals(VnText.fold(d.name())) || k.equals(VnText.fold(d.label))) {
				return d;
			}
		}
		return switch (k) {
			case "cao", "tang", "cang cao cang tot" -> HIGHER;
			case "thap", "giam", "cang thap cang tot" -> LOWER;
			default -> null;
		};
	}
}
