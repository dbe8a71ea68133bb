package vn.nq57.catalogue;

import java.util.EnumSet;
import java.util.Set;

/** The life cycle of a big problem (bài toán lớn). */
public enum BigProblemState {

	PROPOSED("Đề xuất"), UNDER_REVIEW("Đang rà soát"), RETURNED("Trả lại"), REFUSED("Không chọn"), SELECTED("Được lựa chọn"),
	ORDERED("Đã đặt hàng"), IN_PROGRESS("Đang thực hiện"), ACCEPTED("Đã nghiệm thu"), PUBLISHED("Đã công bố kết quả");

	private final String label;

	BigProblemState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The states that count as "selected" against the minimum of three. */
	public static final Set<BigProblemState> CHOSEN = EnumSet.of(SELECTED, ORDERED, IN_PROGRESS, ACCEPTED, PUBLISHED);

	/** States an agency's proposal is a draft in: only its agency and DoST read it. */
	public static final Set<BigProblemState> DRAFT = EnumSet.of(PROPOSED, UNDER_REVIEW, RETURNED, REFUSED);

	public boolean editable() {
		return this == PROPOSED || this == RETURNED;
	}
}
