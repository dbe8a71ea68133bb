package vn.nq57.intake;

/** How much a finding matters to the import. */
public enum Severity {

	/** The row cannot be written as it is: edit it, map the name, or drop the row. */
	ERROR("Lỗi"),
	/** The row can be written, but the data falls short and someone should look. */
	WARNING("Cảnh báo"),
	/** Worth knowing; nothing is wrong as such. */
	INFO("Lưu ý");

	private final String label;

	Severity(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
