package vn.nq57.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.account.Menu;
import vn.nq57.account.Role;
import vn.nq57.security.Fixtures;

/**
 * The menu and the authorisation of its routes come from one table ({@link Menu}): each role sees exactly the
 * entries it may open, and is refused (403, audited) the others, even when it types the address.
 */
@IntegrationTest
@AutoConfigureMockMvc
class MenuAccessTest {

	/** One demo user per role. */
	static final List<String> USERS = List.of("sokhcn", "lanhdao", "gd.stc", "cb.stc", "admin");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	@Autowired
	JdbcTemplate jdbc;

	Fixtures fx;

	@BeforeEach
	void fixtures() {
		fx = new Fixtures(ctx);
	}

	@Test
	void anOfficerDoesNotSeeNorOpenADostRoute() throws Exception {
		String page = mvc.perform(get("/tasks").with(user(fx.user("cb.stc")))).andReturn().getResponse()
			.getContentAsString();
		assertThat(menuLinks(page)).doesNotContain("/plans", "/intake", "/settings", "/overview")
			.contains("/my", "/tasks", "/reporting", "/indicators/entry", "/notifications");

		int deniedBefore = denials();
		for (String route : new String[] { "/plans", "/intake", "/settings", "/overview", "/claims", "/urging",
				"/reporting/regimes", "/indicators" }) {
			mvc.perform(get(route).with(user(fx.user("cb.stc")))).andExpect(status().isForbidden());
		}
		assertThat(denials()).as("each refusal is in the audit trail").isGreaterThanOrEqualTo(deniedBefore + 8);
		mvc.perform(get("/admin/users").with(user(fx.user("sokhcn")))).andExpect(status().isForbidden());
		mvc.perform(get("/my").with(user(fx.user("sokhcn")))).andExpect(status().isForbidden());
	}

	@Test
	void everyRoleSeesExactlyTheEntriesItMayOpenAndOpensThem() throws Exception {
		for (String username : USERS) {
			Role role = fx.user(username).role();
			String page = mvc.perform(get("/notifications").with(user(fx.user(username)))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			assertThat(menuLinks(page)).as(username)
				.containsExactlyElementsOf(Menu.of(role).stream().map(Menu.Entry::path).toList());
			for (Menu.Entry e : Menu.entries()) {
				int status = mvc.perform(get(e.path()).with(user(fx.user(username)))).andReturn().getResponse()
					.getStatus();
				if (e.allows(role)) {
					assertThat(status).as(username + " opens " + e.path()).isIn(200, 302);
				}
				else {
					assertThat(status).as(username + " is refused " + e.path()).isEqualTo(403);
				}
			}
		}
	}

	@Test
	void theTableGivesEveryRoleAMenu() {
		for (Role r : Role.values()) {
			assertThat(Menu.of(r)).as(r.name()).isNotEmpty();
		}
		assertThat(Menu.route("/plans/")).map(Menu.Entry::path).hasValue("/plans");
		assertThat(Menu.route("/tasks/12")).isEmpty();
		assertThat(Menu.route("/plans").orElseThrow().roles()).isEqualTo(EnumSet.of(Role.SECRETARIAT, Role.LEADER));
	}

	private int denials() {
		return jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'ACCESS_DENIED'", Integer.class);
	}

	private static List<String> menuLinks(String page) {
		Matcher nav = Pattern.compile("(?s)<nav id=\"menu\">(.*?)</nav>").matcher(page);
		assertThat(nav.find()).as("the page has the menu").isTrue();
		Matcher a = Pattern.compile("href=\"([^\"]+)\"").matcher(nav.group(1));
		List<String> links = new java.util.ArrayList<>();
		while (a.find()) {
			links.add(a.group(1));
		}
		return links;
	}
}
