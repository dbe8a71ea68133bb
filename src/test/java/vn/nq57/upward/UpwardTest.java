package vn.nq57.upward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpServer;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.indicator.IndicatorFeed;
import vn.nq57.kernel.PeriodKind;
import vn.nq57.system.DomainException;
import vn.nq57.task.Assignment;
import vn.nq57.task.Directive;
import vn.nq57.task.DirectiveKind;
import vn.nq57.task.Task;
import vn.nq57.task.TaskService;
import vn.nq57.testdata.World;
import vn.nq57.upward.Upstream.SubjectType;

/** Upstream codes, central lists with proposed matches, the three national templates, the push, a directive's follow-up. */
@IntegrationTest
class UpwardTest {

	@Autowired Upstream upstream;
	@Autowired CentralList lists;
	@Autowired UpstreamExport export;
	@Autowired Followup followup;
	@Autowired FollowupDocuments followupDocs;
	@Autowired IndicatorFeed feed;
	@Autowired RunAs runAs;
	@Autowired World world;
	@Autowired TaskService tasks;

	String indicator(String name, boolean percent) {
		String code = "UPW-" + World.seq() + "-" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
		runAs.user("sokhcn", () -> {
			feed.declare(new IndicatorFeed.Definition(code, name, "Kiểm thử báo cáo lên", percent ? "%" : "hệ thống", percent,
					true, PeriodKind.QUARTER, "SKHCN", "kiểm thử", Map.of(2026, new BigDecimal(percent ? "95" : "40"))));
			if (percent) {
				feed.publishRatio(code, LocalDate.of(2026, 9, 30), new BigDecimal("993"), new BigDecimal("1000"));
			}
			else {
				feed.publish(code, LocalDate.of(2026, 9, 30), new BigDecimal("34"));
			}
		});
		return code;
	}

	long indicatorId(String code) {
		return upstream.subjects(SubjectType.INDICATOR).stream().filter(s -> s.localCode().equals(code)).findFirst().orElseThrow().id();
	}

