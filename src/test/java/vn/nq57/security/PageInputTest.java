package vn.nq57.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.nq57.IntegrationTest;
import vn.nq57.task.Assignment;
import vn.nq57.task.AssignmentState;
import vn.nq57.task.Task;
import vn.nq57.system.TextRules;

/**
 * What an officer, DoST or a leader types into the pages and the system refuses, with a Vietnamese message
 * and nothing saved: a percent outside 0–100 or not a number, an impossible date, a completion date after
 * today (22/11/2026), a file of a type agencies do not send, markup or script in a text field. Text with a
 * harmless "<", as in "tỷ lệ < 50%", is accepted as it is ({@link TextRules} only refuses "<" followed by a
 * letter, "/", "!" or "?").
 */
@IntegrationTest
@AutoConfigureMockMvc
class PageInputTest {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	Fixtures fx;

	Task stcTask;

	Assignment stcWork;

	@BeforeEach
	void taskOfSoTaiChinh() {
		fx = new Fixtures(ctx);
		stcTask = fx.task("Xây dựng kế hoạch đầu tư công về khoa học, công nghệ giai đoạn 2026 – 2030 " + Fixtures.tag(),
				"Tháng 12/2026", "STC");
		stcWork = fx.onlyAssignment(stcTask);
	}

	private ResultActions postProgress(String percent, String results, String outputDate) throws Exception {
		var req = post("/assignments/{id}/progress", stcWork.getId()).with(user(fx.user("cb.stc"))).with(csrf())
			.param("version", String.valueOf(stcWork.getVersion()))
			.param("percent", percent)
			.param("results", results);
		if (outputDate != null) {
			req.param("outputNumber", "15/KH-STC").param("outputDate", outputDate);
		}
		return mvc.perform(req).andExpect(status().is3xxRedirection());
	}

	private ResultActions postClaim(String completedOn, String evidence, String outputDate) throws Exception {
		var req = post("/assignments/{id}/claim", stcWork.getId()).with(user(fx.user("cb.stc"))).with(csrf())
			.param("version", String.valueOf(stcWork.getVersion()))
			.param("completedOn", completedOn)
			.param("evidence", evidence);
		if (outputDate != null) {
			req.param("outputNumber", "88/QĐ-STC").param("outputDate", outputDate);
		}
		return mvc.perform(req).andExpect(status().is3xxRedirection());
	}

	private void nothingPosted() {
		assertThat(fx.progressRows(stcWork)).isZero();
		Assignment a = fx.reload(stcWork);
		assertThat(a.getPercent()).isZero();
		assertThat(a.getLastProgressAt()).isNull();
		assertThat(a.getVersion()).isEqualTo(stcWork.getVersion());
	}

	private void nothingClaimed() {
		assertThat(fx.claimRows(stcWork)).isZero();
		assertThat(fx.reload(stcWork).getState()).isEqualTo(AssignmentState.OPEN);
	}

	// ----- percent -----

	@ParameterizedTest(name = "percent {0} is refused")
	@ValueSource(strings = { "101", "-1" })
	@DisplayName("a percent outside 0–100 is refused with “Tỷ lệ hoàn thành phải từ 0 đến 100%” and nothing is saved")
	void percentOutOfRange(String percent) throws Exception {
		postProgress(percent, "Đã tổng hợp nhu cầu đầu tư", null)
			.andExpect(redirectedUrl("/tasks/" + stcTask.getId() + "#progress"))
			.andExpect(flash().attribute("error", "Tỷ lệ hoàn thành phải từ 0 đến 100%"));

		nothingPosted();
	}

	@Test
	@DisplayName("a percent “abc” is refused with “phải là số nguyên từ 0 đến 100” and nothing is saved")
	void percentNotANumber() throws Exception {
		postProgress("abc", "Đã tổng hợp nhu cầu đầu tư", null)
			.andExpect(flash().attribute("error", "Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100"));

		nothingPosted();
	}

