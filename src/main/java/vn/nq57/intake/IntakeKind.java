package vn.nq57.intake;

/** What is being taken in. */
public enum IntakeKind {

	/** The appendix table of a plan, from Word or Excel. */
	PLAN_APPENDIX("Phụ lục kế hoạch"),
	/** A conclusion notice in prose, from Word or pasted text. */
	NOTICE("Thông báo kết luận");

	private final String label;

	IntakeKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
