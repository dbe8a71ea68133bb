package vn.nq57.funding;

import java.util.Locale;

import vn.nq57.kernel.VnText;

/**
 * The budget categories the province uses. The 3% share counts every category (state budget); the 15% share counts
 * {@link #SCIENCE_RESEARCH} against the science budget.
 */
public enum Category {
	SCIENCE_RESEARCH("Chi sự nghiệp KH&CN – nghiên cứu, chuyển giao, ứng dụng"),
	SCIENCE_OTHER("Chi sự nghiệp KH&CN – nhiệm vụ khác"),
	INVESTMENT("Chi đầu tư phát triển"),
	DIGITAL("Chi chuyển đổi số");

	private final String label;

	Category(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Category find(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String t = typed.strip();
		for (Category c : values()) {
			if (c.name().equalsIgnoreCase(t) || VnText.fold(c.label).equals(VnText.fold(t))) {
				return c;
			}
		}
		String f = VnText.fold(t).toLowerCase(Locale.ROOT);
		if (f.contains("chuyen doi so")) {
			return DIGITAL;
		}
		if (f.contains("dau tu")) {
			return INVESTMENT;
		}
		if (f.contains("nghien cuu") || f.contains("ung dung") || f.contains("chuyen giao")) {
			return SCIENCE_RESEARCH;
		}
		if (f.contains("su nghiep") || f.contains("kh&cn") || f.contains("khcn")) {
			return SCIENCE_OTHER;
		}
		return null;
	}
}
