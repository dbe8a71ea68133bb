package vn.nq57.officialdoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.nq57.officialdoc.OfficialDocument.Align;
import vn.nq57.officialdoc.OfficialDocument.Appendix;
import vn.nq57.officialdoc.OfficialDocument.Column;
import vn.nq57.officialdoc.OfficialDocument.Paragraph;
import vn.nq57.officialdoc.OfficialDocument.Row;
import vn.nq57.officialdoc.OfficialDocument.Table;

class DocxWriterTest {

	static OfficialDocument report() {
		Table tasks = new Table(List.of(new Column("STT", 5, Align.CENTER), new Column("Tên nhiệm vụ", 45),
				new Column("Cơ quan chủ trì", 20), new Column("Tình trạng", 15, Align.CENTER)),
				List.of(Row.group("I. Nâng cao nhận thức, đột phá về đổi mới tư duy"),
						Row.of("1", "Xây dựng kênh truyền thông chuyên biệt", "Sở Văn hóa, Thể thao và Du lịch", "Thường xuyên"),
						Row.of("2", "Kế hoạch đào tạo kỹ năng số", "Sở Nội vụ", "Hoàn thành đúng hạn")));
		return OfficialDocument.builder()
			.issuer("UBND tỉnh Quảng Ngãi", "Sở Khoa học và Công nghệ")
			.number("125/BC-SKHCN")
			.placeAndDate("Quảng Ngãi", LocalDate.of(2026, 2, 5))
			.kind("Báo cáo", "Tình hình thực hiện Nghị quyết số 57-NQ/TW\ntháng 01/2026")
			.paragraph("Thực hiện Kế hoạch của UBND tỉnh, Sở Khoa học và Công nghệ báo cáo như sau:")
			.heading(1, "I. Kết quả thực hiện")
			.heading(2, "1. Kết quả chung")
			.paragraph("Tổng số 1.526 nhiệm vụ; đã hoàn thành 120 nhiệm vụ, trong đó đúng hạn 100, quá hạn 20.\n- Sở Tài chính: đã trình dự toán.")
			.heading(3, "a) Về kinh phí")
			.block(new Paragraph("(Số liệu tính đến ngày 31/01/2026)", true))
			.signature("KT. Giám đốc", "Phó Giám đốc", "Nguyễn Văn A")
			.recipients(List.of("UBND tỉnh (báo cáo);", "Ban Chỉ đạo tỉnh (báo cáo);", "Lưu: VT, KH&ĐMST."))
			.appendix(new Appendix("Phụ lục", "Danh mục nhiệm vụ và tình hình thực hiện",
					"(Kèm theo Báo cáo số 125/BC-SKHCN ngày 05/02/2026 của Sở Khoa học và Công nghệ)", true,
					List.of(tasks)))
			.build();
	}

