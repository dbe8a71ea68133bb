package vn.nq57.intake;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;

/** The pages and the JSON dry run over HTTP: who may open what, what the preview shows, what the API returns. */
@IntegrationTest
@AutoConfigureMockMvc
class IntakeWebTest {

	@Autowired MockMvc mvc;
	@Autowired UserService users;
	@Autowired RunAs runAs;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	static MockMultipartFile file(String name) throws Exception {
		return new MockMultipartFile("file", name, "application/octet-stream", SamplePlanImportTest.sample(name));
	}

	@Test
	@DisplayName("DoST uploads the sample, sees every finding in the preview, and writes it; the nav has “Nhập kế hoạch”")
	void uploadPreviewCommit() throws Exception {
		mvc.perform(get("/tasks").with(as("sokhcn"))).andExpect(content().string(containsString("Nhập kế hoạch")));
		mvc.perform(get("/intake").with(as("sokhcn"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Nhập kế hoạch, thông báo kết luận")));
		String location = mvc.perform(multipart("/intake/appendix").file(file("mau-phu-luc-nhiem-vu.docx"))
			.param("planTitle", "Kế hoạch nhập qua trang " + System.nanoTime()).param("planYear", "2026")
			.with(as("sokhcn")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/intake/*"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(location).with(as("sokhcn"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("Giám đôc")))
			.andExpect(content().string(containsString("Thanh Hóa")))
			.andExpect(content().string(containsString("NEAR_DUPLICATE")))
			.andExpect(content().string(containsString("MISSING_STT")))
			.andExpect(content().string(containsString("Sở KH&amp;CN → Sở Khoa học và Công nghệ")))
			.andExpect(content().string(containsString("Giao cho ")))
			.andExpect(content().string(containsString("Ghi vào hệ thống")));
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		long version = runAs.user("sokhcn", () -> intake().batch(id)).version();
		mvc.perform(post(location + "/commit").param("version", String.valueOf(version)).with(as("sokhcn")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/tasks?plan=*&sort=plan"))
			.andExpect(flash().attribute("flash", startsWith("Đã ghi: thêm 16")));
	}

	private IntakeService intake;

	@Autowired
	void setIntake(IntakeService intake) {
		this.intake = intake;
	}

	private IntakeService intake() {
		return intake;
	}

	@Test
	@DisplayName("a broken upload goes back to the form with the Vietnamese message")
	void brokenUploadMessage() throws Exception {
		MockMultipartFile bad = new MockMultipartFile("file", "phu-luc.docx", "application/octet-stream",
				"không phải Word".getBytes());
		mvc.perform(multipart("/intake/appendix").file(bad).with(as("sokhcn")).with(csrf()))
			.andExpect(redirectedUrl("/intake"))
			.andExpect(flash().attribute("error", containsString("không phải tài liệu Word")));
	}

	@Test
	@DisplayName("an officer cannot open the import pages, nor see the link")
	void officerRefused() throws Exception {
		mvc.perform(get("/intake").with(as("cb.stc"))).andExpect(status().isForbidden());
		mvc.perform(multipart("/intake/appendix").file(file("mau-phu-luc-nhiem-vu.docx")).with(as("cb.stc")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/tasks").with(as("cb.stc"))).andExpect(content().string(not(containsString("Nhập kế hoạch"))));
	}

	@Test
	@DisplayName("the dry-run API returns rows, parsed fields and findings as JSON to any signed-in user, writes nothing")
	void dryRunApi() throws Exception {
		mvc.perform(multipart("/api/v1/intake/appendix/dry-run").file(file("mau-phu-luc-nhiem-vu.xlsx"))
			.with(as("cb.stc")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("PLAN_APPENDIX"))
			.andExpect(jsonPath("$.summary.tasks").value(16))
			.andExpect(jsonPath("$.summary.groups").value(4))
			.andExpect(jsonPath("$.rows[?(@.draft.stt == '4' && @.draft.groupCode == 'II')].findings[*].code",
					hasItem("MISSING_HEAD")))
			.andExpect(jsonPath("$.rows[?(@.draft.stt == '3' && @.draft.groupCode == 'I')].deadline.dueDate",
					hasItem("2026-05-31")))
			.andExpect(jsonPath("$.rows[?(@.draft.stt == '2' && @.draft.groupCode == 'I')].leads[0].agencyName",
					hasItem("Sở Khoa học và Công nghệ")));
		String token = runAs.user("cb.snv", () -> users.issueApiToken(users.loadUserByUsername("cb.snv").id()));
		mvc.perform(multipart("/api/v1/intake/notice/dry-run").param("text", NoticeImportTest.text("thong-bao-001.txt"))
			.header("Authorization", "Bearer " + token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("NOTICE"))
			.andExpect(jsonPath("$.summary.tasks").value(16))
			.andExpect(jsonPath("$.rows[5].deadline.dueDate").value("2026-04-10"));
	}

	@Test
	@DisplayName("the API refuses bad files with a JSON message, and callers who are not signed in")
	void apiRefusals() throws Exception {
		MockMultipartFile text = new MockMultipartFile("file", "phu-luc.xlsx", "text/plain", "STT;Nhiệm vụ".getBytes());
		mvc.perform(multipart("/api/v1/intake/appendix/dry-run").file(text).with(as("cb.stc")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(containsString("không phải tài liệu Word")));
		MockMultipartFile huge = new MockMultipartFile("file", "lon.xlsx", "application/octet-stream",
				new byte[11 * 1024 * 1024]);
		mvc.perform(multipart("/api/v1/intake/appendix/dry-run").file(huge).with(as("cb.stc")).with(csrf()))
			.andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.message").value(containsString("vượt quá")));
		mvc.perform(multipart("/api/v1/intake/appendix/dry-run").file(file("mau-phu-luc-nhiem-vu.xlsx")).with(csrf()))
			.andExpect(status().isUnauthorized());
		mvc.perform(multipart("/api/v1/intake/appendix/dry-run").file(file("mau-phu-luc-nhiem-vu.xlsx"))
			.header("Authorization", "Bearer nq57_sai"))
			.andExpect(status().isUnauthorized());
	}
}
