package vn.nq57.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.task.Task;
import vn.nq57.task.TaskForm;
import vn.nq57.task.TaskService;
import vn.nq57.web.Browser;

/**
 * The whole money cycle in a real Chromium, on the demo (its accounts, its agencies, its calls and figures already
 * there; on a demo database of its own, so the other demo tests keep theirs as loaded), each person in their own
 * session: DoST opens a call; the officer of Sở
 * Nội vụ drafts a proposal ("1,25 tỷ"); the director submits it; DoST accepts it from the queue (bulk, one
 * confirmation) and sends the list; Sở Tài chính records the decision and the budget totals; the officer reports a
 * lagging disbursement with its reason; the leader sees allocation, disbursement and the two shares.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.test.context.TestPropertySource(properties = "nq57.demo.enabled=true")
@org.springframework.test.context.ContextConfiguration(initializers = FundingBrowserTest.OwnDemo.class)
class FundingBrowserTest {

	/** The demo loaded into a database of this test's own. */
	static class OwnDemo implements org.springframework.context.ApplicationContextInitializer<org.springframework.context.ConfigurableApplicationContext> {

		@Override
		public void initialize(org.springframework.context.ConfigurableApplicationContext ctx) {
			String url = vn.nq57.system.TestDatabases.create("nq57_demo_funding");
			org.springframework.test.context.support.TestPropertySourceUtils.addInlinedPropertiesToEnvironment(ctx,
					"nq57.db.embedded=false", "spring.datasource.url=" + url, "spring.datasource.username=postgres");
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	RunAs runAs;

	@Autowired
	TaskService tasks;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	private void as(String user) {
		if (browser != null) {
			browser.close();
		}
		browser = new Browser(port);
		browser.login(user);
	}

	private void set(WebElement input, String value) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", input, value);
	}

	private String flash() {
		return browser.pageSource();
	}

	@Test
	void officerHeadDostFinanceAndLeaderWalkTheCycle() {
		// on the demo: its 2026 call (decided) and its open 2027 call are there before anyone starts
		assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_call", Integer.class)).as("the demo's calls").isGreaterThanOrEqualTo(2);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE username = 'lanhdao'", Integer.class)).isEqualTo(1);
		String title = "Ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính (kiểm thử kinh phí " + System.nanoTime() + ")";
		Task task = runAs.user("sokhcn", () -> {
			TaskForm f = new TaskForm();
			f.setTitle(title);
			f.setLeadAgencyIds(Set.of(agencies.findByCode("SNV").orElseThrow().getId()));
			f.setDeadlinePhrase("Năm 2026");
			return tasks.save(null, f);
		});
		String callTitle = "Đợt kiểm thử trình duyệt " + System.nanoTime();

		// DoST opens the call (budget year 2026, the day is 22/11/2026)
		as("sokhcn");
		browser.open("/funding");
		WebElement open = browser.find(By.id("open-call"));
		open.findElement(By.name("title")).sendKeys(callTitle);
		set(open.findElement(By.name("yearFrom")), "2026");
		set(open.findElement(By.name("yearTo")), "2026");
		set(open.findElement(By.name("closesOn")), "2026-12-05");
		set(open.findElement(By.name("reviewDue")), "2026-12-15");
		browser.submit(open.findElement(By.cssSelector("button[type=submit]")));
		String callUrl = browser.driver().getCurrentUrl();
		assertThat(callUrl).contains("/funding/calls/");
		long callId = Long.parseLong(callUrl.replaceAll(".*/funding/calls/(\\d+).*", "$1"));

		// the officer drafts
		as("cb.snv");
		browser.open("/funding/calls/" + callId);
		WebElement form = browser.find(By.id("proposal-form"));
		new Select(form.findElement(By.name("taskId"))).selectByValue(String.valueOf(task.getId()));
		new Select(form.findElement(By.name("category"))).selectByValue("SCIENCE_RESEARCH");
		form.findElement(By.name("amount_2026")).sendKeys("1,25 tỷ");
		form.findElement(By.name("justification")).sendKeys("Thí điểm trợ lý ảo tại Trung tâm Phục vụ hành chính công");
		browser.submit(form.findElement(By.cssSelector("button[type=submit]")));
		assertThat(browser.text(By.id("state"))).isEqualTo("Dự thảo");
		assertThat(browser.text(By.id("amount"))).isEqualTo("1.250.000.000 đ");
		assertThat(browser.findAll(By.id("submit-form"))).as("the officer does not submit").isEmpty();
		String proposalUrl = browser.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "");
		long proposalId = Long.parseLong(proposalUrl.replaceAll(".*/funding/proposals/(\\d+).*", "$1"));
		browser.shot("funding-1-officer-draft");

		// the director submits
		as("gd.snv");
		browser.open(proposalUrl);
		browser.submit(browser.find(By.cssSelector("#submit-form button")));
		assertThat(browser.text(By.id("state"))).isEqualTo("Đã gửi Sở KH&CN");

		// DoST: the queue, bulk accept with one confirmation, then the list goes to Sở Tài chính
		as("sokhcn");
		browser.open("/funding/review?call=" + callId + "&state=SUBMITTED");
		browser.find(By.cssSelector("input[name=pick][value^='" + proposalId + ":']")).click();
		browser.submit(browser.find(By.cssSelector("#bulk-form fieldset button")));
		assertThat(browser.find(By.id("picked")).getText()).contains("#" + proposalId);
		browser.submit(browser.find(By.cssSelector("#confirm-form button")));
		browser.open(proposalUrl);
		assertThat(browser.text(By.id("state"))).isEqualTo("Chấp nhận");
		browser.open("/funding/calls/" + callId);
		browser.find(By.cssSelector("#send-form input[name=letterNumber]")).sendKeys("321/SKHCN-KHTC");
		browser.submit(browser.find(By.cssSelector("#send-form button")));
		assertThat(browser.text(By.id("call-state"))).isEqualTo("Đã gửi Sở Tài chính");
		browser.shot("funding-2-dost-sent");

		// Sở Tài chính records the decision and the budget totals
		as("gd.stc");
		browser.open("/funding/calls/" + callId);
		assertThat(browser.find(By.id("consolidation")).getText()).contains("Sở Nội vụ");
		WebElement decide = browser.find(By.id("decide-form"));
		decide.findElement(By.name("number")).sendKeys("4321/QĐ-UBND");
		set(decide.findElement(By.name("date")), "2026-11-20");
		browser.submit(decide.findElement(By.cssSelector("button[type=submit]")));
		assertThat(browser.text(By.id("call-state"))).isEqualTo("Đã có quyết định phân bổ");
		browser.open("/funding/money?year=2026");
		WebElement budget = browser.find(By.id("budget-form"));
		budget.findElement(By.name("localSpending")).clear();
		budget.findElement(By.name("localSpending")).sendKeys("21.500 tỷ");
		budget.findElement(By.name("scienceBudget")).clear();
		budget.findElement(By.name("scienceBudget")).sendKeys("180 tỷ");
		browser.submit(budget.findElement(By.cssSelector("button[type=submit]")));
		assertThat(browser.text(By.id("share-3"))).contains("%");

		// the officer reports a disbursement that lags: refused without a reason, recorded with one
		long allocation = jdbc.queryForObject("SELECT id FROM funding_allocation WHERE proposal_id = ?", Long.class, proposalId);
		as("cb.snv");
		browser.open("/funding/money?year=2026");
		WebElement row = browser.find(By.cssSelector("#allocations tr[data-id='" + allocation + "']"));
		new Select(row.findElement(By.name("period"))).selectByValue("Q3");
		row.findElement(By.name("amount")).sendKeys("100 triệu");
		browser.submit(row.findElement(By.cssSelector("button[type=submit]")));
		// the refusal sits beside the reason's field, the amount typed is kept
		row = browser.find(By.cssSelector("#allocations tr[data-id='" + allocation + "']"));
		assertThat(row.findElement(By.name("lagReason")).findElement(By.xpath("./ancestor::label")).getText())
			.contains("lý do chậm giải ngân");
		assertThat(row.findElement(By.name("amount")).getAttribute("value")).isEqualTo("100 triệu");
		new Select(row.findElement(By.name("period"))).selectByValue("Q3");
		row.findElement(By.name("amount")).clear();
		row.findElement(By.name("amount")).sendKeys("100 triệu");
		row.findElement(By.name("lagReason")).sendKeys("Chờ phê duyệt dự toán chi tiết");
		browser.submit(row.findElement(By.cssSelector("button[type=submit]")));
		assertThat(browser.find(By.cssSelector("#allocations tr[data-id='" + allocation + "']")).getText())
			.contains("100.000.000 đ", "Chờ phê duyệt dự toán chi tiết");
		browser.shot("funding-3-officer-disbursement");

		// the leader sees allocation against disbursement and the two shares
		as("lanhdao");
		browser.open("/funding/dashboard?year=2026");
		assertThat(browser.find(By.id("by-agency")).getText()).contains("Sở Nội vụ");
		assertThat(browser.find(By.id("share-3")).getText()).contains("%");
		assertThat(browser.find(By.id("share-15")).getText()).contains("%");
		browser.shot("funding-4-leader-dashboard");
		browser.open("/indicators/" + FundingShares.BUDGET_SHARE);
		assertThat(browser.pageSource()).contains("Tỷ lệ kinh phí ngân sách phân bổ cho khoa học");
	}
}
