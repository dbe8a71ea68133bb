package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.nq57.intake.TestDocs.LEFT;
import static vn.nq57.intake.TestDocs.UP;
import static vn.nq57.intake.TestDocs.row;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The layouts real appendices come in, built with POI, read into rows (no database needed). */
class AppendixLayoutTest {

	static AppendixReader.Appendix read(byte[] data, String name) {
		OfficeFiles.Format f = OfficeFiles.detect(data, name);
		return AppendixReader.read(f == OfficeFiles.Format.DOCX ? OfficeFiles.docxTables(data, name)
				: OfficeFiles.sheets(data, f, name), name);
	}

	static List<DraftRow> tasks(AppendixReader.Appendix a) {
		return a.rows().stream().filter(r -> !r.group()).toList();
	}

	@Test
	@DisplayName("the task table is found after pages of prose and another table, by its header row")
	void tableAfterProseAndAnotherTable() {
		byte[] doc = TestDocs.docx(List.of("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU",
				"Tổ chức triển khai đồng bộ, quyết liệt..."), List.of(
						List.of(row("Nơi nhận:", "KT. CHỦ TỊCH"), row("- Như trên;", "PHÓ CHỦ TỊCH")),
						List.of(TestDocs.standardHeader(), TestDocs.group("I", "Nhóm thứ nhất", 7),
								row("1", "Nhiệm vụ A", "Giám đốc Sở Tài chính", "Sở Tài chính", "Sở Nội vụ", "Kế hoạch",
										"Quý III/2026"))));
		AppendixReader.Appendix a = read(doc, "ke-hoach.docx");
		assertThat(a.tableName()).isEqualTo("Bảng 2");
		assertThat(a.taskCount()).isEqualTo(1);
		assertThat(tasks(a).get(0).title()).isEqualTo("Nhiệm vụ A");
		assertThat(tasks(a).get(0).groupCode()).isEqualTo("I");
	}

	@Test
	@DisplayName("column titles in other words and another order: TT, Nội dung, Đơn vị chủ trì, Thời hạn, Sản phẩm…")
	void variantTitlesInAnotherOrder() {
		byte[] doc = TestDocs.xlsx(List.of(List.of(
				row("TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Đơn vị phối hợp", "Sản phẩm",
						"Lãnh đạo chịu trách nhiệm", "Ghi chú"),
				row("1", "Nhiệm vụ B", "Sở Nội vụ", "Tháng 9/2026", "Sở Tư pháp", "Đề án", "Giám đốc Sở Nội vụ", "x"))));
		DraftRow r = tasks(read(doc, "b.xlsx")).get(0);
		assertThat(r.stt()).isEqualTo("1");
		assertThat(r.title()).isEqualTo("Nhiệm vụ B");
		assertThat(r.leads()).isEqualTo("Sở Nội vụ");
		assertThat(r.deadline()).isEqualTo("Tháng 9/2026");
		assertThat(r.coordinators()).isEqualTo("Sở Tư pháp");
		assertThat(r.expectedOutput()).isEqualTo("Đề án");
		assertThat(r.accountableHead()).isEqualTo("Giám đốc Sở Nội vụ");
	}

	@Test
	@DisplayName("a two-row header (Cơ quan thực hiện › Chủ trì | Phối hợp) and a row of column numbers")
	void twoRowHeaderAndNumbering() {
		byte[] doc = TestDocs.docx(List.of(), List.of(List.of(
				row("STT", "Nhiệm vụ, giải pháp", "Cơ quan thực hiện", LEFT, "Thời gian hoàn thành", "Kết quả"),
				row("", "", "Chủ trì", "Phối hợp", "", ""),
				row("(1)", "(2)", "(3)", "(4)", "(5)", "(6)"),
				row("1", "Nhiệm vụ C", "Sở Y tế", "Sở Tài chính", "Năm 2026", "Báo cáo"))));
		AppendixReader.Appendix a = read(doc, "c.docx");
		assertThat(a.taskCount()).isEqualTo(1);
		DraftRow r = tasks(a).get(0);
		assertThat(r.leads()).isEqualTo("Sở Y tế");
		assertThat(r.coordinators()).isEqualTo("Sở Tài chính");
		assertThat(r.deadline()).isEqualTo("Năm 2026");
	}

