package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.web.Browser;

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
	void officerEntersTheHeadApprovesTheLeaderSeesIt() throws Exception {
		IndicatorForm f = fx.share(Fixtures.code("WEB"), "STC");
		f.setName("Tỷ lệ hồ sơ quyết toán được số hóa (kiểm thử trình duyệt)");
		f.setCategory("Kiểm thử trình duyệt");
		f.setTargets("2026: 60");
		Indicator ind = fx.save(f);
		fx.enterShare("gd.stc", ind.code(), "2025", 30, 100);

		browser.login("cb.stc");
		browser.open("/indicators/entry");
		browser.find(By.cssSelector("a[href='/indicators/entry/" + ind.code() + "']")).click();
		new org.openqa.selenium.support.ui.Select(browser.find(By.id("period"))).selectByValue("2026");
		browser.find(By.id("numerator")).sendKeys("năm mươi");
		browser.find(By.id("denominator")).sendKeys("100");
		browser.submit(browser.find(By.cssSelector("#entry-form button[type=submit]")));
		assertThat(browser.find(By.cssSelector(".flash.error")).getText()).contains("Tử số: “năm mươi” không phải là số")
			.contains("chưa lưu số liệu nào");
		WebElement num = browser.find(By.id("numerator"));
		num.clear();
		num.sendKeys("58");
		browser.submit(browser.find(By.cssSelector("#entry-form button[type=submit]")));
		assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Đã lưu số liệu, chờ thủ trưởng duyệt");
		browser.shot("indicator-1-officer-entry");
		browser.logout();

		browser.login("gd.stc");
		browser.open("/indicators/entry");
		browser.submit(browser.find(By.xpath("//td[contains(., '" + f.getName() + "')]/..//button[text()='Duyệt']")));
		assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).startsWith("Đã duyệt số liệu " + ind.code());
		browser.logout();

		browser.login("lanhdao");
		browser.open("/indicators?category=Ki%E1%BB%83m%20th%E1%BB%AD%20tr%C3%ACnh%20duy%E1%BB%87t");
		WebElement row = browser.find(By.xpath("//tr[.//a[text()='" + f.getName() + "']]"));
		assertThat(row.getText()).contains("58,00%").contains("58/100").contains("60,00%").contains("Đúng lộ trình");
		assertThat(row.findElements(By.cssSelector("svg.spark polyline"))).hasSize(1);
		browser.open("/indicators");
		browser.shot("indicator-2-scoreboard");
		browser.open("/indicators/" + ind.code());
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until(d -> d.findElement(By.cssSelector("figure.chart")).isDisplayed());
		assertThat(browser.find(By.id("breakdown")).isDisplayed()).isTrue();
		browser.shot("indicator-3-page");
	}



	/**
	 * Clicks a button that submits a form and waits until the next page has replaced this one. Chromium can
	 * answer "node does not belong to the document" while the old page goes away: that is retried, not failed.
	 */
}
