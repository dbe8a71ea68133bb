package vn.nq57.datacall;

/** What a question asks for, and so how its answers are checked and consolidated. */
public enum QuestionKind {
	NUMBER("Số"), PERCENT("Tỷ lệ (tử số/mẫu số)"), TEXT("Văn bản"), YES_NO("Có/Không"), CHOICE("Lựa chọn"),
	FILE("Tệp đính kèm"), PER_COMMUNE("Số liệu theo từng xã");

	private final String label;

	QuestionKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean numeric() {
		return this == NUMBER || this == PERCENT || this == PER_COMMUNE;
	}

	/** The kind a template's "Loại" cell names: the code, the label, or the usual words, accents or not. */
	public static QuestionKind read(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String t = vn.nq57.kernel.VnText.fold(typed).strip();
		for (QuestionKind k : values()) {
			if (t.equalsIgnoreCase(k.name()) || t.equals(vn.nq57.kernel.VnText.fold(k.label))) {
				return k;
			}
		}
		if (t.startsWith("ty le") || t.equals("%") || t.startsWith("phan tram")) {
			return PERCENT;
		}
		if (t.startsWith("so lieu theo") || t.contains("tung xa") || t.contains("theo xa")) {
			return PER_COMMUNE;
		}
		if (t.startsWith("so")) {
			return NUMBER;
		}
		if (t.startsWith("co/khong") || t.startsWith("co khong") || t.equals("yes/no")) {
			return YES_NO;
		}
		if (t.startsWith("lua chon") || t.startsWith("chon")) {
			return CHOICE;
		}
		if (t.startsWith("tep") || t.startsWith("file")) {
			return FILE;
		}
		if (t.startsWith("van ban") || t.startsWith("chu") || t.startsWith("text") || t.startsWith("noi dung")) {
			return TEXT;
		}
		return null;
	}
}
