package vn.nq57.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.task.Plan;
import vn.nq57.testdata.World;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.security.Fixtures;

/**
 * The task list's filters with htmx: a change refreshes only the results and the address (so the filtered list can
 * be bookmarked and the back button works), without a full page load; without JavaScript the same form is an
 * ordinary GET of the whole page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class HtmxFilterTest {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext ctx;

	@Autowired
	World world;

	Browser browser;

	/** The list has rows of this test's own: one overdue task and one still in time (the day is 22/11/2026). */
	@BeforeEach
	void tasks() {
		Plan plan = world.plan("Kế hoạch kiểm thử bộ lọc " + World.seq()).groups("I").create();
		world.task("Nhiệm vụ đã quá hạn " + World.seq()).in(plan, "I").lead("STC").due("30/9/2026").create();
		world.task("Nhiệm vụ còn trong hạn " + World.seq()).in(plan, "I").lead("STC").due("31/12/2026").create();
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void anHtmxRequestGetsOnlyTheResults() throws Exception {
		var me = new Fixtures(ctx).user("sokhcn");
		String fragment = mvc.perform(get("/tasks").param("status", "OVERDUE").header("HX-Request", "true")
			.header("HX-Target", "task-results").with(user(me))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(fragment.strip()).startsWith("<div id=\"task-results\">").endsWith("</div>");
		assertThat(fragment).contains("id=\"task-table\"", "Chưa hoàn thành – quá hạn").doesNotContain("<html", "id=\"menu\"");

		String page = mvc.perform(get("/tasks").param("status", "OVERDUE").with(user(me))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<html", "id=\"menu\"", "id=\"task-results\"", "hx-get=\"/tasks\"");
	}

	@Test
	void aFilterChangeRefreshesTheListWithoutReloadingThePage() {
		browser = new Browser(port);
		browser.login("sokhcn");
		browser.open("/tasks");
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		js.executeScript("window.samePage = true;");
		String before = browser.text(By.cssSelector("#task-results p.muted"));

		new Select(browser.find(By.id("status"))).selectByValue("OVERDUE");
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until(d -> d.getCurrentUrl().contains("status=OVERDUE"));
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until(d -> !before.equals(browser.text(By.cssSelector("#task-results p.muted"))));

		assertThat(js.executeScript("return window.samePage === true")).as("no full page load").isEqualTo(true);
		assertThat(browser.findAll(By.cssSelector("#task-table span.status")))
			.isNotEmpty()
			.allSatisfy(s -> assertThat(s.getText()).startsWith("Chưa hoàn thành – quá hạn"));
		assertThat(browser.findAll(By.id("task-results"))).hasSize(1);
	}
}
