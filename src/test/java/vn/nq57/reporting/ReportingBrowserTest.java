package vn.nq57.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.task.Task;
import vn.nq57.task.ProgressInput;
import vn.nq57.task.ProgressService;
import vn.nq57.web.Browser;

/**
 * In a real Chromium, a periodic report from the officer's draft to DoST's acceptance: the officer of Sở Tài
 * chính opens the November report, finds it pre-filled from the progress posted on 22/11/2026, writes the
 * required sections and saves; the director approves and sends it; DoST finds it on time in the grid and accepts
 * it; the officer sees it accepted and no longer editable. Needs /usr/bin/chromium and /usr/bin/chromedriver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReportingBrowserTest {

	@LocalServerPort
	int port;

	@Autowired ReportingFixtures fx;
	@Autowired RegimeService regimes;
	@Autowired TestTasks tasks;
	@Autowired ProgressService progress;
	@Autowired RunAs runAs;

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
	void officerDraftsHeadApprovesAndSendsDostAccepts() throws Exception {
		long regime = fx.monthlyRegime(LocalDate.of(2026, 11, 1), "STC");
		String regimeName = regimes.regime(regime).name();
		Task task = tasks.create("Tổng hợp nhu cầu kinh phí khoa học, công nghệ năm 2027 (kiểm thử báo cáo trình duyệt)",
				"Tháng 12/2026", "STC");
		ProgressInput in = new ProgressInput();
		in.setPercent(70);
		in.setResults("Đã tổng hợp nhu cầu của 20/22 đơn vị.");
		in.setObstacles("Hai đơn vị chưa gửi dự toán kinh phí.");
		runAs.user("cb.stc", () -> progress.postProgress(tasks.assignmentOf(task, "STC").getId(), in, null));
		String title = regimeName + " – Tháng 11/2026";

		// the officer drafts
		browser.login("cb.stc");
		browser.open("/reporting");
		browser.find(By.linkText(title)).click();
		browser.submit(browser.find(By.cssSelector("button.start-report")));
		assertThat(flash()).contains("Đã lập báo cáo");
		assertThat(browser.find(By.id("report-state")).getText()).isEqualTo("Đang soạn");
		assertThat(browser.find(By.id("report-tasks")).getText()).contains("Đã tổng hợp nhu cầu của 20/22 đơn vị.")
			.contains("70%");
		List<WebElement> obstacles = browser.findAll(By.name("obstacleText"));
		assertThat(obstacles.stream().map(e -> e.getDomProperty("value")).toList()).contains("Hai đơn vị chưa gửi dự toán kinh phí.");
		for (WebElement body : browser.findAll(By.cssSelector("#report-form textarea[name=body]"))) {
			if (body.getDomProperty("value").isBlank()) {
				body.sendKeys("Sở Tài chính triển khai các nhiệm vụ được giao đúng tiến độ.");
			}
		}
		browser.shot("r1-officer-draft");
		browser.submit(browser.find(By.cssSelector("button.save-report")));
		assertThat(flash()).isEqualTo("Đã lưu báo cáo");
		assertThat(browser.findAll(By.cssSelector("button.approve-report"))).as("an officer does not approve").isEmpty();
		browser.logout();

		// the director approves and sends
		browser.login("gd.stc");
		browser.open("/reporting");
		browser.find(By.linkText(title)).click();
		browser.submit(browser.find(By.cssSelector("button.approve-report")));
		assertThat(flash()).isEqualTo("Thủ trưởng đã duyệt báo cáo");
		WebElement page = browser.find(By.tagName("html"));
		browser.find(By.cssSelector("button.submit-report")).click();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
		new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
		assertThat(flash()).isEqualTo("Đã gửi báo cáo đến Sở KH&CN");
		assertThat(browser.find(By.id("report-cell")).getText()).isEqualTo("Đúng hạn");
		browser.logout();

		// DoST finds it in the grid and accepts it
		browser.login("sokhcn");
		browser.open("/reporting/completeness?regime=" + regime);
		WebElement grid = browser.find(By.id("grid"));
		assertThat(grid.getText()).contains("Sở Tài chính").contains("Đúng hạn");
		browser.shot("r2-dost-grid");
		grid.findElement(By.linkText("Đúng hạn")).click();
		assertThat(browser.find(By.id("report-title")).getText()).isEqualTo(title + " – Sở Tài chính");
		assertThat(browser.pageSource()).contains("Sở Tài chính triển khai các nhiệm vụ được giao đúng tiến độ.");
		browser.submit(browser.find(By.cssSelector("button.accept-report")));
		assertThat(flash()).isEqualTo("Đã tiếp nhận báo cáo");
		assertThat(browser.find(By.id("report-state")).getText()).isEqualTo("Sở KH&CN đã tiếp nhận");
		assertThat(browser.find(By.id("report-steps")).getText()).contains("Lập báo cáo").contains("Thủ trưởng cơ quan duyệt")
			.contains("Gửi Sở KH&CN").contains("Sở KH&CN tiếp nhận").contains("Đúng hạn");
		browser.shot("r3-dost-accepted");
		browser.logout();

		// the officer sees it accepted, and can no longer change it
		browser.login("cb.stc");
		browser.open("/reporting");
		browser.find(By.linkText(title)).click();
		assertThat(browser.find(By.id("report-state")).getText()).isEqualTo("Sở KH&CN đã tiếp nhận");
		assertThat(browser.findAll(By.id("report-form"))).isEmpty();
		browser.shot("r4-officer-accepted");
	}

	private String flash() {
		return browser.find(By.cssSelector(".flash.ok")).getText();
	}
}
