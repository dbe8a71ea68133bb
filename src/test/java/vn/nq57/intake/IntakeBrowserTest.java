package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.nq57.intake.TestDocs.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.web.Browser;

/**
 * In a real Chromium, as DoST: upload an appendix with an agency the registry does not know and a deadline that
 * cannot be read; the preview says so and the confirm button is disabled; map the name, fix the deadline,
 * confirm; the tasks are in the list (headless Chromium: {@link Browser}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IntakeBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

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
	void dostFixesThePreviewAndConfirms() throws Exception {
		String unknown = "Trung tâm Giám sát điều hành đô thị thông minh " + System.nanoTime();
		String title = "Vận hành thử nền tảng giám sát giao thông đô thị (kiểm thử trình duyệt " + System.nanoTime() + ")";
		Path file = Files.createTempFile("phu-luc", ".xlsx");
		Files.write(file, TestDocs.xlsx(List.of(List.of(row("KẾ HOẠCH KIỂM THỬ TRÌNH DUYỆT"), TestDocs.standardHeader(),
				TestDocs.group("I", "Hạ tầng đô thị số", 7),
				row("1", title, "Giám đốc Sở Xây dựng", unknown, "Sở Xây dựng", "Nền tảng", "Quý V/2026")))));

		browser.login("sokhcn");
		browser.open("/intake");
		browser.find(By.cssSelector("#appendix-form input[name=file]")).sendKeys(file.toString());
		browser.submit(browser.find(By.id("appendix-submit")));
		assertThat(browser.find(By.id("rows")).getText()).contains(unknown).contains("UNKNOWN_AGENCY")
			.contains("UNPARSED_DEADLINE");
		assertThat(browser.find(By.id("commit-button")).isEnabled()).isFalse();
		assertThat(browser.find(By.id("not-committable")).getText()).contains("Còn 2 lỗi");
		browser.shot("intake-1-preview");

		WebElement map = browser.find(By.cssSelector("form.map-form"));
		browser.pickAgency("map-0", "so xay dung", "Sở Xây dựng");
		browser.submit(map.findElement(By.tagName("button")));
		assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).contains("tên gọi khác của Sở Xây dựng");

		WebElement row = browser.findAll(By.cssSelector("#rows tr")).stream()
			.filter(r -> r.getText().contains(title)).findFirst().orElseThrow();
		row.findElement(By.tagName("summary")).click();
		WebElement deadline = row.findElement(By.name("deadline"));
		deadline.clear();
		deadline.sendKeys("Quý IV/2026");
		browser.submit(row.findElement(By.xpath(".//button[text()='Lưu dòng']")));
		assertThat(browser.find(By.id("commit-button")).isEnabled()).isTrue();
		browser.shot("intake-2-fixed");

		browser.submit(browser.find(By.id("commit-button")));
		assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).startsWith("Đã ghi: thêm 1");
		assertThat(browser.find(By.id("task-table")).getText()).contains(title).contains("Quý IV/2026");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM agency_alias WHERE alias = ?", Integer.class, unknown))
			.isEqualTo(1);
		browser.shot("intake-3-tasks");
	}
}
