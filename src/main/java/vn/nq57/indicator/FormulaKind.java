package vn.nq57.indicator;

import vn.nq57.kernel.VnText;

/** A computed indicator's formula: a ratio of two indicators, or a general expression. */
enum FormulaKind {
	RATIO("Tỷ lệ tử số / mẫu số"), EXPRESSION("Biểu thức");

	private final String label;

	FormulaKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static FormulaKind parse(String text) {
		String k = VnText.fold(text);
		for (FormulaKind v : values()) {
			if (k.equals(VnText.fold(v.name())) || k.equals(VnText.fold(v.label))) {
				return v;
			}
		}
		return switch (k) {
			case "ty le", "ti le" -> RATIO;
			case "bieu thuc" -> EXPRESSION;
			default -> null;
		};
	}
}
