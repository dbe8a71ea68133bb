package vn.nq57.indicator;

import vn.nq57.kernel.VnText;

/**
 * Who reports an indicator: the responsible agency alone (one province-wide figure), every reporting
 * agency (sở, ban, ngành…, summed up by the indicator's aggregation), or every commune.
 */
enum Breakdown {
	PROVINCE("Toàn tỉnh (một số liệu)"), AGENCY("Theo cơ quan, đơn vị"), COMMUNE("Theo xã, phường, đặc khu");

	private final String label;

	Breakdown(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	static Breakdown parse(String text) {
		String k = VnText.fold(text);
		for (Breakdown v : values()) {
			if (k.equals(VnText.fold(v.name())) || k.equals(VnText.fold(v.label))) {
				return v;
			}
		}
		return switch (k) {
			case "toan tinh", "khong", "khong phan to" -> PROVINCE;
			case "co quan", "don vi", "theo co quan", "theo don vi" -> AGENCY;
			case "xa", "theo xa", "xa phuong", "xa, phuong, dac khu" -> COMMUNE;
			default -> null;
		};
	}
}
