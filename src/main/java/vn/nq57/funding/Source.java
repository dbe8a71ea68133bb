package vn.nq57.funding;

import java.util.Locale;

import vn.nq57.kernel.VnText;

/** The four sources of the 2026 plan (part III): state budget, firms' capital, international aid, other lawful sources. */
public enum Source {
	STATE_BUDGET("Ngân sách nhà nước"), ENTERPRISE("Vốn doanh nghiệp"), INTERNATIONAL("Tài trợ quốc tế"),
	OTHER("Nguồn huy động hợp pháp khác");

	private final String label;

	Source(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** By name ({@code STATE_BUDGET}) or by its Vietnamese label, with or without accents; null when unknown. */
	public static Source find(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String t = typed.strip();
		for (Source s : values()) {
			if (s.name().equalsIgnoreCase(t) || VnText.fold(s.label).equals(VnText.fold(t))) {
				return s;
			}
		}
		String f = VnText.fold(t).toLowerCase(Locale.ROOT);
		if (f.contains("ngan sach")) {
			return STATE_BUDGET;
		}
		if (f.contains("doanh nghiep")) {
			return ENTERPRISE;
		}
		if (f.contains("quoc te") || f.contains("oda") || f.contains("vien tro")) {
			return INTERNATIONAL;
		}
		if (f.contains("khac") || f.contains("huy dong")) {
			return OTHER;
		}
		return null;
	}
}
