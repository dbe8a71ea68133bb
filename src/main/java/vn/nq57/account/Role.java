package vn.nq57.account;

public enum Role {
	/** Sở KH&CN, standing agency of the steering committee: owns plans and tasks, confirms completions. */
	SECRETARIAT("Cơ quan thường trực (Sở KH&CN)"),
	/** Chủ tịch / Phó Chủ tịch UBND tỉnh, members of the steering committee. */
	LEADER("Lãnh đạo tỉnh, thành viên BCĐ"),
	/** Người đứng đầu: approves the agency's claims and reports. */
	AGENCY_HEAD("Thủ trưởng cơ quan, đơn vị"),
	/** Đầu mối: updates the agency's progress. */
	AGENCY_OFFICER("Cán bộ đầu mối"),
	ADMIN("Quản trị hệ thống");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Roles that see every agency's work; the others see their own agency's. */
	public boolean seesEveryAgency() {
		return this == SECRETARIAT || this == LEADER || this == ADMIN;
	}
}
