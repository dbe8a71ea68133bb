package vn.nq57.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.plan.Task;
import vn.nq57.plan.TaskForm;
import vn.nq57.plan.TaskService;

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

		login("cb.stc");
		open("/my");
		browser.findElement(By.linkText(task.getTitle())).click();
		assertThat(status()).isEqualTo("Chưa hoàn thành – quá hạn");
		shot("1-officer-task-overdue");

		WebElement form = browser.findElement(By.cssSelector("form.progress-form"));
		WebElement percent = form.findElement(By.name("percent"));
		percent.clear();
		percent.sendKeys("90");
		form.findElement(By.name("results")).sendKeys("Đã hoàn thành thu thập dữ liệu của 20/22 đơn vị.");
		form.findElement(By.name("obstacles")).sendKeys("Hai đơn vị chưa gửi số liệu.");
		submit(form.findElement(By.cssSelector("button.post-progress")));
		assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Đã cập nhật tiến độ");
		assertThat(browser.findElement(By.id("assignments")).getText()).contains("90%");
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("Cập nhật tiến độ 90%")
			.contains("Hai đơn vị chưa gửi số liệu.");

		browser.findElement(By.tagName("summary")).click();
		browser.findElement(By.name("completedOn")).sendKeys("25/09/2026");
		browser.findElement(By.name("evidence")).sendKeys("Quyết định số 88/QĐ-STC ngày 25/9/2026");
		submit(browser.findElement(By.xpath("//button[text()='Gửi đề nghị']")));
		assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Đã gửi đề nghị xác nhận hoàn thành");
		assertThat(status()).isEqualTo("Chưa hoàn thành – quá hạn");
		logout();

		login("gd.stc");
		open("/tasks/" + task.getId());
		submit(browser.findElement(By.cssSelector("button.approve-claim")));
		assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("Đã duyệt");
		logout();

		login("sokhcn");
		open("/claims");
		assertThat(browser.getPageSource()).contains(task.getTitle());
		open("/tasks/" + task.getId());
		submit(browser.findElement(By.cssSelector("button.confirm-claim")));
		assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Đã xác nhận hoàn thành");
		logout();

		login("cb.stc");
		open("/tasks/" + task.getId());
		assertThat(status()).isEqualTo("Hoàn thành đúng hạn");
		assertThat(browser.findElement(By.id("assignments")).getText()).contains("Hoàn thành ngày 25/09/2026");
		shot("2-officer-task-completed");
		open("/my?all=true");
		shot("3-officer-my-work");
	}

	@Test
	void scriptTypedIntoAFieldIsRefusedAndNeverRuns() throws Exception {
		login("cb.stc");
		open("/my");
		browser.findElements(By.cssSelector("#my-work a")).get(0).click();
		WebElement form = browser.findElement(By.cssSelector("form.progress-form"));
		form.findElement(By.name("results")).sendKeys("<script>document.title='hacked'</script>");
		submit(form.findElement(By.cssSelector("button.post-progress")));
		assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).contains("không được chứa mã HTML");
		assertThat(browser.getTitle()).doesNotContain("hacked");
		assertThat(browser.findElement(By.id("timeline")).getText()).doesNotContain("document.title");
	}

	private String status() {
		return browser.findElement(By.id("task-status")).getText();
	}

	private void login(String username) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Demo@2026");
		submit(browser.findElement(By.id("login-submit")));
		assertThat(browser.getCurrentUrl()).as(() -> "login of " + username + " failed: " + browser.getPageSource())
			.doesNotContain("/login");
	}

	private void logout() {
		submit(browser.findElement(By.xpath("//button[text()='Đăng xuất']")));
	}

	/** Clicks a button that submits a form and waits until the next page has replaced this one. */
	private void submit(WebElement button) {
		WebElement page = browser.findElement(By.tagName("html"));
		button.click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException gone) {
				return "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState"));
			}
			catch (org.openqa.selenium.WebDriverException inBetween) {
				// the old document is being torn down; ask again
				return false;
			}
		});
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private void shot(String name) throws Exception {
		File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(f.toPath(), shots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}
}
