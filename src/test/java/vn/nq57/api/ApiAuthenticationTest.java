package vn.nq57.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.task.Assignment;
import vn.nq57.task.Task;
import vn.nq57.security.Fixtures;

/**
 * How a script proves who it is: a per-user token in {@code Authorization: Bearer …}. Without one, or with a
 * wrong or revoked one, the API answers 401 in JSON. A token carries no cookie, so a token POST needs no CSRF
 * token, while a page POST without the CSRF token is refused and saves nothing.
 */
@IntegrationTest
@AutoConfigureMockMvc
class ApiAuthenticationTest {

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
		stcTask = fx.task("Tổng hợp đề xuất phân khai kinh phí khoa học, công nghệ năm 2027 " + Fixtures.tag(),
				"Tháng 12/2026", "STC");
		stcWork = fx.onlyAssignment(stcTask);
	}

	@Test
	@DisplayName("an API call without a token gets 401 with a JSON message, not the login page")
	void unauthenticatedApiCallGets401Json() throws Exception {
		mvc.perform(get("/api/v1/tasks"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.message").value(containsString("đăng nhập")));
		mvc.perform(get("/api/v1/tasks/{id}", stcTask.getId()))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.message").isString());
	}

	@Test
	@DisplayName("an API POST without a token gets the same 401 JSON (not a CSRF 403), and nothing is saved")
	void unauthenticatedApiPostGets401Json() throws Exception {
		mvc.perform(post("/api/v1/assignments/{id}/progress", stcWork.getId())
			.contentType(MediaType.APPLICATION_JSON).content("{\"percent\": 50, \"results\": \"Đã tổng hợp\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.message").value(containsString("đăng nhập")));

		assertThat(fx.progressRows(stcWork)).isZero();
	}

	@Test
	@DisplayName("an API call with a wrong token gets 401 with the Vietnamese message, and the token is not tried as a session")
	void badTokenGets401() throws Exception {
		mvc.perform(get("/api/v1/tasks").header("Authorization", "Bearer nq57_khong-phai-ma-that"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.message").value("Mã truy cập API không hợp lệ hoặc đã bị thu hồi"));
		mvc.perform(post("/api/v1/assignments/{id}/progress", stcWork.getId())
			.header("Authorization", "Bearer nq57_khong-phai-ma-that")
			.contentType(MediaType.APPLICATION_JSON).content("{\"percent\": 50, \"results\": \"Đã tổng hợp\"}"))
			.andExpect(status().isUnauthorized());
		assertThat(fx.progressRows(stcWork)).isZero();
	}

	@Test
	@DisplayName("a token stops working once a new one is issued or it is revoked")
	void replacedAndRevokedTokensGet401() throws Exception {
		String old = fx.token("cb.stc");
		mvc.perform(get("/api/v1/tasks/{id}", stcTask.getId()).header("Authorization", "Bearer " + old))
			.andExpect(status().isOk());

		String current = fx.token("cb.stc");
		mvc.perform(get("/api/v1/tasks/{id}", stcTask.getId()).header("Authorization", "Bearer " + old))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/tasks/{id}", stcTask.getId()).header("Authorization", "Bearer " + current))
			.andExpect(status().isOk());

		fx.users.revokeApiToken(fx.user("cb.stc").id());
		mvc.perform(get("/api/v1/tasks/{id}", stcTask.getId()).header("Authorization", "Bearer " + current))
			.andExpect(status().isUnauthorized());
	}

	@Test
	@DisplayName("the API token is kept only as a hash, never in clear")
	void tokenIsStoredHashed() {
		String token = fx.token("cb.stc");

		String stored = fx.jdbc.queryForObject("SELECT api_token_hash FROM app_user WHERE username = 'cb.stc'",
				String.class);
		assertThat(stored).isNotBlank().doesNotContain(token).matches("[0-9a-f]{64}");
	}

	@Test
	@DisplayName("the officer of Sở Tài chính posts progress with a token and no CSRF token: 201 and saved")
	void bearerPostNeedsNoCsrf() throws Exception {
		mvc.perform(post("/api/v1/assignments/{id}/progress", stcWork.getId())
			.header("Authorization", "Bearer " + fx.token("cb.stc"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"percent\": 45, \"results\": \"Đã tổng hợp đề xuất của 12/20 đơn vị\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber());

		assertThat(fx.progressRows(stcWork)).isEqualTo(1);
		assertThat(fx.reload(stcWork).getPercent()).isEqualTo(45);
	}

	@Test
	@DisplayName("a page POST of progress without the CSRF token gets 403 and nothing is saved")
	void pagePostWithoutCsrfIsRefused() throws Exception {
		mvc.perform(post("/assignments/{id}/progress", stcWork.getId()).with(user(fx.user("cb.stc")))
			.param("percent", "45").param("results", "Đã tổng hợp đề xuất"))
			.andExpect(status().isForbidden());

		assertThat(fx.progressRows(stcWork)).isZero();
		assertThat(fx.reload(stcWork).getPercent()).isZero();

		mvc.perform(post("/assignments/{id}/progress", stcWork.getId()).with(user(fx.user("cb.stc"))).with(csrf())
			.param("percent", "45").param("results", "Đã tổng hợp đề xuất"))
			.andExpect(status().is3xxRedirection());
		assertThat(fx.progressRows(stcWork)).isEqualTo(1);
	}

	@Test
	@DisplayName("a page POST with a forged CSRF token gets 403 and nothing is saved")
	void pagePostWithInvalidCsrfIsRefused() throws Exception {
		mvc.perform(post("/assignments/{id}/progress", stcWork.getId()).with(user(fx.user("cb.stc")))
			.with(csrf().useInvalidToken())
			.param("percent", "45").param("results", "Đã tổng hợp đề xuất"))
			.andExpect(status().isForbidden());

		assertThat(fx.progressRows(stcWork)).isZero();
	}

	@Test
	@DisplayName("a signed-in browser session cannot be used to POST to the API without the CSRF token")
	void sessionApiPostWithoutCsrfIsRefused() throws Exception {
		mvc.perform(post("/api/v1/assignments/{id}/progress", stcWork.getId()).with(user(fx.user("cb.stc")))
			.contentType(MediaType.APPLICATION_JSON).content("{\"percent\": 45, \"results\": \"Đã tổng hợp\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.message").value(containsString("Thiếu mã CSRF hợp lệ")));

		assertThat(fx.progressRows(stcWork)).isZero();
	}

	@Test
	@DisplayName("a page POST that creates a task without the CSRF token gets 403 and no task is created")
	void taskCreationWithoutCsrfIsRefused() throws Exception {
		String title = "Nhiệm vụ tạo không có mã CSRF " + Fixtures.tag();

		mvc.perform(post("/tasks/new").with(user(fx.user("sokhcn")))
			.param("title", title).param("leadAgencyIds", String.valueOf(fx.agencyId("STC")))
			.param("deadlinePhrase", "Quý IV/2026"))
			.andExpect(status().isForbidden());

		assertThat(fx.count("SELECT count(*) FROM task WHERE title = ?", title)).isZero();
	}
}
