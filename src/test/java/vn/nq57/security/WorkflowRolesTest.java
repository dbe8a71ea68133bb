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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.task.Assignment;
import vn.nq57.task.AssignmentState;
import vn.nq57.task.Task;

/**
 * Who may move a completion claim on, and who may write what: only the head of the agency concerned
 * approves its claims, only Sở KH&CN confirms them, only provincial leaders give directions, only the IT
 * administrator reaches /admin. Each refusal is a 403 with an audit line and leaves the claim where it was.
 */
@IntegrationTest
@AutoConfigureMockMvc
class WorkflowRolesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	Fixtures fx;

	Task stcTask;

	Assignment stcWork;

	long claimId;

	@BeforeEach
	void claimOfSoTaiChinh() {
		fx = new Fixtures(ctx);
		stcTask = fx.task("Xây dựng cơ sở dữ liệu chi ngân sách cho khoa học, công nghệ " + Fixtures.tag(), "Tháng 12/2026",
				"STC");
		stcWork = fx.onlyAssignment(stcTask);
		claimId = fx.claim("cb.stc", stcWork, LocalDate.of(2026, 11, 15), "Quyết định số 88/QĐ-STC ngày 15/11/2026");
	}

	@ParameterizedTest(name = "{0} cannot approve the claim of Sở Tài chính")
	@ValueSource(strings = { "gd.bql", "cb.stc", "sokhcn", "lanhdao", "admin" })
	@DisplayName("only the director of Sở Tài chính approves Sở Tài chính's claim; everyone else gets 403 and an audit line")
	void onlyTheHeadOfTheSameAgencyApproves(String who) throws Exception {
		long before = fx.denials("CLAIM", claimId);

		mvc.perform(post("/claims/{id}/approve", claimId).with(user(fx.user(who))).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("chỉ thủ trưởng cơ quan được giao")));

		assertThat(fx.denials("CLAIM", claimId)).isEqualTo(before + 1);
		assertThat(fx.claimState(claimId)).isEqualTo("CLAIMED");
		assertThat(fx.reload(stcWork).getState()).isEqualTo(AssignmentState.CLAIMED);
	}

	@Test
	@DisplayName("the director of Sở Tài chính approves the claim, and it goes to Sở KH&CN")
	void headOfTheAgencyApproves() throws Exception {
		mvc.perform(post("/claims/{id}/approve", claimId).with(user(fx.user("gd.stc"))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/tasks/" + stcTask.getId()))
			.andExpect(flash().attribute("flash", "Đã duyệt đề nghị, chuyển Sở KH&CN xác nhận"));

		assertThat(fx.claimState(claimId)).isEqualTo("HEAD_APPROVED");
		assertThat(fx.reload(stcWork).getState()).isEqualTo(AssignmentState.HEAD_APPROVED);
	}

	@Test
	@DisplayName("the director of Ban Quản lý gets a 403 JSON for approving Sở Tài chính's claim through the API")
	void apiApprovalByAnotherAgencysHeadIsRefused() throws Exception {
		long before = fx.denials("CLAIM", claimId);

		mvc.perform(post("/api/v1/claims/{id}/approve", claimId).header("Authorization", "Bearer " + fx.token("gd.bql")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value(containsString("chỉ thủ trưởng cơ quan được giao")));

		assertThat(fx.denials("CLAIM", claimId)).isEqualTo(before + 1);
		assertThat(fx.claimState(claimId)).isEqualTo("CLAIMED");
	}

	@ParameterizedTest(name = "{0} cannot confirm the completion")
	@ValueSource(strings = { "gd.stc", "cb.stc", "lanhdao", "admin", "gd.bql" })
	@DisplayName("only Sở KH&CN confirms a completion; the agency's own head, leaders and the administrator get 403")
	void onlySecretariatConfirms(String who) throws Exception {
		fx.runAs.user("gd.stc", () -> fx.progress.approveClaim(claimId));
		long before = fx.denials("CLAIM", claimId);

		mvc.perform(post("/claims/{id}/confirm", claimId).with(user(fx.user(who))).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("xác nhận hoàn thành (chỉ Sở KH&amp;CN)")));

		assertThat(fx.denials("CLAIM", claimId)).isEqualTo(before + 1);
		assertThat(fx.claimState(claimId)).isEqualTo("HEAD_APPROVED");
		assertThat(fx.reload(stcWork).getCompletedOn()).isNull();
	}

	@Test
	@DisplayName("Sở KH&CN confirms; the completion date stays the agency's 15/11/2026")
	void secretariatConfirmsWithTheAgencysDate() throws Exception {
		fx.runAs.user("gd.stc", () -> fx.progress.approveClaim(claimId));

		mvc.perform(post("/claims/{id}/confirm", claimId).with(user(fx.user("sokhcn"))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "Đã xác nhận hoàn thành"));

		assertThat(fx.claimState(claimId)).isEqualTo("CONFIRMED");
		Assignment done = fx.reload(stcWork);
		assertThat(done.getState()).isEqualTo(AssignmentState.COMPLETED);
		assertThat(done.getCompletedOn()).isEqualTo(LocalDate.of(2026, 11, 15));
		assertThat(done.getPercent()).isEqualTo(100);
	}

	@Test
	@DisplayName("an officer cannot return their own agency's claim; only the head or Sở KH&CN can")
	void officerCannotReturnAClaim() throws Exception {
		long before = fx.denials("CLAIM", claimId);

		mvc.perform(post("/claims/{id}/return", claimId).param("reason", "Thiếu minh chứng")
			.with(user(fx.user("cb.stc"))).with(csrf()))
			.andExpect(status().isForbidden());

		assertThat(fx.denials("CLAIM", claimId)).isEqualTo(before + 1);
		assertThat(fx.claimState(claimId)).isEqualTo("CLAIMED");
	}

	@ParameterizedTest(name = "{0} cannot give a direction")
	@ValueSource(strings = { "sokhcn", "gd.stc", "cb.stc", "admin" })
	@DisplayName("only a provincial leader gives directions on a task; others get 403, an audit line, and nothing is written")
	void onlyLeaderGivesDirections(String who) throws Exception {
		long before = fx.denials("TASK", stcTask.getId());

		mvc.perform(post("/tasks/{id}/directions", stcTask.getId()).param("content", "Khẩn trương hoàn thành")
			.with(user(fx.user(who))).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("chỉ lãnh đạo tỉnh")));

		assertThat(fx.denials("TASK", stcTask.getId())).isEqualTo(before + 1);
		assertThat(fx.directionRows(stcTask)).isZero();
	}

	@Test
	@DisplayName("the provincial leader's direction is written on the task")
	void leaderGivesADirection() throws Exception {
		mvc.perform(post("/tasks/{id}/directions", stcTask.getId())
			.param("content", "Sở Tài chính hoàn thành trước ngày 15/12/2026, báo cáo UBND tỉnh.")
			.with(user(fx.user("lanhdao"))).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "Đã ghi ý kiến chỉ đạo"));

		assertThat(fx.directionRows(stcTask)).isEqualTo(1);
		assertThat(fx.jdbc.queryForObject("SELECT content FROM direction WHERE task_id = ?", String.class, stcTask.getId()))
			.isEqualTo("Sở Tài chính hoàn thành trước ngày 15/12/2026, báo cáo UBND tỉnh.");
	}

	@ParameterizedTest(name = "{0} is refused /admin")
	@ValueSource(strings = { "sokhcn", "lanhdao", "gd.stc", "cb.stc" })
	@DisplayName("only the administrator reaches the agency registry and the accounts under /admin")
	void onlyAdminReachesAdminPages(String who) throws Exception {
		mvc.perform(get("/admin/users").with(user(fx.user(who)))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/agencies").with(user(fx.user(who)))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/users/new").with(user(fx.user(who)))).andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("Sở KH&CN cannot create an account by posting to /admin/users/new")
	void nonAdminCannotCreateAccounts() throws Exception {
		String username = "gia.mao." + Fixtures.tag().toLowerCase();

		mvc.perform(post("/admin/users/new").with(user(fx.user("sokhcn"))).with(csrf())
			.param("username", username).param("password", "MatKhau2026").param("fullName", "Tài khoản giả mạo")
			.param("role", "ADMIN").param("agencyId", String.valueOf(fx.agencyId("SKHCN"))).param("enabled", "true"))
			.andExpect(status().isForbidden());

		assertThat(fx.users.findByUsername(username)).isEmpty();
	}

	@Test
	@DisplayName("the administrator opens the accounts and the agency registry")
	void adminReachesAdminPages() throws Exception {
		mvc.perform(get("/admin/users").with(user(fx.user("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("cb.stc")));
		mvc.perform(get("/admin/agencies").with(user(fx.user("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sở Tài chính")));
	}

	@Test
	@DisplayName("a browser that has not signed in is sent to the login page")
	void anonymousVisitorGoesToLogin() throws Exception {
		mvc.perform(get("/tasks/{id}", stcTask.getId()).accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
		mvc.perform(get("/admin/users").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}
}
