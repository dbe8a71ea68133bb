package vn.nq57.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import vn.nq57.account.RunAs;
import vn.nq57.publicsite.PublicCache;
import vn.nq57.publicsite.PublicHttpClient;
import vn.nq57.system.Settings;
import vn.nq57.testdata.TestAccounts;
import vn.nq57.testdata.World;

/**
 * A citizen's recommendation from the public form to its published answer, over real HTTP: the form stores it in the
 * inbox, the inbox is taken into the register (once, however often it runs), DoST routes it to an agency, that
 * agency's officer answers on the recommendation's page, DoST publishes, and the question with its answer and the
 * answering agency appear on the public page and in the download — without the sender's name or contact, and with
 * the markup the citizen typed shown escaped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublicRecommendationFlowTest {

	static final String FLOOD = "public.recommendation.per-hour";

	@LocalServerPort int port;
	@Autowired PublicInbox inbox;
	@Autowired RecommendationService service;
	@Autowired RunAs runAs;
	@Autowired World world;
	@Autowired JdbcTemplate jdbc;
	@Autowired Settings settings;
	@Autowired PublicCache cache;

	String before;

	@BeforeEach
	void roomForOneMore() {
		// other tests of this JVM send from the same address; this one is not about the flood limit
		before = settings.get(FLOOD, "5");
		settings.put(FLOOD, "100000");
		cache.clear();
	}

	@AfterEach
	void restore() {
		settings.put(FLOOD, before);
		cache.clear();
	}

	static String text(HttpResponse<byte[]> r) {
		return new String(r.body(), StandardCharsets.UTF_8);
	}

	@Test
	@DisplayName("public form → inbox → register (once) → routed by DoST → answered by the agency → published → on the public page, no name or contact")
	void fromTheFormToThePublishedAnswer() {
		int n = World.seq();
		String topic = "Đề nghị mở rộng wifi công cộng " + n;
		PublicHttpClient citizen = new PublicHttpClient(port);
		HttpResponse<byte[]> sent = citizen.postForm("/public/recommendations/new", "/public/recommendations",
				Map.of("senderKind", "BUSINESS", "topic", topic,
						"content", "Đề nghị lắp wifi miễn phí ở chợ <script>alert(1)</script> số " + n,
						"senderName", "Người Gửi Riêng Tư " + n, "contact", "rieng-tu-" + n + "@example.com"));
		assertThat(sent.statusCode()).isEqualTo(200);
		long receipt = jdbc.queryForObject("SELECT id FROM public_recommendation_inbox WHERE topic = ?", Long.class, topic);

		// the job's work, twice: one recommendation
		assertThat(inbox.take()).isGreaterThanOrEqualTo(1);
		inbox.take();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation WHERE public_receipt = ?", Integer.class, receipt))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT state FROM public_recommendation_inbox WHERE id = ?", String.class, receipt))
			.isEqualTo("ROUTED");
		long id = jdbc.queryForObject("SELECT id FROM recommendation WHERE public_receipt = ?", Long.class, receipt);
		RecommendationService.Recommendation r = runAs.user("sokhcn", () -> service.get(id));
		assertThat(r.channel()).isEqualTo("PUBLIC");
		assertThat(r.senderKind()).isEqualTo("FIRM");
		assertThat(r.state()).isEqualTo(RecommendationService.State.RECEIVED);
		assertThat(r.content()).contains("<script>alert(1)</script>");

		// DoST routes it on its page (the form of /recommendations/{id})
		PublicHttpClient dost = new PublicHttpClient(port);
		dost.postForm("/login", "/login", Map.of("username", "sokhcn", "password", TestAccounts.PASSWORD));
		String page = text(dost.get("/recommendations/" + id));
		assertThat(page).contains(topic).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
		HttpResponse<byte[]> routed = dost.postForm("/recommendations/" + id, "/recommendations/" + id + "/route",
				Map.of("version", String.valueOf(r.version()), "agencyId", String.valueOf(world.agency("STC"))));
		assertThat(routed.statusCode()).isIn(200, 302);
		RecommendationService.Recommendation afterRoute = runAs.user("sokhcn", () -> service.get(id));
		assertThat(afterRoute.state()).isEqualTo(RecommendationService.State.ROUTED);
		assertThat(afterRoute.dueDate()).isNotNull();

		// the agency's officer answers on the same page
		PublicHttpClient officer = new PublicHttpClient(port);
		officer.postForm("/login", "/login", Map.of("username", "cb.stc", "password", TestAccounts.PASSWORD));
		String answer = "Sở Tài chính bố trí kinh phí lắp wifi trong năm 2027 số " + n;
		officer.postForm("/recommendations/" + id, "/recommendations/" + id + "/answer",
				Map.of("version", String.valueOf(afterRoute.version()), "answer", answer));
		RecommendationService.Recommendation answered = runAs.user("sokhcn", () -> service.get(id));
		assertThat(answered.state()).isEqualTo(RecommendationService.State.ANSWERED);

		// not public until DoST publishes it
		cache.clear();
		PublicHttpClient anon = new PublicHttpClient(port);
		assertThat(text(anon.get("/public/data/kien-nghi-da-tra-loi"))).doesNotContain(answer);
		dost.postForm("/recommendations/" + id, "/recommendations/" + id + "/publish",
				Map.of("version", String.valueOf(answered.version())));
		assertThat(runAs.user("sokhcn", () -> service.get(id)).state()).isEqualTo(RecommendationService.State.PUBLISHED);

		cache.clear();
		String html = text(new PublicHttpClient(port).get("/public/data/kien-nghi-da-tra-loi?q=wifi+cong+cong+" + n));
		assertThat(html).contains(topic).contains(answer).contains("Sở Tài chính")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
			.doesNotContain("Người Gửi Riêng Tư").doesNotContain("rieng-tu-" + n);
		String csv = text(anon.get("/open-data/datasets/kien-nghi-da-tra-loi.csv"));
		assertThat(csv).contains(answer).doesNotContain("Người Gửi Riêng Tư").doesNotContain("rieng-tu-" + n);
	}
}
