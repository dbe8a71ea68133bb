package vn.nq57.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.nq57.indicator.IndicatorsForOtherTests;
import vn.nq57.task.Plan;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;
import vn.nq57.web.Browser;

/**
 * WCAG 2.1 AA in a real Chromium with axe-core (npm {@code axe-core}, vendored in src/test/resources/axe): zero
 * serious or critical violations on every public page, walked anonymously, and on the main staff pages (overview, my
 * work, a task page, the reports, indicator entry); the public pages at 390 px wide without horizontal scrolling of
 * the page, with a skip link reached first by the keyboard, {@code lang="vi"} and headings in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccessibilityBrowserTest {

	@LocalServerPort
	int port;

	@Autowired World world;
	@Autowired ApplicationContext context;
	@Autowired PublicCache cache;
	@Autowired vn.nq57.account.RunAs runAs;
	@Autowired vn.nq57.catalogue.InventoryService inventory;

	Browser browser;
	static String axe;

	@BeforeEach
	void start() throws IOException {
		if (axe == null) {
			try (InputStream in = getClass().getResourceAsStream("/axe/axe.min.js")) {
				axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		browser = new Browser(port);
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	/** The serious and critical violations of WCAG 2.0/2.1 A and AA on the page now open. */
	List<String> violations() {
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		js.executeScript(axe);
		browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		String json = (String) js.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
				  .then(function (r) { done(JSON.stringify(r.violations)); })
				  .catch(function (e) { done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])); });""");
		List<String> out = new ArrayList<>();
		for (JsonNode v : JsonMapper.builder().build().readTree(json)) {
			String impact = v.path("impact").asString("");
			if (impact.equals("serious") || impact.equals("critical")) {
				StringBuilder sb = new StringBuilder(v.get("id").asString() + " (" + impact + "): " + v.get("help").asString());
				for (JsonNode n : v.get("nodes")) {
					sb.append("\n    ").append(n.path("target").toString()).append(' ').append(n.path("html").asString(""));
				}
				out.add(sb.toString());
			}
		}
		return out;
	}

	void check(String path, Map<String, List<String>> found) {
		browser.open(path);
		List<String> v = violations();
		if (!v.isEmpty()) {
			found.put(path, v);
		}
	}

	@Test
	void publicPagesPassAxeAndWorkAt390PixelsWithTheKeyboard() {
		String code = IndicatorsForOtherTests.approvedAndDraft(context, "Chỉ số truy cập kiểm thử " + World.seq(), "12", "13",
				"note");
		Plan p = world.plan("Kế hoạch truy cập kiểm thử " + World.seq()).groups("I").create();
		world.task("Nhiệm vụ truy cập kiểm thử " + World.seq()).in(p, "I").lead("STC").due("30/6/2026").create();
		runAs.user("sokhcn", () -> inventory.create(new vn.nq57.catalogue.InventoryService.Input(
				"Hệ thống truy cập kiểm thử có tên rất dài để xem dòng chữ xuống hàng ở màn hình hẹp " + World.seq(),
				world.agency("STC"), "Quản lý hồ sơ, tài liệu điện tử của cơ quan và kết nối liên thông văn bản", "SOFTWARE",
				null, "DATA_CENTRE", null, false, true, false, null, "OPERATING", "2025", null, null)));
		cache.clear();
		Map<String, List<String>> found = new java.util.LinkedHashMap<>();
		List<String> pages = List.of("/public", "/public/agencies", "/public/indicators", "/public/indicators/" + code,
				"/public/data", "/public/recommendations/new", "/login", "/public/data/bai-toan-lon", "/public/data/sang-kien",
				"/public/data/he-thong-thong-tin", "/public/data/kien-nghi-da-tra-loi", "/public/data/nhiem-vu?q=truy+cap");
		for (String path : pages) {
			check(path, found);
		}
		assertThat(found).as("serious or critical axe-core violations").isEmpty();

		// the same at a phone's width (390 px): axe again (reflow, target sizes, contrast of the narrow layout), no
		// sideways scrolling, the language and the headings
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		Map<String, List<String>> narrow = new java.util.LinkedHashMap<>();
		for (String path : pages) {
			check(path, narrow);
		}
		assertThat(narrow).as("serious or critical axe-core violations at 390 px").isEmpty();
		for (String path : pages) {
			browser.open(path);
			JavascriptExecutor js = (JavascriptExecutor) browser.driver();
			Number overflow = (Number) js.executeScript(
					"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow.intValue()).as("%s scrolls sideways at 390 px", path).isLessThanOrEqualTo(0);
			assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
			// headings in order: one h1, never a level skipped
			@SuppressWarnings("unchecked")
			List<Long> levels = (List<Long>) js.executeScript(
					"return Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map(h => Number(h.tagName.substring(1)));");
			assertThat(levels.get(0)).as(path).isEqualTo(1L);
			for (int i = 1; i < levels.size(); i++) {
				assertThat(levels.get(i)).as("%s heading %d", path, i).isLessThanOrEqualTo(levels.get(i - 1) + 1);
			}
		}
		// keyboard: the first Tab reaches the skip link, which moves to the content
		browser.open("/public");
		browser.find(By.tagName("body")).sendKeys(Keys.TAB);
		assertThat(browser.driver().switchTo().activeElement().getAttribute("class")).contains("skip-link");
		// without JavaScript the form still posts (a plain form) and the page is complete
		assertThat(browser.find(By.id("status-table")).getText()).contains("Hoàn thành đúng hạn");
	}

	@Test
	void mainStaffPagesPassAxe() {
		Plan p = world.plan("Kế hoạch truy cập cán bộ " + World.seq()).groups("I").create();
		Task t = world.task("Nhiệm vụ truy cập cán bộ " + World.seq()).in(p, "I").lead("STC").due("30/12/2026").create();
		world.progress(world.assignment(t, "STC"), LocalDate.of(2026, 11, 1), 30, "Đã triển khai", null, null);
		Map<String, List<String>> found = new java.util.LinkedHashMap<>();
		browser.login("cb.stc");
		for (String path : List.of("/my", "/tasks/" + t.getId(), "/reporting", "/indicators/entry")) {
			check(path, found);
		}
		browser.logout();
		browser.login("sokhcn");
		for (String path : List.of("/overview", "/tasks", "/indicators")) {
			check(path, found);
		}
		assertThat(found).as("serious or critical axe-core violations").isEmpty();
	}
}