	@Test
	@DisplayName("the percent limits 0 and 100 themselves are accepted")
	void percentBoundsAccepted() throws Exception {
		postProgress("0", "Mới khởi động", null).andExpect(flash().attribute("flash", "Đã cập nhật tiến độ"));
		stcWork = fx.reload(stcWork);
		postProgress("100", "Đã trình UBND tỉnh", null).andExpect(flash().attribute("flash", "Đã cập nhật tiến độ"));

		assertThat(fx.progressRows(stcWork)).isEqualTo(2);
		assertThat(fx.reload(stcWork).getPercent()).isEqualTo(100);
	}

	// ----- dates -----

	@Test
	@DisplayName("a completion date 31/02/2026 on the claim form is refused as not a date, and no claim is saved")
	void impossibleCompletionDate() throws Exception {
		postClaim("31/02/2026", "Quyết định số 88/QĐ-STC", null)
			.andExpect(flash().attribute("error", containsString("Ngày “31/02/2026” không hợp lệ (nhập theo dạng dd/MM/yyyy)")));

		nothingClaimed();
	}

	@Test
	@DisplayName("an output date 31/02/2026 on the progress form is refused, and nothing is saved")
	void impossibleOutputDateOnProgress() throws Exception {
		postProgress("40", "Đã ban hành kế hoạch", "31/02/2026")
			.andExpect(flash().attribute("error", "Ngày “31/02/2026” không hợp lệ (nhập theo dạng dd/MM/yyyy)"));

		nothingPosted();
	}

	@Test
	@DisplayName("an output date 31/02/2026 on the claim form is refused, and no claim is saved")
	void impossibleOutputDateOnClaim() throws Exception {
		postClaim("20/11/2026", "Quyết định số 88/QĐ-STC", "31/02/2026")
			.andExpect(flash().attribute("error", "Ngày “31/02/2026” không hợp lệ (nhập theo dạng dd/MM/yyyy)"));

		nothingClaimed();
	}

	@Test
	@DisplayName("a completion date after today (23/11/2026) is refused, and no claim is saved")
	void completionDateInTheFuture() throws Exception {
		postClaim("23/11/2026", "Quyết định số 88/QĐ-STC", null)
			.andExpect(flash().attribute("error", "Ngày hoàn thành 23/11/2026 ở sau ngày hôm nay (22/11/2026)"));

		nothingClaimed();
	}

	@Test
	@DisplayName("an output date after today on the progress form is refused, and nothing is saved")
	void outputDateInTheFuture() throws Exception {
		postProgress("40", "Đã ban hành kế hoạch", "01/12/2026")
			.andExpect(flash().attribute("error", "Ngày văn bản 01/12/2026 ở sau ngày hôm nay (22/11/2026)"));

		nothingPosted();
	}

	@Test
	@DisplayName("completing today, 22/11/2026, is accepted and the date is kept as typed")
	void completionToday() throws Exception {
		postClaim("22/11/2026", "Quyết định số 88/QĐ-STC ngày 22/11/2026", "22/11/2026")
			.andExpect(flash().attribute("flash", "Đã gửi đề nghị xác nhận hoàn thành"));

		assertThat(fx.claimRows(stcWork)).isEqualTo(1);
		assertThat(fx.jdbc.queryForObject("SELECT completed_on FROM completion_claim WHERE assignment_id = ?",
				LocalDate.class, stcWork.getId())).isEqualTo(LocalDate.of(2026, 11, 22));
	}

	// ----- files -----

	@Test
	@DisplayName("an .exe file is refused by type, and neither the file nor the progress is saved")
	void executableRefused() throws Exception {
		long files = fx.attachmentRowsOf("cb.stc");

		upload(new MockMultipartFile("file", "bao-cao.exe", "application/octet-stream", windowsExecutable()))
			.andExpect(flash().attribute("error", containsString("không thuộc loại được phép (chỉ nhận PDF, Word, Excel, ảnh PNG/JPEG)")));

		assertThat(fx.attachmentRowsOf("cb.stc")).isEqualTo(files);
		nothingPosted();
	}

