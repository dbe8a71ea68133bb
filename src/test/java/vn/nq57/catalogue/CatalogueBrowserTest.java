package vn.nq57.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.account.RunAs;
import vn.nq57.task.Assignment;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;
import vn.nq57.web.Browser;

/**
 * Each register end to end in a real Chromium, for the roles that use it: an agency proposes a big problem (a
 * cost that is not money, a near title warned), DoST reviews, selects and orders it into tasks; an agency keeps
 * its system in the inventory; needs and offers are connected; an initiative is scored and selected; a
 * recommendation is routed, answered and published; an obstacle from a progress update is answered onto its task;
 * a register is imported from Excel with its preview.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CatalogueBrowserTest {

	@LocalServerPort
	int port;

	@Autowired World world;
	@Autowired RunAs runAs;
	@Autowired BigProblemService problems;
	@Autowired JdbcTemplate jdbc;
	@Autowired vn.nq57.recommendation.ObstacleQueue queue;
	@Autowired TechService tech;

	Browser browser;

	@BeforeEach
	void start() {
		browser = new Browser(port);
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	private void type(String id, String text) {
		WebElement e = browser.find(By.id(id));
		e.clear();
		e.sendKeys(text);
	}

	private void typeName(WebElement form, String name, String text) {
		WebElement e = form.findElement(By.name(name));
		e.clear();
		e.sendKeys(text);
	}

	private String flash() {
		return browser.find(By.cssSelector(".flash")).getText();
	}

	private void open(String summaryText) {
		browser.find(By.xpath("//summary[contains(., '" + summaryText + "')]")).click();
	}

	@Test
	@DisplayName("big problems: the agency proposes, DoST reviews, selects with a decision and orders the tasks")
	void bigProblem() {
		int n = World.seq();
		String title = "Nền tảng trí tuệ nhân tạo phân tích dữ liệu y tế trình duyệt " + n;
		browser.login("cb.skhcn");
		browser.open("/catalogue/problems");
		browser.find(By.id("new-problem")).click();
		type("title", title);
		type("statement", "Dữ liệu y tế phân tán, chưa khai thác được");
		type("cost", "nhiều tiền");
		browser.submit(browser.find(By.cssSelector("#problem-form button[type=submit]")));
		assertThat(flash()).contains("Chưa lưu");
		assertThat(browser.find(By.xpath("//*[@id='cost']/ancestor::label//*[contains(@class,'field-error')]")).getText())
			.as("the message beside the cost").startsWith("Kinh phí dự kiến:");
		type("cost", "3,5 tỷ");
		browser.submit(browser.find(By.cssSelector("#problem-form button[type=submit]")));
		if (!browser.findAll(By.id("acknowledge")).isEmpty()) {
			// other tests' titles may be near: confirm, as the user would after reading them
			browser.find(By.id("acknowledge")).click();
			browser.submit(browser.find(By.cssSelector("#problem-form button[type=submit]")));
		}
		assertThat(browser.find(By.id("state")).getText()).isEqualTo("Đề xuất");
		assertThat(browser.find(By.id("cost")).getText()).isEqualTo("3.500.000.000 đ");
		// the same title typed without accents: warned with the nearest entry, saved only when confirmed
		browser.open("/catalogue/problems/new");
		type("title", "Nen tang tri tue nhan tao phan tich du lieu y te trinh duyet " + n);
		type("statement", "Bản trùng");
		browser.submit(browser.find(By.cssSelector("#problem-form button[type=submit]")));
		assertThat(browser.find(By.id("duplicates")).getText()).contains(title);
		assertThat(flash()).contains("Chưa lưu gì");
		browser.shot("catalogue-1-duplicate-warning");
		browser.logout();

		browser.login("sokhcn");
		browser.open("/catalogue/problems?q=" + "tri tue nhan tao phan tich du lieu y te trinh duyet " + n);
		browser.find(By.linkText(title)).click();
		browser.submit(browser.find(By.id("start-review")));
		assertThat(browser.find(By.id("state")).getText()).isEqualTo("Đang rà soát");
		type("decisionNumber", "");
		type("decisionDate", "01/10/2026");
		browser.submit(browser.find(By.id("select")));
		assertThat(flash()).contains("thiếu số quyết định");
		type("decisionNumber", "88/QĐ-UBND");
		type("decisionDate", "01/10/2026");
		browser.submit(browser.find(By.id("select")));
		assertThat(browser.find(By.id("state")).getText()).isEqualTo("Được lựa chọn");
		browser.submit(browser.find(By.id("order")));
		assertThat(browser.find(By.id("state")).getText()).isEqualTo("Đã đặt hàng");
		List<WebElement> links = browser.findAll(By.cssSelector("#tasks a"));
		assertThat(links).hasSize(2);
		browser.shot("catalogue-2-ordered");
		links.get(0).click();
		assertThat(browser.pageSource()).contains("Xây dựng thuyết minh, đặt hàng nhiệm vụ khoa học, công nghệ: " + title);
		browser.open("/catalogue/problems");
		assertThat(browser.find(By.id("counter")).getText()).startsWith("Đã lựa chọn");
	}

	@Test
	@DisplayName("inventory: an agency officer adds its system; the counts above the list follow")
	void inventory() {
		String name = "Phần mềm quản lý tài sản công trình duyệt " + World.seq();
		browser.login("cb.stc");
		browser.open("/catalogue/systems");
		String before = browser.find(By.id("counts")).getText();
		open("Thêm hệ thống");
		WebElement form = browser.find(By.id("system-form"));
		typeName(form, "name", name);
		new Select(form.findElement(By.name("hosting"))).selectByValue("DATA_CENTRE");
		new Select(form.findElement(By.name("status"))).selectByValue("OPERATING");
		form.findElement(By.name("lgspConnected")).click();
		typeName(form, "cost", "1,2 tỷ");
		browser.submit(form.findElement(By.cssSelector("button[type=submit]")));
		assertThat(flash()).isEqualTo("Đã lưu");
		browser.open("/catalogue/systems");
		assertThat(browser.find(By.id("counts")).getText()).isNotEqualTo(before);
		browser.open("/catalogue/systems?q=" + name.toLowerCase());
		assertThat(browser.find(By.id("systems")).getText()).contains(name);
		browser.shot("catalogue-3-inventory");
	}

	@Test
	@DisplayName("technology: an agency posts a need, DoST an offer of the same field and connects them")
	void technology() {
		int n = World.seq();
		String field = "Thủy sản " + n;
		browser.login("cb.stc");
		browser.open("/catalogue/tech");
		open("Đăng nhu cầu công nghệ");
		WebElement need = browser.find(By.id("need-form"));
		typeName(need, "field", field);
		typeName(need, "title", "Giám sát tàu cá bằng vệ tinh " + n);
		typeName(need, "description", "Cần giám sát hành trình tàu cá");
		typeName(need, "budgetMin", "300 triệu");
		browser.submit(need.findElement(By.cssSelector("button[type=submit]")));
		assertThat(flash()).isEqualTo("Đã lưu");
		browser.logout();
		browser.login("sokhcn");
		browser.open("/catalogue/tech");
		open("Đăng giải pháp công nghệ");
		WebElement offer = browser.find(By.id("offer-form"));
		typeName(offer, "provider", "Viettel Quảng Ngãi");
		typeName(offer, "field", field);
		typeName(offer, "title", "Thiết bị giám sát hành trình tàu cá " + n);
		typeName(offer, "description", "Giám sát tàu cá qua vệ tinh");
		browser.submit(offer.findElement(By.cssSelector("button[type=submit]")));
		browser.open("/catalogue/tech?field=" + java.net.URLEncoder.encode(field, java.nio.charset.StandardCharsets.UTF_8));
		browser.find(By.linkText("Giám sát tàu cá bằng vệ tinh " + n)).click();
		assertThat(browser.find(By.id("matches")).getText()).contains("Thiết bị giám sát hành trình tàu cá " + n);
		browser.submit(browser.find(By.cssSelector("#matches button.connect")));
		assertThat(browser.find(By.id("need-state")).getText()).isEqualTo("Đã kết nối");
		assertThat(browser.find(By.id("connections")).getText()).contains("Thiết bị giám sát hành trình tàu cá " + n);
	}

	@Test
	@DisplayName("initiatives: an agency submits, DoST scores and selects; the portal exports are offered")
	void initiative() {
		String title = "Sáng kiến chữ ký số trên điện thoại trình duyệt " + World.seq();
		browser.login("cb.stc");
		browser.open("/catalogue/initiatives");
		open("Gửi sáng kiến");
		WebElement f = browser.find(By.id("initiative-form"));
		typeName(f, "title", title);
		typeName(f, "author", "Nguyễn Văn D");
		typeName(f, "field", "Chính quyền số");
		typeName(f, "summary", "Ký số văn bản trên điện thoại");
		f.findElement(By.name("acknowledge")).click();
		browser.submit(f.findElement(By.cssSelector("button[type=submit]")));
		assertThat(flash()).isEqualTo("Đã lưu");
		browser.logout();
		browser.login("sokhcn");
		browser.open("/catalogue/initiatives");
		browser.find(By.linkText(title)).click();
		WebElement score = browser.find(By.id("score-form"));
		typeName(score, "score", "91");
		browser.submit(score.findElement(By.cssSelector("button[type=submit]")));
		assertThat(browser.find(By.id("average")).getText()).isEqualTo("91.00");
		browser.submit(browser.find(By.cssSelector("button[value=SELECTED]")));
		assertThat(browser.find(By.id("state")).getText()).isEqualTo("Được lựa chọn");
		browser.open("/catalogue/initiatives");
		assertThat(browser.find(By.id("selected-xlsx")).getAttribute("href")).contains("/catalogue/initiatives/selected.xlsx?year=");
		assertThat(browser.find(By.id("selected-docx")).getAttribute("href")).contains("/catalogue/initiatives/selected.docx?year=");
	}

	@Test
	@DisplayName("recommendations: DoST enters and routes, the agency answers, DoST publishes")
	void recommendation() {
		String title = "Kiến nghị trình duyệt " + World.seq();
		browser.login("sokhcn");
		browser.open("/recommendations");
		open("Nhập kiến nghị");
		WebElement f = browser.find(By.id("recommendation-form"));
		typeName(f, "senderName", "Công ty TNHH Trình Duyệt");
		typeName(f, "title", title);
		typeName(f, "content", "Đề nghị hướng dẫn thủ tục hỗ trợ đổi mới công nghệ");
		browser.submit(f.findElement(By.cssSelector("button[type=submit]")));
		WebElement route = browser.find(By.id("route-form"));
		route.findElements(By.cssSelector("#route-agency-picked input:checked")).forEach(WebElement::click);
		browser.pickAgency("route-agency", "so tai chinh", "Sở Tài chính");
		browser.submit(route.findElement(By.cssSelector("button[type=submit]")));
		assertThat(browser.find(By.id("agency")).getText()).isEqualTo("Sở Tài chính");
		assertThat(browser.find(By.id("due")).getText()).isEqualTo("07/12/2026");
		String url = browser.driver().getCurrentUrl();
		browser.logout();
		browser.login("cb.stc");
		browser.driver().get(url);
		WebElement answer = browser.find(By.id("answer-form"));
		typeName(answer, "answer", "Sở Tài chính đã hướng dẫn bằng văn bản");
		browser.submit(answer.findElement(By.cssSelector("button[type=submit]")));
		assertThat(browser.find(By.id("state")).getText()).isEqualTo("Đã trả lời");
		browser.logout();
		browser.login("sokhcn");
		browser.driver().get(url);
		browser.submit(browser.find(By.id("publish")));
		assertThat(browser.find(By.id("state")).getText()).isEqualTo("Đã công khai trả lời");
		browser.open("/recommendations");
		assertThat(browser.find(By.id("timeliness")).getText()).contains("Sở Tài chính");
		browser.shot("catalogue-4-recommendations");
	}

	@Test
	@DisplayName("obstacles: a progress update's obstacle reaches the queue; DoST answers; the answer shows on the task")
	void obstacle() {
		int n = World.seq();
		Task task = world.task("Nhiệm vụ vướng mắc trình duyệt " + n).lead("STC").due("31/12/2026").create();
		Assignment a = world.assignment(task, "STC");
		String text = "Thiếu hướng dẫn định mức chi trình duyệt " + n;
		world.progress(a, LocalDate.of(2026, 11, 21), 30, "Đang làm", text, null);
		queue.collect(); // what RecommendationJobs.obstacles does every five minutes
		browser.login("sokhcn");
		browser.open("/recommendations/obstacles?q=" + text);
		assertThat(browser.find(By.id("obstacles")).getText()).contains(text);
		WebElement form = browser.find(By.cssSelector("form.answer-form"));
		typeName(form, "answer", "Sở Tài chính hướng dẫn trong tháng 12");
		browser.submit(form.findElement(By.cssSelector("button[type=submit]")));
		assertThat(flash()).isEqualTo("Đã cập nhật");
		browser.open("/tasks/" + task.getId());
		assertThat(browser.pageSource()).contains("Sở Tài chính hướng dẫn trong tháng 12");
	}

	@Test
	@DisplayName("import: DoST uploads a register sheet, reads the preview, imports every row")
	void importSheet() throws Exception {
		int n = World.seq();
		byte[] xlsx = RegisterFiles.xlsx("Giải pháp", List.of("Tên giải pháp", "Loại đơn vị", "Đơn vị cung cấp", "Lĩnh vực", "Mô tả", "Liên hệ"),
				List.of(Arrays.asList("Giải pháp nhập trình duyệt một " + n, "Trường đại học", "Trường Đại học Phạm Văn Đồng", "Giáo dục", "Mô tả", ""),
						Arrays.asList("Giải pháp nhập trình duyệt hai " + n, "FIRM", "VNPT Quảng Ngãi", "Giáo dục", "Mô tả", "")), null);
		Path file = Files.createTempFile("giai-phap", ".xlsx");
		Files.write(file, xlsx);
		browser.login("sokhcn");
		browser.open("/catalogue/import/offers");
		browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.submit(browser.find(By.cssSelector("#upload-form button[type=submit]")));
		assertThat(browser.find(By.id("preview")).getText()).contains("Loại đơn vị");
		// "Trường đại học" is not one of the codes: the preview says so and nothing can be imported
		assertThat(browser.findAll(By.id("commit-form"))).isEmpty();
		xlsx = RegisterFiles.xlsx("Giải pháp", List.of("Tên giải pháp", "Loại đơn vị", "Đơn vị cung cấp", "Lĩnh vực", "Mô tả", "Liên hệ"),
				List.of(Arrays.asList("Giải pháp nhập trình duyệt một " + n, "UNIVERSITY", "Trường Đại học Phạm Văn Đồng", "Giáo dục", "Mô tả", ""),
						Arrays.asList("Giải pháp nhập trình duyệt hai " + n, "FIRM", "VNPT Quảng Ngãi", "Giáo dục", "Mô tả", "")), null);
		Files.write(file, xlsx);
		browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		browser.submit(browser.find(By.cssSelector("#upload-form button[type=submit]")));
		browser.submit(browser.find(By.cssSelector("#commit-form button[type=submit]")));
		assertThat(flash()).isEqualTo("Đã nhập 2 dòng");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM tech_offer WHERE title LIKE ?", Integer.class, "Giải pháp nhập trình duyệt % " + n))
			.isEqualTo(2);
		Files.deleteIfExists(file);
	}

	@Test
	@DisplayName("typing a new big problem's, need's or initiative's title shows the nearest entries live (htmx, no inline script)")
	void liveDuplicateCheck() {
		int n = World.seq();
		long skhcn = world.agency("SKHCN");
		String existing = "Nền tảng giám sát chất lượng nước sông Trà Khúc " + n;
		runAs.user("sokhcn", () -> problems.propose(new BigProblemService.Input(existing, "Vấn đề", "Sản phẩm", "2026",
				"1 tỷ", skhcn, skhcn, null, null), true));
		String need = "Cảm biến đo độ mặn cho ao nuôi tôm " + n;
		runAs.user("sokhcn", () -> tech.createNeed(new TechService.NeedInput("AGENCY", skhcn, null, "Thủy sản", need,
				"Mô tả", null, null, null, null)));
		browser.login("sokhcn");

		browser.open("/catalogue/problems/new");
		assertThat(browser.pageSource()).doesNotContain("<script>").doesNotContain(" onkeyup=");
		assertThat(browser.find(By.id("dup-live")).getText()).isEmpty();
		browser.find(By.id("title")).sendKeys("nen tang giam sat chat luong nuoc song Tra Khuc");
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
			.until(d -> d.findElement(By.id("dup-live")).getText().contains(existing));

		browser.open("/catalogue/tech");
		browser.find(By.cssSelector("#need-form")).findElement(By.xpath("./ancestor::details")).findElement(By.tagName("summary")).click();
		browser.find(By.id("need-title")).sendKeys("cam bien do do man ao nuoi tom");
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
			.until(d -> d.findElement(By.id("dup-live")).getText().contains(need));

		browser.open("/catalogue/initiatives");
		browser.find(By.cssSelector("#initiative-form")).findElement(By.xpath("./ancestor::details")).findElement(By.tagName("summary")).click();
		browser.find(By.id("initiative-title")).sendKeys("Nen tang giam sat chat luong nuoc song Tra Khuc");
		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
			.until(d -> d.findElement(By.id("dup-live")).getText().contains(existing));
	}
}
