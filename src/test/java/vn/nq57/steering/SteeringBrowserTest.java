package vn.nq57.steering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.testdata.World;
import vn.nq57.web.Browser;

/**
 * The walk of the "Done when", in a real Chromium: DoST records a session and opens its brief; the secretary
 * drafts four conclusion items (one to a collective), each read live as it is typed (agencies, deadline); issues the
 * notice; the tasks are there with the items' deadlines and agencies; the next session's brief follows them up; a
 * leader composes, saves and shares a board and drills from a figure to the tasks and one task; an agency head opens
 * the shared board at a phone's width and sees only their agency. Needs /usr/bin/chromium and /usr/bin/chromedriver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SteeringBrowserTest {

	@LocalServerPort
	int port;

	@Autowired World world;

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

	WebDriverWait waiting() {
		return new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
	}

	void createSession(String title, String day) {
		browser.open("/steering/sessions");
		browser.find(By.id("heldOn")).sendKeys(day);
		browser.find(By.id("title")).sendKeys(title);
		browser.find(By.id("chair")).sendKeys("Phó Chủ tịch UBND tỉnh Trần Phước Hiền");
		browser.find(By.id("agenda")).sendKeys("Giám đốc Sở Khoa học và Công nghệ báo cáo kết quả triển khai");
		browser.submit(browser.find(By.id("create-session")));
		assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Đã ghi phiên họp");
	}

	void draft(String addressee, String text, String deadline, String expectedAgency, String expectedDue) {
		browser.find(By.id("addressee")).clear();
		browser.find(By.id("addressee")).sendKeys(addressee);
		browser.find(By.id("instruction")).sendKeys(text);
		browser.find(By.id("deadline")).sendKeys(deadline);
		// read live while typing (htmx): the agency found and the day the deadline means
		waiting().until(d -> d.findElements(By.id("deadline-read")).size() == 1
				&& d.findElement(By.id("deadline-read")).getText().contains(expectedDue)
				&& d.findElement(By.id("item-check")).getText().contains(expectedAgency));
		browser.submit(browser.find(By.id("save-item")));
		assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).startsWith("Đã lưu nội dung kết luận số");
	}

	@Test
	void aSessionFromItsBriefToItsConclusionsTasksAndALeadersBoard() throws Exception {
		String seq = String.valueOf(World.seq());
		world.task("Nhiệm vụ quá hạn cho bảng điều hành " + seq).lead("STC").due("30/10/2026").create();

		browser.login("sokhcn");
		createSession("Phiên họp thường kỳ kiểm thử " + seq, "10/09/2026");
		browser.find(By.id("open-brief")).click();
		assertThat(browser.find(By.id("section-summary")).getText()).contains("Tỷ lệ hoàn thành trên số đã đến hạn");
		assertThat(browser.find(By.id("section-followup")).getText()).contains("KẾT QUẢ THỰC HIỆN KẾT LUẬN PHIÊN HỌP TRƯỚC");
		browser.shot("s1-brief");
		browser.find(By.linkText("← Về phiên họp")).click();

		// an unknown name: nothing saved, the nearest names offered
		browser.find(By.id("addressee")).sendKeys("So Tai chinh tinh");
		browser.find(By.id("instruction")).sendKeys("Nội dung thử");
		waiting().until(d -> d.findElements(By.cssSelector(".unknown-name")).size() == 1);
		assertThat(browser.find(By.cssSelector(".unknown-name")).getText()).contains("Có phải:").contains("Sở Tài chính");
		browser.submit(browser.find(By.id("save-item")));
		assertThat(browser.find(By.cssSelector(".flash.error")).getText()).contains("Chưa lưu");
		assertThat(browser.find(By.xpath("//*[@id='addressee']/ancestor::label//*[contains(@class,'field-error')]")).getText())
			.as("the message beside the addressee").contains("Không có “So Tai chinh tinh”");
		browser.driver().get(browser.driver().getCurrentUrl().replaceAll("/items$", ""));
		browser.find(By.id("instruction")).clear();

		draft("Các sở, ban, ngành, địa phương", "Quán triệt và triển khai kịp thời các nội dung chỉ đạo " + seq,
				"Quý IV/2026", "Các sở, ban, ngành, địa phương", "31/12/2026");
		draft("Sở Khoa học và Công nghệ", "Rà soát đề xuất phân khai kinh phí " + seq, "hoàn thành trong ngày 10/10/2026",
				"Sở Khoa học và Công nghệ", "10/10/2026");
		draft("Sở Văn hóa, Thể thao và Du lịch", "Triển khai đài truyền thanh thông minh " + seq, "trước ngày 01/12/2026",
				"Sở Văn hóa, Thể thao và Du lịch", "30/11/2026");
		draft("Sở Tài chính; Sở Nội vụ", "Tham mưu điều chuyển kinh phí " + seq, "Tháng 11/2026", "Sở Nội vụ", "30/11/2026");
		assertThat(browser.findAll(By.cssSelector("#item-table tr[data-item]"))).hasSize(4);

		browser.find(By.id("notice-number")).sendKeys("KT-" + seq + "/TB-UBND");
		browser.find(By.id("notice-date")).sendKeys("12/09/2026");
		WebElement page = browser.find(By.tagName("html"));
		browser.find(By.id("issue")).click();
		waiting().until(ExpectedConditions.alertIsPresent()).accept();
		waiting().until(ExpectedConditions.stalenessOf(page));
		assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).contains("4 nội dung kết luận đã thành nhiệm vụ");
		List<WebElement> links = browser.findAll(By.cssSelector("#item-table a.task-link"));
		assertThat(links).hasSize(4);
		browser.shot("s2-issued");

		// the tasks carry the items' deadlines and agencies
		links.get(3).click();
		assertThat(browser.find(By.id("task-title")).getText()).isEqualTo("Tham mưu điều chuyển kinh phí " + seq);
		String assignments = browser.find(By.id("assignments")).getText();
		assertThat(assignments).contains("Sở Tài chính").contains("Sở Nội vụ").contains("30/11/2026");
		browser.driver().navigate().back();
		browser.findAll(By.cssSelector("#item-table a.task-link")).get(1).click();
		assertThat(browser.find(By.id("assignments")).getText()).contains("Sở Khoa học và Công nghệ").contains("10/10/2026");

		// the next session's brief follows the items up, each linked to its task
		createSession("Phiên họp thường kỳ tiếp theo " + seq, "20/11/2026");
		browser.find(By.id("open-brief")).click();
		WebElement follow = browser.find(By.id("section-followup"));
		assertThat(follow.findElements(By.cssSelector("table.panel-table tr"))).hasSize(5);
		assertThat(follow.getText()).contains("Tham mưu điều chuyển kinh phí " + seq).contains("Quá hạn");
		browser.shot("s3-next-brief");
		browser.logout();

		// a leader composes, saves and shares a board, then drills from a figure to the tasks and to one task
		browser.login("lanhdao");
		browser.open("/boards");
		browser.find(By.id("board-name")).sendKeys("Bảng kiểm thử " + seq);
		for (String w : List.of("RATES", "OVERDUE_BY_AGENCY", "GROUPS", "DUE_SOON", "RANKING", "INDICATORS", "REPORTS", "FOLLOW_UP")) {
			browser.find(By.id("w-" + w)).click();
		}
		new Select(browser.find(By.id("f-share"))).selectByValue("AGENCY_HEAD");
		browser.submit(browser.find(By.id("save-board")));
		assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Đã lưu bảng điều hành");
		assertThat(browser.findAll(By.cssSelector("section.widget"))).hasSize(8);
		String boardUrl = browser.driver().getCurrentUrl();
		browser.shot("s4-board");
		browser.find(By.cssSelector("#widget-OVERDUE_BY_AGENCY table.panel-table a.drill")).click(); // click 1
		assertThat(browser.driver().getCurrentUrl()).contains("/tasks?agency=").contains("status=OVERDUE");
		browser.find(By.cssSelector("#task-table a")).click(); // click 2
		assertThat(browser.driver().getCurrentUrl()).matches(".*/tasks/\\d+$");
		browser.logout();

		// an agency head opens the shared board on a phone: only their agency, the indicator widget withheld
		browser.login("gd.stc");
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		browser.driver().get(boardUrl);
		assertThat(browser.find(By.id("widget-INDICATORS")).getText()).contains("Mục này không hiển thị với vai trò của bạn.");
		assertThat(browser.findAll(By.cssSelector("#widget-OVERDUE_BY_AGENCY table.panel-table a.drill")))
			.allSatisfy(a -> assertThat(a.getText()).isEqualTo("Sở Tài chính"));
		Object overflow = ((JavascriptExecutor) browser.driver())
			.executeScript("return document.querySelector('main').scrollWidth <= window.innerWidth + 1");
		assertThat(overflow).as("the board fits a phone's width").isEqualTo(true);
		browser.shot("s5-phone");
	}
}
