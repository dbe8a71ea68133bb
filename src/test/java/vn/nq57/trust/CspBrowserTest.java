package vn.nq57.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.system.Settings;
import vn.nq57.task.Plan;
import vn.nq57.testdata.World;
import vn.nq57.web.Browser;

/**
 * The Content-Security-Policy in a real browser: no inline style or script is allowed, so the pages with bars
 * (my work, the public page, the funding pages), charts (the overview) and the map must draw without one
 * violation in the console; with a base layer configured (setting {@code map.tile-url}, a tile server on another
 * origin), the policy names that origin and the map's tiles load.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CspBrowserTest {

	/** A 1×1 PNG. */
	static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	@LocalServerPort
	int port;

	@Autowired
	Settings settings;

	@Autowired
	World world;

	@Test
	void pagesWithBarsChartsAndTheMapDrawWithoutAViolation() throws Exception {
		Plan plan = world.plan("Kế hoạch thanh tiến độ " + World.seq()).groups("I").create();
		world.task("Nhiệm vụ có thanh tiến độ " + World.seq()).in(plan, "I").lead("STC").due("31/12/2026").create();
		AtomicInteger tiles = new AtomicInteger();
		HttpServer tileServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		tileServer.createContext("/", exchange -> {
			tiles.incrementAndGet();
			exchange.getResponseHeaders().add("Content-Type", "image/png");
			exchange.sendResponseHeaders(200, PNG.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(PNG);
			}
		});
		tileServer.start();
		String tileOrigin = "http://127.0.0.1:" + tileServer.getAddress().getPort();
		String before = settings.get("map.tile-url", "");
		settings.put("map.tile-url", tileOrigin + "/{z}/{x}/{y}.png");
		List<String> violations = new ArrayList<>();
		try (Browser browser = new Browser(port)) {
			// the policy names the tile server, and allows no inline style
			String csp = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
						HttpResponse.BodyHandlers.discarding())
				.headers().firstValue("Content-Security-Policy").orElseThrow();
			assertThat(csp).contains("img-src 'self' data: " + tileOrigin).contains("style-src 'self';")
				.doesNotContain("unsafe-inline");

			visit(browser, violations, "/public");
			assertThat(browser.findAll(org.openqa.selenium.By.cssSelector(".pub-bar[class*='w-']"))).isNotEmpty();
			visit(browser, violations, "/public/map");
			browser.login("cb.stc");
			visit(browser, violations, "/my");
			assertThat(browser.findAll(org.openqa.selenium.By.cssSelector(".bar > span[class^='w-']"))).isNotEmpty();
			visit(browser, violations, "/funding/money");
			visit(browser, violations, "/funding/dashboard");
			visit(browser, violations, "/tasks");
			browser.logout();
			browser.login("sokhcn");
			visit(browser, violations, "/funding/dashboard");
			visit(browser, violations, "/overview");
			visit(browser, violations, "/map");
			// the base layer's tiles came from the other origin and were drawn
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
				.executeScript("return Array.from(document.querySelectorAll('img.leaflet-tile'))"
						+ ".some(i => i.complete && i.naturalWidth > 0 && i.src.startsWith('" + tileOrigin + "'))")));
			assertThat(tiles.get()).isPositive();
			violations.addAll(browser.consoleErrors().stream().filter(m -> m.contains("Content Security Policy")).toList());
		}
		finally {
			settings.put("map.tile-url", before);
			tileServer.stop(0);
		}
		assertThat(violations).as("Content-Security-Policy violations in the console").isEmpty();
	}

	private static void visit(Browser browser, List<String> violations, String path) throws IOException {
		browser.open(path);
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> "complete"
			.equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		for (String m : browser.consoleErrors()) {
			if (m.contains("Content Security Policy") || m.contains("Refused to")) {
				violations.add(path + ": " + m);
			}
		}
	}
}
