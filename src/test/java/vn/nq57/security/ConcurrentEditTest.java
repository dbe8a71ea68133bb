package vn.nq57.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import vn.nq57.IntegrationTest;
import vn.nq57.task.Assignment;
import vn.nq57.task.AssignmentState;
import vn.nq57.task.Task;

/**
 * Two people with the same record open: the first to save wins, the second is told "Người khác vừa cập nhật…"
 * and their stale change is not written over the first. The forms carry the version they were opened at.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ConcurrentEditTest {

	static final String TASK_CHANGED = "Người khác vừa cập nhật nhiệm vụ này sau khi bạn mở trang. Thay đổi của bạn "
			+ "chưa được lưu; hãy tải lại trang để xem nội dung mới rồi sửa lại.";

	static final String ASSIGNMENT_CHANGED = "Người khác vừa cập nhật phần việc này sau khi bạn mở trang. Thay đổi "
			+ "của bạn chưa được lưu; hãy tải lại trang để xem nội dung mới rồi sửa lại.";

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
		stcTask = fx.task("Xây dựng cơ sở dữ liệu chi ngân sách cho chuyển đổi số " + Fixtures.tag(), "Tháng 12/2026",
				"STC");
		stcWork = fx.onlyAssignment(stcTask);
	}

	/** The version a page's form carries: the first hidden "version" after the form's action. */
	private String versionInForm(String html, String action) {
		int at = html.indexOf("action=\"" + action + "\"");
		assertThat(at).as("form " + action + " on the page").isPositive();
		Matcher m = Pattern.compile("name=\"version\"[^>]*value=\"(\\d+)\"").matcher(html);
		assertThat(m.find(at)).as("version field of " + action).isTrue();
		return m.group(1);
	}

	private MockHttpServletRequestBuilder taskForm(String title, String version) {
		return post("/tasks/{id}/edit", stcTask.getId()).with(user(fx.user("sokhcn"))).with(csrf())
			.param("title", title)
			.param("accountableHead", "Giám đốc Sở Tài chính")
			.param("leadAgencyIds", String.valueOf(fx.agencyId("STC")))
			.param("expectedOutput", "Cơ sở dữ liệu")
			.param("deadlinePhrase", "Tháng 12/2026")
			.param("version", version);
	}

	@Test
	@DisplayName("Sở KH&CN opens the task form twice; the second save with the old version is refused and the first title is kept")
	void secondTaskSaveWithStaleVersionIsRefused() throws Exception {
		String edit = "/tasks/" + stcTask.getId() + "/edit";
		String first = mvc.perform(get(edit).with(user(fx.user("sokhcn")))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String second = mvc.perform(get(edit).with(user(fx.user("sokhcn")))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String version = versionInForm(first, edit);
		assertThat(versionInForm(second, edit)).isEqualTo(version).isEqualTo(String.valueOf(stcTask.getVersion()));
		String firstTitle = "Xây dựng cơ sở dữ liệu chi ngân sách KHCN (bản sửa thứ nhất) " + Fixtures.tag();
		String secondTitle = "Xây dựng cơ sở dữ liệu chi ngân sách KHCN (bản sửa thứ hai) " + Fixtures.tag();

		mvc.perform(taskForm(firstTitle, version))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/tasks/" + stcTask.getId()))
			.andExpect(flash().attribute("flash", "Đã lưu thay đổi"));
		mvc.perform(taskForm(secondTitle, version))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(TASK_CHANGED)));

		Task now = fx.reload(stcTask);
		assertThat(now.getTitle()).isEqualTo(firstTitle);
		assertThat(now.getVersion()).isGreaterThan(Long.parseLong(version));
		assertThat(fx.count("SELECT count(*) FROM audit_event WHERE action = 'TASK_UPDATED' AND entity_id = ?",
				stcTask.getId())).isEqualTo(1);
	}

	@Test
	@DisplayName("two records of the trigger on a conditional task with the same version: the second is refused, the first kept")
	void secondTriggerWithStaleVersionIsRefused() throws Exception {
		Task conditional = fx.task("Xây dựng Đề án cơ chế thí điểm công nghệ mới " + Fixtures.tag(),
				"Sau khi có văn bản của Trung ương", "STC");
		String version = String.valueOf(conditional.getVersion());

		mvc.perform(post("/tasks/{id}/trigger", conditional.getId()).with(user(fx.user("sokhcn"))).with(csrf())
			.param("document", "Nghị định số 88/2026/NĐ-CP ngày 01/11/2026").param("dueDate", "31/12/2026")
			.param("version", version))
			.andExpect(flash().attribute("flash", "Đã ghi nhận văn bản kích hoạt và thời hạn mới"));
		mvc.perform(post("/tasks/{id}/trigger", conditional.getId()).with(user(fx.user("sokhcn"))).with(csrf())
			.param("document", "Thông tư số 5/2026/TT-BKHCN").param("dueDate", "31/03/2027")
			.param("version", version))
			.andExpect(flash().attribute("error", TASK_CHANGED));

		Task now = fx.reload(conditional);
		assertThat(now.getTriggerDocument()).isEqualTo("Nghị định số 88/2026/NĐ-CP ngày 01/11/2026");
		assertThat(now.getDueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	@DisplayName("the officer and the director of Sở Tài chính post progress from the same page; the second is refused, the first kept")
	void secondProgressWithStaleVersionIsRefused() throws Exception {
		String page = mvc.perform(get("/tasks/{id}", stcTask.getId()).with(user(fx.user("cb.stc"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String action = "/assignments/" + stcWork.getId() + "/progress";
		String version = versionInForm(page, action);
		assertThat(version).isEqualTo(String.valueOf(stcWork.getVersion()));

		mvc.perform(post(action).with(user(fx.user("cb.stc"))).with(csrf())
			.param("version", version).param("percent", "30").param("results", "Đã thu thập số liệu 6/20 đơn vị"))
			.andExpect(flash().attribute("flash", "Đã cập nhật tiến độ"));
		mvc.perform(post(action).with(user(fx.user("gd.stc"))).with(csrf())
			.param("version", version).param("percent", "60").param("results", "Đã thu thập số liệu 12/20 đơn vị"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", ASSIGNMENT_CHANGED));

		assertThat(fx.progressRows(stcWork)).isEqualTo(1);
		assertThat(fx.reload(stcWork).getPercent()).isEqualTo(30);
		assertThat(fx.jdbc.queryForObject("SELECT results FROM progress_update WHERE assignment_id = ?", String.class,
				stcWork.getId())).isEqualTo("Đã thu thập số liệu 6/20 đơn vị");
	}

	@Test
	@DisplayName("a completion claim sent from a page opened before someone else's progress update is refused")
	void claimWithStaleVersionIsRefused() throws Exception {
		String version = String.valueOf(stcWork.getVersion());
		mvc.perform(post("/assignments/{id}/progress", stcWork.getId()).with(user(fx.user("gd.stc"))).with(csrf())
			.param("version", version).param("percent", "90").param("results", "Sắp hoàn thành"))
			.andExpect(flash().attribute("flash", "Đã cập nhật tiến độ"));

		mvc.perform(post("/assignments/{id}/claim", stcWork.getId()).with(user(fx.user("cb.stc"))).with(csrf())
			.param("version", version).param("completedOn", "20/11/2026").param("evidence", "Quyết định số 88/QĐ-STC"))
			.andExpect(flash().attribute("error", ASSIGNMENT_CHANGED));

		assertThat(fx.claimRows(stcWork)).isZero();
		assertThat(fx.reload(stcWork).getState()).isEqualTo(AssignmentState.OPEN);
	}

	@Test
	@DisplayName("two API progress posts carrying the same assignment version: 201, then 409 with the message, and the first kept")
	void secondApiProgressWithStaleVersionIsRefused() throws Exception {
		String token = fx.token("cb.stc");
		String detail = mvc.perform(get("/api/v1/tasks/{id}", stcTask.getId()).header("Authorization", "Bearer " + token))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		int version = JsonPath.read(detail, "$.assignments[0].version");
		String body = "{\"percent\": %d, \"results\": \"%s\", \"version\": %d}";

		mvc.perform(post("/api/v1/assignments/{id}/progress", stcWork.getId()).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(35, "Lần gửi thứ nhất", version)))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/assignments/{id}/progress", stcWork.getId()).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content(body.formatted(70, "Lần gửi thứ hai", version)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.message").value(ASSIGNMENT_CHANGED));

		assertThat(fx.progressRows(stcWork)).isEqualTo(1);
		assertThat(fx.reload(stcWork).getPercent()).isEqualTo(35);
	}
}
