package vn.nq57.intake;

import java.util.regex.Pattern;

/**
 * The columns of a plan appendix (DOMAIN.md), with the titles agencies actually give them. A header cell is
 * recognised by its accent-free form; the checks run in declaration order, so "Kết quả thực hiện nhiệm vụ" is
 * an output and "Cơ quan chủ trì thực hiện nhiệm vụ" a lead agency, not a task title.
 */
enum AppendixColumn {

	/** Columns an export adds (status, latest progress): read past, never taken for a plan column. */
	EXTRA("", "^tinh trang|moi nhat|lan cap nhat"),
	STT("STT", "^(?:stt|tt|so tt|so thu tu|thu tu)$"),
	HEAD("Người đứng đầu chịu trách nhiệm",
			"nguoi dung dau|nguoi chiu trach nhiem|lanh dao chiu trach nhiem|lanh dao phu trach|trach nhiem nguoi dung dau"),
	COORDINATORS("Cơ quan phối hợp", "phoi hop"),
	LEAD("Cơ quan chủ trì", "chu tri|(?:co quan|don vi)(?: \\p{L}+)* (?:thuc hien|chiu trach nhiem|duoc giao)|^(?:co quan|don vi)$"),
	OUTPUT("Kết quả", "ket qua|san pham|hinh thuc van ban"),
	DEADLINE("Thời gian hoàn thành", "thoi gian|thoi han|tien do|han hoan thanh|moc hoan thanh"),
	TITLE("Tên nhiệm vụ", "nhiem vu|noi dung|giai phap|cong viec|hoat dong|ten de an|ten chuong trinh"),
	NOTE("Ghi chú", "^ghi chu");

	final String title;

	private final Pattern pattern;

	AppendixColumn(String title, String regex) {
		this.title = title;
		this.pattern = Pattern.compile(regex);
	}

	/** The column a header cell names, or {@code null}. */
	static AppendixColumn of(String headerText) {
		String k = VnText.key(headerText);
		if (k.isEmpty() || k.length() > 80) {
			return null;
		}
		for (AppendixColumn c : values()) {
			if (c.pattern.matcher(k).find()) {
				return c;
			}
		}
		return null;
	}
}
