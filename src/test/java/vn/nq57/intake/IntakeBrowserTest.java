package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.intake.TestDocs.row;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * In a real Chromium, as DoST: upload an appendix with an agency the registry does not know and a deadline that
 * cannot be read; the preview says so and the confirm button is disabled; map the name, fix the deadline,
 * confirm; the tasks are in the list. Same set-up as {@code BrowserFlowTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

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
	void dostFixesThePreviewAndConfirms() throws Exception {
		String unknown = "Trung tâm Giám sát điều hành đô thị thông minh " + System.nanoTime();
		String title = "Vận hành thử nền tảng giám sát giao thông đô thị (kiểm thử trình duyệt " + System.nanoTime() + ")";
		Path file = Files.createTempFile("phu-luc", ".xlsx");
		Files.write(file, TestDocs.xlsx(List.of(List.of(row("KẾ HOẠCH KIỂM THỬ TRÌNH DUYỆT"), TestDocs.standardHeader(),
				TestDocs.group("I", "Hạ tầng đô thị số", 7),
				row("1", title, "Giám đốc Sở Xây dựng", unknown, "Sở Xây dựng", "Nền tảng", "Quý V/2026")))));

		login("sokhcn");
		open("/intake");
		browser.findElement(By.cssSelector("#appendix-form input[name=file]")).sendKeys(file.toString());
		submit(browser.findElement(By.id("appendix-submit")));
		assertThat(browser.findElement(By.id("rows")).getText()).contains(unknown).contains("UNKNOWN_AGENCY")
			.contains("UNPARSED_DEADLINE");
		assertThat(browser.findElement(By.id("commit-button")).isEnabled()).isFalse();
		assertThat(browser.findElement(By.id("not-committable")).getText()).contains("Còn 2 lỗi");
		shot("intake-1-preview");

		WebElement map = browser.findElement(By.cssSelector("form.map-form"));
		new Select(map.findElement(By.name("agencyId"))).selectByVisibleText("Sở Xây dựng");
		submit(map.findElement(By.tagName("button")));
		assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).contains("tên gọi khác của Sở Xây dựng");

		WebElement row = browser.findElements(By.cssSelector("#rows tr")).stream()
			.filter(r -> r.getText().contains(title)).findFirst().orElseThrow();
		row.findElement(By.tagName("summary")).click();
		WebElement deadline = row.findElement(By.name("deadline"));
		deadline.clear();
		deadline.sendKeys("Quý IV/2026");
		submit(row.findElement(By.xpath(".//button[text()='Lưu dòng']")));
		assertThat(browser.findElement(By.id("commit-button")).isEnabled()).isTrue();
		shot("intake-2-fixed");

		submit(browser.findElement(By.id("commit-button")));
		assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).startsWith("Đã ghi: thêm 1");
		assertThat(browser.findElement(By.id("task-table")).getText()).contains(title).contains("Quý IV/2026");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM agency_alias WHERE alias = ?", Integer.class, unknown))
			.isEqualTo(1);
		shot("intake-3-tasks");
	}

	private void login(String username) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Demo@2026");
		submit(browser.findElement(By.id("login-submit")));
		assertThat(browser.getCurrentUrl()).doesNotContain("/login");
	}

	/** Clicks a button that submits a form and waits until the next page has replaced this one. */
	private void submit(WebElement button) {
		WebElement page = browser.findElement(By.tagName("html"));
		button.click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private void shot(String name) throws Exception {
		File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(f.toPath(), shots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}
}
