package vn.nq57.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.indicator.IndicatorsForOtherTests;
import vn.nq57.intake.ImportsForOtherTests;
import vn.nq57.task.Plan;
import vn.nq57.testdata.World;

/**
 * In a real Chromium: a user switches the interface to English with {@code ?lang=en}, the choice is remembered on
 * the following pages without the parameter, and the main pages show no Vietnamese in their chrome — the menu,
 * headings, labels, table headers, buttons. Content (task titles, agency names, what agencies wrote) stays
 * Vietnamese: a chrome element that carries such content marks it {@code lang="vi"} (or names it in
 * {@code data-content} where the text is one message around it), which the check leaves out.
 * Dates and numbers keep the Vietnamese form in both languages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LanguageBrowserTest {

	/** The interface's chrome: what the bundles must translate. Form controls hold content and are left out. */
	private static final String CHROME_TEXT = """
			const vietnamese = new RegExp(arguments[0]);
			const found = [];
			document.querySelectorAll('nav, h1, h2, h3, label, button, th, summary, legend, p.muted, .hint, a.button')
			  .forEach(e => {
			    if (e.closest('body [lang="vi"]')) { return; }
			    const c = e.cloneNode(true);
			    c.querySelectorAll('[lang="vi"], select, option, textarea, input').forEach(x => x.remove());
			    let text = c.textContent.replace(/\\s+/g, ' ').trim();
			    [e, ...e.querySelectorAll('[data-content]')].forEach(x => (x.dataset.content || '').split('|')
			      .forEach(v => { if (v) { text = text.split(v).join(''); } }));
			    if (vietnamese.test(text)) { found.push(e.tagName.toLowerCase() + ': ' + text.substring(0, 160)); }
			  });
			return found;
			""";

	@LocalServerPort
	int port;

	Browser browser;

	@Autowired ApplicationContext context;
	@Autowired World world;

	/** The pages shown have rows of this test's own: a task of Sở Tài chính, an indicator it reports, an import. */
	@BeforeEach
	void startBrowser() {
		Plan plan = world.plan("Kế hoạch kiểm thử ngôn ngữ " + World.seq()).groups("I").create();
		world.task("Triển khai chuyển đổi số trong hoạt động của sở " + World.seq()).in(plan, "I").lead("STC")
			.due("30/6/2026").create();
		IndicatorsForOtherTests.share(context, "STC", "SNV");
		ImportsForOtherTests.previewedAppendix(context);
		browser = new Browser(port);
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void dostSwitchesToEnglishAndTheMainPagesShowNoVietnamese() {
		browser.login("sokhcn");
		browser.open("/tasks");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Danh sách nhiệm vụ");
		assertThat(vietnameseChrome()).as("the check finds Vietnamese on the Vietnamese page").isNotEmpty();

		browser.open("/overview?lang=en");
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Overview of the implementation of Resolution 57-NQ/TW");
		assertThat(browser.text(By.id("menu"))).contains("Overview", "Tasks", "Periodic reports", "Indicator set",
				"Plans, directives", "Settings");
		List<String> problems = new ArrayList<>(check("/overview"));

		// remembered without the parameter
		browser.open("/tasks");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Task list");
		assertThat(browser.driver().getTitle()).isEqualTo("Tasks – Resolution 57 implementation tracker");
		problems.addAll(check("/tasks"));
		// numbers and dates keep the province's form
		assertThat(browser.text(By.cssSelector("p.muted"))).matches(".*tasks found; status as of \\d{2}/\\d{2}/\\d{4}");

		browser.find(By.cssSelector("#task-table a")).click();
		problems.addAll(check("a task page"));
		assertThat(browser.text(By.cssSelector("#assignments th"))).isEqualTo("Agency");

		for (String page : new String[] { "/plans", "/claims", "/reporting/completeness", "/reporting/urge",
				"/reporting/regimes", "/indicators", "/notifications", "/settings", "/urging" }) {
			browser.open(page);
			problems.addAll(check(page));
		}
		browser.open("/reporting/completeness");
		browser.find(By.cssSelector("#grid thead a")).click();
		problems.addAll(check("a reporting period"));

		assertThat(problems).isEmpty();

		browser.open("/tasks?lang=vi");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Danh sách nhiệm vụ");
		browser.open("/overview");
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
	}

	@Test
	void officerAndLeaderSeeTheirPagesInEnglish() {
		browser.open("/login?lang=en");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Sign in");
		assertThat(vietnameseChrome()).isEmpty();
		browser.login("cb.stc");
		browser.open("/my?lang=en");
		assertThat(browser.text(By.tagName("h1"))).startsWith("Work of ");
		List<String> problems = new ArrayList<>(check("/my"));
		browser.open("/reporting");
		problems.addAll(check("/reporting (an agency)"));
		browser.find(By.cssSelector("#my-reports tbody a")).click();
		problems.addAll(check("an agency's report"));
		for (String page : new String[] { "/tasks", "/indicators/entry", "/notifications" }) {
			browser.open(page);
			problems.addAll(check(page));
		}
		browser.find(By.id("logout")).click();

		browser.login("lanhdao");
		browser.open("/overview");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Overview of the implementation of Resolution 57-NQ/TW");
		problems.addAll(check("/overview (a leader)"));
		browser.open("/urging");
		problems.addAll(check("/urging (a leader)"));
		assertThat(problems).isEmpty();
	}

	@Test
	void theOtherPagesInEnglishToo() {
		List<String> problems = new ArrayList<>();
		browser.login("sokhcn");
		browser.open("/indicators?lang=en");
		browser.find(By.cssSelector("main table tbody a")).click();
		problems.addAll(check("an indicator"));
		for (String page : new String[] { "/indicators/new", "/indicators/settings", "/intake", "/account" }) {
			browser.open(page);
			problems.addAll(check(page));
		}
		browser.open("/intake");
		browser.find(By.cssSelector("main table tbody a")).click();
		problems.addAll(check("an import's preview"));
		browser.find(By.id("logout")).click();
		browser.login("admin");
		for (String page : new String[] { "/admin/agencies", "/admin/users", "/admin/notifications",
				"/admin/agencies/new", "/admin/users/new" }) {
			browser.open(page);
			problems.addAll(check(page));
		}
		browser.find(By.id("logout")).click();
		browser.login("cb.stc");
		browser.open("/indicators/entry");
		browser.find(By.cssSelector("main a.button")).click();
		problems.addAll(check("an indicator entry"));
		browser.open("/nothing-here");
		problems.addAll(check("a missing page"));
		assertThat(problems).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private List<String> vietnameseChrome() {
		return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(CHROME_TEXT,
				MessageBundlesTest.VIETNAMESE.pattern());
	}

	private List<String> check(String page) {
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).as(page).isEqualTo("en");
		return vietnameseChrome().stream().map(t -> page + " → " + t).toList();
	}
}