	static byte[] csv(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void aCentralListIsMatchedRememberedAndExportedInEachSystemsLayout() throws Exception {
		int n = World.seq();
		String docs = indicator("Tỷ lệ văn bản điện tử được ký số " + n, true);
		String lgsp = indicator("Số hệ thống kết nối nền tảng chia sẻ dữ liệu " + n, false);
		String list = "Mã chỉ tiêu;Tên chỉ tiêu;Đơn vị tính\n"
				+ "TW" + n + ".01;Ty le van ban dien tu duoc ky so " + n + ";%\n"
				+ "TW" + n + ".02;Số hệ thống được kết nối nền tảng chia sẻ dữ liệu " + n + ";hệ thống\n"
				+ "TW" + n + ".03;Số doanh nghiệp công nghệ số hoàn toàn khác;doanh nghiệp\n";
		CentralList.Preview p = runAs.user("sokhcn", () -> lists.preview("NQ57-TW", SubjectType.INDICATOR, csv(list), "danh-muc.csv"));
		assertThat(p.lines()).hasSize(3);
		assertThat(p.lines().get(0).proposed()).isEqualTo(indicatorId(docs));
		assertThat(p.lines().get(0).why()).isEqualTo("SIMILAR");
		assertThat(p.lines().get(1).proposed()).isEqualTo(indicatorId(lgsp));
		Map<Integer, Long> choices = new HashMap<>();
		choices.put(2, indicatorId(docs));
		choices.put(3, indicatorId(lgsp));
		choices.put(4, 0L);
		assertThat(runAs.user("sokhcn", () -> lists.commit(p.listId(), choices))).isEqualTo(2);
		assertThat(upstream.codeMap(upstream.system("NQ57-TW").id(), SubjectType.INDICATOR)).containsEntry(indicatorId(docs), "TW" + n + ".01");
		assertThat(lists.unmatched(upstream.system("NQ57-TW").id(), SubjectType.INDICATOR)).extracting(x -> x[0]).contains("TW" + n + ".03");

		// the same names in another system's list: the choice remembered is not reused across systems, the similarity is
		CentralList.Preview again = runAs.user("sokhcn", () -> lists.preview("NQ57-TW", SubjectType.INDICATOR, csv(list), "lan-2.csv"));
		assertThat(again.lines().get(0).why()).isEqualTo("MAPPED");
		assertThat(again.lines().get(2).why()).isEqualTo("REMEMBERED_NONE");

		// a code used twice: refused, nothing changed
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> upstream.map("NQ57-TW", SubjectType.INDICATOR, indicatorId(lgsp), "TW" + n + ".01", null)))
			.isInstanceOf(DomainException.class).hasMessageContaining("đã được dùng cho");
		assertThat(upstream.codeMap(upstream.system("NQ57-TW").id(), SubjectType.INDICATOR)).containsEntry(indicatorId(lgsp), "TW" + n + ".02");
		// unknown columns: the message names them
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> lists.preview("NQ57-TW", SubjectType.INDICATOR,
				csv("Mã chỉ tiêu;Tên chỉ tiêu;Trọng số;Người nhập\nA;B;1;x\n"), "la.csv")))
			.hasMessageContaining("cột không nhận ra").hasMessageContaining("“Trọng số”").hasMessageContaining("“Người nhập”");

		// the three templates export and reopen with their own columns
		runAs.user("sokhcn", () -> {
			upstream.map("NQ71-CP", SubjectType.INDICATOR, indicatorId(docs), "CT71-" + n, null);
			upstream.map("DA06", SubjectType.INDICATOR, indicatorId(docs), "DA06-" + n, null);
		});
		Map<String, String> firstHeader = Map.of("NQ57-TW", "Mã tỉnh", "NQ71-CP", "Mã địa phương", "DA06", "Mã đơn vị");
		for (String system : List.of("NQ57-TW", "NQ71-CP", "DA06")) {
			byte[] file = runAs.user("sokhcn", () -> export.exportFile(system));
			try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
				Sheet s = wb.getSheet("Chỉ tiêu");
				assertThat(s.getRow(0).getCell(0).getStringCellValue()).as(system).isEqualTo(firstHeader.get(system));
				if (system.equals("NQ57-TW")) {
					Row row = find(s, "TW" + n + ".01");
					assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(99.3);
					assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(993.0);
					assertThat(row.getCell(4).getStringCellValue()).isEqualTo("Quý III/2026");
				}
			}
			assertThat(upstream.submissions(upstream.system(system).id(), 1)).singleElement()
				.satisfies(x -> assertThat(x.method()).isEqualTo("FILE"));
		}
	}

	static Row find(Sheet s, String code) {
		for (Row r : s) {
			if (r.getRowNum() > 0 && code.equals(r.getCell(1).getStringCellValue())) {
				return r;
			}
		}
		throw new AssertionError("no row " + code);
	}

	@Test
	void thePushSpeaksTheContractOfTheLocalTestServer() throws Exception {
		String code = indicator("Chỉ số đẩy thử " + World.seq(), false);
		AtomicReference<String> received = new AtomicReference<>();
		AtomicReference<Integer> status = new AtomicReference<>(202);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/api/reports", ex -> {
			received.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] body = (status.get() == 202 ? "{\"receipt\":\"BN-2026-001\"}" : "{\"message\":\"Thiếu mã tỉnh\"}")
				.getBytes(StandardCharsets.UTF_8);
			ex.getResponseHeaders().add("Content-Type", "application/json");
			ex.sendResponseHeaders(status.get(), body.length);
			try (OutputStream o = ex.getResponseBody()) {
				o.write(body);
			}
		});
		server.start();
		try {
			String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api";
			runAs.user("sokhcn", () -> {
				upstream.addSystemIfMissing("PUSH_TEST");
				upstream.setPushUrl("PUSH_TEST", url, null);
				upstream.map("PUSH_TEST", SubjectType.INDICATOR, indicatorId(code), "P-" + code, null);
			});
			UpstreamPush.Result ok = runAs.user("sokhcn", () -> export.push("PUSH_TEST"));
			assertThat(ok.accepted()).isTrue();
			assertThat(ok.receipt()).isEqualTo("BN-2026-001");
			assertThat(received.get()).contains("\"system\":\"PUSH_TEST\"", "P-" + code, "\"Giá trị\":34");
			status.set(400);
			UpstreamPush.Result refused = runAs.user("sokhcn", () -> export.push("PUSH_TEST"));
			assertThat(refused.accepted()).isFalse();
			assertThat(refused.message()).contains("400", "Thiếu mã tỉnh");
			List<Upstream.Submission> sent = upstream.submissions(upstream.system("PUSH_TEST").id(), 5);
			assertThat(sent).extracting(Upstream.Submission::ok).containsExactly(false, true);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void aDirectivesFollowUpOpensAsWordAndExcel() throws Exception {
		int n = World.seq();
		Directive d = runAs.user("sokhcn", () -> tasks.saveDirective(null, DirectiveKind.CONCLUSION_NOTICE, n + "/TB-VP",
				LocalDate.of(2026, 4, 8), "Văn phòng UBND tỉnh", "Kết luận phiên họp kiểm thử " + n, null));
		Task done = task(d, "Hoàn thành kế hoạch chuyển đổi số " + n, "STC", LocalDate.of(2026, 6, 1));
		Task late = task(d, "Triển khai nền tảng dữ liệu " + n, "SNV", LocalDate.of(2026, 10, 1));
		world.completed(world.assignment(done, "STC"), LocalDate.of(2026, 5, 20));
		Assignment a = world.assignment(late, "SNV");
		world.progress(a, LocalDate.of(2026, 11, 2), 60, "Đã lắp đặt máy chủ", "Thiếu kinh phí", "Đề nghị bổ sung kinh phí");

		Followup.Report r = runAs.user("sokhcn", () -> followup.report(d.getId()));
		assertThat(r.items()).hasSize(2);
		assertThat(r.completed()).isEqualTo(1);
		assertThat(r.overdue()).isEqualTo(1);
		assertThat(r.items().get(1).obstacles()).isEqualTo("Thiếu kinh phí");
		byte[] docx = followupDocs.docx(r, LocalDate.of(2026, 11, 22));
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
			assertThat(x.getText()).contains("BÁO CÁO", "Kết quả thực hiện Thông báo kết luận số " + n + "/TB-VP ngày 08/04/2026",
					"Hoàn thành kế hoạch chuyển đổi số " + n, "Chưa hoàn thành – quá hạn", "Thiếu kinh phí", "Đề nghị bổ sung kinh phí",
					"đã hoàn thành 1 (50,00%)");
		}
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(followupDocs.xlsx(r)))) {
			Sheet s = wb.getSheetAt(0);
			assertThat(s.getRow(4).getCell(1).getStringCellValue()).contains("Hoàn thành kế hoạch");
			assertThat(s.getRow(5).getCell(5).getNumericCellValue()).isEqualTo(60.0);
		}
	}

	Task task(Directive d, String title, String lead, LocalDate due) {
		vn.nq57.task.TaskForm f = new vn.nq57.task.TaskForm();
		f.setTitle(title);
		f.setDirectiveId(d.getId());
		f.setAccountableHead("Giám đốc");
		f.setExpectedOutput("Báo cáo");
		f.setDeadlinePhrase(due.getDayOfMonth() + "/" + due.getMonthValue() + "/" + due.getYear());
		f.setLeadAgencyIds(new java.util.LinkedHashSet<>(List.of(world.agency(lead))));
		f.setCoordinatorAgencyIds(new java.util.LinkedHashSet<>());
		return runAs.user("sokhcn", () -> tasks.save(null, f));
	}

	static byte[] unused() {
		return new ByteArrayOutputStream().toByteArray();
	}
}
