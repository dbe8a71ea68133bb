package vn.nq57.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium signed in to the application under test, for the browser tests: Debian's
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (packages chromium, chromium-driver; .ci/run
 * installs them), started with the flags the team's machines need. Open one per test and close it after.
 */
public final class Browser implements AutoCloseable {

	public static final String DEMO_PASSWORD = vn.nq57.testdata.TestAccounts.PASSWORD;

	private final WebDriver driver;

	private final int port;

	private final Path shots = Path.of("target", "screenshots");

	public Browser(int port) {
		this.port = port;
		try {
			ChromeOptions options = new ChromeOptions();
			options.setBinary(new File("/usr/bin/chromium"));
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-quic", "--window-size=1366,1000", "--lang=vi",
					"--user-data-dir=" + Files.createTempDirectory("chromium"));
			// the console, for consoleErrors() (Content-Security-Policy violations are reported there)
			options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File("/usr/bin/chromedriver"))
				.build();
			driver = new ChromeDriver(service, options);
			driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
			Files.createDirectories(shots);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public WebDriver driver() {
		return driver;
	}

	public WebElement find(By by) {
		return driver.findElement(by);
	}

	public java.util.List<WebElement> findAll(By by) {
		return driver.findElements(by);
	}

	public String text(By by) {
		return driver.findElement(by).getText();
	}

	public String pageSource() {
		return driver.getPageSource();
	}

	public void open(String path) {
		driver.get("http://localhost:" + port + path);
	}

	/** Signs in through the login form with the test accounts' password and checks that it worked. */
	public void login(String username) {
		open("/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(DEMO_PASSWORD);
		submit(driver.findElement(By.id("login-submit")));
		assertThat(driver.getCurrentUrl()).as(() -> "login of " + username + " failed: " + driver.getPageSource())
			.doesNotContain("/login");
	}

	public void logout() {
		submit(driver.findElement(By.xpath("//button[text()='Đăng xuất']")));
	}

	/** Clicks a button that submits a form and waits until the next page has replaced this one. */
	public void submit(WebElement button) {
		WebElement page = driver.findElement(By.tagName("html"));
		button.click();
		new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException gone) {
				return "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
			}
			catch (WebDriverException inBetween) {
				// the old document is being torn down; ask again
				return false;
			}
		});
	}

	/** The console's errors since the last call (a Content-Security-Policy violation is one). */
	public java.util.List<String> consoleErrors() {
		return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
			.filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()
					|| e.getMessage().contains("Content Security Policy"))
			.map(e -> e.getMessage()).toList();
	}

	/**
	 * Picks an agency in the shared agency picker (templates/fields.html :: agency) whose ids start with
	 * {@code pickerId}: types {@code typed}, waits for the matches of exactly that text and clicks {@code name}.
	 */
	public void pickAgency(String pickerId, String typed, String name) {
		WebElement input = driver.findElement(By.id(pickerId + "-q"));
		input.clear();
		input.sendKeys(typed);
		WebElement option = new WebDriverWait(driver, Duration.ofSeconds(10))
			.ignoring(StaleElementReferenceException.class)
			.until(d -> !typed.equals(d.findElement(By.id(pickerId + "-list")).getAttribute("data-for")) ? null
					: d.findElements(By.cssSelector("#" + pickerId + "-list [role=option]")).stream()
						.filter(o -> o.isDisplayed() && o.getText().startsWith(name)).findFirst().orElse(null));
		option.click();
		new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElement(By.id(pickerId + "-picked")).getText().contains(name));
	}

	/** Saves a screenshot as target/screenshots/{name}.png. */
	public void shot(String name) {
		try {
			File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(f.toPath(), shots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}
}
