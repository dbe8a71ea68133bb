package vn.nq57.reporting;

import java.util.List;
import java.util.Locale;

import vn.nq57.kernel.VnText;

/**
 * The themes by which obstacles and proposals are grouped in the consolidated report. An item pre-filled from a
 * progress update gets the first theme whose words it contains (accents ignored); the officer corrects it.
 */
public enum ReportTheme {

	FUNDING("Về kinh phí, nguồn vốn", List.of("kinh phi", "ngan sach", "nguon von", "von dau tu", "du toan", "giai ngan",
			"phan bo", "tai chinh", "chi phi")),
	INSTITUTIONS("Về cơ chế, chính sách, văn bản hướng dẫn", List.of("co che", "chinh sach", "van ban", "huong dan",
			"quy dinh", "the che", "phap ly", "phap luat", "thong tu", "nghi dinh", "trung uong", "thu tuc")),
	PEOPLE("Về nhân lực", List.of("nhan luc", "can bo", "nhan su", "dao tao", "chuyen mon", "bien che", "cong chuc",
			"vien chuc", "chuyen gia")),
	INFRASTRUCTURE("Về hạ tầng, công nghệ, dữ liệu", List.of("ha tang", "phan mem", "he thong", "ket noi", "du lieu",
			"thiet bi", "duong truyen", "nen tang", "5g", "may chu", "an toan thong tin", "an ninh mang", "cong nghe")),
	COORDINATION("Về phối hợp, chỉ đạo, điều hành", List.of("phoi hop", "chi dao", "dieu hanh", "chậm", "thong nhat",
			"y kien", "doc thuc", "gui ho so")),
	OTHER("Các vấn đề khác", List.of());

	private final String label;
	private final List<String> words;

	ReportTheme(String label, List<String> words) {
		this.label = label;
		this.words = words;
	}

	public String label() {
		return label;
	}

	public static ReportTheme classify(String text) {
		if (text == null || text.isBlank()) {
			return OTHER;
		}
		// whole words only, accents ignored, except for words written with their accents: "chậm" is a delay,
		// "chăm sóc" is not
		String key = " " + VnText.fold(text).replaceAll("[^a-z0-9]+", " ") + " ";
		String accented = " " + VnText.nfc(text.toLowerCase(Locale.ROOT))
			.replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
		for (ReportTheme t : values()) {
			for (String w : t.words) {
				boolean plain = w.chars().allMatch(c -> c < 128);
				if ((plain ? key : accented).contains(" " + w + " ")) {
					return t;
				}
			}
		}
		return OTHER;
	}
}
