package vn.nq57.ioc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.nq57.account.RunAs;
import vn.nq57.publicsite.PublicCache;
import vn.nq57.system.AppClock;
import vn.nq57.task.Plan;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/**
 * The operations centre's feed over real HTTP: machine credentials (401 without, wrong or revoked; 403 out of scope;
 * 429 over the limit; every use logged), current figures, the change feed and its cursor, daily snapshots frozen once
 * the day closes, ETag, and a webhook that a test receiver (an in-process HTTP server) verifies by its HMAC-SHA256
 * signature; a receiver that is down is retried with back-off and logged, and a delivery can be replayed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IocFeedTest {

	@LocalServerPort
	int port;

	@Autowired IocClients clients;
	@Autowired IocFeed feed;
	@Autowired IocWebhooks webhooks;
	@Autowired RunAs runAs;
	@Autowired World world;
	@Autowired PublicCache cache;
	@Autowired JdbcTemplate jdbc;
	@Autowired AppClock clock;

	final HttpClient http = HttpClient.newHttpClient();
	static final JsonMapper JSON = JsonMapper.builder().build();

	IocClients.Issued issue(Set<IocScope> scopes, int rate, String hook) {
		return runAs.user("admin", () -> clients.create("Trung tâm IOC kiểm thử " + World.seq(), scopes, rate, hook));
	}

	HttpResponse<String> get(String path, String id, String secret, String... headers) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (id != null) {
			b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)));
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	long uses(long clientId, int status) {
		return jdbc.queryForObject("SELECT count(*) FROM ioc_usage WHERE client_id = ? AND status = ?", Long.class, clientId, status);
	}

	@Test
	void credentialsScopesRateLimitAndTheUsageLog() throws Exception {
		IocClients.Issued ind = issue(EnumSet.of(IocScope.INDICATORS), 5, null);
		String id = ind.client().clientId();
		assertThat(jdbc.queryForObject("SELECT secret_hash FROM ioc_client WHERE client_id = ?", String.class, id))
			.isNotEqualTo(ind.secret()).hasSize(64);

		HttpResponse<String> none = get("/ioc/v1/figures", null, null);
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(get("/ioc/v1/figures", id, "sai-khoa").statusCode()).isEqualTo(401);

		HttpResponse<String> ok = get("/ioc/v1/figures", id, ind.secret());
		assertThat(ok.statusCode()).isEqualTo(200);
		JsonNode figures = JSON.readTree(ok.body()).get("figures");
		figures.propertyNames().forEach(k -> assertThat(k).startsWith("indicator."));
		assertThat(ok.headers().firstValue("ETag")).isPresent();
		assertThat(ok.headers().firstValue("Last-Modified")).isPresent();
		assertThat(get("/ioc/v1/figures", id, ind.secret(), "If-None-Match", ok.headers().firstValue("ETag").get())
			.statusCode()).isEqualTo(304);

		HttpResponse<String> out = get("/ioc/v1/tasks/summary", id, ind.secret());
		assertThat(out.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(out.body()).get("message").asString()).contains("tasks:read");

		HttpResponse<String> last = null;
		for (int i = 0; i < 5; i++) {
			last = get("/ioc/v1/indicators", id, ind.secret());
		}
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Retry-After")).isPresent();

		runAs.user("admin", () -> clients.revoke(ind.client().id()));
		HttpResponse<String> revoked = get("/ioc/v1/figures", id, ind.secret());
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(revoked.body()).get("message").asString()).contains("thu hồi");

		long cid = ind.client().id();
		assertThat(uses(cid, 200)).isGreaterThanOrEqualTo(2);
		// the 304 is made by the ETag filter around the handler: the log has the handler's 200
		assertThat(uses(cid, 403)).isEqualTo(1);
		// 5 a minute: two figures calls and three of the indicator calls pass, the last two are refused
		assertThat(uses(cid, 429)).isEqualTo(2);
		assertThat(uses(cid, 401)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM ioc_usage WHERE client_id IS NULL AND presented = ? AND status = 401",
				Long.class, id)).isEqualTo(1);
		// only ADMIN creates clients
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> clients.create("x", EnumSet.of(IocScope.TASKS), 10, null)))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void changeFeedSnapshotsAndASignedWebhookTheReceiverVerifies() throws Exception {
		List<String[]> received = new CopyOnWriteArrayList<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", ex -> {
			String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.add(new String[] { ex.getRequestHeaders().getFirst("X-NQ57-Timestamp"),
					ex.getRequestHeaders().getFirst("X-NQ57-Signature"), body });
			ex.sendResponseHeaders(204, -1);
			ex.close();
		});
		receiver.start();
		try {
			String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
			IocClients.Issued tasks = issue(EnumSet.of(IocScope.TASKS), 600, hook);
			feed.detect();
			webhooks.sendDue();
			long cursor = JSON.readTree(get("/ioc/v1/figures", tasks.client().clientId(), tasks.secret()).body()).get("cursor").asLong();
			received.clear();

			// a task is added: the summary moves, the feed records it, the webhook tells the receiver
			Plan p = world.plan("Kế hoạch IOC kiểm thử " + World.seq()).groups("I").create();
			Task t = world.task("Nhiệm vụ IOC kiểm thử " + World.seq()).in(p, "I").lead("STC").due("31/12/2026").create();
			cache.clear();
			assertThat(feed.detect()).isGreaterThan(0);
			assertThat(webhooks.sendDue()).isGreaterThanOrEqualTo(1);

			HttpResponse<String> changes = get("/ioc/v1/changes?after=" + cursor, tasks.client().clientId(), tasks.secret());
			JsonNode c = JSON.readTree(changes.body());
			assertThat(c.get("changes").toString()).contains("tasks.total");
			long next = c.get("next").asLong();
			assertThat(next).isGreaterThan(cursor);
			assertThat(JSON.readTree(get("/ioc/v1/changes?after=" + next, tasks.client().clientId(), tasks.secret()).body())
				.get("changes").size()).isZero();

			assertThat(received).hasSize(1);
			String[] r = received.get(0);
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(tasks.webhookKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String expected = "sha256=" + java.util.HexFormat.of()
				.formatHex(mac.doFinal((r[0] + "." + r[2]).getBytes(StandardCharsets.UTF_8)));
			assertThat(r[1]).isEqualTo(expected);
			assertThat(Math.abs(Long.parseLong(r[0]) - clock.now().getEpochSecond())).isLessThan(300);
			JsonNode body = JSON.readTree(r[2]);
			assertThat(body.get("event").asString()).isEqualTo("figures.changed");
			assertThat(body.get("changes").toString()).contains("tasks.total").doesNotContain("indicator.");
			// a tampered body would not verify
			assertThat(IocWebhooks.sign(tasks.webhookKey(), Long.parseLong(r[0]), r[2] + " ")).isNotEqualTo(r[1]);

			// today's snapshot is there and open; a closed day can no longer change
			LocalDate today = clock.today();
			HttpResponse<String> snap = get("/ioc/v1/snapshots/" + today, tasks.client().clientId(), tasks.secret());
			assertThat(snap.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(snap.body()).get("closed").asBoolean()).isFalse();
			jdbc.update("INSERT INTO ioc_snapshot(day, figures, sha256, taken_at, closed) VALUES (?, '{}', 'x', now(), false) "
					+ "ON CONFLICT DO NOTHING", today.minusDays(400));
			feed.detect();
			assertThat(jdbc.queryForObject("SELECT closed FROM ioc_snapshot WHERE day = ?", Boolean.class, today.minusDays(400)))
				.isTrue();
			assertThatThrownBy(() -> jdbc.update("UPDATE ioc_snapshot SET figures = '{\"x\":1}' WHERE day = ?", today.minusDays(400)))
				.hasMessageContaining("closed");
			assertThatThrownBy(() -> jdbc.update("DELETE FROM ioc_snapshot WHERE day = ?", today.minusDays(400)))
				.hasMessageContaining("closed");
			assertThat(get("/ioc/v1/snapshots/2020-01-01", tasks.client().clientId(), tasks.secret()).statusCode()).isEqualTo(404);
		}
		finally {
			receiver.stop(0);
		}
	}

	@Test
	void aReceiverThatIsDownIsRetriedWithBackoffLoggedAndCanBeReplayed() throws Exception {
		int deadPort;
		try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			deadPort = probe.getLocalPort();
		}
		IocClients.Issued c = issue(EnumSet.of(IocScope.TASKS), 60, "http://127.0.0.1:" + deadPort + "/down");
		feed.detect();
		Plan p = world.plan("Kế hoạch IOC webhook hỏng " + World.seq()).groups("I").create();
		world.task("Nhiệm vụ IOC webhook hỏng " + World.seq()).in(p, "I").lead("SNV").due("31/12/2026").create();
		cache.clear();
		feed.detect();
		long started = System.nanoTime();
		webhooks.sendDue();
		long took = (System.nanoTime() - started) / 1_000_000;
		assertThat(took).as(() -> "a dead receiver does not hold the sender: " + jdbc.queryForList(
				"SELECT a.delivery_id, a.millis, a.error, d.client_id FROM ioc_delivery_attempt a JOIN ioc_delivery d ON d.id = a.delivery_id"))
			.isLessThan(8000);
		Long delivery = jdbc.queryForObject("SELECT max(id) FROM ioc_delivery WHERE client_id = ?", Long.class, c.client().id());
		var row = jdbc.queryForMap("SELECT state, attempts, next_attempt_at > ? AS later, last_error FROM ioc_delivery WHERE id = ?",
				java.sql.Timestamp.from(clock.now().plusSeconds(20)), delivery);
		assertThat(row.get("state")).isEqualTo("PENDING");
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat(row.get("later")).isEqualTo(true);
		assertThat((String) row.get("last_error")).startsWith("Không gửi được");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM ioc_delivery_attempt WHERE delivery_id = ?", Integer.class, delivery))
			.isEqualTo(1);
		// not due again yet
		webhooks.sendDue();
		assertThat(jdbc.queryForObject("SELECT attempts FROM ioc_delivery WHERE id = ?", Integer.class, delivery)).isEqualTo(1);
		assertThat(IocWebhooks.backoff(1)).hasSeconds(30);
		assertThat(IocWebhooks.backoff(3)).hasSeconds(120);
		assertThat(IocWebhooks.backoff(20)).hasSeconds(3600);
		// the replay button puts it back at once (ADMIN only, audited)
		assertThatThrownBy(() -> runAs.user("sokhcn", () -> webhooks.replay(delivery)))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		runAs.user("admin", () -> webhooks.replay(delivery));
		webhooks.sendDue();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM ioc_delivery_attempt WHERE delivery_id = ?", Integer.class, delivery))
			.isEqualTo(2);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'IOC_WEBHOOK_REPLAYED' AND entity_id = ?",
				Integer.class, delivery)).isEqualTo(1);
	}

	@Test
	void theFeedIsInTheOpenApiDocument() {
		var browser = new vn.nq57.publicsite.PublicHttpClient(port);
		browser.postForm("/login", "/login", java.util.Map.of("username", "admin", "password", vn.nq57.testdata.TestAccounts.PASSWORD));
		String docs = browser.text("/v3/api-docs");
		assertThat(docs).contains("/ioc/v1/figures").contains("/ioc/v1/changes").contains("/ioc/v1/snapshots/{day}")
			.contains("iocClient");
	}

	@Test
	@org.junit.jupiter.api.DisplayName("the rate limit is counted in the database: calls another node counted this minute use up the client's limit here")
	void rateLimitSharedAcrossNodes() throws Exception {
		IocClients.Issued c = issue(java.util.EnumSet.of(IocScope.INDICATORS), 3, null);
		String id = c.client().clientId();
		assertThat(get("/ioc/v1/figures", id, c.secret()).statusCode()).isEqualTo(200);
		// another node has answered two more calls of this client in this minute (and in the next, should it turn)
		jdbc.update("""
				INSERT INTO ioc_rate(client_id, minute, calls)
				SELECT ?, floor(extract(epoch FROM clock_timestamp()) / 60)::bigint + d, 2 FROM generate_series(0, 1) d
				ON CONFLICT (client_id, minute) DO UPDATE SET calls = ioc_rate.calls + 2""", c.client().id());
		HttpResponse<String> refused = get("/ioc/v1/figures", id, c.secret());
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(JSON.readTree(refused.body()).get("message").asString()).contains("3 lần gọi mỗi phút");
		assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
	}
}
