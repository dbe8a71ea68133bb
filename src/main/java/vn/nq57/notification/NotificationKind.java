package vn.nq57.notification;

/** What a notification is about; each user chooses which kinds also come by mail. */
public enum NotificationKind {
	ASSIGNMENT_DUE("Nhắc việc sắp đến hạn, đến hạn", true),
	ASSIGNMENT_OVERDUE("Đôn đốc nhiệm vụ quá hạn", true),
	REPORT_DUE("Nhắc hạn gửi báo cáo định kỳ", true),
	/** Deadlines of the other capabilities ({@link ReminderSource}): proposals, reviews, answers, data calls. */
	DEADLINE_DUE("Nhắc hạn đề xuất, xem xét, trả lời, báo cáo đột xuất", true),
	DEADLINE_OVERDUE("Đôn đốc việc quá hạn (đề xuất, trả lời, báo cáo đột xuất)", true),
	WEEKLY_DIGEST("Bản tin tổng hợp hằng tuần", true),
	/** An official letter is always mailed: it is a document sent to the agency, not a courtesy. */
	URGING_LETTER("Công văn đôn đốc", false);

	private final String label;
	private final boolean optional;

	NotificationKind(String label, boolean optional) {
		this.label = label;
		this.optional = optional;
	}

	public String label() {
		return label;
	}

	/** Whether the user may turn off mail for this kind. */
	public boolean optional() {
		return optional;
	}
}
