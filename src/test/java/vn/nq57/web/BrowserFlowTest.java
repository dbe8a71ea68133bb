package vn.nq57.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.task.Task;
import vn.nq57.task.TaskForm;
import vn.nq57.task.TaskService;

/**
 * In a real Chromium: an officer of Sở Tài chính posts progress on an overdue task and claims completion,
 * the director approves, DoST confirms, and the officer sees the status turn from "quá hạn" to
 * "hoàn thành đúng hạn" (the agency's completion date, 25/09/2026, is before the 30/09/2026 deadline).
 * Needs /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium, chromium-driver; .ci/run
 * installs them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserFlowTest {

	@LocalServerPort
	int port;

	@Autowired
	RunAs runAs;

	@Autowired
	TaskService tasks;

	@Autowired
	AgencyDirectory agencies;

	Browser browser;

	@BeforeEach
	void startBrowser() {
		browser = new Browser(port);
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void officerPostsProgressClaimsCompletionAndSeesTheStatusChange() throws Exception {
		Task task = runAs.user("sokhcn", () -> {
			TaskForm f = new TaskForm();
			f.setTitle("Xây dựng cơ sở dữ liệu chi ngân sách cho khoa học, công nghệ và chuyển đổi số (kiểm thử trình duyệt)");
			f.setAccountableHead("Giám đốc Sở Tài chính");
			f.setLeadAgencyIds(Set.of(agencies.findByCode("STC").orElseThrow().getId()));
			f.setExpectedOutput("Cơ sở dữ liệu");
			f.setDeadlinePhrase("Tháng 9/2026");
			return tasks.save(null, f);
		});

		browser.login("cb.stc");
		openFromMyWork(task.getTitle());
		assertThat(status()).isEqualTo("Chưa hoàn thành – quá hạn");
		browser.shot("1-officer-task-overdue");

		WebElement form = browser.find(By.cssSelector("form.progress-form"));
		WebElement percent = form.findElement(By.name("percent"));
		percent.clear();
		percent.sendKeys("90");
		form.findElement(By.name("results")).sendKeys("Đã hoàn thành thu thập dữ liệu của 20/22 đơn vị.");
		form.findElement(By.name("obstacles")).sendKeys("Hai đơn vị chưa gửi số liệu.");
		browser.submit(form.findElement(By.cssSelector("button.post-progress")));
		assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Đã cập nhật tiến độ");
		assertThat(browser.find(By.id("assignments")).getText()).contains("90%");
		assertThat(browser.find(By.id("timeline")).getText()).contains("Cập nhật tiến độ 90%")
			.contains("Hai đơn vị chưa gửi số liệu.");

		browser.find(By.cssSelector("main summary")).click();
		browser.find(By.name("completedOn")).sendKeys("25/09/2026");
		browser.find(By.name("evidence")).sendKeys("Quyết định số 88/QĐ-STC ngày 25/9/2026");
		browser.submit(browser.find(By.xpath("//button[text()='Gửi đề nghị']")));
		assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Đã gửi đề nghị xác nhận hoàn thành");
		assertThat(status()).isEqualTo("Chưa hoàn thành – quá hạn");
		browser.logout();

		browser.login("gd.stc");
		browser.open("/tasks/" + task.getId());
		browser.submit(browser.find(By.cssSelector("button.approve-claim")));
		assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).contains("Đã duyệt");
		browser.logout();

		browser.login("sokhcn");
		browser.open("/claims");
		assertThat(browser.pageSource()).contains(task.getTitle());
		browser.open("/tasks/" + task.getId());
		browser.submit(browser.find(By.cssSelector("button.confirm-claim")));
		assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Đã xác nhận hoàn thành");
		browser.logout();

		browser.login("cb.stc");
		browser.open("/tasks/" + task.getId());
		assertThat(status()).isEqualTo("Hoàn thành đúng hạn");
		assertThat(browser.find(By.id("assignments")).getText()).contains("Hoàn thành ngày 25/09/2026");
		browser.shot("2-officer-task-completed");
		browser.open("/my?all=true");
		browser.shot("3-officer-my-work");
	}

	@Test
	void scriptTypedIntoAFieldIsRefusedAndNeverRuns() throws Exception {
		Task task = runAs.user("sokhcn", () -> {
			TaskForm f = new TaskForm();
			f.setTitle("Rà soát danh mục dữ liệu mở của Sở Tài chính (kiểm thử trình duyệt, mã độc)");
			f.setAccountableHead("Giám đốc Sở Tài chính");
			f.setExpectedOutput("Danh mục");
			f.setLeadAgencyIds(Set.of(agencies.findByCode("STC").orElseThrow().getId()));
			f.setDeadlinePhrase("Tháng 10/2026");
			return tasks.save(null, f);
		});
		browser.login("cb.stc");
		openFromMyWork(task.getTitle());
		WebElement form = browser.find(By.cssSelector("form.progress-form"));
		form.findElement(By.name("results")).sendKeys("<script>document.title='hacked'</script>");
		browser.submit(form.findElement(By.cssSelector("button.post-progress")));
		assertThat(browser.find(By.cssSelector(".flash.error")).getText()).contains("không được chứa mã HTML");
		assertThat(browser.driver().getTitle()).doesNotContain("hacked");
		assertThat(browser.find(By.id("timeline")).getText()).doesNotContain("document.title");
	}

	private String status() {
		return browser.find(By.id("task-status")).getText();
	}

	/**
	 * Finds the task in the officer's own list, turning its pages as a person would: the suite's shared database gives
	 * Sở Tài chính many overdue assignments from other tests, 25 to a page.
	 */
	private void openFromMyWork(String title) {
		for (int page = 0; page < 40; page++) {
			browser.open("/my?all=false&page=" + page);
			List<WebElement> links = browser.driver().findElements(By.linkText(title));
			if (!links.isEmpty()) {
				links.get(0).click();
				return;
			}
			if (browser.driver().findElements(By.cssSelector("#my-work a")).isEmpty()) {
				break;
			}
		}
		throw new AssertionError("the task is not in the officer's list: " + title);
	}
}
