package vn.nq57.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.task.Assignment;
import vn.nq57.task.AssignmentState;
import vn.nq57.task.Task;
import vn.nq57.task.ProgressInput;

/**
 * "An officer sees and edits only what belongs to their own agency; this is enforced on the server": an
 * officer of Sở Tài chính (cb.stc) against a task given only to Ban Quản lý KKT Dung Quất (BQLKKT), on the
 * pages and on the JSON API. Each refusal is a 403, leaves an ACCESS_DENIED line in the audit trail and saves
 * nothing. The same requests by Ban Quản lý's own officer succeed, so the refusals are about the agency.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AgencyBoundaryTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	Fixtures fx;

	String tag;

	Task bqlTask;

	Assignment bqlWork;

	@BeforeEach
	void taskOfBanQuanLy() {
		fx = new Fixtures(ctx);
		tag = Fixtures.tag();
		bqlTask = fx.task("Xây dựng bản đồ số 2D, 3D các khu công nghiệp Dung Quất " + tag, "Quý IV/2026", "BQLKKT");
		bqlWork = fx.onlyAssignment(bqlTask);
	}

	@Test
	@DisplayName("an officer of Sở Tài chính gets 403 and an audit line when opening a task given only to Ban Quản lý")
	void officerOfAnotherAgencyCannotOpenTheTaskPage() throws Exception {
		long before = fx.denials("TASK", bqlTask.getId());

		mvc.perform(get("/tasks/{id}", bqlTask.getId()).with(user(fx.user("cb.stc"))))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Bạn không có quyền xem nhiệm vụ không giao cho cơ quan mình")))
			.andExpect(content().string(not(containsString(tag))));

		assertThat(fx.denials("TASK", bqlTask.getId())).isEqualTo(before + 1);
		mvc.perform(get("/tasks/{id}", bqlTask.getId()).with(user(fx.user("cb.bql"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tag)));
	}

	@Test
	@DisplayName("an officer of Sở Tài chính gets 403 and an audit line for posting progress on Ban Quản lý's assignment; nothing is saved")
	void officerOfAnotherAgencyCannotPostProgressOnThePage() throws Exception {
		long before = fx.denials("ASSIGNMENT", bqlWork.getId());

		mvc.perform(post("/assignments/{id}/progress", bqlWork.getId()).with(user(fx.user("cb.stc"))).with(csrf())
			.param("version", String.valueOf(bqlWork.getVersion()))
			.param("percent", "80")
			.param("results", "Đã hoàn thành bản đồ số"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Bạn không có quyền")));

		assertThat(fx.denials("ASSIGNMENT", bqlWork.getId())).isEqualTo(before + 1);
		assertThat(fx.progressRows(bqlWork)).isZero();
		assertThat(fx.reload(bqlWork).getPercent()).isZero();
	}

	@Test
	@DisplayName("the director of Sở Tài chính is refused Ban Quản lý's progress form too: being a head does not cross agencies")
	void headOfAnotherAgencyCannotPostProgressEither() throws Exception {
		long before = fx.denials("ASSIGNMENT", bqlWork.getId());

		mvc.perform(post("/assignments/{id}/progress", bqlWork.getId()).with(user(fx.user("gd.stc"))).with(csrf())
			.param("percent", "50")
			.param("results", "Đã hoàn thành một nửa"))
			.andExpect(status().isForbidden());

		assertThat(fx.denials("ASSIGNMENT", bqlWork.getId())).isEqualTo(before + 1);
		assertThat(fx.progressRows(bqlWork)).isZero();
	}

	@Test
	@DisplayName("an officer of Sở Tài chính gets 403 and an audit line for claiming completion of Ban Quản lý's assignment; no claim is saved")
	void officerOfAnotherAgencyCannotClaimCompletion() throws Exception {
		long before = fx.denials("ASSIGNMENT", bqlWork.getId());

		mvc.perform(post("/assignments/{id}/claim", bqlWork.getId()).with(user(fx.user("cb.stc"))).with(csrf())
			.param("version", String.valueOf(bqlWork.getVersion()))
			.param("completedOn", "20/11/2026")
			.param("evidence", "Quyết định số 12/QĐ-BQL"))
			.andExpect(status().isForbidden());

		assertThat(fx.denials("ASSIGNMENT", bqlWork.getId())).isEqualTo(before + 1);
		assertThat(fx.claimRows(bqlWork)).isZero();
		assertThat(fx.reload(bqlWork).getState()).isEqualTo(AssignmentState.OPEN);
	}

	@Test
	@DisplayName("an officer of Sở Tài chính gets a 403 JSON and an audit line for GET /api/v1/tasks/{id} of Ban Quản lý's task")
	void apiRefusesAnotherAgencysTask() throws Exception {
		long before = fx.denials("TASK", bqlTask.getId());

		mvc.perform(get("/api/v1/tasks/{id}", bqlTask.getId()).header("Authorization", "Bearer " + fx.token("cb.stc")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.message").value("Bạn không có quyền xem nhiệm vụ không giao cho cơ quan mình"))
			.andExpect(content().string(not(containsString(tag))));

		assertThat(fx.denials("TASK", bqlTask.getId())).isEqualTo(before + 1);
		mvc.perform(get("/api/v1/tasks/{id}", bqlTask.getId()).header("Authorization", "Bearer " + fx.token("cb.bql")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assignments[0].id").value(bqlWork.getId()));
	}

	@Test
	@DisplayName("an officer of Sở Tài chính gets a 403 JSON and an audit line for POST /api/v1/assignments/{id}/progress on Ban Quản lý's assignment; nothing is saved")
	void apiRefusesProgressOnAnotherAgencysAssignment() throws Exception {
		long before = fx.denials("ASSIGNMENT", bqlWork.getId());
		String body = """
				{"percent": 70, "results": "Đã số hóa bản đồ KCN Tịnh Phong", "version": %d}""".formatted(bqlWork.getVersion());

		mvc.perform(post("/api/v1/assignments/{id}/progress", bqlWork.getId())
			.header("Authorization", "Bearer " + fx.token("cb.stc"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value("Bạn không có quyền cập nhật tiến độ phần việc của cơ quan khác"));

		assertThat(fx.denials("ASSIGNMENT", bqlWork.getId())).isEqualTo(before + 1);
		assertThat(fx.progressRows(bqlWork)).isZero();

		mvc.perform(post("/api/v1/assignments/{id}/progress", bqlWork.getId())
			.header("Authorization", "Bearer " + fx.token("cb.bql"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated());
		assertThat(fx.progressRows(bqlWork)).isEqualTo(1);
	}

	@Test
	@DisplayName("an officer of Sở Tài chính cannot claim Ban Quản lý's assignment through the API either")
	void apiRefusesClaimOnAnotherAgencysAssignment() throws Exception {
		long before = fx.denials("ASSIGNMENT", bqlWork.getId());

		mvc.perform(post("/api/v1/assignments/{id}/claims", bqlWork.getId())
			.header("Authorization", "Bearer " + fx.token("cb.stc"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"completedOn\": \"2026-11-20\", \"evidence\": \"Kế hoạch số 12/KH-BQL\"}"))
			.andExpect(status().isForbidden());

		assertThat(fx.denials("ASSIGNMENT", bqlWork.getId())).isEqualTo(before + 1);
		assertThat(fx.claimRows(bqlWork)).isZero();
	}

	@Test
	@DisplayName("the task list of Sở Tài chính never shows Ban Quản lý's task, even with ?agency=<Ban Quản lý>")
	void agencyTaskListIgnoresAnotherAgencyFilter() throws Exception {
		long bql = fx.agencyId("BQLKKT");
		String link = "href=\"/tasks/" + bqlTask.getId() + "\"";

		mvc.perform(get("/tasks").param("agency", String.valueOf(bql)).param("q", tag).with(user(fx.user("cb.stc"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tìm thấy 0 nhiệm vụ")))
			.andExpect(content().string(not(containsString(link))))
			.andExpect(content().string(not(containsString(bqlTask.getTitle()))));
		mvc.perform(get("/tasks").param("agency", String.valueOf(bql)).with(user(fx.user("gd.stc"))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(link))));

		mvc.perform(get("/tasks").param("q", tag).with(user(fx.user("cb.bql"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tìm thấy 1 nhiệm vụ")))
			.andExpect(content().string(containsString(link)));
		mvc.perform(get("/tasks").param("agency", String.valueOf(bql)).param("q", tag).with(user(fx.user("sokhcn"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(link)));
	}

	@Test
	@DisplayName("GET /api/v1/tasks for Sở Tài chính never lists Ban Quản lý's task, even with ?agency=<Ban Quản lý>")
	void agencyTaskApiIgnoresAnotherAgencyFilter() throws Exception {
		long bql = fx.agencyId("BQLKKT");

		mvc.perform(get("/api/v1/tasks").param("agency", String.valueOf(bql)).param("q", tag)
			.header("Authorization", "Bearer " + fx.token("cb.stc")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.items").isEmpty());
		// without the text filter, still none of Ban Quản lý's own tasks shows up in Sở Tài chính's list
		mvc.perform(get("/api/v1/tasks").param("agency", String.valueOf(bql)).param("size", "500")
			.header("Authorization", "Bearer " + fx.token("cb.stc")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", not(hasItem(bqlTask.getId().intValue()))));

		mvc.perform(get("/api/v1/tasks").param("q", tag).header("Authorization", "Bearer " + fx.token("cb.bql")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(bqlTask.getId()));
	}

	@Test
	@DisplayName("an officer of Sở Tài chính gets 403 and an audit line for downloading Ban Quản lý's evidence file")
	void officerOfAnotherAgencyCannotDownloadItsFile() throws Exception {
		MockMultipartFile pdf = new MockMultipartFile("file", "ban-do-so.pdf", "application/pdf",
				"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
					.getBytes(StandardCharsets.US_ASCII));
		ProgressInput in = new ProgressInput();
		in.setPercent(40);
		in.setResults("Đã số hóa 2/5 khu công nghiệp");
		fx.runAs.user("cb.bql", () -> fx.progress.postProgress(bqlWork.getId(), in, pdf));
		long fileId = fx.jdbc.queryForObject(
				"SELECT attachment_id FROM progress_update WHERE assignment_id = ?", Long.class, bqlWork.getId());
		long before = fx.denials("ATTACHMENT", fileId);

		mvc.perform(get("/files/{id}", fileId).with(user(fx.user("cb.stc"))))
			.andExpect(status().isForbidden());

		assertThat(fx.denials("ATTACHMENT", fileId)).isEqualTo(before + 1);
		mvc.perform(get("/files/{id}", fileId).with(user(fx.user("cb.bql"))))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
	}

	@Test
	@DisplayName("an officer of Sở Tài chính cannot upload evidence onto Ban Quản lý's assignment")
	void officerOfAnotherAgencyCannotUploadOntoItsAssignment() throws Exception {
		long files = fx.attachmentRowsOf("cb.stc");
		MockMultipartFile pdf = new MockMultipartFile("file", "bao-cao.pdf", "application/pdf",
				"%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

		mvc.perform(multipart("/assignments/{id}/progress", bqlWork.getId()).file(pdf)
			.with(user(fx.user("cb.stc"))).with(csrf())
			.param("percent", "10").param("results", "Tệp báo cáo"))
			.andExpect(status().isForbidden());

		assertThat(fx.attachmentRowsOf("cb.stc")).isEqualTo(files);
		assertThat(fx.progressRows(bqlWork)).isZero();
	}
}
