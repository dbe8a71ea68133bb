package vn.nq57.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.task.Assignment;
import vn.nq57.task.Task;

/**
 * "Keep the history of every change to a task": each change made through the pages leaves one audit line
 * with who made it and the state before and after, as JSON; a refused change leaves none.
 */
@IntegrationTest
@AutoConfigureMockMvc
class AuditTrailTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	Fixtures fx;

	@BeforeEach
	void fixtures() {
		fx = new Fixtures(ctx);
	}

	private long id(String user) {
		return fx.user(user).id();
	}

	private void actorIs(Map<String, Object> line, String user, String name) {
		assertThat(((Number) line.get("actor_id")).longValue()).isEqualTo(id(user));
		assertThat((String) line.get("actor_name")).startsWith(name);
	}

	private long auditLines(String action, String entityType, long entityId) {
		return fx.count("SELECT count(*) FROM audit_event WHERE action = ? AND entity_type = ? AND entity_id = ?", action,
				entityType, entityId);
	}

	@Test
	@DisplayName("Sở KH&CN creates a task at /tasks/new: one TASK_CREATED line, by Sở KH&CN, with the new task as after-state")
	void taskCreation() throws Exception {
		String title = "Xây dựng Kế hoạch thực hiện Chương trình công nghệ chiến lược " + Fixtures.tag();

		String location = mvc.perform(post("/tasks/new").with(user(fx.user("sokhcn"))).with(csrf())
			.param("title", title).param("accountableHead", "Giám đốc Sở Tài chính")
			.param("leadAgencyIds", String.valueOf(fx.agencyId("STC"))).param("expectedOutput", "Kế hoạch")
			.param("deadlinePhrase", "Quý IV/2026"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long taskId = Long.parseLong(location.substring("/tasks/".length()));

		assertThat(auditLines("TASK_CREATED", "TASK", taskId)).isEqualTo(1);
		Map<String, Object> line = fx.lastAudit("TASK_CREATED", "TASK", taskId);
		actorIs(line, "sokhcn", "Nguyễn Văn Thường Trực");
		assertThat(((Number) line.get("task_id")).longValue()).isEqualTo(taskId);
		assertThat(line.get("before")).isNull();
		assertThat(fx.auditField("TASK_CREATED", "TASK", taskId, "after_state", "title")).isEqualTo(title);
		assertThat(fx.auditField("TASK_CREATED", "TASK", taskId, "after_state", "deadline")).isEqualTo("Quý IV/2026");
		assertThat(fx.auditField("TASK_CREATED", "TASK", taskId, "after_state", "dueDate")).isEqualTo("2026-12-31");
		assertThat(fx.auditField("TASK_CREATED", "TASK", taskId, "after_state", "leads")).contains("Sở Tài chính");
	}

	@Test
	@DisplayName("after editing the title, the TASK_UPDATED line has the old title before and the new title after, and the task page says so in words")
	void taskEdit() throws Exception {
		String oldTitle = "Rà soát văn bản pháp luật về chính sách ưu đãi " + Fixtures.tag();
		Task task = fx.task(oldTitle, "Quý III/2026", "STC");
		String newTitle = "Rà soát, đề xuất sửa đổi văn bản pháp luật về chính sách ưu đãi " + Fixtures.tag();

		mvc.perform(post("/tasks/{id}/edit", task.getId()).with(user(fx.user("sokhcn"))).with(csrf())
			.param("title", newTitle).param("accountableHead", "Thủ trưởng cơ quan chủ trì")
			.param("leadAgencyIds", String.valueOf(fx.agencyId("STC"))).param("expectedOutput", "Báo cáo rà soát")
			.param("deadlinePhrase", "Quý IV/2026").param("version", String.valueOf(task.getVersion())))
			.andExpect(flash().attribute("flash", "Đã lưu thay đổi"));

		assertThat(auditLines("TASK_UPDATED", "TASK", task.getId())).isEqualTo(1);
		actorIs(fx.lastAudit("TASK_UPDATED", "TASK", task.getId()), "sokhcn", "Nguyễn Văn Thường Trực");
		assertThat(fx.auditField("TASK_UPDATED", "TASK", task.getId(), "before_state", "title")).isEqualTo(oldTitle);
		assertThat(fx.auditField("TASK_UPDATED", "TASK", task.getId(), "after_state", "title")).isEqualTo(newTitle);
		assertThat(fx.auditField("TASK_UPDATED", "TASK", task.getId(), "before_state", "expectedOutput")).isEqualTo("Báo cáo");
		assertThat(fx.auditField("TASK_UPDATED", "TASK", task.getId(), "after_state", "expectedOutput")).isEqualTo("Báo cáo rà soát");
		assertThat(fx.auditField("TASK_UPDATED", "TASK", task.getId(), "before_state", "dueDate")).isEqualTo("2026-09-30");
		assertThat(fx.auditField("TASK_UPDATED", "TASK", task.getId(), "after_state", "dueDate")).isEqualTo("2026-12-31");

		// on the page the line reads in words, its before → after a table of Vietnamese names and dates
		mvc.perform(get("/tasks/{id}", task.getId()).with(user(fx.user("cb.stc"))))
			.andExpect(content().string(containsString("Sửa nhiệm vụ")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("TASK_UPDATED"))))
			.andExpect(content().string(containsString("<td>Hạn hoàn thành</td>")))
			.andExpect(content().string(containsString("31/12/2026")))
			.andExpect(content().string(containsString(newTitle)));
	}

	@Test
	@DisplayName("recording the trigger of a conditional task leaves a TASK_TRIGGERED line: no document and no due date before, both after")
	void triggerOfConditionalTask() throws Exception {
		Task task = fx.task("Xây dựng Đề án cơ chế thử nghiệm có kiểm soát (sandbox) " + Fixtures.tag(),
				"Sau khi có văn bản của Trung ương", "STC");

		mvc.perform(post("/tasks/{id}/trigger", task.getId()).with(user(fx.user("sokhcn"))).with(csrf())
			.param("document", "Nghị định số 88/2026/NĐ-CP ngày 01/11/2026").param("dueDate", "31/03/2027")
			.param("version", String.valueOf(task.getVersion())))
			.andExpect(flash().attribute("flash", "Đã ghi nhận văn bản kích hoạt và thời hạn mới"));

		assertThat(auditLines("TASK_TRIGGERED", "TASK", task.getId())).isEqualTo(1);
		actorIs(fx.lastAudit("TASK_TRIGGERED", "TASK", task.getId()), "sokhcn", "Nguyễn Văn Thường Trực");
		assertThat(fx.auditField("TASK_TRIGGERED", "TASK", task.getId(), "before_state", "triggerDocument")).isNull();
		assertThat(fx.auditField("TASK_TRIGGERED", "TASK", task.getId(), "before_state", "dueDate")).isNull();
		assertThat(fx.auditField("TASK_TRIGGERED", "TASK", task.getId(), "after_state", "triggerDocument"))
			.isEqualTo("Nghị định số 88/2026/NĐ-CP ngày 01/11/2026");
		assertThat(fx.auditField("TASK_TRIGGERED", "TASK", task.getId(), "after_state", "dueDate")).isEqualTo("2027-03-31");
		assertThat(fx.reload(fx.onlyAssignment(task)).getDueDate()).isEqualTo(LocalDate.of(2027, 3, 31));
	}

	@Test
	@DisplayName("progress, claim, approval, return, a second claim and confirmation each leave one line with actor and state before and after")
	void assignmentWorkflow() throws Exception {
		Task task = fx.task("Tham mưu điều chỉnh dự toán ngân sách cho khoa học, công nghệ " + Fixtures.tag(),
				"Tháng 12/2026", "STC");
		Assignment a = fx.onlyAssignment(task);
		long id = a.getId();

		// the officer posts progress
		mvc.perform(post("/assignments/{id}/progress", id).with(user(fx.user("cb.stc"))).with(csrf())
			.param("percent", "40").param("results", "Đã tổng hợp dự toán của 12 đơn vị")
			.param("obstacles", "Hai đơn vị gửi chậm"))
			.andExpect(flash().attribute("flash", "Đã cập nhật tiến độ"));
		assertThat(auditLines("PROGRESS_POSTED", "ASSIGNMENT", id)).isEqualTo(1);
		Map<String, Object> line = fx.lastAudit("PROGRESS_POSTED", "ASSIGNMENT", id);
		actorIs(line, "cb.stc", "Cán bộ đầu mối Sở Tài chính");
		assertThat(((Number) line.get("task_id")).longValue()).isEqualTo(task.getId());
		assertThat(fx.auditField("PROGRESS_POSTED", "ASSIGNMENT", id, "before_state", "percent")).isEqualTo("0");
		assertThat(fx.auditField("PROGRESS_POSTED", "ASSIGNMENT", id, "after_state", "percent")).isEqualTo("40");
		assertThat(fx.auditField("PROGRESS_POSTED", "ASSIGNMENT", id, "after_state", "results"))
			.isEqualTo("Đã tổng hợp dự toán của 12 đơn vị");
		assertThat(fx.auditField("PROGRESS_POSTED", "ASSIGNMENT", id, "after_state", "obstacles")).isEqualTo("Hai đơn vị gửi chậm");

		// the officer claims completion
		mvc.perform(post("/assignments/{id}/claim", id).with(user(fx.user("cb.stc"))).with(csrf())
			.param("completedOn", "18/11/2026").param("evidence", "Quyết định số 88/QĐ-UBND ngày 18/11/2026"))
			.andExpect(flash().attribute("flash", "Đã gửi đề nghị xác nhận hoàn thành"));
		assertThat(auditLines("COMPLETION_CLAIMED", "ASSIGNMENT", id)).isEqualTo(1);
		actorIs(fx.lastAudit("COMPLETION_CLAIMED", "ASSIGNMENT", id), "cb.stc", "Cán bộ đầu mối Sở Tài chính");
		assertThat(fx.auditField("COMPLETION_CLAIMED", "ASSIGNMENT", id, "before_state", "state")).isEqualTo("OPEN");
		assertThat(fx.auditField("COMPLETION_CLAIMED", "ASSIGNMENT", id, "after_state", "state")).isEqualTo("CLAIMED");
		long firstClaim = lastClaim(id);

		// the director approves
		mvc.perform(post("/claims/{id}/approve", firstClaim).with(user(fx.user("gd.stc"))).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(auditLines("COMPLETION_APPROVED", "ASSIGNMENT", id)).isEqualTo(1);
		actorIs(fx.lastAudit("COMPLETION_APPROVED", "ASSIGNMENT", id), "gd.stc", "Giám đốc Sở Tài chính");
		assertThat(fx.auditField("COMPLETION_APPROVED", "ASSIGNMENT", id, "before_state", "state")).isEqualTo("CLAIMED");
		assertThat(fx.auditField("COMPLETION_APPROVED", "ASSIGNMENT", id, "after_state", "state")).isEqualTo("HEAD_APPROVED");

		// Sở KH&CN returns it with a reason
		mvc.perform(post("/claims/{id}/return", firstClaim).param("reason", "Chưa kèm Quyết định đã ký")
			.with(user(fx.user("sokhcn"))).with(csrf()))
			.andExpect(flash().attribute("flash", "Đã trả lại đề nghị"));
		assertThat(auditLines("COMPLETION_RETURNED", "ASSIGNMENT", id)).isEqualTo(1);
		Map<String, Object> returned = fx.lastAudit("COMPLETION_RETURNED", "ASSIGNMENT", id);
		actorIs(returned, "sokhcn", "Nguyễn Văn Thường Trực");
		assertThat((String) returned.get("summary")).contains("Chưa kèm Quyết định đã ký");
		assertThat(fx.auditField("COMPLETION_RETURNED", "ASSIGNMENT", id, "before_state", "state")).isEqualTo("HEAD_APPROVED");
		assertThat(fx.auditField("COMPLETION_RETURNED", "ASSIGNMENT", id, "after_state", "state")).isEqualTo("OPEN");

		// claimed again by the director himself (counts as approved), then confirmed by Sở KH&CN
		mvc.perform(post("/assignments/{id}/claim", id).with(user(fx.user("gd.stc"))).with(csrf())
			.param("completedOn", "18/11/2026").param("evidence", "Quyết định số 88/QĐ-UBND ngày 18/11/2026 (bản ký số)"))
			.andExpect(flash().attribute("flash", "Đã gửi đề nghị xác nhận hoàn thành"));
		assertThat(auditLines("COMPLETION_CLAIMED", "ASSIGNMENT", id)).isEqualTo(2);
		assertThat(fx.auditField("COMPLETION_CLAIMED", "ASSIGNMENT", id, "after_state", "state")).isEqualTo("HEAD_APPROVED");
		mvc.perform(post("/claims/{id}/confirm", lastClaim(id)).with(user(fx.user("sokhcn"))).with(csrf()))
			.andExpect(flash().attribute("flash", "Đã xác nhận hoàn thành"));
		assertThat(auditLines("COMPLETION_CONFIRMED", "ASSIGNMENT", id)).isEqualTo(1);
		actorIs(fx.lastAudit("COMPLETION_CONFIRMED", "ASSIGNMENT", id), "sokhcn", "Nguyễn Văn Thường Trực");
		assertThat(fx.auditField("COMPLETION_CONFIRMED", "ASSIGNMENT", id, "before_state", "state")).isEqualTo("HEAD_APPROVED");
		assertThat(fx.auditField("COMPLETION_CONFIRMED", "ASSIGNMENT", id, "before_state", "completedOn")).isNull();
		assertThat(fx.auditField("COMPLETION_CONFIRMED", "ASSIGNMENT", id, "after_state", "state")).isEqualTo("COMPLETED");
		assertThat(fx.auditField("COMPLETION_CONFIRMED", "ASSIGNMENT", id, "after_state", "completedOn")).isEqualTo("2026-11-18");
		assertThat(fx.auditField("COMPLETION_CONFIRMED", "ASSIGNMENT", id, "after_state", "percent")).isEqualTo("100");
	}

	@Test
	@DisplayName("the director returning the officer's claim is recorded with the director as actor")
	void headReturnsClaim() throws Exception {
		Task task = fx.task("Tổng hợp nhu cầu kinh phí chuyển đổi số năm 2027 " + Fixtures.tag(), "Tháng 12/2026", "STC");
		Assignment a = fx.onlyAssignment(task);
		long claimId = fx.claim("cb.stc", a, LocalDate.of(2026, 11, 10), "Văn bản số 1/STC");

		mvc.perform(post("/claims/{id}/return", claimId).param("reason", "Bổ sung số liệu của 3 đơn vị")
			.with(user(fx.user("gd.stc"))).with(csrf()))
			.andExpect(flash().attribute("flash", "Đã trả lại đề nghị"));

		actorIs(fx.lastAudit("COMPLETION_RETURNED", "ASSIGNMENT", a.getId()), "gd.stc", "Giám đốc Sở Tài chính");
		assertThat(fx.auditField("COMPLETION_RETURNED", "ASSIGNMENT", a.getId(), "before_state", "state")).isEqualTo("CLAIMED");
		assertThat(fx.auditField("COMPLETION_RETURNED", "ASSIGNMENT", a.getId(), "after_state", "state")).isEqualTo("OPEN");
	}

	@Test
	@DisplayName("a leader's direction is recorded with the leader as actor and the text as after-state")
	void direction() throws Exception {
		Task task = fx.task("Triển khai hạ tầng 5G tại các khu công nghiệp " + Fixtures.tag(), "Quý IV/2026", "STC");

		mvc.perform(post("/tasks/{id}/directions", task.getId()).param("content", "Hoàn thành trước 15/12/2026")
			.with(user(fx.user("lanhdao"))).with(csrf()))
			.andExpect(flash().attribute("flash", "Đã ghi ý kiến chỉ đạo"));

		actorIs(fx.lastAudit("DIRECTION_ADDED", "TASK", task.getId()), "lanhdao", "Lãnh đạo UBND tỉnh");
		assertThat(fx.auditField("DIRECTION_ADDED", "TASK", task.getId(), "after_state", "content"))
			.isEqualTo("Hoàn thành trước 15/12/2026");
	}

	@Test
	@DisplayName("a refused change leaves no change line: bad percent, future completion date, a claim decided by the wrong person")
	void refusedChangesLeaveNoChangeLine() throws Exception {
		Task task = fx.task("Xây dựng cơ sở dữ liệu nhân lực khoa học, công nghệ " + Fixtures.tag(), "Tháng 12/2026", "STC");
		Assignment a = fx.onlyAssignment(task);

		mvc.perform(post("/assignments/{id}/progress", a.getId()).with(user(fx.user("cb.stc"))).with(csrf())
			.param("percent", "101").param("results", "Vượt kế hoạch"))
			.andExpect(flash().attribute("error", "Tỷ lệ hoàn thành phải từ 0 đến 100%"));
		mvc.perform(post("/assignments/{id}/claim", a.getId()).with(user(fx.user("cb.stc"))).with(csrf())
			.param("completedOn", "30/11/2026").param("evidence", "Sẽ hoàn thành"))
			.andExpect(flash().attribute("error", containsString("ở sau ngày hôm nay")));
		long claimId = fx.claim("cb.stc", a, LocalDate.of(2026, 11, 20), "Kế hoạch số 9/KH-STC");
		mvc.perform(post("/claims/{id}/confirm", claimId).with(user(fx.user("sokhcn"))).with(csrf()))
			.andExpect(flash().attribute("error", "Chỉ xác nhận được đề nghị đã được thủ trưởng cơ quan duyệt"));

		assertThat(auditLines("PROGRESS_POSTED", "ASSIGNMENT", a.getId())).isZero();
		assertThat(auditLines("COMPLETION_CLAIMED", "ASSIGNMENT", a.getId())).isEqualTo(1);
		assertThat(auditLines("COMPLETION_CONFIRMED", "ASSIGNMENT", a.getId())).isZero();
		assertThat(fx.claimState(claimId)).isEqualTo("CLAIMED");
	}

	private long lastClaim(long assignmentId) {
		return fx.jdbc.queryForObject("SELECT max(id) FROM completion_claim WHERE assignment_id = ?", Long.class,
				assignmentId);
	}
}
