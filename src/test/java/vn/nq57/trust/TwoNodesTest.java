package vn.nq57.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.Nq57Application;
import vn.nq57.account.UserService;

/**
 * Two application nodes on one PostgreSQL, over HTTP as a load balancer would send requests: a user signed in on
 * node A continues on node B (the session is in the database); an import started on A is visible on B; health and
 * Prometheus metrics answer on each node, the metrics for ADMIN only. (That the day's reminders are sent exactly once
 * by two nodes computing at once is {@code notification.TwoNodesAndLetterTest}.)
 */
class TwoNodesTest {

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	/** The file directory both nodes mount (nq57.files.dir). */
	static java.nio.file.Path files;

	@BeforeAll
	static void start() throws java.io.IOException {
		files = java.nio.file.Files.createTempDirectory("nq57-files");
		a = node("node-a");
		b = node("node-b");
	}

	static ConfigurableApplicationContext node(String name) {
		return new SpringApplicationBuilder(Nq57Application.class).web(WebApplicationType.SERVLET).profiles("test")
			.properties("nq57.node-name=" + name, "spring.jmx.enabled=false", "nq57.demo.enabled=false",
					"nq57.files.dir=" + files)
			.run("--server.port=0");
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	static String url(ConfigurableApplicationContext node, String path) {
		return "http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path;
	}

	static HttpClient browser() {
		return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
	}

	static HttpResponse<String> get(HttpClient c, String url) throws Exception {
		return c.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> scrape(HttpClient c, String url) throws Exception {
		return c.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	static String csrf(String page) {
		// the layout's meta tag once signed in, the sign-in form's hidden field before
		Matcher m = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"").matcher(page);
		assertThat(m.find()).as("CSRF token on the page").isTrue();
		return m.group(1);
	}

	static void signIn(HttpClient c, ConfigurableApplicationContext node, String user) throws Exception {
		String token = csrf(get(c, url(node, "/login")).body());
		HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(url(node, "/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=Demo%402026&_csrf="
					+ URLEncoder.encode(token, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error").doesNotContain("locked");
	}

	@Test
	@DisplayName("signed in on node A, the user continues on node B; signed out on B, A no longer knows them")
	void sessionContinuesOnTheOtherNode() throws Exception {
		HttpClient c = browser();
		signIn(c, a, "sokhcn");
		HttpResponse<String> onB = get(c, url(b, "/account"));
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("sokhcn");
		String token = csrf(onB.body());
		c.send(HttpRequest.newBuilder(URI.create(url(b, "/logout"))).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> onA = get(c, url(a, "/account"));
		assertThat(onA.statusCode()).isEqualTo(302);
		assertThat(onA.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	@DisplayName("an import started on node A is visible on node B")
	void importVisibleOnTheOtherNode() throws Exception {
		HttpClient c = browser();
		signIn(c, a, "sokhcn");
		String token = csrf(get(c, url(a, "/intake")).body());
		byte[] docx;
		try (InputStream in = TwoNodesTest.class.getResourceAsStream("/samples/mau-phu-luc-nhiem-vu.docx")) {
			docx = in.readAllBytes();
		}
		String boundary = "----nq57" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"phu-luc.docx\"\r\nContent-Type: "
				+ "application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(docx);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> started = c.send(HttpRequest.newBuilder(URI.create(url(a, "/intake/appendix")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(started.statusCode()).isEqualTo(302);
		String preview = started.headers().firstValue("Location").orElseThrow();
		assertThat(preview).matches(".*/intake/\\d+");
		HttpResponse<String> onB = get(c, url(b, URI.create(preview).getPath()));
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains("phu-luc.docx");
	}

	@Test
	@DisplayName("health and readiness answer UP on each node; Prometheus metrics only for ADMIN (session or metrics token)")
	void operations() throws Exception {
		HttpClient anonymous = browser();
		for (ConfigurableApplicationContext node : List.of(a, b)) {
			HttpResponse<String> health = scrape(anonymous, url(node, "/actuator/health"));
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"");
			assertThat(scrape(anonymous, url(node, "/actuator/health/readiness")).body()).contains("UP");
			assertThat(scrape(anonymous, url(node, "/actuator/health/liveness")).body()).contains("UP");
			assertThat(scrape(anonymous, url(node, "/actuator/prometheus")).statusCode()).isIn(302, 401, 403);
		}
		HttpClient officer = browser();
		signIn(officer, a, "sokhcn");
		assertThat(scrape(officer, url(a, "/actuator/prometheus")).statusCode()).isEqualTo(403);
		HttpResponse<String> denied = get(officer, url(a, "/admin/users"));
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.body()).contains("không có quyền");

		HttpClient admin = browser();
		signIn(admin, a, "admin");
		get(admin, url(a, "/tasks"));
		HttpResponse<String> scraped = scrape(admin, url(a, "/actuator/prometheus"));
		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(scraped.body()).contains("http_server_requests_seconds").contains("hikaricp_connections")
			.contains("nq57_");

		UserService users = a.getBean(UserService.class);
		String token = users.issueApiToken(users.findByUsername("admin").orElseThrow().getId(), 30, List.of("metrics"));
		HttpResponse<String> byToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(b,
				"/actuator/prometheus"))).header("Authorization", "Bearer " + token).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(byToken.statusCode()).isEqualTo(200);
		assertThat(byToken.body()).contains("jvm_memory_used_bytes");
		assertThat(a.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM spring_session", Long.class)).isPositive();
	}

	@Test
	@DisplayName("a file uploaded on node A is read on node B from the shared file directory, not from the database")
	void fileWrittenOnOneNodeReadOnTheOther() throws Exception {
		java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
		img.setRGB(3, 4, 0x0b57a4);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		javax.imageio.ImageIO.write(img, "png", png);
		byte[] data = png.toByteArray();
		JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
		long agency = jdbc.queryForObject("SELECT id FROM agency WHERE code = 'STC'", Long.class);
		long user = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'cb.stc'", Long.class);
		Long id = a.getBean(vn.nq57.task.AttachmentStore.class).store(
				new org.springframework.mock.web.MockMultipartFile("file", "anh-minh-chung.png", "image/png", data), agency, user);

		// the row keeps name, size and SHA-256; the bytes are in the directory under their SHA-256
		String sha = vn.nq57.system.FileStore.sha256(data);
		assertThat(jdbc.queryForObject("SELECT length(data) FROM attachment WHERE id = ?", Integer.class, id)).isZero();
		assertThat(java.nio.file.Files.readAllBytes(files.resolve(sha.substring(0, 2)).resolve(sha))).isEqualTo(data);
		var onB = b.getBean(vn.nq57.task.AttachmentStore.class).find(id).orElseThrow();
		assertThat(onB.data()).isEqualTo(data);
		assertThat(onB.filename()).isEqualTo("anh-minh-chung.png");

		// the backup carries the directory along
		java.nio.file.Path backup = java.nio.file.Files.createTempDirectory("nq57-backup-files").resolve("b");
		b.getBean(vn.nq57.ops.Backup.class).backup(backup);
		assertThat(java.nio.file.Files.readAllBytes(backup.resolve("files").resolve(sha.substring(0, 2)).resolve(sha)))
			.isEqualTo(data);
	}
}
