package vn.nq57.intake;

/**
 * The stable codes of what an import finds wrong with a row. Scripts that call the dry-run API match on
 * these names, so they are never renamed; the Vietnamese label is what people read.
 */
public enum FindingCode {

	MISSING_STT(Severity.WARNING, "Thiếu số thứ tự"),
	MISSING_TITLE(Severity.ERROR, "Thiếu tên nhiệm vụ"),
	MISSING_HEAD(Severity.WARNING, "Thiếu người đứng đầu chịu trách nhiệm"),
	MISSING_LEAD(Severity.ERROR, "Thiếu cơ quan chủ trì"),
	MISSING_COORDINATOR(Severity.INFO, "Không ghi cơ quan phối hợp"),
	MISSING_OUTPUT(Severity.WARNING, "Thiếu kết quả, sản phẩm"),
	MISSING_DEADLINE(Severity.WARNING, "Thiếu thời gian hoàn thành"),
	UNPARSED_DEADLINE(Severity.ERROR, "Không hiểu thời gian hoàn thành"),
	UNKNOWN_AGENCY(Severity.ERROR, "Cơ quan không có trong danh mục"),
	NEAR_DUPLICATE(Severity.WARNING, "Có thể trùng nhiệm vụ khác"),
	FOREIGN_PLACE(Severity.WARNING, "Nhắc đến tỉnh, thành phố khác"),
	TYPO(Severity.WARNING, "Có thể viết sai chính tả"),
	HEAD_LEAD_MISMATCH(Severity.WARNING, "Người đứng đầu không thuộc cơ quan chủ trì"),
	UNSAFE_TEXT(Severity.ERROR, "Chứa mã HTML hoặc script"),
	TOO_LONG(Severity.ERROR, "Nội dung quá dài"),
	NUMBERING_GAP(Severity.WARNING, "Số thứ tự bị nhảy (thiếu mục)");

	private final Severity severity;

	private final String label;

	FindingCode(Severity severity, String label) {
		this.severity = severity;
		this.label = label;
	}

	/** The usual severity; a finding may be given another (an unknown coordinating body is only a warning). */
	public Severity severity() {
		return severity;
	}

	public String label() {
		return label;
	}
}
