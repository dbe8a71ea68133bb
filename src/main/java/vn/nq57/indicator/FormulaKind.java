package vn.nq57.indicator;

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
		String k = Labels.key(text);
		for (FormulaKind v : values()) {
			if (k.equals(Labels.key(v.name())) || k.equals(Labels.key(v.label))) {
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
