package vn.nq57.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.nq57.account.Role;
import vn.nq57.indicator.IndicatorsForOtherTests;
import vn.nq57.task.Plan;
import vn.nq57.task.Task;
import vn.nq57.testdata.World;

/**
 * The public side over real HTTP, anonymously: every public page and every download answers without login, shows what
 * DoST confirmed or approved, and never a private field (a progress text, an obstacle, an unconfirmed claim, a leader's
 * direction, a person's name or contact, an indicator value not yet approved, its source note); the files are what
 * they claim (CSV with BOM, JSON, XLSX reopened with POI); an unknown data set or format is a 404 listing what exists;
 * the DCAT-AP catalogue parses with Jena in both syntaxes and passes the mandatory-property shapes; the recommendation
 * form refuses bad input in Vietnamese and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PublicSiteTest {

	static final String[] PRIVATE = { "MATKIN-PROGRESS", "MATKIN-OBSTACLE", "MATKIN-PROPOSAL", "MATKIN-CLAIM",
			"MATKIN-DIRECTION", "matkinuser", "MATKIN-NOTE", "987654", "MATKIN-SENDER", "matkin-contact@example.com",
			"MATKIN-RECCONTENT", "MATKIN-DRAFTPROBLEM", "MATKIN-REVIEWPROBLEM", "MATKIN-AUTHOR", "MATKIN-UNPUBINIT",
			"MATKIN-PLANNEDSYS", "MATKIN-SYSUSERS", "MATKIN-RECSENDER", "matkin-rec@example.com", "MATKIN-UNANSWERED",
			"MATKIN-UNPUBANSWER" };

	/** What the catalogues publish once approved (each must appear on its page). */
	static final String[] PUBLISHED = { "Bài toán công khai kiểm thử", "Sáng kiến công khai kiểm thử",
			"Hệ thống công khai kiểm thử", "Trả lời công khai kiểm thử" };

	static final List<String> CATALOGUE_PAGES = List.of("/public/data/bai-toan-lon", "/public/data/sang-kien",
			"/public/data/he-thong-thong-tin", "/public/data/kien-nghi-da-tra-loi");

	@LocalServerPort
	int port;

	@Autowired
	World world;

	@Autowired
	ApplicationContext context;

	@Autowired
	PublicCache cache;

	@Autowired
	PublicDatasets datasets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PublicRecommendations recommendations;

	@Autowired
	vn.nq57.account.RunAs runAs;

	@Autowired
	vn.nq57.catalogue.BigProblemService problems;

	@Autowired
	vn.nq57.catalogue.InitiativeService initiatives;

	@Autowired
	vn.nq57.catalogue.InventoryService inventory;

	@Autowired
	vn.nq57.recommendation.RecommendationService recommendationService;

	static String taskTitle;
	static String indicatorCode;

	PublicHttpClient anon;

	@BeforeEach
	void seed() {
		anon = new PublicHttpClient(port);
		if (taskTitle != null) {
			return;
		}
		int n = World.seq();
		Plan plan = world.plan("Kế hoạch công khai kiểm thử " + n).groups("I", "II").create();
		taskTitle = "Nhiệm vụ công khai kiểm thử số " + n;
		Task done = world.task(taskTitle).in(plan, "I").lead("STC").due("30/6/2026").create();
		world.completed(world.assignment(done, "STC"), LocalDate.of(2026, 6, 20));
		Task open = world.task("Nhiệm vụ có vướng mắc nội bộ " + n).in(plan, "II").lead("SNV").due("30/9/2026").create();
		world.progress(world.assignment(open, "SNV"), LocalDate.of(2026, 9, 1), 40, "MATKIN-PROGRESS kết quả nội bộ",
				"MATKIN-OBSTACLE vướng mắc nội bộ", "MATKIN-PROPOSAL");
		world.claimed(world.assignment(open, "SNV"), LocalDate.of(2026, 9, 25), "MATKIN-CLAIM chưa được xác nhận");
		world.direction(open, "MATKIN-DIRECTION ý kiến chỉ đạo nội bộ");
		world.user("matkinuser" + n, Role.AGENCY_OFFICER, "STC");
		indicatorCode = IndicatorsForOtherTests.approvedAndDraft(context, "Số hệ thống công khai kiểm thử " + n, "4321",
				"987654", "MATKIN-NOTE internal source");
		recommendations.submit(new PublicRecommendations.Submission("CITIZEN", "Kiến nghị riêng tư",
				"MATKIN-RECCONTENT chưa được trả lời", "MATKIN-SENDER", "matkin-contact@example.com"), "198.51.100.9");
		seedCatalogues(n);
		cache.clear();
	}

	/**
	 * In each catalogue one entry DoST approved for the public and, beside it, drafts, unapproved entries, people's
	 * names and contacts and a system's internal fields, each carrying a private marker.
	 */
	void seedCatalogues(int n) {
		long skhcn = world.agency("SKHCN");
		java.util.function.BiFunction<String, String, vn.nq57.catalogue.BigProblemService.Input> problem = (title, product) ->
				new vn.nq57.catalogue.BigProblemService.Input(title, "Vấn đề của " + title, product, "2026–2027", "2 tỷ",
						skhcn, skhcn, "Chương trình quốc gia", "1364/SKHCN-KH&ĐMST");
		runAs.user("cb.skhcn", () -> problems.propose(problem.apply("MATKIN-DRAFTPROBLEM bài toán nháp " + n, "Sản phẩm"), true));
		long review = runAs.user("cb.skhcn", () -> problems.propose(problem.apply("MATKIN-REVIEWPROBLEM đang rà soát " + n, "Sản phẩm"), true));
		runAs.user("sokhcn", () -> problems.startReview(review, problems.get(review).version()));
		long chosen = runAs.user("cb.skhcn", () -> problems.propose(problem.apply(PUBLISHED[0] + " số " + n, "Nền tảng dữ liệu"), true));
		runAs.user("sokhcn", () -> {
			problems.startReview(chosen, problems.get(chosen).version());
			problems.select(chosen, problems.get(chosen).version(), n + "/QĐ-UBND", "01/10/2026");
			return null;
		});

		vn.nq57.catalogue.InitiativeService.Input init = new vn.nq57.catalogue.InitiativeService.Input("2026",
				PUBLISHED[1] + " số " + n, "MATKIN-AUTHOR Nguyễn Văn", "Trường Đại học Phạm Văn Đồng", null, "Giáo dục",
				"Tóm tắt sáng kiến", "Áp dụng toàn tỉnh");
		long pub = runAs.user("sokhcn", () -> initiatives.submit(init, true));
		long sel = runAs.user("sokhcn", () -> initiatives.submit(new vn.nq57.catalogue.InitiativeService.Input("2026",
				"MATKIN-UNPUBINIT sáng kiến chưa công bố " + n, "Tác giả", null, null, "Y tế", "Tóm tắt", null), true));
		runAs.user("sokhcn", () -> {
			for (long id : new long[] { pub, sel }) {
				initiatives.score(id, "80", "Đạt");
				initiatives.decide(id, initiatives.get(id).version(), vn.nq57.catalogue.InitiativeService.State.SELECTED);
			}
			initiatives.decide(pub, initiatives.get(pub).version(), vn.nq57.catalogue.InitiativeService.State.PUBLISHED);
			return null;
		});

		runAs.user("sokhcn", () -> {
			inventory.create(new vn.nq57.catalogue.InventoryService.Input(PUBLISHED[2] + " số " + n, skhcn, "Quản lý hồ sơ",
					"SOFTWARE", "MATKIN-SYSUSERS cán bộ", "DATA_CENTRE", "3", true, true, false, null, "OPERATING", "2024",
					"987654", null));
			inventory.create(new vn.nq57.catalogue.InventoryService.Input("MATKIN-PLANNEDSYS hệ thống kế hoạch " + n, skhcn,
					"Dự kiến", "DATABASE", null, "CLOUD", null, false, false, false, null, "PLANNED", "2027", null, null));
			return null;
		});

		runAs.user("sokhcn", () -> {
			long published = recommendationService.create(new vn.nq57.recommendation.RecommendationService.Input("CITIZEN",
					"MATKIN-RECSENDER Trần Thị", "matkin-rec@example.com", null, "Đề nghị công khai " + n,
					"Nội dung đề nghị công khai"));
			recommendationService.route(published, recommendationService.get(published).version(), skhcn, null);
			recommendationService.answer(published, recommendationService.get(published).version(), PUBLISHED[3] + " số " + n);
			recommendationService.publish(published, recommendationService.get(published).version());
			long open = recommendationService.create(new vn.nq57.recommendation.RecommendationService.Input("FIRM",
					"Công ty", null, null, "MATKIN-UNANSWERED kiến nghị chưa trả lời " + n, "Nội dung"));
			recommendationService.route(open, recommendationService.get(open).version(), skhcn, null);
			long unpub = recommendationService.create(new vn.nq57.recommendation.RecommendationService.Input("FIRM",
					"Công ty", null, null, "Kiến nghị đã trả lời chưa công khai " + n, "Nội dung"));
			recommendationService.route(unpub, recommendationService.get(unpub).version(), skhcn, null);
			recommendationService.answer(unpub, recommendationService.get(unpub).version(), "MATKIN-UNPUBANSWER trả lời nội bộ");
			return null;
		});
	}

	static String all(HttpResponse<byte[]> r) {
		return new String(r.body(), StandardCharsets.UTF_8);
	}

	static String xlsxText(byte[] bytes) throws Exception {
		StringBuilder sb = new StringBuilder();
		DataFormatter f = new DataFormatter();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			for (Sheet s : wb) {
				for (Row r : s) {
					for (Cell c : r) {
						sb.append(f.formatCellValue(c)).append('\t');
					}
					sb.append('\n');
				}
			}
		}
		return sb.toString();
	}

	/** Every public address (pages of every list, every download) with its text. */
	List<String[]> everything() throws Exception {
		List<String[]> out = new ArrayList<>();
		for (String p : List.of("/public", "/public/indicators", "/public/indicators/" + indicatorCode, "/public/data",
				"/public/recommendations/new", "/open-data/catalog", "/open-data/catalog.ttl", "/open-data/catalog.jsonld",
				CATALOGUE_PAGES.get(0), CATALOGUE_PAGES.get(1), CATALOGUE_PAGES.get(2), CATALOGUE_PAGES.get(3))) {
			HttpResponse<byte[]> r = anon.get(p);
			assertThat(r.statusCode()).as(p).isEqualTo(200);
			out.add(new String[] { p, all(r) });
		}
		for (int page = 0;; page++) {
			HttpResponse<byte[]> r = anon.get("/public/agencies?page=" + page);
			assertThat(r.statusCode()).isEqualTo(200);
			out.add(new String[] { "/public/agencies?page=" + page, all(r) });
			if (!all(r).contains("page=" + (page + 1))) {
				break;
			}
		}
		for (PublicDataset d : datasets.all()) {
			for (String ext : List.of("csv", "json", "xlsx")) {
				String p = "/open-data/datasets/" + d.name() + "." + ext;
				HttpResponse<byte[]> r = anon.get(p);
				assertThat(r.statusCode()).as(p).isEqualTo(200);
				out.add(new String[] { p, ext.equals("xlsx") ? xlsxText(r.body()) : all(r) });
			}
		}
		return out;
	}

	@Test
	void everyPublicPageAndDownloadShowsConfirmedDataAndNoPrivateField() throws Exception {
		List<String[]> pages = everything();
		for (String[] p : pages) {
			for (String marker : PRIVATE) {
				assertThat(p[1]).as("%s must not contain %s", p[0], marker).doesNotContain(marker);
			}
		}
		String tasksCsv = pages.stream().filter(p -> p[0].endsWith("/nhiem-vu.csv")).findFirst().orElseThrow()[1];
		assertThat(tasksCsv).contains(taskTitle);
		// the unconfirmed claim leaves its task overdue
		String line = tasksCsv.lines().filter(l -> l.contains("Nhiệm vụ có vướng mắc nội bộ")).reduce((a, b) -> b).orElseThrow();
		assertThat(line).contains("OVERDUE").doesNotContain("COMPLETED");
		String doneLine = tasksCsv.lines().filter(l -> l.contains(taskTitle)).findFirst().orElseThrow();
		assertThat(doneLine).contains("COMPLETED_ON_TIME");
		String indicatorPage = pages.stream().filter(p -> p[0].equals("/public/indicators/" + indicatorCode)).findFirst()
			.orElseThrow()[1];
		assertThat(indicatorPage).contains("4.321").contains("lang=\"vi\"");
		String values = pages.stream().filter(p -> p[0].endsWith("/chi-so-so-lieu.json")).findFirst().orElseThrow()[1];
		assertThat(values).contains(indicatorCode).contains("4321");
		// each catalogue's approved entry is on its page and in its downloads
		for (int i = 0; i < CATALOGUE_PAGES.size(); i++) {
			String page = CATALOGUE_PAGES.get(i);
			String html = pages.stream().filter(p -> p[0].equals(page)).findFirst().orElseThrow()[1];
			assertThat(html).as(page).contains(PUBLISHED[i]).contains("lang=\"vi\"").doesNotContain("<script>");
			String name = page.substring(page.lastIndexOf('/') + 1);
			for (String ext : List.of(".csv", ".json", ".xlsx")) {
				String file = pages.stream().filter(p -> p[0].endsWith("/" + name + ext)).findFirst().orElseThrow()[1];
				assertThat(file).as(name + ext).contains(PUBLISHED[i]);
			}
		}
		// the answered recommendation carries the answering agency
		String answers = pages.stream().filter(p -> p[0].endsWith("/kien-nghi-da-tra-loi.csv")).findFirst().orElseThrow()[1];
		assertThat(answers.lines().filter(l -> l.contains(PUBLISHED[3])).findFirst().orElseThrow()).contains("Sở Khoa học");
		// the list's search folds accents and a search is never kept as a page
		HttpResponse<byte[]> found = anon.get("/public/data/bai-toan-lon?q=bai+toan+cong+khai+kiem+thu");
		assertThat(all(found)).contains(PUBLISHED[0]);
		assertThat(all(anon.get("/public/data/bai-toan-lon?q=khong+co+muc+nao+nhu+the"))).doesNotContain(PUBLISHED[0]);
		assertThat(anon.get("/public/data/khong-co").statusCode()).isEqualTo(404);
	}

	@Test
	void dostReadsTheInboxAndNobodyElse() {
		PublicHttpClient dost = new PublicHttpClient(port);
		dost.postForm("/login", "/login", Map.of("username", "sokhcn", "password", vn.nq57.testdata.TestAccounts.PASSWORD));
		String inbox = dost.text("/public-recommendations");
		assertThat(inbox).contains("MATKIN-RECCONTENT").contains("matkin-contact@example.com");
		PublicHttpClient officer = new PublicHttpClient(port);
		officer.postForm("/login", "/login", Map.of("username", "cb.stc", "password", vn.nq57.testdata.TestAccounts.PASSWORD));
		assertThat(officer.get("/public-recommendations").statusCode()).isEqualTo(403);
		assertThat(anon.get("/public-recommendations").statusCode()).isEqualTo(302);
	}

	@Test
	void publicPagesNeedNoLoginAndCreateNoSession() {
		HttpResponse<byte[]> r = anon.get("/public");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
		String html = all(r);
		assertThat(html).contains("<html lang=\"vi\"").contains("href=\"#main-content\"").contains("id=\"status-table\"")
			.doesNotContain("<script>").doesNotContain(" onclick=");
		assertThat(all(anon.get("/login"))).contains("href=\"/public\"");
		// a staff page still needs the login
		assertThat(anon.get("/overview").statusCode()).isEqualTo(302);
	}

	@Test
	void downloadsAreWhatTheyClaim() throws Exception {
		HttpResponse<byte[]> csv = anon.get("/open-data/datasets/nhiem-vu-theo-nhom.csv");
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body()[0] & 0xff).isEqualTo(0xEF);
		assertThat(csv.body()[1] & 0xff).isEqualTo(0xBB);
		assertThat(csv.body()[2] & 0xff).isEqualTo(0xBF);
		assertThat(all(csv).substring(1).lines().findFirst().orElseThrow())
			.startsWith("plan,plan_year,group_code,group_title,total,completed_on_time")
			.endsWith("completion_rate_over_due,completion_rate_over_all,overdue_rate");
		JsonNode json = JsonMapper.builder().build().readTree(anon.get("/open-data/datasets/nhiem-vu.json").body());
		assertThat(json.get("asOf").asString()).isEqualTo("2026-11-22");
		assertThat(json.get("columns").size()).isGreaterThan(5);
		assertThat(json.get("rows").isArray()).isTrue();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(anon.get("/open-data/datasets/chi-so.xlsx").body()))) {
			assertThat(wb.getSheet("Dữ liệu").getRow(0).getCell(0).getStringCellValue()).isEqualTo("code");
			assertThat(wb.getSheet("Mô tả")).isNotNull();
		}
	}

	@Test
	void unknownDatasetOrFormatIsA404ListingWhatExists() throws Exception {
		for (String p : List.of("/open-data/datasets/khong-co.csv", "/open-data/datasets/nhiem-vu.pdf")) {
			HttpResponse<byte[]> r = anon.get(p);
			assertThat(r.statusCode()).as(p).isEqualTo(404);
			JsonNode body = JsonMapper.builder().build().readTree(r.body());
			assertThat(body.get("message").asString()).containsAnyOf("Không có bộ dữ liệu", "Không có định dạng");
			assertThat(body.get("datasets").toString()).contains("nhiem-vu").contains("chi-so-so-lieu");
			assertThat(body.get("formats").toString()).contains("csv").contains("xlsx");
		}
	}

	@Test
	void etagAnswers304AndGzipIsOffered() throws Exception {
		HttpResponse<byte[]> first = anon.get("/open-data/datasets/nhiem-vu.csv");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(anon.get("/open-data/datasets/nhiem-vu.csv", "If-None-Match", etag).statusCode()).isEqualTo(304);
		HttpResponse<byte[]> gz = anon.get("/public", "Accept-Encoding", "gzip");
		assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(), StandardCharsets.UTF_8))
			.contains("Nghị quyết 57");
	}

	@Test
	void theCatalogueParsesInBothSyntaxesAndPassesTheDcatApShapes() {
		Model fromJsonLd = ModelFactory.createDefaultModel();
		RDFParser.fromString(all(anon.get("/open-data/catalog", "Accept", "application/ld+json")), Lang.JSONLD)
			.parse(fromJsonLd);
		Model fromTurtle = ModelFactory.createDefaultModel();
		HttpResponse<byte[]> ttl = anon.get("/open-data/catalog", "Accept", "text/turtle");
		assertThat(ttl.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/turtle");
		RDFParser.fromString(all(ttl), Lang.TURTLE).parse(fromTurtle);
		assertThat(fromJsonLd.isIsomorphicWith(fromTurtle)).as("JSON-LD and Turtle say the same").isTrue();

		Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph("dcat-ap/dcat-ap-mandatory-shapes.ttl"));
		ValidationReport report = ShaclValidator.get().validate(shapes, fromTurtle.getGraph());
		assertThat(report.conforms()).as(() -> {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			RDFDataMgr.write(out, report.getModel(), Lang.TURTLE);
			return out.toString(StandardCharsets.UTF_8);
		}).isTrue();

		List<Resource> sets = fromTurtle.listResourcesWithProperty(RDF.type, DCAT.Dataset).toList();
		assertThat(sets).hasSameSizeAs(datasets.all());
		Resource tasks = sets.stream().filter(s -> s.getURI().endsWith("/open-data/datasets/nhiem-vu")).findFirst().orElseThrow();
		assertThat(tasks.listProperties(DCAT.distribution).toList()).hasSize(3);
		assertThat(tasks.getPropertyResourceValue(DCTerms.license).getURI()).isEqualTo(PublicSettings.DEFAULT_LICENCE);
		assertThat(tasks.getPropertyResourceValue(DCTerms.temporal)).isNotNull();
		assertThat(tasks.getPropertyResourceValue(DCAT.contactPoint)).isNotNull();

		// the check can fail: the same catalogue without its title does not conform
		Graph broken = ModelFactory.createDefaultModel().add(fromTurtle).removeAll(null, DCTerms.title, null).getGraph();
		assertThat(ShaclValidator.get().validate(shapes, broken).conforms()).isFalse();
	}

	@Test
	void theRecommendationFormRefusesBadInputAndThrottlesAFlood() {
		Integer before = jdbc.queryForObject("SELECT count(*) FROM public_recommendation_inbox", Integer.class);
		// empty
		HttpResponse<byte[]> empty = anon.postForm("/public/recommendations/new", "/public/recommendations",
				Map.of("senderKind", "CITIZEN", "topic", "Về dữ liệu mở", "content", "   "));
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(all(empty)).contains("Nội dung kiến nghị không được để trống");
		// 10 MB
		byte[] huge = ("senderKind=CITIZEN&topic=x&content=" + "a".repeat(10 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
		HttpResponse<byte[]> big = anon.send(HttpRequest.newBuilder(anon.uri("/public/recommendations"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofByteArray(huge))
			.build());
		assertThat(big.statusCode()).isEqualTo(413);
		assertThat(all(big)).contains("Kiến nghị quá dài");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM public_recommendation_inbox", Integer.class)).isEqualTo(before);
		// a script: stored as typed, shown escaped
		String script = "<script>alert('x')</script> Đề nghị công khai dữ liệu";
		HttpResponse<byte[]> sent = anon.postForm("/public/recommendations/new", "/public/recommendations",
				Map.of("senderKind", "BUSINESS", "topic", "Dữ liệu mở", "content", script));
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(all(sent)).contains("&lt;script&gt;alert(").doesNotContain("<script>alert");
		assertThat(jdbc.queryForObject("SELECT content FROM public_recommendation_inbox ORDER BY id DESC LIMIT 1",
				String.class)).isEqualTo(script);
		// a flood from one address: refused once the hourly number is reached, nothing more stored
		int limit = context.getBean(PublicSettings.class).recommendationsPerHour();
		int accepted = 1;
		HttpResponse<byte[]> last = null;
		for (int i = 0; i < limit + 3; i++) {
			last = anon.postForm("/public/recommendations/new", "/public/recommendations",
					Map.of("senderKind", "CITIZEN", "topic", "Lặp " + i, "content", "Nội dung lặp " + i));
			if (last.statusCode() == 200) {
				accepted++;
			}
		}
		assertThat(accepted).isEqualTo(limit);
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(all(last)).contains("Bạn đã gửi quá nhiều kiến nghị");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM public_recommendation_inbox", Integer.class))
			.isEqualTo(before + limit);
	}
}
