package vn.nq57.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.TestTasks;
import vn.nq57.account.RunAs;
import vn.nq57.plan.Task;
import vn.nq57.progress.ProgressInput;
import vn.nq57.progress.ProgressService;

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

	WebDriver browser;

	Path shots = Path.of("target", "screenshots");

	@BeforeEach
	void startBrowser() throws Exception {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(new File("/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--window-size=1366,1000", "--lang=vi", "--user-data-dir=" + Files.createTempDirectory("chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		Files.createDirectories(shots);
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
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
		login("cb.stc");
		open("/reporting");
		browser.findElement(By.linkText(title)).click();
		submit(browser.findElement(By.cssSelector("button.start-report")));
		assertThat(flash()).contains("Đã lập báo cáo");
		assertThat(browser.findElement(By.id("report-state")).getText()).isEqualTo("Đang soạn");
		assertThat(browser.findElement(By.id("report-tasks")).getText()).contains("Đã tổng hợp nhu cầu của 20/22 đơn vị.")
			.contains("70%");
		List<WebElement> obstacles = browser.findElements(By.name("obstacleText"));
		assertThat(obstacles.stream().map(e -> e.getDomProperty("value")).toList()).contains("Hai đơn vị chưa gửi dự toán kinh phí.");
		for (WebElement body : browser.findElements(By.cssSelector("#report-form textarea[name=body]"))) {
			if (body.getDomProperty("value").isBlank()) {
				body.sendKeys("Sở Tài chính triển khai các nhiệm vụ được giao đúng tiến độ.");
			}
		}
		shot("r1-officer-draft");
		submit(browser.findElement(By.cssSelector("button.save-report")));
		assertThat(flash()).isEqualTo("Đã lưu báo cáo");
		assertThat(browser.findElements(By.cssSelector("button.approve-report"))).as("an officer does not approve").isEmpty();
		logout();

		// the director approves and sends
		login("gd.stc");
		open("/reporting");
		browser.findElement(By.linkText(title)).click();
		submit(browser.findElement(By.cssSelector("button.approve-report")));
		assertThat(flash()).isEqualTo("Thủ trưởng đã duyệt báo cáo");
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(By.cssSelector("button.submit-report")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
		assertThat(flash()).isEqualTo("Đã gửi báo cáo đến Sở KH&CN");
		assertThat(browser.findElement(By.id("report-cell")).getText()).isEqualTo("Đúng hạn");
		logout();

		// DoST finds it in the grid and accepts it
		login("sokhcn");
		open("/reporting/completeness?regime=" + regime);
		WebElement grid = browser.findElement(By.id("grid"));
		assertThat(grid.getText()).contains("Sở Tài chính").contains("Đúng hạn");
		shot("r2-dost-grid");
		grid.findElement(By.linkText("Đúng hạn")).click();
		assertThat(browser.findElement(By.id("report-title")).getText()).isEqualTo(title + " – Sở Tài chính");
		assertThat(browser.getPageSource()).contains("Sở Tài chính triển khai các nhiệm vụ được giao đúng tiến độ.");
		submit(browser.findElement(By.cssSelector("button.accept-report")));
		assertThat(flash()).isEqualTo("Đã tiếp nhận báo cáo");
		assertThat(browser.findElement(By.id("report-state")).getText()).isEqualTo("Sở KH&CN đã tiếp nhận");
		assertThat(browser.findElement(By.id("report-steps")).getText()).contains("Lập báo cáo").contains("Thủ trưởng cơ quan duyệt")
			.contains("Gửi Sở KH&CN").contains("Sở KH&CN tiếp nhận").contains("Đúng hạn");
		shot("r3-dost-accepted");
		logout();

		// the officer sees it accepted, and can no longer change it
		login("cb.stc");
		open("/reporting");
		browser.findElement(By.linkText(title)).click();
		assertThat(browser.findElement(By.id("report-state")).getText()).isEqualTo("Sở KH&CN đã tiếp nhận");
		assertThat(browser.findElements(By.id("report-form"))).isEmpty();
		shot("r4-officer-accepted");
	}

	private String flash() {
		return browser.findElement(By.cssSelector(".flash.ok")).getText();
	}

	private void login(String username) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Demo@2026");
		submit(browser.findElement(By.id("login-submit")));
		assertThat(browser.getCurrentUrl()).as(() -> "login of " + username + " failed").doesNotContain("/login");
	}

	private void logout() {
		submit(browser.findElement(By.xpath("//button[text()='Đăng xuất']")));
	}

	private void submit(WebElement button) {
		WebElement page = browser.findElement(By.tagName("html"));
		button.click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(page));
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private void shot(String name) throws Exception {
		File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(f.toPath(), shots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}
}
