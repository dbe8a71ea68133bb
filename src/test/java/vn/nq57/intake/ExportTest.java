package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;
import vn.nq57.task.Task;
import vn.nq57.task.TaskService;
import vn.nq57.task.ClaimInput;
import vn.nq57.task.ProgressInput;
import vn.nq57.task.ProgressService;

/**
 * The appendix back out, in Excel and in Word, read again with POI: group rows and STT as in the original,
 * status and latest progress added, any filter of the task list, and an agency's own tasks only.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTest {

	@Autowired MockMvc mvc;
	@Autowired IntakeService intake;
	@Autowired TaskService tasks;
	@Autowired ProgressService progress;
	@Autowired RunAs runAs;
	@Autowired UserService users;
	@Autowired TestTasks testTasks;

	long planId;

	Map<String, Task> byTitleStart;

	byte[] original;

	@BeforeAll
	void importAndWork() throws Exception {
		original = SamplePlanImportTest.sample("mau-phu-luc-nhiem-vu.xlsx");
		long batch = runAs.user("sokhcn", () -> intake.startAppendix("mau.xlsx", original,
				IntakeSettings.newPlan("Kế hoạch xuất thử " + System.nanoTime(), 2026)));
		// a plan of its own even if another test has imported the sample already
		IntakeService.CommitResult r = runAs.user("sokhcn", () -> intake.commit(batch, intake.batch(batch).version(), Set.of(),
				IntakeService.RepeatChoice.IMPORT_ALL));
		planId = r.planId();
		byTitleStart = r.created().stream().map(tasks::get)
			.collect(Collectors.toMap(t -> t.getTitle().substring(0, 25), t -> t));
		// I.2 completed on the day it was due; I.3 reported 60 %; Lý Sơn reports on the collective IV.2
		Task funds = task("Rà soát các nội dung đề x");
		long claim = runAs.user("cb.skhcn", () -> progress.claimCompletion(testTasks.assignmentOf(funds, "SKHCN").getId(),
				claim(LocalDate.of(2026, 4, 10)), null));
		runAs.user("gd.skhcn", () -> progress.approveClaim(claim));
		runAs.user("sokhcn", () -> progress.confirmClaim(claim));
		post("cb.skhcn", task("Làm việc với VNPT Quảng N"), "SKHCN", 60, "Đã thống nhất danh mục phân hệ");
		post("cb.lyson", task("Báo cáo tình hình, kết qu"), "DK-LYSON", 30, "Báo cáo tháng 10 của Lý Sơn");
	}

	Task task(String start) {
		return byTitleStart.get(start);
	}

	byte[] export(String username, String path, String... params) throws Exception {
		var req = get(path).with(user(users.loadUserByUsername(username)));
		for (int i = 0; i < params.length; i += 2) {
			req = req.param(params[i], params[i + 1]);
		}
		return mvc.perform(req).andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
			.andReturn().getResponse().getContentAsByteArray();
	}

	/** Every row of the first sheet as texts. */
	static List<List<String>> cells(byte[] xlsx) throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet s = wb.getSheetAt(0);
			List<List<String>> out = new ArrayList<>();
			for (Row r : s) {
				List<String> row = new ArrayList<>();
				for (int c = 0; c < 9; c++) {
					row.add(r.getCell(c) == null ? "" : r.getCell(c).getStringCellValue());
				}
				out.add(row);
			}
			return out;
		}
	}

	static List<String> rowStarting(List<List<String>> rows, String titleStart) {
		return rows.stream().filter(r -> r.get(1).startsWith(titleStart)).findFirst().orElseThrow();
	}

	@Test
	@DisplayName("Excel: the original layout (group rows merged across, STT), status for the day and latest progress")
	void excel() throws Exception {
		byte[] xlsx = export("sokhcn", "/tasks/export.xlsx", "plan", String.valueOf(planId));
		List<List<String>> rows = cells(xlsx);
		assertThat(rows.get(2)).containsExactly("STT", "Tên nhiệm vụ", "Người đứng đầu chịu trách nhiệm", "Cơ quan chủ trì",
				"Cơ quan phối hợp", "Kết quả", "Thời gian hoàn thành", "Tình trạng (đến ngày 22/11/2026)", "Tiến độ mới nhất");
		List<String> firstColumn = rows.subList(3, rows.size()).stream().map(r -> r.get(0)).toList();
		assertThat(firstColumn).containsExactly("I", "1", "2", "3", "4", "II", "1", "2", "3", "4", "III", "1", "2", "3", "4",
				"5", "", "IV", "1", "2");
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			List<CellRangeAddress> merged = wb.getSheetAt(0).getMergedRegions();
			assertThat(merged).anyMatch(m -> m.getFirstRow() == 3 && m.getFirstColumn() == 1 && m.getLastColumn() == 8);
		}
		assertThat(rows.get(3).get(1)).isEqualTo("Xây dựng kế hoạch và tổ chức thực hiện");
		assertThat(rowStarting(rows, "Rà soát các nội dung").get(7)).isEqualTo("Hoàn thành đúng hạn");
		assertThat(rowStarting(rows, "Rà soát các nội dung").get(8))
			.isEqualTo("Sở KH&CN: hoàn thành ngày 10/04/2026. Văn bản gửi Sở Tài chính");
		assertThat(rowStarting(rows, "Rà soát các nội dung").get(3)).isEqualTo("Sở Khoa học và Công nghệ");
		List<String> ioc = rowStarting(rows, "Làm việc với VNPT");
		assertThat(ioc.get(7)).startsWith("Chưa hoàn thành – quá hạn").contains("31/05/2026");
		assertThat(ioc.get(8)).contains("60%").contains("Đã thống nhất danh mục phân hệ");
		List<String> reports = rowStarting(rows, "Báo cáo tình hình");
		assertThat(reports.get(7)).startsWith("Thường xuyên").contains("cơ quan đã hoàn thành");
		assertThat(reports.get(8)).contains("Lý Sơn").contains("30%");
		assertThat(rowStarting(rows, "Nghiên cứu triển khai hệ thống giám sát").get(7)).startsWith("Chưa có thời hạn");
	}

	@Test
	@DisplayName("the exported workbook reads back as the same plan: every task unchanged")
	void excelRoundTrip() throws Exception {
		byte[] xlsx = export("sokhcn", "/tasks/export.xlsx", "plan", String.valueOf(planId));
		Preview p = runAs.user("sokhcn", () -> intake.dryRunAppendix("xuat.xlsx", xlsx, planId));
		assertThat(p.summary().tasks()).isEqualTo(16);
		assertThat(p.diff().unchanged()).isEqualTo(16);
		assertThat(p.diff().removed()).isEmpty();
	}

	@Test
	@DisplayName("Word: A4 landscape, one table, group rows merged across, header repeated, reads back unchanged")
	void word() throws Exception {
		byte[] docx = export("lanhdao", "/tasks/export.docx", "plan", String.valueOf(planId));
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getOrient().toString()).isEqualTo("landscape");
			assertThat(doc.getTables()).hasSize(1);
			XWPFTable table = doc.getTables().get(0);
			XWPFTableRow head = table.getRow(0);
			assertThat(head.isRepeatHeader()).isTrue();
			assertThat(head.getTableCells()).extracting(c -> c.getText()).containsExactly("STT", "Tên nhiệm vụ",
					"Người đứng đầu chịu trách nhiệm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Kết quả", "Thời gian hoàn thành",
					"Tình trạng (đến ngày 22/11/2026)", "Tiến độ mới nhất");
			XWPFTableRow group = table.getRow(1);
			assertThat(group.getTableCells()).hasSize(2);
			assertThat(group.getCell(0).getText()).isEqualTo("I");
			assertThat(group.getCell(1).getCTTc().getTcPr().getGridSpan().getVal().intValue()).isEqualTo(8);
			assertThat(table.getRows()).hasSize(1 + 4 + 16);
			XWPFTableRow funds = table.getRows().stream().filter(r -> r.getCell(1).getText().startsWith("Rà soát các nội dung"))
				.findFirst().orElseThrow();
			assertThat(funds.getCell(0).getText()).isEqualTo("2");
			assertThat(funds.getCell(7).getText()).isEqualTo("Hoàn thành đúng hạn");
		}
		Preview p = runAs.user("sokhcn", () -> intake.dryRunAppendix("xuat.docx", docx, planId));
		assertThat(p.diff().unchanged()).isEqualTo(16);
	}

	@Test
	@DisplayName("any filter of the task list: only the tasks completed on time, only overdue ones")
	void filters() throws Exception {
		List<List<String>> done = cells(export("sokhcn", "/tasks/export.xlsx", "plan", String.valueOf(planId), "status",
				"COMPLETED_ON_TIME"));
		assertThat(done.subList(3, done.size()).stream().filter(r -> !r.get(0).matches("[IVX]+")).map(r -> r.get(1)))
			.singleElement().asString().startsWith("Rà soát các nội dung");
		List<List<String>> overdue = cells(export("sokhcn", "/tasks/export.xlsx", "plan", String.valueOf(planId), "status",
				"OVERDUE", "q", "vnpt"));
		assertThat(overdue.subList(3, overdue.size()).stream().filter(r -> !r.get(0).matches("[IVX]+")).map(r -> r.get(1)))
			.singleElement().asString().startsWith("Làm việc với VNPT");
		assertThat(overdue.get(1).get(0)).contains("Chưa hoàn thành – quá hạn").contains("vnpt");
	}

	@Test
	@DisplayName("an agency gets only the tasks it leads or coordinates, and only its own progress, whatever it asks for")
	void agencyGetsItsOwnOnly() throws Exception {
		long bql = testTasks.agency("BQLKKT");
		List<List<String>> rows = cells(export("cb.stc", "/tasks/export.xlsx", "plan", String.valueOf(planId), "agency",
				String.valueOf(bql)));
		List<String> titles = rows.subList(3, rows.size()).stream().filter(r -> !r.get(0).matches("[IVX]+"))
			.map(r -> r.get(1).substring(0, 20)).toList();
		// Sở Tài chính coordinates I.2 and II.2 and shares the collective IV.1 and IV.2
		assertThat(titles).containsExactly("Rà soát các nội dung", "Nghiên cứu, đề xuất ", "Cụ thể hóa nhiệm vụ ",
				"Báo cáo tình hình, k");
		assertThat(rows.get(1).get(0)).contains("nhiệm vụ của Sở Tài chính");
		assertThat(rowStarting(rows, "Báo cáo tình hình").get(8)).as("Lý Sơn's progress is not Sở Tài chính's to read")
			.isEmpty();
	}

	@Test
	@DisplayName("the API serves the same files to a script with a token; without a sign-in nothing")
	void api() throws Exception {
		String token = runAs.user("cb.stc", () -> users.issueApiToken(users.loadUserByUsername("cb.stc").id()));
		byte[] xlsx = mvc.perform(get("/api/v1/tasks/export.xlsx").param("plan", String.valueOf(planId))
			.header("Authorization", "Bearer " + token)).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", ExportController.XLSX.toString()))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(cells(xlsx).size()).isGreaterThan(3);
		mvc.perform(get("/api/v1/tasks/export.xlsx")).andExpect(status().isUnauthorized());
	}

	private void post(String officer, Task t, String agencyCode, int percent, String results) {
		ProgressInput in = new ProgressInput();
		in.setPercent(percent);
		in.setResults(results);
		runAs.user(officer, () -> progress.postProgress(testTasks.assignmentOf(t, agencyCode).getId(), in, null));
	}

	private static ClaimInput claim(LocalDate on) {
		ClaimInput c = new ClaimInput();
		c.setCompletedOn(on);
		c.setEvidence("Văn bản gửi Sở Tài chính");
		return c;
	}
}