	@Test
	@DisplayName("a report with a landscape appendix follows every layout rule of Decree 30 when opened again")
	void reportLayout() {
		byte[] docx = DocxWriter.write(report());
		XWPFDocument doc = Decree30Check.assertOfficialLayout(docx, "Sở Khoa học và Công nghệ", "Báo cáo");
		var sections = Decree30Check.sections(doc);
		assertThat(sections).hasSize(2);
		assertThat(Decree30Check.isLandscape(sections.get(0))).isFalse();
		assertThat(Decree30Check.isLandscape(sections.get(1))).as("appendix landscape").isTrue();

		String text = Decree30Check.text(doc);
		assertThat(text).contains("UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số: 125/BC-SKHCN",
				"Quảng Ngãi, ngày 05 tháng 02 năm 2026", "BÁO CÁO", "Tình hình thực hiện Nghị quyết số 57-NQ/TW",
				"tháng 01/2026", "I. KẾT QUẢ THỰC HIỆN", "1. Kết quả chung", "- Sở Tài chính: đã trình dự toán.",
				"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A", "- Lưu: VT, KH&ĐMST.", "DANH MỤC NHIỆM VỤ");
		// the heading block sits above the title, the appendix after the signature
		assertThat(text.indexOf("BÁO CÁO")).isGreaterThan(text.indexOf("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
		assertThat(text.indexOf("Phụ lục")).isGreaterThan(text.indexOf("Nguyễn Văn A"));

		XWPFTable appendixTable = doc.getTables().get(doc.getTables().size() - 1);
		assertThat(appendixTable.getRow(0).isRepeatHeader()).as("header row repeated on each page").isTrue();
		assertThat(appendixTable.getRow(1).getTableCells()).as("group row spans the table").hasSize(1);
		assertThat(appendixTable.getRow(1).getCell(0).getCTTc().getTcPr().getGridSpan().getVal())
			.isEqualTo(BigInteger.valueOf(4));
		assertThat(appendixTable.getRow(2).getCell(1).getText()).isEqualTo("Xây dựng kênh truyền thông chuyên biệt");
	}

	@Test
	@DisplayName("a letter (công văn) has no kind name: 'V/v …' under the number, 'Kính gửi' opens it")
	void letterLayout() {
		OfficialDocument letter = OfficialDocument.builder()
			.issuer("UBND tỉnh Quảng Ngãi", "Sở Khoa học và Công nghệ")
			.number("     /SKHCN-KH&ĐMST")
			.placeAndDate("Quảng Ngãi", LocalDate.of(2026, 11, 22))
			.letter("đôn đốc gửi báo cáo định kỳ", List.of("Sở Tài chính", "UBND đặc khu Lý Sơn"))
			.paragraph("Sở Khoa học và Công nghệ đề nghị các cơ quan gửi báo cáo tháng 10/2026.")
			.signature("KT. Giám đốc", "Phó Giám đốc", "Nguyễn Văn A")
			.recipients(List.of("Như trên;", "Lưu: VT."))
			.build();
		XWPFDocument doc = Decree30Check.assertOfficialLayout(DocxWriter.write(letter), "Sở Khoa học và Công nghệ", null);
		assertThat(Decree30Check.sections(doc)).hasSize(1);
		XWPFTable head = doc.getTables().get(0);
		assertThat(head.getRow(1).getCell(0).getText()).contains("V/v đôn đốc gửi báo cáo định kỳ");
		assertThat(Decree30Check.text(doc)).contains("Kính gửi:", "- Sở Tài chính;", "- UBND đặc khu Lý Sơn;",
				"Quảng Ngãi, ngày 22 tháng 11 năm 2026");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-02-05 | Quảng Ngãi, ngày 05 tháng 02 năm 2026
			2026-01-31 | Quảng Ngãi, ngày 31 tháng 01 năm 2026
			2026-03-09 | Quảng Ngãi, ngày 09 tháng 3 năm 2026
			2026-11-22 | Quảng Ngãi, ngày 22 tháng 11 năm 2026
			2026-12-10 | Quảng Ngãi, ngày 10 tháng 12 năm 2026
			""")
	@DisplayName("days below 10 and the months 1 and 2 take a leading zero")
	void dateLine(LocalDate day, String expected) {
		assertThat(Decree30.placeAndDate("Quảng Ngãi", day)).isEqualTo(expected);
		assertThat(expected).matches(Decree30Check.DATE_LINE);
	}

	@Test
	void aDraftWithoutDateLeavesBlanks() {
		assertThat(Decree30.placeAndDate("Quảng Ngãi", null)).startsWith("Quảng Ngãi, ngày ").contains("tháng")
			.contains("năm");
	}

	@Test
	void requiredPartsAreChecked() {
		assertThatThrownBy(() -> OfficialDocument.builder().placeAndDate("Quảng Ngãi", null).kind("Báo cáo", "x").build())
			.hasMessageContaining("cơ quan ban hành");
		assertThatThrownBy(() -> OfficialDocument.builder().issuer(null, "Sở KH&CN").placeAndDate("Quảng Ngãi", null)
			.kind("Báo cáo", " ").build()).hasMessageContaining("trích yếu");
		assertThatThrownBy(() -> new Table(List.of(new Column("A", 1), new Column("B", 1)), List.of(Row.of("only one"))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	@DisplayName("running text takes its layout from the body style: Times New Roman 14, justified, first-line indent, 6 pt after")
	void bodyStyle() {
		try (XWPFDocument doc = Decree30Check.open(DocxWriter.write(report()))) {
			var body = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("Tổng số 1.526 nhiệm vụ")).findFirst().orElseThrow();
			assertThat(body.getStyleID()).isEqualTo(DocxWriter.BODY);
			assertThat(Decree30Check.font(doc, body, body.getRuns().get(0))).isEqualTo("Times New Roman");
			assertThat(Decree30Check.size(doc, body, body.getRuns().get(0))).isEqualTo(14.0);
			assertThat(Decree30Check.alignment(doc, body)).isEqualTo(org.apache.poi.xwpf.usermodel.ParagraphAlignment.BOTH);
			var heading = doc.getParagraphs().stream().filter(p -> p.getText().equals("I. KẾT QUẢ THỰC HIỆN")).findFirst().orElseThrow();
			assertThat(Decree30Check.bold(doc, heading, heading.getRuns().get(0))).as("headings bold").isTrue();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	@DisplayName("the layout check itself fails on a document with wrong margins or a number on page 1")
	void checkerCatchesViolations() throws Exception {
		byte[] good = DocxWriter.write(report());
		try (XWPFDocument doc = Decree30Check.open(good)) {
			var s = Decree30Check.sections(doc).get(0);
			s.getPgMar().setLeft(BigInteger.valueOf(Decree30.mm(20)));
			var out = new java.io.ByteArrayOutputStream();
			doc.write(out);
			assertThatThrownBy(() -> Decree30Check.assertOfficialLayout(out.toByteArray(), "Sở Khoa học và Công nghệ", "Báo cáo"))
				.isInstanceOf(AssertionError.class).hasMessageContaining("left margin");
		}
		try (XWPFDocument doc = Decree30Check.open(good)) {
			// Arial in the body style: every paragraph of running text is in the wrong font
			doc.getStyles().getStyle(DocxWriter.BODY).getCTStyle().getRPr().getRFontsArray(0).setAscii("Arial");
			var out = new java.io.ByteArrayOutputStream();
			doc.write(out);
			assertThatThrownBy(() -> Decree30Check.assertOfficialLayout(out.toByteArray(), "Sở Khoa học và Công nghệ", "Báo cáo"))
				.isInstanceOf(AssertionError.class).hasMessageContaining("font of");
		}
		try (XWPFDocument doc = Decree30Check.open(good)) {
			Decree30Check.sections(doc).get(0).unsetTitlePg();
			var out = new java.io.ByteArrayOutputStream();
			doc.write(out);
			assertThatThrownBy(() -> Decree30Check.assertOfficialLayout(out.toByteArray(), "Sở Khoa học và Công nghệ", "Báo cáo"))
				.isInstanceOf(AssertionError.class).hasMessageContaining("first page");
		}
	}
}
