package vn.nq57.trust;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.account.Role;
import vn.nq57.security.Fixtures;
import vn.nq57.system.DomainException;

/** API tokens expire, carry scopes, and open the API paths only (not the web pages). */
@IntegrationTest
@AutoConfigureMockMvc
class ApiTokenTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	Fixtures fx;

	long id;

	@BeforeEach
	void ownAccount() {
		fx = new Fixtures(ctx);
		id = fx.users.create("sokhcn.api." + Fixtures.tag().toLowerCase(), Fixtures.PASSWORD, "Cán bộ API", null,
				Role.SECRETARIAT, fx.agencyId("SKHCN")).getId();
	}

	@Test
	@DisplayName("a token opens /api/ but not the web pages")
	void apiOnly() throws Exception {
		String token = fx.users.issueApiToken(id, 30, List.of("read"));
		mvc.perform(get("/api/v1/tasks").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
		mvc.perform(get("/tasks").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
		mvc.perform(get("/admin/users").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
	}

	@Test
	@DisplayName("a read token cannot write; an expired token is refused with its reason")
	void scopesAndExpiry() throws Exception {
		String token = fx.users.issueApiToken(id, 30, List.of("read"));
		mvc.perform(post("/api/v1/tasks").header("Authorization", "Bearer " + token).contentType("application/json")
			.content("{}")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("phạm vi")));
		fx.jdbc.update("UPDATE app_user SET api_token_expires_at = now() - interval '1 minute' WHERE id = ?", id);
		mvc.perform(get("/api/v1/tasks").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("hết hạn")));
	}

	@Test
	@DisplayName("only an administrator's token may read the metrics; a lifetime over a year is refused")
	void limits() {
		assertThatThrownBy(() -> fx.users.issueApiToken(id, 30, List.of("metrics"))).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> fx.users.issueApiToken(id, 400, List.of("read"))).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> fx.users.issueApiToken(id, 30, List.of("admin"))).isInstanceOf(DomainException.class);
	}
}
