package vn.nq57.indicator;

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
		String k = Labels.key(text);
		for (Direction d : values()) {
			if (k.equals(Labels.key(d.name())) || k.equals(Labels.key(d.label))) {
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
