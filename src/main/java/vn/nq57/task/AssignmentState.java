package vn.nq57.task;

/** Where an assignment stands in the completion workflow. */
public enum AssignmentState {
	OPEN("Đang thực hiện"),
	/** The officer claimed completion; the agency head has not approved yet. */
	CLAIMED("Chờ thủ trưởng duyệt"),
	/** The head approved the claim; DoST has to confirm or return it. */
	HEAD_APPROVED("Chờ Sở KH&CN xác nhận"),
	/** DoST confirmed; the completion date is the agency's. */
	COMPLETED("Đã hoàn thành");

	private final String label;

	AssignmentState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
