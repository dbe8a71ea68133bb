package vn.nq57.agency;

public enum AgencyKind {
	DEPARTMENT("Sở, ban, ngành"),
	COMMUNE("UBND xã, phường, đặc khu"),
	STEERING("UBND tỉnh, Ban Chỉ đạo"),
	PARTY_BODY("Cơ quan Đảng"),
	MASS_ORGANISATION("Mặt trận, đoàn thể, hội"),
	PRESS("Báo chí, phát thanh, truyền hình"),
	UNIVERSITY("Trường, viện"),
	ENTERPRISE("Doanh nghiệp, đối tác"),
	/** A name that stands for a group ("Các sở, ban, ngành, địa phương"), not one body. */
	COLLECTIVE("Nhóm cơ quan (tập hợp)");

	private final String label;

	AgencyKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
