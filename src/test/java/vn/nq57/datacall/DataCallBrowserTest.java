package vn.nq57.datacall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.datacall.DataCall.Question;
import vn.nq57.testdata.World;
import vn.nq57.web.Browser;

/**
 * In a real Chromium, a call from creation to the consolidated document: DoST creates it, adds a number and a
 * percent question, chooses two departments and sends it; Sở Tài chính and Sở Nội vụ answer; DoST consolidates and
 * downloads the report, which opens in POI with the sum and the recomputed rate in its text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DataCallBrowserTest {

	@LocalServerPort
	int port;

	@Autowired DataCallService calls;

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
	void aCallFromCreationToTheConsolidatedDocument() throws Exception {
		String title = "Báo cáo nhanh hạ tầng số năm 2026 (trình duyệt " + World.seq() + ")";
		browser.login("sokhcn");
		browser.open("/datacalls");
		browser.find(By.id("new-call")).click();
		browser.find(By.id("title")).sendKeys(title);
		browser.find(By.id("requestNumber")).sendKeys("13884-CV/VPTW");
		browser.find(By.id("requestDate")).sendKeys("20/11/2026");
		browser.find(By.id("requestIssuer")).sendKeys("Văn phòng Trung ương Đảng");
		browser.find(By.id("dueDate")).sendKeys("30/11/2026");
		browser.submit(browser.find(By.id("create")));
		assertThat(flash()).contains("Đã tạo đợt báo cáo");
		String url = browser.driver().getCurrentUrl();
		long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));

		addQuestion("1", "Số cơ quan sử dụng hệ thống quản lý văn bản", "NUMBER", "cơ quan");
		addQuestion("2", "Tỷ lệ văn bản điện tử được ký số", "PERCENT", "%");
		browser.pickAgency("target-agencies", "so tai chinh", "Sở Tài chính");
		browser.pickAgency("target-agencies", "sở nội vụ", "Sở Nội vụ");
		browser.submit(browser.find(By.id("save-targets")));
		assertThat(flash()).contains("Đã lưu danh sách");
		browser.submit(browser.find(By.id("open")));
		assertThat(browser.find(By.id("call-state")).getText()).isEqualTo("Đang nhận trả lời");
		browser.logout();

		List<Question> qs = calls.questions(id);
		answer("cb.stc", title, qs, "1.200", "950", "1.000");
		answer("cb.snv", title, qs, "326", "40", "50");

		browser.login("sokhcn");
		browser.open("/datacalls/" + id);
		assertThat(browser.find(By.id("completeness")).getText()).isEqualTo("100,00%");
		browser.submit(browser.find(By.id("consolidate")));
		assertThat(browser.find(By.id("results")).getText()).contains("1.526 cơ quan", "94,28% (990/1.050)");
		String href = browser.find(By.id("docx")).getAttribute("href");
		Cookie session = browser.driver().manage().getCookieNamed("SESSION");
		HttpResponse<byte[]> docx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
			.header("Cookie", "SESSION=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(docx.statusCode()).isEqualTo(200);
		try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx.body())); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
			assertThat(x.getText()).contains("BÁO CÁO", title, "Thực hiện Công văn số 13884-CV/VPTW ngày 20/11/2026 của Văn phòng Trung ương Đảng",
					"1.526 cơ quan", "94,28%", "Nơi nhận");
		}
		browser.shot("datacall-consolidated");
	}

	private void addQuestion(String code, String text, String kind, String unit) {
		browser.find(By.id("qcode")).sendKeys(code);
		browser.find(By.id("qtext")).sendKeys(text);
		new Select(browser.find(By.id("qkind"))).selectByValue(kind);
		browser.find(By.id("qunit")).sendKeys(unit);
		browser.submit(browser.find(By.id("add-question")));
		assertThat(flash()).contains("Đã thêm câu hỏi");
	}

	private void answer(String user, String title, List<Question> qs, String number, String num, String den) {
		browser.login(user);
		browser.open("/datacalls");
		browser.find(By.linkText(title)).click();
		browser.find(By.id("q" + qs.get(0).id())).sendKeys(number);
		browser.find(By.id("q" + qs.get(1).id() + "_n")).sendKeys(num);
		browser.find(By.id("q" + qs.get(1).id() + "_d")).sendKeys(den);
		browser.submit(browser.find(By.id("submit")));
		assertThat(flash()).contains("Đã gửi trả lời");
		assertThat(browser.find(By.id("response-state")).getText()).isEqualTo("Đã gửi");
		browser.logout();
	}

	private String flash() {
		return browser.find(By.cssSelector(".flash.ok")).getText();
	}
}
