package vn.nq57.officialdoc;

import java.time.LocalDate;

/**
 * The layout rules of Decree 30/2020/NĐ-CP (Phụ lục I, "Thể thức, kỹ thuật trình bày văn bản hành chính") that
 * {@link DocxWriter} applies, in one place so that a reader (or a test) checks them against the decree.
 * Lengths in twentieths of a point (twips) as Word stores them; 1 mm = 56,7 twips; font sizes in points.
 */
public final class Decree30 {

	private Decree30() {
	}

	/** "Phông chữ tiếng Việt Times New Roman, bộ mã Unicode (TCVN 6909:2001), màu đen." */
	public static final String FONT = "Times New Roman";

	/** A4: 210 × 297 mm. */
	public static final int A4_SHORT = 11906;
	public static final int A4_LONG = 16838;

	/** Margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. We take the lower bound of each. */
	public static final int MARGIN_TOP = mm(20);
	public static final int MARGIN_BOTTOM = mm(20);
	public static final int MARGIN_LEFT = mm(30);
	public static final int MARGIN_RIGHT = mm(15);
	/** Distance of the page-number header from the page edge, inside the top margin. */
	public static final int HEADER_DISTANCE = mm(10);

	/** Quốc hiệu: capitals, bold, 12–13. */
	public static final int SIZE_NATIONAL_TITLE = 13;
	/** Tiêu ngữ: bold, 13–14, initial capitals, underlined along its own length. */
	public static final int SIZE_MOTTO = 14;
	/** Tên cơ quan ban hành (and cơ quan chủ quản): capitals, 12–13; the issuer's name bold. */
	public static final int SIZE_ISSUER = 13;
	/** Số, ký hiệu: 13. */
	public static final int SIZE_NUMBER = 13;
	/** Địa danh, ngày tháng năm: italic, 13–14. */
	public static final int SIZE_DATE = 14;
	/** Tên loại và trích yếu: bold, 13–14 (a letter's "V/v …" subject: 12–13). */
	public static final int SIZE_TITLE = 14;
	public static final int SIZE_LETTER_SUBJECT = 13;
	/** Nội dung: 13–14. */
	public static final int SIZE_BODY = 14;
	/** "Nơi nhận:" bold italic 12; the list 11. */
	public static final int SIZE_RECIPIENTS_LABEL = 12;
	public static final int SIZE_RECIPIENTS = 11;
	/** Chức vụ, họ tên người ký: bold, 13–14. */
	public static final int SIZE_SIGNATURE = 14;
	/** Page numbers: 13–14, centred in the top margin, not on the first page. */
	public static final int SIZE_PAGE_NUMBER = 14;
	/** Tables inside the text (not fixed by the decree; 12–13 is what offices print). */
	public static final int SIZE_TABLE = 12;

	/** First-line indent of a paragraph: 1–1,27 cm. */
	public static final int FIRST_LINE_INDENT = 720;
	/** Space between paragraphs: at least 6 pt. */
	public static final int PARAGRAPH_SPACING = 120;
	/** Line spacing from single (240) up to 1,5 lines (360); we use single. */
	public static final int LINE_SPACING = 240;

	public static int mm(double millimetres) {
		return (int) Math.round(millimetres * 1440 / 25.4);
	}

	/**
	 * "Quảng Ngãi, ngày 05 tháng 02 năm 2026": days below 10 and the months 1 and 2 take a leading zero (so that
	 * no one can add a digit in front); without a date the blanks are left for the clerk.
	 */
	public static String placeAndDate(String place, LocalDate date) {
		if (date == null) {
			return place + ", ngày      tháng      năm      ";
		}
		String day = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : String.valueOf(date.getDayOfMonth());
		String month = date.getMonthValue() <= 2 ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue());
		return place + ", ngày " + day + " tháng " + month + " năm " + date.getYear();
	}
}