	@Test
	@DisplayName("a Windows program renamed .pdf is recognised by its content and refused")
	void executableRenamedPdfRefused() throws Exception {
		long files = fx.attachmentRowsOf("cb.stc");

		upload(new MockMultipartFile("file", "bao-cao.pdf", "application/pdf", windowsExecutable()))
			.andExpect(flash().attribute("error", containsString("“bao-cao.pdf” không thuộc loại được phép")));

		assertThat(fx.attachmentRowsOf("cb.stc")).isEqualTo(files);
		nothingPosted();
	}

	@Test
	@DisplayName("an HTML page renamed .pdf is recognised by its content and refused")
	void htmlRenamedPdfRefused() throws Exception {
		long files = fx.attachmentRowsOf("cb.stc");
		byte[] html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);

		upload(new MockMultipartFile("file", "quyet-dinh.pdf", "application/pdf", html))
			.andExpect(flash().attribute("error", containsString("không thuộc loại được phép")))
			.andExpect(flash().attribute("error", containsString("nội dung không khớp với phần mở rộng .pdf")));

		assertThat(fx.attachmentRowsOf("cb.stc")).isEqualTo(files);
		nothingPosted();
	}

	@Test
	@DisplayName("a real PDF is stored with its detected type")
	void pdfAccepted() throws Exception {
		long files = fx.attachmentRowsOf("cb.stc");

		upload(new MockMultipartFile("file", "ke-hoach-15.pdf", "application/octet-stream", PDF))
			.andExpect(flash().attribute("flash", "Đã cập nhật tiến độ"));

		assertThat(fx.attachmentRowsOf("cb.stc")).isEqualTo(files + 1);
		assertThat(fx.jdbc.queryForObject("""
				SELECT f.content_type FROM progress_update p JOIN attachment f ON f.id = p.attachment_id
				WHERE p.assignment_id = ?""", String.class, stcWork.getId())).isEqualTo("application/pdf");
	}

	private ResultActions upload(MockMultipartFile file) throws Exception {
		return mvc.perform(multipart("/assignments/{id}/progress", stcWork.getId()).file(file)
			.with(user(fx.user("cb.stc"))).with(csrf())
			.param("version", String.valueOf(stcWork.getVersion()))
			.param("percent", "50")
			.param("results", "Kế hoạch số 15/KH-STC"))
			.andExpect(status().is3xxRedirection());
	}

	/** The start of a Windows PE program: "MZ", the offset of the PE header, "PE\0\0". */
	static byte[] windowsExecutable() {
		byte[] b = new byte[512];
		b[0] = 'M';
		b[1] = 'Z';
		b[0x3c] = (byte) 0x80;
		b[0x80] = 'P';
		b[0x81] = 'E';
		return b;
	}

	// ----- markup and script -----

	@Test
	@DisplayName("<script> in the results of a progress update is refused, and nothing is saved")
	void scriptInResults() throws Exception {
		postProgress("40", "Đã hoàn thành " + SCRIPT, null)
			.andExpect(flash().attribute("error", containsString(TextRules.MESSAGE)));

		nothingPosted();
	}

	@Test
	@DisplayName("an event handler attribute in the obstacles is refused too")
	void eventHandlerInObstacles() throws Exception {
		mvc.perform(post("/assignments/{id}/progress", stcWork.getId()).with(user(fx.user("cb.stc"))).with(csrf())
			.param("percent", "40").param("results", "Đã làm")
			.param("obstacles", "<img src=x onerror=alert(1)>"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString(TextRules.MESSAGE)));

		nothingPosted();
	}

	@Test
	@DisplayName("<script> in the evidence of a completion claim is refused, and no claim is saved")
	void scriptInEvidence() throws Exception {
		postClaim("20/11/2026", "Quyết định " + SCRIPT, null)
			.andExpect(flash().attribute("error", containsString(TextRules.MESSAGE)));

		nothingClaimed();
	}

	@Test
	@DisplayName("<script> in a task title typed by Sở KH&CN at /tasks/new is refused on the form, and no task is created")
	void scriptInTaskTitle() throws Exception {
		String title = "Xây dựng đề án " + Fixtures.tag() + " " + SCRIPT;

		mvc.perform(post("/tasks/new").with(user(fx.user("sokhcn"))).with(csrf())
			.param("title", title)
			.param("leadAgencyIds", String.valueOf(fx.agencyId("STC")))
			.param("deadlinePhrase", "Quý IV/2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("không được chứa mã HTML hoặc script")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(SCRIPT))));

		assertThat(fx.count("SELECT count(*) FROM task WHERE title = ?", title)).isZero();
	}

	@Test
	@DisplayName("<script> in a leader's direction is refused, and no direction is written")
	void scriptInDirection() throws Exception {
		mvc.perform(post("/tasks/{id}/directions", stcTask.getId()).with(user(fx.user("lanhdao"))).with(csrf())
			.param("content", "Khẩn trương hoàn thành " + SCRIPT))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString(TextRules.MESSAGE)));

		assertThat(fx.directionRows(stcTask)).isZero();
	}

	@Test
	@DisplayName("“tỷ lệ < 50%” in the results is ordinary text: saved as typed and shown escaped")
	void harmlessLessThanInResults() throws Exception {
		String results = "Tỷ lệ hồ sơ trực tuyến toàn trình < 50%, phấn đấu đạt >80% vào cuối năm";

		postProgress("40", results, null).andExpect(flash().attribute("flash", "Đã cập nhật tiến độ"));

		assertThat(fx.jdbc.queryForObject("SELECT results FROM progress_update WHERE assignment_id = ?", String.class,
				stcWork.getId())).isEqualTo(results);
		mvc.perform(get("/tasks/{id}", stcTask.getId()).with(user(fx.user("cb.stc"))))
			.andExpect(content().string(containsString("Tỷ lệ hồ sơ trực tuyến toàn trình &lt; 50%, phấn đấu đạt &gt;80%")));
	}

	@Test
	@DisplayName("a task title “Nâng tỷ lệ … từ < 50% lên 80%” is accepted at /tasks/new")
	void harmlessLessThanInTaskTitle() throws Exception {
		String title = "Nâng tỷ lệ dịch vụ công trực tuyến toàn trình từ < 50% lên 80% " + Fixtures.tag();

		mvc.perform(post("/tasks/new").with(user(fx.user("sokhcn"))).with(csrf())
			.param("title", title)
			.param("leadAgencyIds", String.valueOf(fx.agencyId("STC")))
			.param("deadlinePhrase", "Quý IV/2026"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "Đã tạo nhiệm vụ"));

		assertThat(fx.count("SELECT count(*) FROM task WHERE title = ?", title)).isEqualTo(1);
	}

	@Test
	@DisplayName("a leader's direction “nâng tỷ lệ <50% lên 80%” is written as typed")
	void harmlessLessThanInDirection() throws Exception {
		String content = "Sở Tài chính nâng tỷ lệ giải ngân từ <50% lên 80% trong tháng 12/2026";

		mvc.perform(post("/tasks/{id}/directions", stcTask.getId()).with(user(fx.user("lanhdao"))).with(csrf())
			.param("content", content))
			.andExpect(flash().attribute("flash", "Đã ghi ý kiến chỉ đạo"));

		assertThat(fx.jdbc.queryForObject("SELECT content FROM direction WHERE task_id = ?", String.class,
				stcTask.getId())).isEqualTo(content);
	}
}
