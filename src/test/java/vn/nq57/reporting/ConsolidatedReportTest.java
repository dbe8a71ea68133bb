package vn.nq57.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.officialdoc.Decree30Check;
import vn.nq57.overview.OverviewQueries;
import vn.nq57.reporting.ConsolidatedReportService.Consolidated;
import vn.nq57.reporting.ConsolidatedReportService.DocSection;
import vn.nq57.reporting.ConsolidatedReportService.Header;
import vn.nq57.reporting.PeriodicReportService.Edit;
import vn.nq57.reporting.PeriodicReportService.ItemInput;
import vn.nq57.task.Plan;
import vn.nq57.task.StatusCounts;
import vn.nq57.task.Task;
import vn.nq57.task.TaskStatus;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.kernel.VnFormat;
import vn.nq57.testdata.World;

/**
 * October 2026 under a regime of four departments: Sở Tài chính and Sở Nội vụ sent their reports (Sở Nội vụ
 * late), Sở KH&CN's was returned, the Ban Quản lý sent nothing. DoST generates the consolidated report on
 * 22/11/2026, edits it and releases it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolidatedReportTest {

	static final LocalDate TODAY = ReportingFixtures.TODAY;
	static final VnFormat FMT = new VnFormat();

	@Autowired ReportingFixtures fx;
	@Autowired PeriodicReportService reports;
	@Autowired ConsolidatedReportService consolidated;
	@Autowired RegimeService regimes;
	@Autowired OverviewQueries overview;
	@Autowired RunAs runAs;
	@Autowired AppClock clock;
	@Autowired JdbcTemplate jdbc;
	@Autowired World world;

	long regime;
	long periodId;

	@BeforeAll
	void reports() {
		tasks();
		regime = fx.monthlyRegime(LocalDate.of(2026, 10, 1), "STC", "SNV", "BQLKKT", "SKHCN");
		periodId = regimes.period(regime, "2026-10").id();
		send("STC", "cb.stc", "gd.stc", LocalDate.of(2026, 11, 6), "Sở Tài chính đã tham mưu bố trí dự toán 3% ngân sách.",
				"Nguồn kinh phí năm 2027 chưa được phân bổ.", "Đề nghị UBND tỉnh sớm phân bổ kinh phí năm 2027.");
		send("SNV", "cb.snv", "gd.snv", LocalDate.of(2026, 11, 12), "Sở Nội vụ đã ban hành kế hoạch đào tạo kỹ năng số.",
				"Chưa có hướng dẫn của Trung ương về chế độ đãi ngộ nhân tài.", null);
		long skhcn = send("SKHCN", "cb.skhcn", "gd.skhcn", LocalDate.of(2026, 11, 9), "Sở KH&CN vận hành Trung tâm IOC.", null, null);
		fx.as("sokhcn", LocalDate.of(2026, 11, 15), () -> reports.returnReport(skhcn, "Thiếu số liệu về IOC"));
	}

	/**
	 * The tasks the report is about, in a plan of the class's own: Sở Tài chính's overdue (so an agency is late with
	 * tasks), Sở KH&CN's completed on time, the Ban Quản lý's completed late, Sở Nội vụ's in progress in group IV.
	 */
	void tasks() {
		Plan plan = world.plan("Kế hoạch kiểm thử báo cáo tổng hợp " + World.seq()).groups("I", "II", "III", "IV").create();
		world.task("Tham mưu bố trí kinh phí thực hiện Nghị quyết 57 (kiểm thử)").in(plan, "I").stt("1").lead("STC")
			.due("30/6/2026").create();
		Task ioc = world.task("Nâng cấp Trung tâm IOC (kiểm thử)").in(plan, "I").stt("2").lead("SKHCN").due("10/4/2026").create();
		world.completed(world.assignment(ioc, "SKHCN"), LocalDate.of(2026, 4, 10));
		Task zones = world.task("Số hóa dữ liệu các khu công nghiệp (kiểm thử)").in(plan, "II").stt("1").lead("BQLKKT")
			.due("30/6/2026").create();
		world.completed(world.assignment(zones, "BQLKKT"), LocalDate.of(2026, 7, 15));
		Task people = world.task("Xây dựng đề án thu hút nhân lực (kiểm thử)").in(plan, "IV").stt("1").lead("SNV")
			.due("31/12/2026").create();
		world.progress(world.assignment(people, "SNV"), LocalDate.of(2026, 10, 20), 40, "Đã lấy ý kiến các sở, ngành.", null, null);
	}

	long send(String code, String officer, String head, LocalDate day, String groupText, String obstacle, String proposal) {
		long id = fx.reportId(regime, "2026-10", code);
		fx.as(officer, day, () -> reports.start(id));
		fx.as(officer, day, () -> {
			Edit all = fx.fillAll(id, "Đánh giá chung tháng 10 của " + code);
			Map<String, String> texts = new LinkedHashMap<>(all.sections());
			texts.replaceAll((k, v) -> k.startsWith(ReportContent.GROUP_PREFIX) ? groupText : v);
			reports.save(id, new Edit(texts, obstacle == null ? List.of() : List.of(new ItemInput(null, obstacle)),
					proposal == null ? List.of() : List.of(new ItemInput(null, proposal))), null);
		});
		fx.as(head, day, () -> reports.approve(id, null));
		fx.as(head, day, () -> reports.submit(id, null));
		return id;
	}

	Consolidated generate() {
		long id = runAs.user("sokhcn", () -> consolidated.generate(periodId));
		return runAs.user("sokhcn", () -> consolidated.get(id));
	}

	String text(Consolidated c) {
		StringBuilder s = new StringBuilder();
		c.sections().forEach(x -> s.append(x.heading() == null ? "" : x.heading()).append('\n').append(x.body()).append('\n'));
		return s.toString();
	}

	@Test
	@DisplayName("one click: figures in prose equal the overview's, agencies' words merged by group and attributed, obstacles by theme, late agencies named")
	void generatedText() {
		Consolidated c = generate();
		ConsolidatedData d = c.data();
		StatusCounts t = overview.summary(null, TODAY, TODAY, 7).totals();
		assertThat(d.statusCounts().total()).isEqualTo(t.total());
		String text = text(c);
		assertThat(text).contains("Tính đến ngày 22/11/2026, tổng số " + FMT.num(t.total()) + " nhiệm vụ; đã hoàn thành "
				+ FMT.num(t.completed()) + " nhiệm vụ, trong đó đúng hạn " + FMT.num(t.get(TaskStatus.COMPLETED_ON_TIME))
				+ ", quá hạn " + FMT.num(t.get(TaskStatus.COMPLETED_LATE)) + "; chưa hoàn thành " + FMT.num(t.notCompleted())
				+ " nhiệm vụ, trong đó trong hạn " + FMT.num(t.get(TaskStatus.IN_PROGRESS)) + ", quá hạn "
				+ FMT.num(t.get(TaskStatus.OVERDUE)));
		assertThat(text).contains("Tỷ lệ hoàn thành trên số nhiệm vụ đã đến hạn đạt " + FMT.pct(t.completionRateOverDue()));
		assertThat(text).contains("- Sở Tài chính: Sở Tài chính đã tham mưu bố trí dự toán 3% ngân sách.");
		assertThat(text).contains("- Sở Nội vụ: Sở Nội vụ đã ban hành kế hoạch đào tạo kỹ năng số.");
		assertThat(text).as("a returned report is not merged").doesNotContain("Sở KH&CN vận hành Trung tâm IOC.");
		// Sở Nội vụ's texts sit under its task groups (IV among them), Sở Tài chính's under its own
		DocSection groupIV = c.sections().stream().filter(s -> s.heading() != null && s.heading().contains("Nhóm nhiệm vụ IV:"))
			.findFirst().orElseThrow();
		// an agency's words sit under the groups in which it has tasks (the class's plan decides which those are)
		assertThat(groupIV.body()).contains("- Sở Nội vụ:");
		boolean financeInIV = Boolean.TRUE.equals(jdbc.queryForObject("""
				SELECT EXISTS (SELECT 1 FROM assignment a JOIN task t ON t.id = a.task_id JOIN task_group g ON g.id = t.group_id
				               JOIN agency ag ON ag.id = a.agency_id WHERE g.code = 'IV' AND ag.code = 'STC')""", Boolean.class));
		if (financeInIV) {
			assertThat(groupIV.body()).contains("- Sở Tài chính:");
		}
		else {
			assertThat(groupIV.body()).doesNotContain("- Sở Tài chính:");
		}
		assertThat(groupIV.body()).startsWith("Tổng số");
		DocSection obstacles = c.sections().stream().filter(s -> "II. Khó khăn, vướng mắc".equals(s.heading())).findFirst()
			.orElseThrow();
		assertThat(obstacles.body()).contains("Về kinh phí, nguồn vốn:\n- Sở Tài chính: Nguồn kinh phí năm 2027 chưa được phân bổ.")
			.contains("Về cơ chế, chính sách, văn bản hướng dẫn:\n- Sở Nội vụ: Chưa có hướng dẫn của Trung ương");
		assertThat(text).contains("Đề nghị UBND tỉnh sớm phân bổ kinh phí năm 2027.");
		// reporting: 4 owed, 2 received, 1 on time; who is late, returned, missing
		assertThat(d.reporting()).isEqualTo(new Completeness.Counts(4, 2, 1));
		assertThat(text).contains("Có 2/4 cơ quan, đơn vị phải báo cáo đã gửi báo cáo (đạt 50,00%), trong đó 1 đơn vị gửi đúng hạn (đạt 25,00%).")
			.contains("Gửi muộn (1 đơn vị): Sở Nội vụ.")
			.contains("Báo cáo bị trả lại, đang hoàn thiện (1 đơn vị): Sở Khoa học và Công nghệ.")
			.contains("Chưa gửi báo cáo (1 đơn vị): Ban Quản lý");
		assertThat(text).contains("Hạn gửi báo cáo tháng 10/2026: ngày 09/11/2026");
		// agencies late with tasks: the overview's worst first
		assertThat(d.lateWithTasks()).isNotEmpty();
		assertThat(d.lateWithTasks().get(0).overdue()).isGreaterThanOrEqualTo(d.lateWithTasks().get(d.lateWithTasks().size() - 1).overdue());
		assertThat(text).contains("cơ quan, đơn vị có nhiệm vụ chưa hoàn thành quá hạn");
		assertThat(d.appendix()).hasSize((int) Math.min(d.appendixTotal(), ConsolidatedCollector.APPENDIX_LIMIT));
		assertThat(c.header().subject()).contains("tháng 10/2026");
	}

	@Test
	@DisplayName("the Word file follows Decree 30 when opened again: heading block, title, page numbers from page 2, landscape appendix of tasks")
	void wordFile() throws Exception {
		Consolidated c = generate();
		byte[] docx = runAs.user("lanhdao", () -> consolidated.docx(c.id()));
		try (XWPFDocument doc = Decree30Check.assertOfficialLayout(docx, "Sở Khoa học và Công nghệ", "Báo cáo")) {
			String text = Decree30Check.text(doc);
			assertThat(text).contains("UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Số:      /BC-SKHCN",
					"BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "1. Kết quả chung", "II. KHÓ KHĂN, VƯỚNG MẮC",
					"- Sở Tài chính: Sở Tài chính đã tham mưu bố trí dự toán 3% ngân sách.", "KT. GIÁM ĐỐC", "Nơi nhận:",
					"Phụ lục I", "DANH MỤC NHIỆM VỤ VÀ TÌNH HÌNH THỰC HIỆN", "Phụ lục II");
			var sections = Decree30Check.sections(doc);
			assertThat(sections).hasSize(3);
			assertThat(Decree30Check.isLandscape(sections.get(1))).as("task appendix landscape").isTrue();
			XWPFTable tasks = doc.getTables().stream()
				.filter(t -> t.getRow(0).getCell(0).getText().equals("STT") && t.getRow(0).getTableCells().size() == 6)
				.findFirst().orElseThrow();
			assertThat(tasks.getRow(0).getCell(1).getText()).isEqualTo("Tên nhiệm vụ");
			long taskRows = tasks.getRows().stream().filter(r -> r.getTableCells().size() == 6).count() - 1;
			assertThat(taskRows).isEqualTo(c.data().appendix().size());
			String firstGroup = jdbc.queryForObject("""
					SELECT g.title FROM task_group g WHERE g.code = 'I' AND EXISTS (SELECT 1 FROM task t WHERE t.group_id = g.id)
					ORDER BY g.id LIMIT 1""", String.class);
			assertThat(text).contains(firstGroup);
		}
	}

	@Test
	@DisplayName("DoST edits the text; markup is refused; release needs a number and a signer, then the files are kept and nothing changes any more")
	void editAndRelease() throws Exception {
		Consolidated c = generate();
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> consolidated.generate(periodId))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("lanhdao", () -> consolidated.generate(periodId))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("cb.stc", () -> consolidated.get(c.id()))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> runAs.user("lanhdao", () -> consolidated.release(c.id(), null))).isInstanceOf(AccessDeniedException.class);

		List<DocSection> edited = new ArrayList<>(c.sections());
		int v = edited.size() - 2;
		edited.set(v, new DocSection(1, "V. Nhiệm vụ trọng tâm thời gian tới", "Tập trung hoàn thành các nhiệm vụ quá hạn trước ngày 31/12/2026."));
		List<DocSection> withScript = new ArrayList<>(edited);
		withScript.set(v, new DocSection(1, "V.", "<script>alert(1)</script>"));
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> consolidated.edit(c.id(), null, withScript, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("không được chứa mã HTML");
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> consolidated.release(c.id(), null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("số, ký hiệu");
		Header h = c.header();
		Header numbered = new Header("125/BC-SKHCN", TODAY, h.issuerParent(), h.issuer(), h.place(), h.subject(), h.recipients(),
				"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", null);
		runAs.user("sokhcn", () -> consolidated.edit(c.id(), numbered, edited, null));
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> consolidated.release(c.id(), null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("người ký");
		Header signed = new Header("125/BC-SKHCN", TODAY, h.issuerParent(), h.issuer(), h.place(), h.subject(), h.recipients(),
				"KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A");
		long version = runAs.user("sokhcn", () -> consolidated.get(c.id())).version();
		runAs.user("sokhcn", () -> consolidated.edit(c.id(), signed, edited, version));
		runAs.user("sokhcn", () -> consolidated.release(c.id(), null));

		Consolidated released = runAs.user("lanhdao", () -> consolidated.get(c.id()));
		assertThat(released.released()).isTrue();
		byte[] docx = runAs.user("lanhdao", () -> consolidated.docx(c.id()));
		try (XWPFDocument doc = Decree30Check.assertOfficialLayout(docx, "Sở Khoa học và Công nghệ", "Báo cáo")) {
			assertThat(Decree30Check.text(doc)).contains("Số: 125/BC-SKHCN", "Quảng Ngãi, ngày 22 tháng 11 năm 2026",
					"Tập trung hoàn thành các nhiệm vụ quá hạn trước ngày 31/12/2026.", "Nguyễn Văn A",
					"(Kèm theo Báo cáo số 125/BC-SKHCN ngày 22/11/2026 của Sở Khoa học và Công nghệ)");
		}
		assertThat(runAs.user("lanhdao", () -> consolidated.docx(c.id()))).as("the kept file, byte for byte").isEqualTo(docx);
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> consolidated.edit(c.id(), signed, edited, null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("đã phát hành");
		assertThatThrownBy(() -> jdbc.update("UPDATE consolidated_report SET number = 'x' WHERE id = ?", c.id()))
			.hasMessageContaining("released");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE entity_type = 'CONSOLIDATED_REPORT' AND entity_id = ?"
				+ " AND action IN ('CONSOLIDATED_GENERATED', 'CONSOLIDATED_EDITED', 'CONSOLIDATED_RELEASED')", Integer.class, c.id()))
			.isEqualTo(4);
	}

	@Test
	@DisplayName("the same tables in Excel: figures by group, tasks, reports, obstacles and proposals, late agencies, indicator values")
	void excelFile() throws Exception {
		Consolidated c = generate();
		byte[] xlsx = runAs.user("sokhcn", () -> consolidated.xlsx(c.id()));
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(6);
			assertThat(wb.getSheetName(5)).isEqualTo("Chỉ số");
			assertThat(wb.getSheetName(0)).isEqualTo("Tổng hợp");
			Sheet summary = wb.getSheet("Tổng hợp");
			Row total = null;
			for (Row r : summary) {
				if (r.getCell(0) != null && "Tổng cộng".equals(r.getCell(0).getStringCellValue())) {
					total = r;
				}
			}
			assertThat(total).isNotNull();
			assertThat((long) total.getCell(1).getNumericCellValue()).isEqualTo(c.data().statusCounts().total());
			Sheet tasks = wb.getSheet("Nhiệm vụ");
			assertThat(tasks.getLastRowNum()).isEqualTo(c.data().appendix().size());
			Sheet reportsSheet = wb.getSheet("Chế độ báo cáo");
			assertThat(reportsSheet.getLastRowNum()).isEqualTo(4);
			List<String> states = new ArrayList<>();
			for (int i = 1; i <= 4; i++) {
				states.add(reportsSheet.getRow(i).getCell(2).getStringCellValue());
			}
			assertThat(states).containsExactlyInAnyOrder("Đúng hạn", "Gửi muộn", "Bị trả lại", "Chưa gửi");
			Sheet issues = wb.getSheet("Khó khăn, kiến nghị");
			List<String> lines = new ArrayList<>();
			for (Row r : issues) {
				lines.add(r.getCell(0).getStringCellValue() + "|" + r.getCell(1).getStringCellValue() + "|"
						+ r.getCell(2).getStringCellValue() + "|" + r.getCell(3).getStringCellValue());
			}
			assertThat(lines).contains("Khó khăn, vướng mắc|Về kinh phí, nguồn vốn|Sở Tài chính|Nguồn kinh phí năm 2027 chưa được phân bổ.");
			assertThat(wb.getSheet("Đơn vị chậm tiến độ").getLastRowNum()).isEqualTo(c.data().lateWithTasks().size());
		}
	}

	@Test
	@Order(Integer.MAX_VALUE)
	@DisplayName("the data are frozen at generation: a report accepted later is in the next consolidated report, not in this one")
	void frozenData() {
		Consolidated before = generate();
		long skhcn = fx.reportId(regime, "2026-10", "SKHCN");
		clock.fixAt(TODAY);
		if (reports.rowOf(skhcn).state() == ReportState.RETURNED) {
			runAs.user("cb.skhcn", () -> reports.save(skhcn, fx.fillAll(skhcn, "Bổ sung số liệu IOC"), null));
			runAs.user("gd.skhcn", () -> reports.approve(skhcn, null));
			runAs.user("gd.skhcn", () -> reports.submit(skhcn, null));
		}
		Consolidated after = generate();
		assertThat(runAs.user("sokhcn", () -> consolidated.get(before.id())).data().reporting().received()).isEqualTo(before.data().reporting().received());
		assertThat(after.data().reporting().received()).isEqualTo(before.data().reporting().received() + 1);
		assertThat(runAs.user("sokhcn", () -> consolidated.forPeriod(periodId))).extracting(ConsolidatedReportService.Listed::id)
			.contains(before.id(), after.id());
	}
}
