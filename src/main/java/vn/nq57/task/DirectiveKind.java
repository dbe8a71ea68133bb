package vn.nq57.task;

public enum DirectiveKind {
	PLAN("Kế hoạch"), CONCLUSION_NOTICE("Thông báo kết luận"), DECISION("Quyết định"), OFFICIAL_LETTER("Công văn"),
	RESOLUTION("Nghị quyết"), PROGRAMME("Chương trình"), DIRECTIVE("Chỉ thị");

	private final String label;

	DirectiveKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
