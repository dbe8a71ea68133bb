package vn.nq57.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import oidcprovider.OidcProvider;

/**
 * Single sign-on end to end: a real OpenID Connect provider (Spring Authorization Server) and the application, each
 * on its own port; a person signs in at the provider and arrives in NQ57 signed in as the account the configured
 * claim names, with our role and agency; a person without an account gets a clear page and no account; password
 * sign-in can be switched off.
 */
class SingleSignOnTest {

	static ConfigurableApplicationContext provider;

	static ConfigurableApplicationContext app;

	static int appPort;

	static int providerPort;

	@BeforeAll
	static void start() throws Exception {
		appPort = freePort();
		provider = new SpringApplicationBuilder(OidcProvider.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "spring.jmx.enabled=false", "spring.main.banner-mode=off",
					"nq57.test.client-redirect=http://localhost:" + appPort + "/login/oauth2/code/sso",
					"management.endpoints.web.exposure.include=health", "spring.config.name=oidc-provider-none")
			.run();
		providerPort = Integer.parseInt(provider.getEnvironment().getProperty("local.server.port"));
		app = new SpringApplicationBuilder(Nq57Application.class).web(WebApplicationType.SERVLET).profiles("test")
			.properties("server.port=" + appPort, "spring.jmx.enabled=false", "nq57.demo.enabled=false",
					"spring.security.oauth2.client.registration.sso.client-id=nq57",
					"spring.security.oauth2.client.registration.sso.client-secret=bi-mat-thu-nghiem",
					"spring.security.oauth2.client.registration.sso.scope=openid",
					"spring.security.oauth2.client.provider.sso.issuer-uri=http://localhost:" + providerPort,
					"nq57.sso.user-claim=preferred_username")
			.run("--nq57.auth.local-enabled=false"); // arguments: application.properties would override defaults
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		if (provider != null) {
			provider.close();
		}
	}

	static int freePort() throws Exception {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	/** Signs in at the provider as {@code person} starting from NQ57's button; returns the last answer. */
	static HttpResponse<String> signIn(HttpClient browser, String person) throws Exception {
		HttpResponse<String> login = get(browser, "http://localhost:" + appPort + "/oauth2/authorization/sso");
		assertThat(login.uri().getPort()).as("sent to the provider's sign-in page").isEqualTo(providerPort);
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
		assertThat(csrf.find()).as(login.body()).isTrue();
		String form = "username=" + person + "&password=" + URLEncoder.encode("Sso@2026", StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + providerPort + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	static HttpClient browser() {
		return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS)
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
	}

	@Test
	@DisplayName("a person known to NQ57 signs in at the identity provider and arrives signed in, with our role and agency")
	void knownPersonSignsIn() throws Exception {
		HttpClient browser = browser();
		HttpResponse<String> arrived = signIn(browser, "sokhcn");
		assertThat(arrived.uri().getPort()).isEqualTo(appPort);
		assertThat(arrived.statusCode()).isEqualTo(200);
		HttpResponse<String> account = get(browser, "http://localhost:" + appPort + "/account");
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(account.uri().getPath()).isEqualTo("/account");
		assertThat(account.body()).contains("sokhcn").contains("Sở KH&amp;CN");
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = 'sokhcn'", Long.class))
			.isPositive();
	}

	@Test
	@DisplayName("a person the provider knows but NQ57 does not gets a clear page, and no account is made")
	void unknownPersonGetsAPage() throws Exception {
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		long users = jdbc.queryForObject("SELECT count(*) FROM app_user", Long.class);
		HttpClient browser = browser();
		HttpResponse<String> page = signIn(browser, "nguoi.la");
		assertThat(page.uri().getPath()).isEqualTo("/login/sso-unknown");
		assertThat(page.body()).contains("chưa có tài khoản nào ứng với bạn");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user", Long.class)).isEqualTo(users);
		assertThat(get(browser, "http://localhost:" + appPort + "/tasks").uri().getPath()).isEqualTo("/login");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'SSO_UNKNOWN_USER'", Long.class))
			.isPositive();
	}

	@Test
	@DisplayName("with password sign-in switched off, the login page offers single sign-on only and a posted password is refused")
	void localSignInOff() throws Exception {
		HttpClient browser = browser();
		HttpResponse<String> login = get(browser, "http://localhost:" + appPort + "/login");
		assertThat(login.body()).contains("Đăng nhập bằng Hệ thống xác thực tập trung").doesNotContain("id=\"password\"");
		// the sign-in page has no password form, so no CSRF field: a valid token of this session from a public form
		Matcher csrf = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"")
			.matcher(get(browser, "http://localhost:" + appPort + "/public/recommendations/new").body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + appPort + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString("username=sokhcn&password=Demo%402026&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.uri().getQuery()).isEqualTo("localOff");
		assertThat(posted.body()).contains("Đăng nhập bằng mật khẩu đã tắt");
		assertThat(get(browser, "http://localhost:" + appPort + "/tasks").uri().getPath()).isEqualTo("/login");
	}
}
