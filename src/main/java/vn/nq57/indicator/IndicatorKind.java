package vn.nq57.indicator;

import vn.nq57.kernel.VnText;

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
		String k = VnText.fold(text);
		for (IndicatorKind v : values()) {
			if (k.equals(VnText.fold(v.name())) || k.equals(VnText.fold(v.label))) {
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
