package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.intake.TestDocs.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nq57.IntegrationTest;
import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.intake.Preview.Row;
import vn.nq57.task.Task;

/**
 * An appendix built for the purpose, one row per defect, through the same dry run the API offers: each
 * finding code appears on the row that has the defect, with its severity, and a clean row has none.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingCodesTest {

	@Autowired IntakeService intake;
	@Autowired RunAs runAs;
	@Autowired TestTasks testTasks;

	Task existing;

	Map<String, Row> rows;

	Preview preview;

	@BeforeAll
	void dryRun() {
		existing = testTasks.create("Số hóa toàn bộ hồ sơ lưu trữ lịch sử của các cơ quan chuyên môn cấp tỉnh giai đoạn đầu",
				"Năm 2026", "SNV");
		List<List<String>> sheet = new ArrayList<>();
		sheet.add(TestDocs.standardHeader());
		sheet.add(TestDocs.group("I", "Nhóm kiểm tra phát hiện", 7));
		sheet.add(row("1", "Xây dựng bộ tiêu chí đánh giá mức độ sẵn sàng chuyển đổi số của bệnh viện tuyến tỉnh",
				"Giám đốc Sở Y tế", "Sở Y tế", "Sở Tài chính", "Bộ tiêu chí", "Quý III/2026"));
		sheet.add(row("", "Rà soát thủ tục đăng ký khai sinh trực tuyến liên thông toàn trình", "Giám đốc Sở Tư pháp",
				"Sở Tư pháp", "Công an tỉnh", "Báo cáo", "Tháng 10/2026"));
		sheet.add(row("3", "", "Giám đốc Sở Y tế", "Sở Y tế", "", "Báo cáo", "Năm 2026"));
		sheet.add(row("4", "Tổ chức hội thảo khoa học về y học cổ truyền và dược liệu vùng núi", "", "Sở Y tế",
				"Trường Đại học Phạm Văn Đồng", "Kỷ yếu", "Quý IV/2026"));
		sheet.add(row("5", "Xây dựng cẩm nang hướng dẫn nghiệp vụ lưu trữ điện tử cho cấp xã", "Giám đốc Sở Nội vụ", "",
				"", "Cẩm nang", "Quý IV/2026"));
		sheet.add(row("6", "Tập huấn kỹ năng an toàn thông tin cho cán bộ văn thư các phường", "Giám đốc Sở Nội vụ",
				"Sở Nội vụ", "Công an tỉnh", "", "Tháng 11/2026"));
		sheet.add(row("7", "Đánh giá hiệu quả mô hình thư viện số tại các trường trung học phổ thông",
				"Giám đốc Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch", "Báo cáo", ""));
		sheet.add(row("8", "Xây dựng bản đồ số các điểm du lịch cộng đồng ven biển", "Giám đốc Sở Văn hóa, Thể thao và Du lịch",
				"Sở Văn hóa, Thể thao và Du lịch", "", "Bản đồ số", "Quý V/2026"));
		sheet.add(row("9", "Thử nghiệm truyền hình tương tác trên nền tảng số", "Giám đốc Sở Du hành Vũ trụ",
				"Sở Du hành Vũ trụ", "Viện Hàn lâm Tương lai; Sở Tài chính", "Báo cáo", "Năm 2026"));
		sheet.add(row("10", "Triển khai nền tảng quản lý đô thị thông minh thí điểm tại các phường trung tâm tỉnh",
				"Giám đốc Sở Xây dựng", "Sở Xây dựng", "", "Nền tảng", "Năm 2026"));
		sheet.add(row("11", "Triển khai thí điểm nền tảng quản lý đô thị thông minh tại các phường trung tâm của tỉnh",
				"Giám đốc Sở Xây dựng", "Sở Xây dựng", "", "Nền tảng", "Năm 2026"));
		sheet.add(row("12", existing.getTitle(), "Giám đốc Sở Nội vụ", "Sở Nội vụ", "", "Hồ sơ số", "Năm 2026"));
		sheet.add(row("13", "Học tập mô hình trung tâm dữ liệu của tỉnh Bình Dương và TP.HCM, áp dụng cho tỉnh Kon Tum cũ",
				"Giám đốc Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", "", "Báo cáo", "Năm 2026"));
		sheet.add(row("14", "Xây dựng các các chỉ tiêu thống kê về kinh tế số", "Giam đốc Sở Tài chính", "Sở Tài chinh",
				"Sở Tư phapp", "Bộ chỉ tiêu", "Năm 2026"));
		sheet.add(row("15", "Ban hành quy chế phối hợp quản lý cụm công nghiệp", "Giám đốc Sở Y tế", "Sở Công Thương", "",
				"Quy chế", "Năm 2026"));
		sheet.add(row("16", "<script>alert(1)</script> Cập nhật cổng thông tin", "Giám đốc Sở Y tế", "Sở Y tế", "",
				"Cổng thông tin", "Năm 2026"));
		sheet.add(row("17", "Biên soạn tài liệu tập huấn chuyển đổi số", "Giám đốc Sở Y tế " + "rất dài ".repeat(50),
				"Sở Y tế", "", "Tài liệu", "Năm 2026"));
		byte[] xlsx = TestDocs.xlsx(List.of(sheet));
		preview = runAs.user("cb.stc", () -> intake.dryRunAppendix("phat-hien.xlsx", xlsx, null));
		rows = preview.rows().stream().filter(r -> !r.draft().group())
			.collect(Collectors.toMap(r -> r.draft().stt() == null ? "?" : r.draft().stt(), r -> r));
	}

	private List<FindingCode> codes(String stt) {
		return rows.get(stt).findings().stream().map(Finding::code).toList();
	}

	private Finding first(String stt, FindingCode code) {
		return rows.get(stt).findings().stream().filter(f -> f.code() == code).findFirst().orElseThrow(
				() -> new AssertionError("row " + stt + " has no " + code + ": " + rows.get(stt).findings()));
	}

	@Test
	@DisplayName("a complete, correct row has no finding at all")
	void cleanRow() {
		assertThat(rows.get("1").findings()).isEmpty();
	}

	@Test
	@DisplayName("missing STT, title, head, lead, coordinating body, output and deadline each have their code")
	void missingFields() {
		assertThat(codes("?")).contains(FindingCode.MISSING_STT);
		assertThat(codes("3")).contains(FindingCode.MISSING_TITLE);
		assertThat(first("3", FindingCode.MISSING_TITLE).severity()).isEqualTo(Severity.ERROR);
		assertThat(codes("4")).containsExactly(FindingCode.MISSING_HEAD);
		assertThat(codes("5")).containsExactlyInAnyOrder(FindingCode.MISSING_LEAD, FindingCode.MISSING_COORDINATOR);
		assertThat(first("5", FindingCode.MISSING_LEAD).severity()).isEqualTo(Severity.ERROR);
		assertThat(first("5", FindingCode.MISSING_COORDINATOR).severity()).isEqualTo(Severity.INFO);
		assertThat(codes("6")).containsExactly(FindingCode.MISSING_OUTPUT);
		assertThat(codes("7")).containsExactly(FindingCode.MISSING_DEADLINE);
		assertThat(first("7", FindingCode.MISSING_DEADLINE).severity()).isEqualTo(Severity.WARNING);
	}

	@Test
	@DisplayName("an unreadable deadline is an error that names the problem")
	void unparsedDeadline() {
		Finding f = first("8", FindingCode.UNPARSED_DEADLINE);
		assertThat(f.severity()).isEqualTo(Severity.ERROR);
		assertThat(f.message()).contains("Quý V/2026");
		assertThat(rows.get("8").deadline().kind()).isEqualTo("UNPARSED");
	}

	@Test
	@DisplayName("names outside the registry: an error for the lead, a warning for a coordinating body, each listed once to map")
	void unknownAgencies() {
		List<Finding> unknown = rows.get("9").findings().stream().filter(f -> f.code() == FindingCode.UNKNOWN_AGENCY).toList();
		assertThat(unknown).extracting(Finding::field, Finding::severity).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple("leads", Severity.ERROR),
				org.assertj.core.groups.Tuple.tuple("coordinators", Severity.WARNING));
		assertThat(rows.get("9").coordinators()).extracting(Preview.AgencyView::agencyId)
			.containsExactly(null, testTasks.agency("STC"));
		assertThat(preview.unknownNames()).extracting(Preview.UnknownName::text, Preview.UnknownName::lead)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Sở Du hành Vũ trụ", true),
					org.assertj.core.groups.Tuple.tuple("Viện Hàn lâm Tương lai", false));
		assertThat(preview.summary().committable()).isFalse();
	}

	@Test
	@DisplayName("the same task in other words, within the file and against a task already in the system")
	void nearDuplicates() {
		assertThat(first("10", FindingCode.NEAR_DUPLICATE).otherRow()).isEqualTo(rows.get("11").number());
		assertThat(first("11", FindingCode.NEAR_DUPLICATE).otherRow()).isEqualTo(rows.get("10").number());
		Finding inSystem = first("12", FindingCode.NEAR_DUPLICATE);
		assertThat(inSystem.otherTaskId()).isEqualTo(existing.getId());
		assertThat(inSystem.message()).contains("#" + existing.getId());
		assertThat(rows.get("1").findings()).noneMatch(f -> f.code() == FindingCode.NEAR_DUPLICATE);
	}

	@Test
	@DisplayName("another province, before or after the 2025 merger, but not the home province or one merged into it")
	void foreignPlaces() {
		List<String> messages = rows.get("13").findings().stream().filter(f -> f.code() == FindingCode.FOREIGN_PLACE)
			.map(Finding::message).toList();
		assertThat(messages).hasSize(2);
		assertThat(messages).anyMatch(m -> m.contains("Bình Dương") && m.contains("từ năm 2025 thuộc thành phố Hồ Chí Minh"));
		assertThat(messages).anyMatch(m -> m.contains("TP.HCM"));
		assertThat(messages).noneMatch(m -> m.contains("Kon Tum"));
	}

	@Test
	@DisplayName("typos: a doubled word, a misspelt title, a wrong accent and a letter too many in agency names")
	void typos() {
		List<String> typos = rows.get("14").findings().stream().filter(f -> f.code() == FindingCode.TYPO)
			.map(Finding::message).toList();
		assertThat(typos).anyMatch(m -> m.contains("các các"));
		assertThat(typos).anyMatch(m -> m.contains("Giam đốc") && m.contains("Giám đốc"));
		assertThat(typos).anyMatch(m -> m.contains("Sở Tài chinh") && m.contains("Sở Tài chính"));
		assertThat(typos).anyMatch(m -> m.contains("Sở Tư phapp") && m.contains("Sở Tư pháp"));
		// still understood
		assertThat(rows.get("14").leads()).extracting(Preview.AgencyView::agencyId).containsExactly(testTasks.agency("STC"));
		assertThat(rows.get("14").coordinators()).extracting(Preview.AgencyView::agencyId)
			.containsExactly(testTasks.agency("STP"));
	}

	@Test
	@DisplayName("the head's title belongs to another agency than the lead")
	void headLeadMismatch() {
		Finding f = first("15", FindingCode.HEAD_LEAD_MISMATCH);
		assertThat(f.message()).contains("Sở Y tế").contains("Sở Công Thương");
		assertThat(rows.get("1").findings()).noneMatch(x -> x.code() == FindingCode.HEAD_LEAD_MISMATCH);
	}

	@Test
	@DisplayName("script in a text field and a text longer than its column are errors")
	void unsafeAndTooLong() {
		assertThat(first("16", FindingCode.UNSAFE_TEXT).message()).contains("không được chứa mã HTML");
		assertThat(first("16", FindingCode.UNSAFE_TEXT).severity()).isEqualTo(Severity.ERROR);
		assertThat(first("17", FindingCode.TOO_LONG).field()).isEqualTo("accountableHead");
	}

	@Test
	@DisplayName("the summary counts findings by code and severity")
	void summary() {
		Preview.Summary s = preview.summary();
		long errors = preview.rows().stream().flatMap(r -> r.findings().stream()).filter(f -> f.severity() == Severity.ERROR)
			.count();
		assertThat(s.errors()).isEqualTo(errors).isPositive();
		assertThat(s.byCode().get(FindingCode.NEAR_DUPLICATE)).isEqualTo(3);
		assertThat(s.tasks()).isEqualTo(17);
	}
}
