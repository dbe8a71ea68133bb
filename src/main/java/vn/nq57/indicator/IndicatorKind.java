package vn.nq57.indicator;

/** Entered by agencies, or computed from other indicators by a formula. */
enum IndicatorKind {
	ENTERED("Nhập số liệu"), COMPUTED("Tính theo công thức");

	private final String label;

	IndicatorKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static IndicatorKind parse(String text) {
		String k = Labels.key(text);
		for (IndicatorKind v : values()) {
			if (k.equals(Labels.key(v.name())) || k.equals(Labels.key(v.label))) {
				return v;
			}
		}
		return switch (k) {
			case "nhap", "nhap lieu" -> ENTERED;
			case "tinh", "tinh toan", "cong thuc" -> COMPUTED;
			default -> null;
		};
	}
}
