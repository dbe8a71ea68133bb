package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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

/**
 * In a real Chromium: an officer of Sở Tài chính types a numerator that is not a number, reads the message,
 * enters the share; the director approves it; the leader sees it on the scoreboard and on the indicator
 * page, where the chart is drawn by the page's script under the Content-Security-Policy. Needs
 * /usr/bin/chromium and /usr/bin/chromedriver, as the other browser test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IndicatorBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fx;

	WebDriver browser;

	Path shots = Path.of("target", "screenshots");

	@BeforeEach
	void startBrowser() throws Exception {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(new File("/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
				"--window-size=1366,1000", "--lang=vi", "--user-data-dir=" + Files.createTempDirectory("chromium"));
		browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.build(), options);
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
	void officerEntersTheHeadApprovesTheLeaderSeesIt() throws Exception {
		IndicatorForm f = fx.share(Fixtures.code("WEB"), "STC");
		f.setName("Tỷ lệ hồ sơ quyết toán được số hóa (kiểm thử trình duyệt)");
		f.setCategory("Kiểm thử trình duyệt");
		f.setTargets("2026: 60");
		Indicator ind = fx.save(f);
		fx.enterShare("gd.stc", ind.code(), "2025", 30, 100);

		login("cb.stc");
		open("/indicators/entry");
		browser.findElement(By.cssSelector("a[href='/indicators/entry/" + ind.code() + "']")).click();
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("period"))).selectByValue("2026");
		browser.findElement(By.id("numerator")).sendKeys("năm mươi");
		browser.findElement(By.id("denominator")).sendKeys("100");
		submit(browser.findElement(By.cssSelector("#entry-form button[type=submit]")));
		assertThat(browser.findElement(By.cssSelector(".flash.error")).getText()).contains("Tử số: “năm mươi” không phải là số")
			.contains("chưa lưu số liệu nào");
		WebElement num = browser.findElement(By.id("numerator"));
		num.clear();
		num.sendKeys("58");
		submit(browser.findElement(By.cssSelector("#entry-form button[type=submit]")));
		assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).isEqualTo("Đã lưu số liệu, chờ thủ trưởng duyệt");
		shot("indicator-1-officer-entry");
		logout();

		login("gd.stc");
		open("/indicators/entry");
		submit(browser.findElement(By.xpath("//td[contains(., '" + f.getName() + "')]/..//button[text()='Duyệt']")));
		assertThat(browser.findElement(By.cssSelector(".flash.ok")).getText()).startsWith("Đã duyệt số liệu " + ind.code());
		logout();

		login("lanhdao");
		open("/indicators?category=Ki%E1%BB%83m%20th%E1%BB%AD%20tr%C3%ACnh%20duy%E1%BB%87t");
		WebElement row = browser.findElement(By.xpath("//tr[.//a[text()='" + f.getName() + "']]"));
		assertThat(row.getText()).contains("58,00%").contains("58/100").contains("60,00%").contains("Đúng lộ trình");
		assertThat(row.findElements(By.cssSelector("svg.spark polyline"))).hasSize(1);
		open("/indicators");
		shot("indicator-2-scoreboard");
		open("/indicators/" + ind.code());
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> d.findElement(By.cssSelector("figure.chart")).isDisplayed());
		assertThat(browser.findElement(By.id("breakdown")).isDisplayed()).isTrue();
		shot("indicator-3-page");
	}

	private void login(String username) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Demo@2026");
		submit(browser.findElement(By.id("login-submit")));
		assertThat(browser.getCurrentUrl()).doesNotContain("/login");
	}

	private void logout() {
		submit(browser.findElement(By.xpath("//button[text()='Đăng xuất']")));
	}

	/**
	 * Clicks a button that submits a form and waits until the next page has replaced this one. Chromium can
	 * answer "node does not belong to the document" while the old page goes away: that is retried, not failed.
	 */
	private void submit(WebElement button) {
		WebElement page = browser.findElement(By.tagName("html"));
		button.click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.WebDriverException.class)
			.until(ExpectedConditions.stalenessOf(page));
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private void shot(String name) throws Exception {
		File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), shots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}
}
