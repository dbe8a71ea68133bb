package vn.nq57.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import vn.nq57.task.Assignment;
import vn.nq57.task.Task;

/**
 * Evidence files that are too large, sent by a real browser-like client to the real server (MockMvc does
 * not apply the servlet container's multipart limits). Two limits apply: the container's
 * {@code spring.servlet.multipart.max-file-size} (10 MB, as in production) ends the upload before the
 * application sees it, as a MaxUploadSizeExceededException; the application's own
 * {@code nq57.upload.max-bytes} (set to 1000 bytes here) is checked by AttachmentStore. Both must end
 * in a Vietnamese message with nothing saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "nq57.upload.max-bytes=1000")
class UploadLimitTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext ctx;

	Fixtures fx;

	Task stcTask;

	Assignment stcWork;

	HttpClient browser;

	@BeforeEach
	void signInAsOfficerOfSoTaiChinh() throws Exception {
		fx = new Fixtures(ctx);
		stcTask = fx.task("Số hóa hồ sơ quyết toán kinh phí khoa học, công nghệ " + Fixtures.tag(), "Tháng 12/2026", "STC");
		stcWork = fx.onlyAssignment(stcTask);
		browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = getPage("/login").body();
		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(url("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=cb.stc&password=Demo%402026&_csrf=" + csrf(login))));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
	}

	@Test
	@DisplayName("a 2 KB PDF over the application's limit of 1000 bytes is refused with “quá lớn”, and nothing is saved")
	void fileOverTheApplicationLimit() throws Exception {
		long files = fx.attachmentRowsOf("cb.stc");

		HttpResponse<String> r = postProgressWithFile("bao-cao-quyet-toan.pdf", pdf(2_000));

		assertThat(r.statusCode()).isEqualTo(302);
		String page = getPage("/tasks/" + stcTask.getId()).body();
		assertThat(page).contains("Tệp “bao-cao-quyet-toan.pdf” quá lớn");
		assertThat(fx.attachmentRowsOf("cb.stc")).isEqualTo(files);
		assertThat(fx.progressRows(stcWork)).isZero();
	}

	@Test
	@DisplayName("a PDF under the application's limit is stored (the client and the form work)")
	void fileUnderTheLimit() throws Exception {
		long files = fx.attachmentRowsOf("cb.stc");

		HttpResponse<String> r = postProgressWithFile("bao-cao.pdf", pdf(600));

		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(getPage("/tasks/" + stcTask.getId()).body()).contains("Đã cập nhật tiến độ");
		assertThat(fx.attachmentRowsOf("cb.stc")).isEqualTo(files + 1);
		assertThat(fx.progressRows(stcWork)).isEqualTo(1);
	}

	@Test
	@DisplayName("an 11 MB file over the 10 MB upload limit gets 413 and the Vietnamese “vượt quá dung lượng” page, and nothing is saved")
	void fileOverTheServletLimit() throws Exception {
		long files = fx.attachmentRowsOf("cb.stc");

		HttpResponse<String> r = postProgressWithFile("ban-scan-ho-so.pdf", pdf(11 * 1024 * 1024));

		assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
		assertThat(r.body()).contains("Tệp tải lên vượt quá dung lượng cho phép (tối đa 10 MB mỗi lần tải lên); không có gì được lưu");
		assertThat(fx.attachmentRowsOf("cb.stc")).isEqualTo(files);
		assertThat(fx.progressRows(stcWork)).isZero();
	}

	@Test
	@DisplayName("an 11 MB multipart body sent to the API with a token gets 413 and the message in JSON")
	void apiUploadOverTheServletLimit() throws Exception {
		String boundary = "----nq57" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(pdf(11 * 1024 * 1024));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url("/api/v1/assignments/"
				+ stcWork.getId() + "/progress"))
			.header("Authorization", "Bearer " + fx.token("cb.stc"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(r.statusCode()).isEqualTo(413);
		assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(r.body()).isEqualTo("{\"status\":413,\"message\":\"Tệp tải lên vượt quá dung lượng cho phép "
				+ "(tối đa 10 MB mỗi lần tải lên); không có gì được lưu\"}");
		assertThat(fx.progressRows(stcWork)).isZero();
	}

	// ----- a small browser -----

	private URI url(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return browser.send(request.header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> getPage(String path) throws Exception {
		HttpResponse<String> r = send(HttpRequest.newBuilder(url(path)).GET());
		assertThat(r.statusCode()).as(path).isEqualTo(200);
		return r;
	}

	private static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("CSRF field on the page").isTrue();
		return m.group(1);
	}

	/** Sends the progress form of the task page as the browser would: multipart, the form's fields and a file. */
	private HttpResponse<String> postProgressWithFile(String filename, byte[] file) throws Exception {
		String page = getPage("/tasks/" + stcTask.getId()).body();
		vn.nq57.testdata.ProgressUpload.Multipart m = vn.nq57.testdata.ProgressUpload.of(page, stcWork.getId(), "50",
				"Đã số hóa hồ sơ quyết toán", filename, file);
		return send(HttpRequest.newBuilder(url(m.target()))
			.header("Content-Type", m.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(m.body())));
	}

	/** A PDF of the given size: the header, padding, the end marker. */
	static byte[] pdf(int size) {
		byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
		byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		byte[] b = new byte[size];
		Arrays.fill(b, (byte) ' ');
		System.arraycopy(head, 0, b, 0, head.length);
		System.arraycopy(tail, 0, b, size - tail.length, tail.length);
		return b;
	}
}
