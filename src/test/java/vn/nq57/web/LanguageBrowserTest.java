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

	/**
	 * The interface's chrome: what the bundles must translate. Form controls hold content and are left out. On the
	 * main pages ({@code arguments[1]}) table cells count too — the words Java builds into them: periods, statuses,
	 * grid cells, notes — except content cells, which the templates mark {@code lang="vi"}; and so does the
	 * overview's chart: its legend (the datasets) and its axis labels other than the groups' own titles.
	 */
	private static final String CHROME_TEXT = """
			const vietnamese = new RegExp(arguments[0]);
			const found = [];
			const cells = arguments[1];
			document.querySelectorAll('nav, h1, h2, h3, label, button, th, summary, legend, p.muted, .hint, a.button'
			    + (cells ? ', td, caption' : ''))
			  .forEach(e => {
			    if (e.closest('body [lang="vi"]')) { return; }
			    const c = e.cloneNode(true);
			    c.querySelectorAll('[lang="vi"], select, option, textarea, input').forEach(x => x.remove());
			    let text = c.textContent.replace(/\\s+/g, ' ').trim();
			    [e, ...e.querySelectorAll('[data-content]')].forEach(x => (x.dataset.content || '').split('|')
			      .forEach(v => { if (v) { text = text.split(v).join(''); } }));
			    if (vietnamese.test(text)) { found.push(e.tagName.toLowerCase() + ': ' + text.substring(0, 160)); }
			  });
			document.querySelectorAll(cells ? 'canvas[data-chart]' : 'none').forEach(canvas => {
			  const spec = JSON.parse(canvas.getAttribute('data-chart'));
			  const words = (spec.datasets || []).map(d => d.label);
			  (spec.labels || []).forEach((l, i) => { if (!spec.titles || l !== spec.titles[i]
			      || (spec.datasets || []).some(d => d.status === 'ALL')) { words.push(l); } });
			  words.filter(w => w && vietnamese.test(w)).forEach(w => found.push('chart: ' + w));
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
		// and it would find a label built in Java that stayed Vietnamese: the chart, the grid's cells, the scoreboard's
		browser.open("/overview");
		assertThat(vietnameseChrome(true)).as("the overview's chart in Vietnamese").anyMatch(t -> t.startsWith("chart: "));
		browser.open("/reporting/completeness");
		assertThat(vietnameseChrome(true)).as("the grid's cells in Vietnamese").contains("td: Chưa gửi");
		browser.open("/indicators");
		assertThat(vietnameseChrome(true)).as("the scoreboard's cells in Vietnamese").anyMatch(t -> t.startsWith("td: "));

		browser.open("/overview?lang=en");
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Overview of the implementation of Resolution 57-NQ/TW");
		// the bar shows its entries and the drop-downs' names; a drop-down opens to its entries
		assertThat(browser.text(By.id("menu"))).contains("Overview", "Tasks", "Reports", "Indicator set", "Settings");
		browser.find(By.cssSelector("#menu details[data-group='menu.group.tasks'] summary")).click();
		assertThat(browser.text(By.id("menu"))).contains("Plans, directives");
		List<String> problems = new ArrayList<>(checkAll("/overview"));

		// remembered without the parameter
		browser.open("/tasks");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Task list");
		assertThat(browser.driver().getTitle()).isEqualTo("Tasks – Resolution 57 implementation tracker");
		problems.addAll(checkAll("/tasks"));
		// numbers and dates keep the province's form
		assertThat(browser.text(By.cssSelector("p.muted"))).matches(".*tasks found; status as of \\d{2}/\\d{2}/\\d{4}");

		browser.find(By.cssSelector("#task-table a")).click();
		problems.addAll(checkAll("a task page"));
		assertThat(browser.text(By.cssSelector("#assignments th"))).isEqualTo("Agency");

		for (String page : new String[] { "/reporting/completeness", "/reporting/urge", "/reporting/regimes", "/indicators",
				"/urging" }) {
			browser.open(page);
			problems.addAll(checkAll(page));
		}
		for (String page : new String[] { "/plans", "/claims", "/notifications", "/settings" }) {
			browser.open(page);
			problems.addAll(check(page));
		}
		browser.open("/reporting/completeness");
		browser.find(By.cssSelector("#grid thead a")).click();
		problems.addAll(checkAll("a reporting period"));

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
		List<String> problems = new ArrayList<>(checkAll("/my"));
		browser.open("/reporting");
		problems.addAll(checkAll("/reporting (an agency)"));
		browser.find(By.cssSelector("#my-reports tbody a")).click();
		problems.addAll(checkAll("an agency's report"));
		// a drafted one: its sections, task lines and steps are the application's words, in English
		browser.open("/reporting");
		List<org.openqa.selenium.WebElement> start = browser.findAll(By.cssSelector("#my-reports button.start-report"));
		if (!start.isEmpty()) {
			browser.submit(start.get(0));
			browser.open("/reporting");
		}
		browser.find(By.xpath("//table[@id='my-reports']//tr[td[4][normalize-space()='Draft']]/td[1]/a")).click();
		assertThat(browser.text(By.id("report-steps"))).contains("Report drafted");
		assertThat(browser.text(By.id("report-form"))).contains("General assessment of the period");
		problems.addAll(checkAll("an agency's drafted report"));
		for (String page : new String[] { "/tasks", "/indicators/entry" }) {
			browser.open(page);
			problems.addAll(checkAll(page));
		}
		browser.open("/notifications");
		problems.addAll(check("/notifications"));
		browser.find(By.id("logout")).click();

		browser.login("lanhdao");
		browser.open("/overview");
		assertThat(browser.text(By.tagName("h1"))).isEqualTo("Overview of the implementation of Resolution 57-NQ/TW");
		problems.addAll(checkAll("/overview (a leader)"));
		browser.open("/urging");
		problems.addAll(checkAll("/urging (a leader)"));
		assertThat(problems).isEmpty();
	}

	@Test
	void theOtherPagesInEnglishToo() {
		List<String> problems = new ArrayList<>();
		browser.login("sokhcn");
		browser.open("/indicators?lang=en");
		browser.find(By.cssSelector("main table tbody a")).click();
		problems.addAll(checkAll("an indicator"));
		for (String page : new String[] { "/indicators/new", "/indicators/settings", "/account" }) {
			browser.open(page);
			problems.addAll(check(page));
		}
		browser.open("/intake");
		problems.addAll(checkAll("/intake"));
		browser.open("/intake");
		browser.find(By.cssSelector("main table tbody a")).click();
		problems.addAll(check("an import's preview"));
		browser.find(By.id("logout")).click();
		browser.login("admin");
		for (String page : new String[] { "/admin/agencies", "/admin/users" }) {
			browser.open(page);
			problems.addAll(checkAll(page));
		}
		for (String page : new String[] { "/admin/notifications", "/admin/agencies/new", "/admin/users/new" }) {
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

	private List<String> vietnameseChrome() {
		return vietnameseChrome(false);
	}

	@SuppressWarnings("unchecked")
	private List<String> vietnameseChrome(boolean cells) {
		return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(CHROME_TEXT,
				MessageBundlesTest.VIETNAMESE.pattern(), cells);
	}

	/** A page's chrome (menu, headings, labels, buttons, table headers). */
	private List<String> check(String page) {
		return check(page, false);
	}

	/** A main page: its chrome, its table cells but the content ones, its chart. */
	private List<String> checkAll(String page) {
		return check(page, true);
	}

	private List<String> check(String page, boolean cells) {
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).as(page).isEqualTo("en");
		return vietnameseChrome(cells).stream().distinct().map(t -> page + " → " + t).toList();
	}
}