	@Test
	@DisplayName("group rows merged across or written \"II. Title\" in one cell; rows without STT stay in their group")
	void groupRowsAndRowsWithoutStt() {
		byte[] doc = TestDocs.docx(List.of(), List.of(List.of(TestDocs.standardHeader(),
				TestDocs.group("I", "Nhóm một", 7),
				row("1", "Việc 1", "Giám đốc Sở Y tế", "Sở Y tế", "", "Báo cáo", "Năm 2026"),
				row("", "Việc không số", "Giám đốc Sở Y tế", "Sở Y tế", "", "Báo cáo", "Năm 2026"),
				row("II. Nhóm hai", LEFT, LEFT, LEFT, LEFT, LEFT, LEFT),
				row("1.", "Việc 2", "Giám đốc Sở Tư pháp", "Sở Tư pháp", "", "Đề án", "Quý IV/2026"))));
		AppendixReader.Appendix a = read(doc, "d.docx");
		assertThat(a.groupCount()).isEqualTo(2);
		assertThat(a.rows()).filteredOn(DraftRow::group).extracting(DraftRow::groupCode, DraftRow::groupTitle)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("I", "Nhóm một"),
					org.assertj.core.groups.Tuple.tuple("II", "Nhóm hai"));
		List<DraftRow> t = tasks(a);
		assertThat(t).extracting(DraftRow::stt).containsExactly("1", null, "1");
		assertThat(t).extracting(DraftRow::groupCode).containsExactly("I", "I", "II");
	}

	@Test
	@DisplayName("several lines in a cell, agencies on separate lines, a cell merged down over two rows, empty cells")
	void multiLineAndMergedDown() {
		byte[] doc = TestDocs.docx(List.of(), List.of(List.of(TestDocs.standardHeader(),
				row("1", "Dòng đầu\nDòng hai", "Giám đốc Sở Y tế", "Sở Y tế\nSở Tài chính", "", "", "Năm 2026"),
				row("2", "Việc khác", "Giám đốc Sở Y tế", UP, "", "", UP))));
		List<DraftRow> t = tasks(read(doc, "e.docx"));
		assertThat(t.get(0).title()).isEqualTo("Dòng đầu\nDòng hai");
		assertThat(t.get(0).leads()).isEqualTo("Sở Y tế\nSở Tài chính");
		assertThat(t.get(0).coordinators()).isNull();
		assertThat(t.get(1).leads()).isEqualTo("Sở Y tế\nSở Tài chính");
		assertThat(t.get(1).deadline()).isEqualTo("Năm 2026");
	}

	@Test
	@DisplayName("Excel: header below title rows, numbers as STT, merged group rows and cells merged down, hidden sheet skipped")
	void excelLayout() {
		List<List<String>> hiddenSheet = List.of(TestDocs.standardHeader(),
				row("1", "Không được đọc", "x", "Sở Y tế", "", "", "Năm 2026"));
		List<List<String>> sheet = List.of(row("PHỤ LỤC"), row("Danh mục nhiệm vụ năm 2026"), row(""),
				TestDocs.standardHeader(), TestDocs.group("I", "Nhóm một", 7),
				row("1", "Việc X", "Giám đốc Sở Y tế", "Sở Y tế", "Sở Tài chính", "Báo cáo", "Quý II/2026"),
				row("2", "Việc Y", "Giám đốc Sở Y tế", UP, "", "Đề án", "Quý III/2026"));
		AppendixReader.Appendix a = read(TestDocs.xlsx(List.of(hiddenSheet, sheet), true, false), "f.xlsx");
		assertThat(a.tableName()).contains("Trang 2");
		assertThat(a.caption()).contains("Danh mục nhiệm vụ năm 2026");
		List<DraftRow> t = tasks(a);
		assertThat(t).extracting(DraftRow::stt).containsExactly("1", "2");
		assertThat(t.get(1).leads()).isEqualTo("Sở Y tế");
		assertThat(t).extracting(DraftRow::title).doesNotContain("Không được đọc");
	}

	@Test
	@DisplayName("text in any Unicode normalisation is stored NFC")
	void nfc() {
		String nfd = Normalizer.normalize("Xây dựng cơ sở dữ liệu", Normalizer.Form.NFD);
		byte[] doc = TestDocs.xlsx(List.of(List.of(TestDocs.standardHeader(),
				row("1", nfd, "Giám đốc Sở Y tế", Normalizer.normalize("Sở Y tế", Normalizer.Form.NFD), "", "", "Năm 2026"))));
		DraftRow r = tasks(read(doc, "g.xlsx")).get(0);
		assertThat(r.title()).isEqualTo("Xây dựng cơ sở dữ liệu");
		assertThat(Normalizer.isNormalized(r.title(), Normalizer.Form.NFC)).isTrue();
		assertThat(Normalizer.isNormalized(r.leads(), Normalizer.Form.NFC)).isTrue();
	}

	@Test
	@DisplayName("a document without any task table is refused with a message saying what was looked for")
	void noTaskTable() {
		byte[] doc = TestDocs.docx(List.of("Chỉ có văn bản, không có bảng"),
				List.of(List.of(row("Nơi nhận:", "KT. CHỦ TỊCH"))));
		assertThatThrownBy(() -> read(doc, "h.docx")).isInstanceOf(IntakeException.class)
			.hasMessageContaining("Không tìm thấy bảng danh mục nhiệm vụ").hasMessageContaining("Tên nhiệm vụ");
	}

	@Test
	@DisplayName("a header with no task under it is refused")
	void headerOnly() {
		byte[] doc = TestDocs.xlsx(List.of(List.of(TestDocs.standardHeader())));
		assertThatThrownBy(() -> read(doc, "i.xlsx")).isInstanceOf(IntakeException.class)
			.hasMessageContaining("không có dòng nhiệm vụ nào");
	}
}
