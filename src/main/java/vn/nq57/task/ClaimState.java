package vn.nq57.task;

public enum ClaimState {
	CLAIMED("Chờ thủ trưởng duyệt"),
	HEAD_APPROVED("Chờ Sở KH&CN xác nhận"),
	CONFIRMED("Đã xác nhận hoàn thành"),
	RETURNED("Bị trả lại");

	private final String label;

	ClaimState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
