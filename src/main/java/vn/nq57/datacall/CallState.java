package vn.nq57.datacall;

/** DRAFT: DoST prepares it; OPEN: agencies answer (late after the due date); CLOSED: no more answers unless DoST
 * reopens it; CONSOLIDATED: DoST has consolidated, every target sees the consolidated figures. */
public enum CallState {
	DRAFT("Đang soạn"), OPEN("Đang nhận trả lời"), CLOSED("Đã đóng"), CONSOLIDATED("Đã tổng hợp");

	private final String label;

	CallState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
