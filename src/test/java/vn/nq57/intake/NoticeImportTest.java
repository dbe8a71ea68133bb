package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.task.Task;
import vn.nq57.task.TaskService;

/**
 * Conclusion notices in prose (shared/context 000, 001, 002): one candidate per bullet or lettered item, the
 * agency each section addresses, deadlines written in the text; the candidates go through the same preview
 * and, once kept, cite the notice as their directive.
 */
@IntegrationTest
class NoticeImportTest {

	@Autowired IntakeService intake;
	@Autowired IntakeAnalyzer analyzer;
	@Autowired TaskService tasks;
	@Autowired RunAs runAs;
	@Autowired TestTasks testTasks;
	@Autowired JdbcTemplate jdbc;

	static String text(String name) throws IOException {
		try (InputStream in = NoticeImportTest.class.getResourceAsStream("/samples/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	NoticeParser.Result parse(String name) throws IOException {
		return NoticeParser.parse(NoticeParser.paragraphs(text(name)), analyzer.matcher());
	}

	static List<String> sources(NoticeParser.Result r) {
		return r.rows().stream().map(d -> d.source().replaceAll(" – .*", "")).toList();
	}

	@Test
	@DisplayName("notice of 08/4/2026: five sections each address an agency; one candidate per bullet; dates in the text")
	void notice001() throws IOException {
		NoticeParser.Result r = parse("thong-bao-001.txt");
		assertThat(r.date()).isEqualTo(LocalDate.of(2026, 4, 8));
		assertThat(r.title()).startsWith("Kết luận của Phó Chủ tịch UBND tỉnh Trần Phước Hiền tại phiên họp thường kỳ");
		assertThat(sources(r)).containsExactly("Mục 1, ý 1", "Mục 1, ý 2", "Mục 1, ý 3", "Mục 1, ý 4", "Mục 1, ý 5",
				"Mục 2, ý 1", "Mục 2, ý 2", "Mục 2, ý 3", "Mục 2, ý 4", "Mục 2, ý 5", "Mục 2, ý 6", "Mục 2, ý 7", "Mục 3",
				"Mục 4, ý 1", "Mục 4, ý 2", "Mục 5");
		assertThat(r.rows()).extracting(DraftRow::leads).containsExactly("Các sở, ban, ngành, địa phương",
				"Các sở, ban, ngành, địa phương", "Các sở, ban, ngành, địa phương", "Các sở, ban, ngành, địa phương",
				"Các sở, ban, ngành, địa phương", "Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ",
				"Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ",
				"Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ",
				"Ban Quản lý Khu Kinh tế Dung Quất và các KCN Quảng Ngãi", "Sở Văn hóa, Thể thao và Du lịch",
				"Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính");
		DraftRow funds = r.rows().get(5);
		assertThat(funds.deadline()).isEqualTo("trong ngày 10/4/2026");
		assertThat(funds.title()).startsWith("Khẩn trương rà soát các nội dung đề xuất phân khai kinh phí")
			.endsWith("theo quy định").doesNotContain("hoàn thành trong ngày");
		assertThat(r.rows().get(9).deadline()).isEqualTo("trước ngày 01/6/2026");
		assertThat(r.rows().get(6).deadline()).isEqualTo("Thường xuyên");
		// the footnotes are not tasks, and their marks are gone from the text
		assertThat(r.rows()).noneMatch(d -> d.title().startsWith("Theo Quyết định") || d.title().contains("¹"));
		// a section "3. Ban Quản lý …: Phối hợp với Sở KH&CN, các đơn vị có liên quan …" names who coordinates
		assertThat(r.rows().get(12).coordinators()).contains("Sở Khoa học và Công nghệ");
	}

	@Test
	@DisplayName("notice of 12/3/2026: the document's own short name (“Ban Quản lý”) addresses the tasks; assessment skipped")
	void notice000() throws IOException {
		NoticeParser.Result r = parse("thong-bao-000.txt");
		assertThat(r.date()).isEqualTo(LocalDate.of(2026, 3, 12));
		assertThat(sources(r)).containsExactly("Mục II.1", "Mục II.2.a", "Mục II.2.b", "Mục II.2.c", "Mục II.3",
				"Mục II.4.a", "Mục II.4.b", "Mục II.4.c", "Mục II.5.a", "Mục II.5.b", "Mục II.5.c", "Mục II.6.a",
				"Mục II.6.b");
		assertThat(r.rows()).extracting(DraftRow::leads).containsOnly("Ban Quản lý Khu Kinh tế Dung Quất và các KCN Quảng Ngãi");
		assertThat(r.rows().get(0).title()).startsWith("Khẩn trương xây dựng và ban hành kế hoạch");
		// a paragraph broken across pages is one candidate
		assertThat(r.rows().get(4).title()).contains("hàm lượng khoa học và công nghệ trong sản phẩm");
		assertThat(r.rows()).noneMatch(d -> d.title().contains("ghi nhận và đánh giá cao"));
	}

	@Test
	@DisplayName("notice of 28/01/2026: “yêu cầu ngành Khoa học và Công nghệ … sau:” addresses Sở KH&CN; a deadline inside a sentence")
	void notice002() throws IOException {
		NoticeParser.Result r = parse("thong-bao-002.txt");
		assertThat(r.date()).isEqualTo(LocalDate.of(2026, 1, 28));
		assertThat(r.rows()).hasSize(12);
		assertThat(r.rows()).extracting(DraftRow::leads).containsOnly("Sở Khoa học và Công nghệ");
		DraftRow fiveG = r.rows().stream().filter(d -> d.title().contains("5G")).findFirst().orElseThrow();
		assertThat(fiveG.deadline()).isEqualTo("trong năm 2026");
		assertThat(r.rows()).noneMatch(d -> d.title().startsWith("Kịp thời tham mưu, ban hành đầy đủ"));
	}

	@Test
	@DisplayName("pasted text or a Word file: candidates are previewed, edited or dropped, and cite the notice once written")
	void commitCitesTheNotice() throws IOException {
		String number = "TB-KT " + System.nanoTime();
		String notice = text("thong-bao-001.txt");
		long batch = runAs.user("sokhcn", () -> intake.startNotice(null, null, notice,
				IntakeSettings.notice(number, null, null)));
		IntakeService.Batch b = runAs.user("sokhcn", () -> intake.batch(batch));
		assertThat(b.settings().directiveDate()).isEqualTo(LocalDate.of(2026, 4, 8));
		assertThat(b.settings().directiveTitle()).startsWith("Kết luận của Phó Chủ tịch");
		Preview p = runAs.user("sokhcn", () -> intake.preview(b));
		assertThat(p.kind()).isEqualTo(IntakeKind.NOTICE);
		assertThat(p.summary().tasks()).isEqualTo(16);
		assertThat(p.rows()).noneMatch(r -> r.has(FindingCode.MISSING_STT) || r.has(FindingCode.MISSING_COORDINATOR));
		Preview.Row funds = p.rows().get(5);
		assertThat(funds.deadline().dueDate()).isEqualTo(LocalDate.of(2026, 4, 10));
		assertThat(funds.leads()).extracting(Preview.AgencyView::agencyId).containsExactly(testTasks.agency("SKHCN"));
		// keep the first two candidates of Sở KH&CN, edit one, drop the rest
		long version = b.version();
		for (Preview.Row r : p.rows()) {
			if (r.index() != 5 && r.index() != 6) {
				runAs.user("sokhcn", () -> intake.setDropped(batch, r.index(), true, intake.batch(batch).version()));
			}
		}
		runAs.user("sokhcn", () -> intake.editRow(batch, 6, new IntakeService.RowEdit(null, p.rows().get(6).draft().title(),
				"Giám đốc Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", null, "Báo cáo đôn đốc hằng tháng",
				"Thường xuyên"), intake.batch(batch).version()));
		IntakeService.CommitResult result = runAs.user("sokhcn",
				() -> intake.commit(batch, intake.batch(batch).version(), Set.of()));
		assertThat(version).isLessThan(runAs.user("sokhcn", () -> intake.batch(batch)).version());
		assertThat(result.created()).hasSize(2);
		Long directive = jdbc.queryForObject("SELECT id FROM directive WHERE number = ?", Long.class, number);
		assertThat(jdbc.queryForObject("SELECT kind FROM directive WHERE id = ?", String.class, directive))
			.isEqualTo("CONCLUSION_NOTICE");
		for (Long id : result.created()) {
			Task t = tasks.get(id);
			assertThat(t.getDirectiveId()).isEqualTo(directive);
			assertThat(t.getPlanId()).isNull();
		}
		assertThat(tasks.get(result.created().get(0)).getDueDate()).isEqualTo(LocalDate.of(2026, 4, 10));
		assertThat(tasks.get(result.created().get(1)).getExpectedOutput()).isEqualTo("Báo cáo đôn đốc hằng tháng");
	}

	@Test
	@DisplayName("a notice in Word, its lists numbered by Word itself, gives the same candidates")
	void wordNotice() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XWPFDocument doc = new XWPFDocument()) {
			for (String p : NoticeParser.paragraphs(text("thong-bao-001.txt"))) {
				doc.createParagraph().createRun().setText(p);
			}
			doc.write(out);
		}
		Preview p = runAs.user("cb.snv", () -> intake.dryRunNotice("tb.docx", out.toByteArray(), null));
		assertThat(p.summary().tasks()).isEqualTo(16);
	}

	@Test
	@DisplayName("text with no assignment in it, or a workbook instead of a notice, is refused with a message")
	void nothingToPropose() throws IOException {
		byte[] xlsx = SamplePlanImportTest.sample("mau-phu-luc-nhiem-vu.xlsx");
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> intake.dryRunNotice(null, null, "Kính gửi các đồng chí.")))
			.isInstanceOf(IntakeException.class).hasMessageContaining("Không tìm thấy nhiệm vụ nào");
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> intake.dryRunNotice(null, null, "  ")))
			.isInstanceOf(IntakeException.class).hasMessageContaining("Chưa có nội dung");
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> intake.dryRunNotice("tb.xlsx", xlsx, null)))
			.isInstanceOf(IntakeException.class).hasMessageContaining("Excel");
	}
}
