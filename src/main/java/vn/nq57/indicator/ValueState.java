package vn.nq57.indicator;

/** Where an agency's value stands: entered, approved by the head (official), returned by DoST, or computed. */
enum ValueState {
	DRAFT("Chờ thủ trưởng duyệt"), APPROVED("Đã duyệt"), RETURNED("Sở KH&CN trả lại"), COMPUTED("Tính tự động");

	private final String label;

	ValueState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
