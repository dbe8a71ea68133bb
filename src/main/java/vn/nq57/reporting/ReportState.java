package vn.nq57.reporting;

/**
 * Where an agency's report for one period stands. One row exists for every report an agency is expected to
 * send, from the moment the period is opened ({@link #NOT_STARTED}).
 *
 * <pre>
 * NOT_STARTED → DRAFT (officer) → APPROVED (agency head) → SUBMITTED (to DoST) → ACCEPTED
 *                 ↑      ↑ an edit after approval           │
 *                 └──────┴──────────── RETURNED (DoST, with a reason) ←┘
 * </pre>
 */
public enum ReportState {
	NOT_STARTED("Chưa lập"),
	DRAFT("Đang soạn"),
	APPROVED("Thủ trưởng đã duyệt, chưa gửi"),
	SUBMITTED("Đã gửi, chờ Sở KH&CN tiếp nhận"),
	ACCEPTED("Sở KH&CN đã tiếp nhận"),
	RETURNED("Bị trả lại, đang sửa");

	private final String label;

	ReportState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Sent to DoST and not returned: counts as received. */
	public boolean isReceived() {
		return this == SUBMITTED || this == ACCEPTED;
	}

	/** The agency may change the content (subject to the period's lock). */
	public boolean isEditable() {
		return this == NOT_STARTED || this == DRAFT || this == APPROVED || this == RETURNED;
	}
}
