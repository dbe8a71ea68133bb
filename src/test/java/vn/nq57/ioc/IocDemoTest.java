package vn.nq57.ioc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.DemoIntegrationTest;
import vn.nq57.account.UserService;

/** The demo's IOC client: listed on the admin page, and the feed answers it with the id and secret the README gives. */
@DemoIntegrationTest
class IocDemoTest {

	@Autowired MockMvc mvc;
	@Autowired UserService users;
	@Autowired JdbcTemplate jdbc;

	@Test
	@DisplayName("the demo client is on /admin/ioc, its secret is kept hashed, and the feed answers it")
	void demoClient() throws Exception {
		String page = mvc.perform(get("/admin/ioc").with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(IocDemoData.CLIENT_ID).contains("Trung tâm IOC tỉnh (minh họa)").doesNotContain(IocDemoData.SECRET);
		assertThat(jdbc.queryForObject("SELECT secret_hash FROM ioc_client WHERE client_id = ?", String.class, IocDemoData.CLIENT_ID))
			.hasSize(64).isNotEqualTo(IocDemoData.SECRET);
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((IocDemoData.CLIENT_ID + ":" + IocDemoData.SECRET).getBytes(StandardCharsets.UTF_8));
		mvc.perform(get("/ioc/v1/figures").header("Authorization", basic)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("tasks.total")));
		mvc.perform(get("/ioc/v1/tasks/summary").header("Authorization", basic)).andExpect(status().isOk());
		assertThat(jdbc.queryForObject("SELECT count(*) FROM ioc_change", Integer.class)).as("the figures were detected once")
			.isPositive();
	}
}
