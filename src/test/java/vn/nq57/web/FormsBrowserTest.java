package vn.nq57.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Forms as a person uses them, in a real Chromium: the agency picker found by typing without accents and chosen
 * with the keyboard or the mouse; a form sent with several mistakes shows every message beside its own field, with
 * everything typed still there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormsBrowserTest {

	@LocalServerPort
	int port;

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

	WebElement option(String pickerId, String name) {
		String typed = browser.find(By.id(pickerId + "-q")).getAttribute("value");
		return new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> !typed.equals(d.findElement(By.id(pickerId + "-list")).getAttribute("data-for")) ? null : d
			.findElements(By.cssSelector("#" + pickerId + "-list [role=option]")).stream()
			.filter(o -> o.isDisplayed() && o.getText().startsWith(name)).findFirst().orElse(null));
	}

	@Test
	void agencyPickedByTypingWithoutAccents() {
		browser.login("sokhcn");
		browser.open("/tasks/new");
		String title = "Nhiệm vụ chọn cơ quan bằng bàn phím " + System.nanoTime();
		browser.find(By.id("title")).sendKeys(title);
		WebElement lead = browser.find(By.id("leadAgencyIds-q"));
		assertThat(lead.getAttribute("role")).isEqualTo("combobox");
		assertThat(browser.find(By.cssSelector("label[for=leadAgencyIds-q]")).getText()).startsWith("Cơ quan chủ trì");
		lead.sendKeys("so khoa hoc");
		WebElement dost = option("leadAgencyIds", "Sở Khoa học và Công nghệ");
		assertThat(browser.findAll(By.cssSelector("#leadAgencyIds-list [role=option]"))).hasSizeLessThanOrEqualTo(21);
		// the keyboard: down to the option, Enter picks it (and does not send the form)
		for (int i = 0; i < 25 && !"true".equals(dost.getAttribute("aria-selected")); i++) {
			lead.sendKeys(Keys.ARROW_DOWN);
		}
		assertThat(lead.getAttribute("aria-activedescendant")).isEqualTo(dost.getAttribute("id"));
		lead.sendKeys(Keys.ENTER);
		WebElement chosen = browser.find(By.cssSelector("#leadAgencyIds-picked input[name=leadAgencyIds]"));
		assertThat(chosen.isSelected()).isTrue();
		assertThat(browser.text(By.id("leadAgencyIds-picked"))).isEqualTo("Sở Khoa học và Công nghệ");
		assertThat(lead.getAttribute("value")).isEmpty();
		assertThat(browser.driver().getCurrentUrl()).endsWith("/tasks/new");
		// the mouse, in the second picker, with accents typed this time
		WebElement coordinator = browser.find(By.id("coordinatorAgencyIds-q"));
		coordinator.sendKeys("Sở Tài chính");
		option("coordinatorAgencyIds", "Sở Tài chính").click();
		assertThat(browser.text(By.id("coordinatorAgencyIds-picked"))).isEqualTo("Sở Tài chính");
		browser.shot("forms-agency-picker");
		browser.submit(browser.find(By.id("task-save")));
		assertThat(browser.driver().getCurrentUrl()).matches(".*/tasks/\\d+$");
		String page = browser.text(By.tagName("main"));
		assertThat(page).contains(title).contains("Sở Khoa học và Công nghệ").contains("Sở Tài chính");
	}

	@Test
	void everyErrorBesideItsFieldWithTheTypedValuesKept() {
		browser.login("sokhcn");
		browser.open("/tasks/new");
		browser.find(By.id("stt")).sendKeys("1234567890123456789012345");
		browser.find(By.id("accountableHead")).sendKeys("Giám đốc Sở Tài chính");
		browser.find(By.id("expectedOutput")).sendKeys("Báo cáo tổng kết");
		// a name typed but not chosen from the list is resolved on the server: this one matches no agency
		browser.find(By.id("leadAgencyIds-q")).sendKeys("Sở Ngoại vụ Atlantis");
		browser.find(By.id("leadAgencyIds-q")).sendKeys(Keys.ESCAPE);
		browser.submit(browser.find(By.id("task-save")));

		WebElement stt = browser.find(By.id("stt"));
		WebElement sttField = stt.findElement(By.xpath("ancestor::label[1]"));
		assertThat(sttField.findElement(By.className("field-error")).getText()).isEqualTo("STT tối đa 20 ký tự");
		assertThat(stt.getAttribute("value")).isEqualTo("1234567890123456789012345");
		WebElement titleField = browser.find(By.id("title")).findElement(By.xpath("ancestor::label[1]"));
		assertThat(titleField.findElement(By.className("field-error")).getText()).isEqualTo("Chưa nhập tên nhiệm vụ");
		WebElement leadField = browser.find(By.id("leadAgencyIds-q")).findElement(By.xpath("ancestor::div[contains(@class,'agency-picker')][1]"));
		assertThat(leadField.findElements(By.className("field-error"))).extracting(WebElement::getText)
			.anySatisfy(t -> assertThat(t).startsWith("Không tìm thấy cơ quan, đơn vị “Sở Ngoại vụ Atlantis”"));
		assertThat(browser.find(By.id("leadAgencyIds-q")).getAttribute("value")).isEqualTo("Sở Ngoại vụ Atlantis");
		assertThat(browser.find(By.id("leadAgencyIds-q")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.find(By.id("accountableHead")).getAttribute("value")).isEqualTo("Giám đốc Sở Tài chính");
		assertThat(browser.find(By.id("expectedOutput")).getAttribute("value")).isEqualTo("Báo cáo tổng kết");
		// a field without a mistake carries no message
		assertThat(browser.find(By.id("accountableHead")).findElement(By.xpath("ancestor::label[1]"))
			.findElements(By.className("field-error"))).isEmpty();
		browser.shot("forms-errors-beside-fields");
	}
}
