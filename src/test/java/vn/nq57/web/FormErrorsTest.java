package vn.nq57.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.security.Fixtures;
import vn.nq57.task.Task;
import vn.nq57.task.TaskForm;
import vn.nq57.task.TaskService;
import vn.nq57.testdata.World;

/**
 * Forms refuse bad input with every message beside the field it is about (fields :: error, FieldErrors), all at
 * once, and what was typed stays in the form: an account, a progress note, a big problem with an agency typed that
 * matches nothing.
 */
@IntegrationTest
@AutoConfigureMockMvc
class FormErrorsTest {

	@Autowired MockMvc mvc;
	@Autowired ApplicationContext ctx;
	@Autowired TaskService tasks;
	@Autowired RunAs runAs;
	@Autowired World world;
	@Autowired JdbcTemplate jdbc;
	@Autowired vn.nq57.reporting.ReportingFixtures reporting;
	@Autowired vn.nq57.reporting.PeriodicReportService reports;
	@Autowired vn.nq57.datacall.DataCallService dataCalls;
	@Autowired vn.nq57.map.MapFormFixtures maps;
	@Autowired vn.nq57.funding.FundingFormFixtures funding;

	/** Posts a form whose refusal redirects back to its page, and opens that page with the flash attributes. */
	Document refusedThenShown(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder post,
			org.springframework.test.web.servlet.request.RequestPostProcessor who,
			String expectedBack) throws Exception {
		MvcResult sent = mvc.perform(post.with(csrf()).with(who)).andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).startsWith(expectedBack);
		// the flash travels as a browser's does: in the session the POST answered with (sessions are kept in the
		// database, so MockMvc's flashAttrs, kept in the mock's own session, would not reach the page)
		jakarta.servlet.http.Cookie session = sent.getResponse().getCookie("SESSION");
		assertThat(session).as("the session of the refused post").isNotNull();
		return html(mvc.perform(get(sent.getResponse().getRedirectedUrl()).with(who).cookie(session)).andReturn());
	}

	static Document html(MvcResult r) throws Exception {
		return Jsoup.parse(r.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** The message shown beside the field of this id (in the same label or picker). */
	static String besideField(Document page, String fieldId) {
		Element field = page.getElementById(fieldId);
		assertThat(field).as(fieldId).isNotNull();
		Element box = field.closest("label, .agency-picker");
		return box == null ? "" : box.select(".field-error").text();
	}

	@Test
	@DisplayName("an account: user name, password, name and agency refused together, each beside its field, typed values kept")
	void account() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		Document page = html(mvc.perform(post("/admin/users/new").with(csrf()).with(user(fx.user("admin")))
			.param("username", "a b").param("password", "ngan").param("fullName", "").param("email", "khong-phai-thu")
			.param("role", "AGENCY_OFFICER").param("agencyId-typed", "Bộ Ngoại giao Atlantis").param("agencyId-mode", "single"))
			.andReturn());
		assertThat(besideField(page, "username")).startsWith("Tên đăng nhập gồm 3–50 ký tự");
		assertThat(besideField(page, "password")).isEqualTo("Mật khẩu phải có ít nhất 8 ký tự");
		assertThat(besideField(page, "fullName")).isEqualTo("Chưa nhập họ và tên");
		assertThat(besideField(page, "email")).isEqualTo("Địa chỉ thư điện tử không hợp lệ");
		assertThat(besideField(page, "agencyId-q")).startsWith("Không tìm thấy cơ quan, đơn vị “Bộ Ngoại giao Atlantis”");
		assertThat(page.getElementById("username").val()).isEqualTo("a b");
		assertThat(page.getElementById("email").val()).isEqualTo("khong-phai-thu");
		assertThat(page.getElementById("agencyId-q").val()).isEqualTo("Bộ Ngoại giao Atlantis");
		assertThat(page.select("select[name=role] option[selected]").val()).isEqualTo("AGENCY_OFFICER");
		assertThat(page.select(".flash.error").text()).contains("Chưa lưu");
	}

	@Test
	@DisplayName("a progress note: a percent out of range and a date that cannot be read, beside their fields, the date as typed")
	void progress() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		TaskForm f = new TaskForm();
		f.setTitle("Nhiệm vụ thử lỗi biểu mẫu " + Fixtures.tag());
		f.setDeadlinePhrase("Quý II/2027");
		f.setLeadAgencyIds(Set.of(fx.agencyId("STC")));
		Task task = runAs.user("sokhcn", () -> tasks.save(null, f));
		long a = tasks.assignments(task.getId()).get(0).getId();
		MockHttpSession session = new MockHttpSession();
		MvcResult sent = mvc.perform(post("/assignments/" + a + "/progress").with(csrf()).with(user(fx.user("cb.stc")))
			.session(session).param("percent", "140").param("outputDate", "31/02/2026").param("results", "Giữ lại kết quả"))
			.andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).startsWith("/tasks/" + task.getId());
		// the flash travels as a browser's does: in the session the POST answered with (sessions are in the
		// database, so MockMvc's flashAttrs, kept in the mock's own session, would not reach the page)
		jakarta.servlet.http.Cookie sessionCookie = sent.getResponse().getCookie("SESSION");
		assertThat(sessionCookie).as("the session of the refused post").isNotNull();
		Document page = html(mvc.perform(get("/tasks/" + task.getId()).with(user(fx.user("cb.stc")))
			.cookie(sessionCookie)).andReturn());
		Element form = page.selectFirst("form.progress-form");
		assertThat(form.selectFirst("input[name=percent]").closest("label").select(".field-error").text())
			.isEqualTo("Tỷ lệ hoàn thành phải từ 0 đến 100%");
		Element date = form.selectFirst("input[name=outputDate]");
		assertThat(date.closest("label").select(".field-error").text()).contains("“31/02/2026” không hợp lệ");
		assertThat(date.val()).isEqualTo("31/02/2026");
		assertThat(form.selectFirst("textarea[name=results]").text()).isEqualTo("Giữ lại kết quả");
		assertThat(form.selectFirst("textarea[name=results]").closest("label").select(".field-error")).isEmpty();
	}

	@Test
	@DisplayName("a big problem whose lead agency is typed and matches nothing: shown again with the message beside the picker, the title kept")
	void bigProblem() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		Document page = html(mvc.perform(post("/catalogue/problems").with(csrf()).with(user(fx.user("sokhcn")))
			.param("title", "Bài toán giữ tên " + Fixtures.tag()).param("statement", "Nội dung")
			.param("proposingAgencyId", String.valueOf(fx.agencyId("SKHCN")))
			.param("leadAgencyId-typed", "Sở Ngoại vụ Atlantis").param("leadAgencyId-mode", "single")
			.param("leadAgencyId-scope", "REGISTRY")).andReturn());
		assertThat(besideField(page, "leadAgencyId-q")).startsWith("Không tìm thấy cơ quan, đơn vị “Sở Ngoại vụ Atlantis”");
		assertThat(page.getElementById("title").val()).startsWith("Bài toán giữ tên ");
		assertThat(page.getElementById("leadAgencyId-q").val()).isEqualTo("Sở Ngoại vụ Atlantis");
		assertThat(page.select("#proposingAgencyId-picked input[checked]").val()).isEqualTo(String.valueOf(fx.agencyId("SKHCN")));
	}

	@Test
	@DisplayName("an agency of the registry: a code already used, no name, a bad e-mail, together beside their fields, typed values kept")
	void agency() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		Document page = html(mvc.perform(post("/admin/agencies/new").with(csrf()).with(user(fx.user("admin")))
			.param("code", "SKHCN").param("name", "").param("shortName", "Viết tắt giữ lại").param("kind", "DEPARTMENT")
			.param("email", "khong-phai-thu").param("aliases", "Tên khác một")).andReturn());
		assertThat(besideField(page, "name")).isEqualTo("Chưa nhập tên cơ quan");
		assertThat(besideField(page, "email")).isEqualTo("Địa chỉ thư điện tử không hợp lệ");
		assertThat(page.getElementById("shortName").val()).isEqualTo("Viết tắt giữ lại");
		assertThat(page.getElementById("aliases").text()).isEqualTo("Tên khác một");
		// the code's clash is found by the registry once the other fields are right
		page = html(mvc.perform(post("/admin/agencies/new").with(csrf()).with(user(fx.user("admin")))
			.param("code", "SKHCN").param("name", "Cơ quan thử mã trùng " + Fixtures.tag()).param("kind", "DEPARTMENT"))
			.andReturn());
		assertThat(besideField(page, "code")).startsWith("Mã “SKHCN” đã dùng cho Sở Khoa học và Công nghệ");
		assertThat(page.getElementById("name").val()).startsWith("Cơ quan thử mã trùng ");
	}

	@Test
	@DisplayName("settings: two wrong values refused together, each beside its own setting, as typed")
	void settings() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		Document page = html(mvc.perform(post("/settings").with(csrf()).with(user(fx.user("sokhcn")))
			.param("notify.assignment.days-before", "7,abc").param("notify.overdue.every-days", "0")).andReturn());
		Element days = page.getElementById("notify.assignment.days-before");
		assertThat(days.val()).isEqualTo("7,abc");
		assertThat(days.parent().select(".field-error").text()).isNotBlank();
		Element every = page.getElementById("notify.overdue.every-days");
		assertThat(every.val()).isEqualTo("0");
		assertThat(every.parent().select(".field-error").text()).isNotBlank()
			.isNotEqualTo(days.parent().select(".field-error").text());
		assertThat(page.getElementById("status.due-soon-days").parent().select(".field-error")).isEmpty();
	}

	@Test
	@DisplayName("a funding proposal: an amount that cannot be read, no category, no justification, each beside its field, typed values kept, nothing saved")
	void fundingProposal() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		Task task = world.task("Nhiệm vụ đề xuất kinh phí thử lỗi " + World.seq()).lead("SNV").due("31/12/2027").create();
		MvcResult opened = mvc.perform(post("/funding/calls").with(csrf()).with(user(fx.user("sokhcn")))
			.param("title", "Đợt thử lỗi biểu mẫu " + World.seq()).param("yearFrom", "2027")
			.param("closesOn", "2026-12-31").param("reviewDue", "2027-01-15")).andReturn();
		String callUrl = opened.getResponse().getRedirectedUrl();
		assertThat(callUrl).startsWith("/funding/calls/");
		long callId = Long.parseLong(callUrl.substring("/funding/calls/".length()));
		Document page = refusedThenShown(post("/funding/proposals").param("callId", String.valueOf(callId))
			.param("taskId", String.valueOf(task.getId())).param("source", "STATE_BUDGET").param("category", "")
			.param("amount_2027", "mười triệu").param("justification", " ").param("expectedOutput", "Sản phẩm giữ lại"),
			user(fx.user("cb.snv")), callUrl);
		assertThat(besideField(page, "amount_2027")).startsWith("Số tiền năm 2027");
		assertThat(besideField(page, "category")).startsWith("Hãy chọn loại chi");
		assertThat(besideField(page, "justification")).isEqualTo("Hãy ghi sự cần thiết, căn cứ của đề xuất");
		assertThat(besideField(page, "source")).isEmpty();
		assertThat(page.getElementById("amount_2027").val()).isEqualTo("mười triệu");
		assertThat(page.getElementById("expectedOutput").val()).isEqualTo("Sản phẩm giữ lại");
		assertThat(page.select("#source option[selected]").val()).isEqualTo("STATE_BUDGET");
		assertThat(page.select(".flash.error").text()).contains("Chưa lưu");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_proposal WHERE call_id = ?", Long.class, callId)).isZero();
	}

	@Test
	@DisplayName("a periodic report: a section too long and an obstacle too long, each beside its own place, every text as typed, nothing saved")
	void periodicReport() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long regime = reporting.monthlyRegime(java.time.LocalDate.of(2026, 10, 1), "STC");
		long id = reporting.reportId(regime, "2026-11", "STC");
		runAs.user("cb.stc", () -> reports.start(id));
		long version = jdbc.queryForObject("SELECT version FROM periodic_report WHERE id = ?", Long.class, id);
		String content = jdbc.queryForObject("SELECT content::text FROM periodic_report WHERE id = ?", String.class, id);
		Document form = html(mvc.perform(get("/reporting/reports/" + id).with(user(fx.user("cb.stc")))).andReturn());
		java.util.List<String> codes = form.select("#report-form input[name=code]").eachAttr("value");
		assertThat(codes).hasSizeGreaterThanOrEqualTo(2);
		String tooLong = "Kết quả ".repeat(2_600);
		String obstacle = "Vướng mắc ".repeat(210);
		Document page = refusedThenShown(post("/reporting/reports/" + id + "/save").param("version", String.valueOf(version))
			.param("code", codes.get(0), codes.get(1)).param("body", tooLong, "Mục thứ hai giữ lại")
			.param("obstacleTheme", "").param("obstacleText", obstacle), user(fx.user("cb.stc")), "/reporting/reports/" + id);
		Element first = page.getElementById("s-" + codes.get(0));
		assertThat(first.parent().select(".field-error").text()).contains("tối đa 20.000 ký tự");
		assertThat(first.text()).isEqualTo(tooLong.strip());
		Element second = page.getElementById("s-" + codes.get(1));
		assertThat(second.parent().select(".field-error")).isEmpty();
		assertThat(second.text()).isEqualTo("Mục thứ hai giữ lại");
		assertThat(page.getElementById("obstacles-problems").text()).startsWith("Khó khăn, vướng mắc: ý thứ 1 dài");
		assertThat(page.select("#report-form textarea[name=obstacleText]").first().text()).isEqualTo(obstacle.strip());
		assertThat(page.select(".flash.error").text()).contains("Chưa lưu");
		assertThat(jdbc.queryForObject("SELECT version FROM periodic_report WHERE id = ?", Long.class, id)).isEqualTo(version);
		assertThat(jdbc.queryForObject("SELECT content::text FROM periodic_report WHERE id = ?", String.class, id)).isEqualTo(content);
	}

	@Test
	@DisplayName("a recommendation entered by Sở KH&CN: no sender, markup in the title, no content, each beside its field, typed values kept, nothing saved")
	void recommendation() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = jdbc.queryForObject("SELECT count(*) FROM recommendation", Long.class);
		Document page = refusedThenShown(post("/recommendations").param("senderName", " ").param("senderKind", "FIRM")
			.param("senderContact", "0905 123 456").param("title", "Kiến nghị <b>đậm</b>").param("content", ""),
			user(fx.user("sokhcn")), "/recommendations");
		assertThat(besideField(page, "senderName")).isEqualTo("Chưa nhập tên người, tổ chức kiến nghị");
		assertThat(besideField(page, "title")).contains("không được chứa mã HTML");
		assertThat(besideField(page, "content")).isEqualTo("Chưa nhập nội dung kiến nghị");
		assertThat(besideField(page, "senderContact")).isEmpty();
		assertThat(page.getElementById("senderContact").val()).isEqualTo("0905 123 456");
		assertThat(page.getElementById("title").val()).isEqualTo("Kiến nghị <b>đậm</b>");
		assertThat(page.select("#senderKind option[selected]").val()).isEqualTo("FIRM");
		assertThat(page.selectFirst("#recommendation-form").closest("details").hasAttr("open")).isTrue();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation", Long.class)).isEqualTo(before);
	}

	long count(String table) {
		return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
	}

	@Test
	@DisplayName("a big problem: no title, markup in the statement, a cost that cannot be read, each beside its field, typed values kept, nothing saved")
	void bigProblemFields() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = count("big_problem");
		Document page = html(mvc.perform(post("/catalogue/problems").with(csrf()).with(user(fx.user("sokhcn")))
			.param("title", "").param("statement", "Vấn đề <script>x</script>").param("cost", "nhiều tiền")
			.param("timeline", "2027–2028").param("proposingAgencyId", String.valueOf(fx.agencyId("SKHCN")))).andReturn());
		assertThat(besideField(page, "title")).isEqualTo("Chưa nhập tên bài toán");
		assertThat(besideField(page, "statement")).contains("không được chứa mã HTML");
		assertThat(besideField(page, "cost")).startsWith("Kinh phí dự kiến: ");
		assertThat(besideField(page, "timeline")).isEmpty();
		assertThat(page.getElementById("cost").val()).isEqualTo("nhiều tiền");
		assertThat(page.getElementById("timeline").val()).isEqualTo("2027–2028");
		assertThat(page.getElementById("statement").text()).isEqualTo("Vấn đề <script>x</script>");
		assertThat(count("big_problem")).isEqualTo(before);
	}

	@Test
	@DisplayName("an information system: no name, a security level out of range, a year that is not a year, each beside its field, typed values kept, nothing saved")
	void infoSystem() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = count("info_system");
		Document page = refusedThenShown(post("/catalogue/systems").param("name", " ").param("ownerAgencyId", String.valueOf(fx.agencyId("SKHCN")))
			.param("kind", "SOFTWARE").param("hosting", "DATA_CENTRE").param("status", "OPERATING").param("purpose", "Giữ mục đích")
			.param("securityLevel", "7").param("year", "năm ngoái"), user(fx.user("sokhcn")), "/catalogue/systems");
		assertThat(besideField(page, "name")).isEqualTo("Chưa nhập tên hệ thống");
		assertThat(besideField(page, "securityLevel")).contains("“7” không hợp lệ");
		assertThat(besideField(page, "year")).contains("“năm ngoái” không hợp lệ");
		assertThat(besideField(page, "purpose")).isEmpty();
		assertThat(page.getElementById("purpose").val()).isEqualTo("Giữ mục đích");
		assertThat(page.getElementById("securityLevel").val()).isEqualTo("7");
		assertThat(page.getElementById("year").val()).isEqualTo("năm ngoái");
		assertThat(page.selectFirst("#system-form").closest("details").hasAttr("open")).isTrue();
		assertThat(count("info_system")).isEqualTo(before);
	}

	@Test
	@DisplayName("a technology need: a firm without its name, no title, a budget range upside down, each beside its field, typed values kept, nothing saved")
	void techNeed() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = count("tech_need");
		Document page = refusedThenShown(post("/catalogue/tech/needs").param("sourceKind", "FIRM").param("organisation", "")
			.param("field", "Nông nghiệp").param("title", "").param("description", "Mô tả giữ lại")
			.param("budgetMin", "2 tỷ").param("budgetMax", "1 tỷ"), user(fx.user("sokhcn")), "/catalogue/tech");
		assertThat(besideField(page, "need-organisation")).isEqualTo("Chưa nhập tên doanh nghiệp có nhu cầu");
		assertThat(besideField(page, "need-title")).isEqualTo("Chưa nhập tên nhu cầu");
		assertThat(besideField(page, "need-budgetMax")).startsWith("Khoảng kinh phí không hợp lệ");
		assertThat(besideField(page, "need-field")).isEmpty();
		assertThat(page.getElementById("need-field").val()).isEqualTo("Nông nghiệp");
		assertThat(page.getElementById("need-budgetMin").val()).isEqualTo("2 tỷ");
		assertThat(page.getElementById("need-description").text()).isEqualTo("Mô tả giữ lại");
		assertThat(page.select("#need-sourceKind option[selected]").val()).isEqualTo("FIRM");
		assertThat(page.getElementById("offer-form").select(".field-error")).isEmpty();
		assertThat(count("tech_need")).isEqualTo(before);
	}

	@Test
	@DisplayName("an initiative: no author, a year out of range, no summary, each beside its field, typed values kept, nothing saved")
	void initiative() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = count("initiative");
		Document page = refusedThenShown(post("/catalogue/initiatives").param("title", "Sáng kiến giữ tên " + World.seq())
			.param("author", "").param("year", "1890").param("field", "Giáo dục").param("summary", "")
			.param("agencyId", String.valueOf(fx.agencyId("SKHCN"))), user(fx.user("sokhcn")), "/catalogue/initiatives");
		assertThat(besideField(page, "ini-author")).isEqualTo("Chưa nhập tác giả");
		assertThat(besideField(page, "ini-year")).contains("“1890” không hợp lệ");
		assertThat(besideField(page, "ini-summary")).isEqualTo("Chưa nhập tóm tắt nội dung");
		assertThat(besideField(page, "initiative-title")).isEmpty();
		assertThat(page.getElementById("initiative-title").val()).startsWith("Sáng kiến giữ tên ");
		assertThat(page.getElementById("ini-year").val()).isEqualTo("1890");
		assertThat(page.getElementById("ini-field").val()).isEqualTo("Giáo dục");
		assertThat(count("initiative")).isEqualTo(before);
	}

	@Test
	@DisplayName("a steering session: a date that cannot be read, no title, no chair, each beside its field, typed values kept, nothing saved")
	void steeringSession() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = count("steering_session");
		Document page = refusedThenShown(post("/steering/sessions").param("kind", "WORKING").param("heldOn", "31/02/2026")
			.param("title", "").param("chair", " ").param("place", "Phòng họp số 2"), user(fx.user("sokhcn")), "/steering/sessions");
		assertThat(besideField(page, "heldOn")).isEqualTo("Ngày họp “31/02/2026” không hợp lệ; hãy nhập theo dạng dd/MM/yyyy");
		assertThat(besideField(page, "title")).isEqualTo("Cần nhập tên phiên họp");
		assertThat(besideField(page, "chair")).isEqualTo("Cần nhập người chủ trì");
		assertThat(besideField(page, "focusAgencyId-q")).isEqualTo("Buổi làm việc cần chọn cơ quan làm việc");
		assertThat(besideField(page, "place")).isEmpty();
		assertThat(page.getElementById("heldOn").val()).isEqualTo("31/02/2026");
		assertThat(page.getElementById("place").val()).isEqualTo("Phòng họp số 2");
		assertThat(page.select("#kind option[selected]").val()).isEqualTo("WORKING");
		assertThat(count("steering_session")).isEqualTo(before);
	}

	@Test
	@DisplayName("a steering item: an unknown addressee and no instruction, each beside its field, typed values kept, nothing saved")
	void steeringItem() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		MvcResult made = mvc.perform(post("/steering/sessions").with(csrf()).with(user(fx.user("sokhcn")))
			.param("kind", "REGULAR").param("heldOn", "21/11/2026").param("title", "Phiên thử lỗi kết luận " + World.seq())
			.param("chair", "Chủ tịch UBND tỉnh")).andReturn();
		String url = made.getResponse().getRedirectedUrl();
		assertThat(url).startsWith("/steering/sessions/");
		long before = count("steering_conclusion");
		Document page = html(mvc.perform(post(url + "/items").with(csrf()).with(user(fx.user("sokhcn")))
			.param("addressee", "Sở Ngoại vụ Atlantis").param("instruction", "").param("expectedOutput", "Báo cáo giữ lại")
			.param("deadline", "Quý I/2027")).andReturn());
		assertThat(besideField(page, "addressee")).startsWith("Không có “Sở Ngoại vụ Atlantis” trong danh mục cơ quan");
		assertThat(besideField(page, "instruction")).isEqualTo("Chưa nhập nội dung kết luận, chỉ đạo");
		assertThat(besideField(page, "deadline")).isEmpty();
		assertThat(page.getElementById("addressee").val()).isEqualTo("Sở Ngoại vụ Atlantis");
		assertThat(page.getElementById("expectedOutput").val()).isEqualTo("Báo cáo giữ lại");
		assertThat(page.getElementById("deadline").val()).isEqualTo("Quý I/2027");
		assertThat(count("steering_conclusion")).isEqualTo(before);
	}

	@Test
	@DisplayName("a data call answer: two numbers that cannot be read refused together, each beside its question, as typed, nothing saved")
	void dataCallAnswer() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long id = runAs.user("sokhcn", () -> {
			long c = dataCalls.create(new vn.nq57.datacall.DataCall.CallInput("Đợt thử lỗi biểu mẫu " + World.seq(), null, "1/CV",
					java.time.LocalDate.of(2026, 11, 1), "Bộ Khoa học và Công nghệ", null, java.time.LocalDate.of(2026, 11, 30)));
			dataCalls.addQuestions(c, java.util.List.of(
					new vn.nq57.datacall.DataCall.QuestionInput("A", null, "Số trạm BTS", vn.nq57.datacall.QuestionKind.NUMBER, "trạm", null, true, null),
					new vn.nq57.datacall.DataCall.QuestionInput("B", null, "Tỷ lệ ký số", vn.nq57.datacall.QuestionKind.PERCENT, "%", null, false, null),
					new vn.nq57.datacall.DataCall.QuestionInput("C", null, "Ghi chú", vn.nq57.datacall.QuestionKind.TEXT, null, null, false, null)), null);
			dataCalls.setTargets(c, java.util.List.of(world.agency("STC")), null);
			dataCalls.open(c, null);
			return c;
		});
		long a = dataCalls.questions(id).get(0).id();
		long b = dataCalls.questions(id).get(1).id();
		long c = dataCalls.questions(id).get(2).id();
		long before = count("data_call_answer");
		Document page = refusedThenShown(post("/datacalls/" + id + "/answer").param("version", "0").param("action", "save")
			.param("q" + a, "nhiều lắm").param("q" + b + "_n", "mười").param("q" + b + "_d", "20").param("q" + c, "Ghi chú giữ lại"),
			user(fx.user("cb.stc")), "/datacalls/" + id + "/answer");
		assertThat(page.getElementById("q" + a).closest("td").select(".field-error").text()).contains("nhiều lắm");
		assertThat(page.getElementById("q" + b + "_n").closest("td").select(".field-error").text()).isNotBlank();
		assertThat(page.getElementById("q" + c).closest("td").select(".field-error")).isEmpty();
		assertThat(page.getElementById("q" + a).val()).isEqualTo("nhiều lắm");
		assertThat(page.getElementById("q" + b + "_n").val()).isEqualTo("mười");
		assertThat(page.getElementById("q" + b + "_d").val()).isEqualTo("20");
		assertThat(page.getElementById("q" + c).text()).isEqualTo("Ghi chú giữ lại");
		assertThat(count("data_call_answer")).isEqualTo(before);
	}

	@Test
	@DisplayName("a directive: no number, a date that cannot be read, no subject, each beside its field in its own form, typed values kept, nothing saved")
	void directive() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = count("directive");
		Document page = refusedThenShown(post("/directives").param("kind", "DECISION").param("number", " ")
			.param("issuedOn", "30/02/2026").param("issuer", "UBND tỉnh giữ lại").param("title", ""), user(fx.user("sokhcn")), "/plans");
		assertThat(besideField(page, "directive-number")).isEqualTo("Cần nhập số, ký hiệu văn bản");
		assertThat(besideField(page, "directive-issuedOn")).isEqualTo("Ngày ban hành “30/02/2026” không hợp lệ; hãy nhập theo dạng dd/MM/yyyy");
		assertThat(besideField(page, "directive-title")).isEqualTo("Cần nhập trích yếu văn bản");
		assertThat(besideField(page, "directive-issuer")).isEmpty();
		assertThat(page.getElementById("directive-issuedOn").val()).isEqualTo("30/02/2026");
		assertThat(page.getElementById("directive-issuer").val()).isEqualTo("UBND tỉnh giữ lại");
		assertThat(page.select("#directive-kind option[selected]").val()).isEqualTo("DECISION");
		assertThat(page.getElementById("plan-form").select(".field-error")).isEmpty();
		assertThat(count("directive")).isEqualTo(before);
	}

	@Test
	@DisplayName("a plan: no title, a year out of range, markup in a group, each beside its field, typed values kept, nothing saved")
	void plan() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = count("plan");
		Document page = refusedThenShown(post("/plans").param("title", "").param("year", "1999")
			.param("groups", "I. Nhóm <b>đậm</b>"), user(fx.user("sokhcn")), "/plans");
		assertThat(besideField(page, "plan-title")).isEqualTo("Chưa nhập tên kế hoạch");
		assertThat(besideField(page, "plan-year")).isEqualTo("Năm 1999 không hợp lệ; hãy nhập năm từ 2000 đến 2100");
		assertThat(besideField(page, "plan-groups")).contains("không được chứa mã HTML");
		assertThat(page.getElementById("plan-year").val()).isEqualTo("1999");
		assertThat(page.getElementById("plan-groups").text()).isEqualTo("I. Nhóm <b>đậm</b>");
		assertThat(page.getElementById("directive-form").select(".field-error")).isEmpty();
		assertThat(count("plan")).isEqualTo(before);
	}

	@Test
	@DisplayName("an indicator's definition: no code, a baseline that cannot be read, a minimum above the maximum, each beside its field, typed values kept, nothing saved")
	void indicatorDefinition() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = count("indicator");
		Document page = html(mvc.perform(post("/indicators").with(csrf()).with(user(fx.user("sokhcn")))
			.param("code", "").param("name", "Chỉ số giữ tên").param("unit", "hệ thống").param("kind", "ENTERED")
			.param("direction", "HIGHER").param("frequency", "QUARTERLY").param("breakdown", "PROVINCE").param("aggregation", "SUM")
			.param("responsibleAgencyId", String.valueOf(fx.agencyId("SKHCN"))).param("baselineValue", "khoảng 70")
			.param("baselineYear", "2024").param("minValue", "10").param("maxValue", "5")).andReturn());
		assertThat(page.getElementById("code").parent().select(".field-error").text()).isEqualTo("Chưa nhập mã chỉ số");
		assertThat(page.getElementById("baselineValue").parent().select(".field-error").text()).contains("khoảng 70");
		assertThat(page.getElementById("maxValue").parent().select(".field-error").text()).isEqualTo("Giá trị tối thiểu lớn hơn giá trị tối đa");
		assertThat(page.getElementById("name").parent().select(".field-error")).isEmpty();
		assertThat(page.getElementById("name").val()).isEqualTo("Chỉ số giữ tên");
		assertThat(page.getElementById("baselineValue").val()).isEqualTo("khoảng 70");
		assertThat(page.getElementById("minValue").val()).isEqualTo("10");
		assertThat(count("indicator")).isEqualTo(before);
	}

	@Test
	@DisplayName("a map enterprise: no name and two amounts that cannot be read, each beside its field, typed values kept, nothing saved")
	void mapEnterprise() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = count("map_enterprise");
		Document page = html(mvc.perform(post("/map/enterprises").with(csrf()).with(user(fx.user("cb.bql")))
			.param("name", "").param("taxCode", "4300123456").param("wasteTonnesYear", "nhiều").param("wastewaterM3Day", "ít"))
			.andReturn());
		assertThat(besideField(page, "name")).isEqualTo("Chưa nhập tên doanh nghiệp");
		assertThat(besideField(page, "wasteTonnesYear")).startsWith("Chất thải rắn: “nhiều” không phải là số");
		assertThat(besideField(page, "wastewaterM3Day")).startsWith("Nước thải: “ít” không phải là số");
		assertThat(besideField(page, "taxCode")).isEmpty();
		assertThat(page.getElementById("taxCode").val()).isEqualTo("4300123456");
		assertThat(page.getElementById("wasteTonnesYear").val()).isEqualTo("nhiều");
		assertThat(count("map_enterprise")).isEqualTo(before);
	}

	@Test
	@DisplayName("a technology offer: no provider, no title, no description, each beside its field in the offer form, typed values kept, nothing saved")
	void techOffer() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = count("tech_offer");
		Document page = refusedThenShown(post("/catalogue/tech/offers").param("providerKind", "UNIVERSITY").param("provider", " ")
			.param("field", "Nông nghiệp giữ lại").param("title", "").param("description", "").param("contact", "0255 3 822 111"),
			user(fx.user("sokhcn")), "/catalogue/tech");
		assertThat(besideField(page, "offer-provider")).isEqualTo("Chưa nhập đơn vị cung cấp");
		assertThat(besideField(page, "offer-title")).isEqualTo("Chưa nhập tên giải pháp");
		assertThat(besideField(page, "offer-description")).isEqualTo("Chưa nhập mô tả giải pháp");
		assertThat(besideField(page, "offer-field")).isEmpty();
		assertThat(page.getElementById("offer-field").val()).isEqualTo("Nông nghiệp giữ lại");
		assertThat(page.getElementById("offer-contact").val()).isEqualTo("0255 3 822 111");
		assertThat(page.select("#offer-providerKind option[selected]").val()).isEqualTo("UNIVERSITY");
		assertThat(page.selectFirst("#offer-form").closest("details").hasAttr("open")).isTrue();
		assertThat(page.getElementById("need-form").select(".field-error")).isEmpty();
		assertThat(page.select(".flash.error").text()).contains("Chưa lưu");
		assertThat(count("tech_offer")).isEqualTo(before);
	}

	@Test
	@DisplayName("a map lot: no land use, leased without a tenant, a date and a number of floors that cannot be read, each beside its field, typed values kept, nothing changed")
	void mapLot() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long lot = maps.lot();
		long version = jdbc.queryForObject("SELECT version FROM map_lot WHERE id = ?", Long.class, lot);
		Document page = refusedThenShown(post("/map/lots/" + lot).param("landUse", " ").param("status", "LEASED")
			.param("enterpriseId", "").param("contractNo", "HĐ-GIỮ-01").param("leaseFrom", "31/02/2026").param("leaseTo", "")
			.param("floors", "ba").param("heightM", "12,5").param("version", String.valueOf(version)),
			user(fx.user("cb.bql")), "/map/lots/" + lot);
		assertThat(besideField(page, "landUse")).isEqualTo("Chưa nhập mục đích sử dụng đất");
		assertThat(besideField(page, "enterpriseId")).isEqualTo("Lô đã cho thuê phải có doanh nghiệp thuê");
		assertThat(besideField(page, "leaseFrom")).isEqualTo("Thuê từ ngày: “31/02/2026” không hợp lệ; hãy nhập ngày theo dạng dd/MM/yyyy");
		assertThat(besideField(page, "floors")).startsWith("Số tầng: “ba” không hợp lệ");
		assertThat(besideField(page, "contractNo")).isEmpty();
		assertThat(page.getElementById("contractNo").val()).isEqualTo("HĐ-GIỮ-01");
		assertThat(page.getElementById("leaseFrom").val()).isEqualTo("31/02/2026");
		assertThat(page.getElementById("floors").val()).isEqualTo("ba");
		assertThat(page.getElementById("heightM").val()).isEqualTo("12,5");
		assertThat(page.select("#status option[selected]").val()).isEqualTo("LEASED");
		assertThat(page.getElementById("leaseFrom").attr("placeholder")).isEqualTo("dd/mm/yyyy");
		var row = jdbc.queryForMap("SELECT land_use, status, contract_no, version FROM map_lot WHERE id = ?", lot);
		assertThat(row.get("land_use")).isEqualTo("Đất công nghiệp");
		assertThat(row.get("status")).isEqualTo("AVAILABLE");
		assertThat(row.get("contract_no")).isNull();
		assertThat(((Number) row.get("version")).longValue()).isEqualTo(version);
	}

	@Test
	@DisplayName("a map project: no name, a capital, a date and a head count that cannot be read, each beside its field, typed values kept, nothing saved")
	void mapProject() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		String location = mvc.perform(post("/map/enterprises").with(csrf()).with(user(fx.user("cb.bql")))
			.param("name", "Công ty thử dự án " + World.seq())).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/map/enterprises/");
		long enterprise = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		Document page = refusedThenShown(post(location + "/projects").param("name", "").param("investor", "Nhà đầu tư giữ lại")
			.param("capital", "nhiều tiền").param("certificateNo", "GCN-01").param("certificateDate", "30/02/2026")
			.param("status", "BUILDING").param("jobs", "-5"), user(fx.user("cb.bql")), location);
		assertThat(besideField(page, "project-name")).isEqualTo("Chưa nhập tên dự án");
		assertThat(besideField(page, "project-capital")).startsWith("Vốn đăng ký: Số tiền “nhiều tiền”");
		assertThat(besideField(page, "project-certificateDate")).isEqualTo("Ngày cấp: “30/02/2026” không hợp lệ; hãy nhập ngày theo dạng dd/MM/yyyy");
		assertThat(besideField(page, "project-jobs")).startsWith("Lao động: “-5” không hợp lệ");
		assertThat(besideField(page, "project-investor")).isEmpty();
		assertThat(page.getElementById("project-investor").val()).isEqualTo("Nhà đầu tư giữ lại");
		assertThat(page.getElementById("project-capital").val()).isEqualTo("nhiều tiền");
		assertThat(page.getElementById("project-certificateNo").val()).isEqualTo("GCN-01");
		assertThat(page.select("#project-status option[selected]").val()).isEqualTo("BUILDING");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM map_project WHERE enterprise_id = ?", Long.class, enterprise)).isZero();
	}

	@Test
	@DisplayName("a monitoring reading: a parameter without a limit, a date and a value that cannot be read, each beside its field, typed values kept, nothing recorded")
	void mapReading() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long point = maps.point("WASTEWATER");
		Document page = refusedThenShown(post("/map/points/" + point + "/readings").param("parameter", "Chì")
			.param("measuredOn", "31/02/2026").param("value", "nhiều"), user(fx.user("cb.bql")), "/map/points/" + point);
		assertThat(besideField(page, "parameter")).startsWith("Chưa cấu hình giới hạn cho thông số “Chì”");
		assertThat(besideField(page, "measuredOn")).isEqualTo("Ngày quan trắc: “31/02/2026” không hợp lệ; hãy nhập ngày theo dạng dd/MM/yyyy");
		assertThat(besideField(page, "value")).startsWith("Giá trị: “nhiều” không phải là số");
		assertThat(page.getElementById("measuredOn").val()).isEqualTo("31/02/2026");
		assertThat(page.getElementById("value").val()).isEqualTo("nhiều");
		assertThat(page.getElementById("measuredOn").attr("placeholder")).isEqualTo("dd/mm/yyyy");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM map_env_reading WHERE point_id = ?", Long.class, point)).isZero();
	}

	@Test
	@DisplayName("a new monitoring limit: no parameter, a minimum that cannot be read, no regulation, each beside its field in the new-limit form, typed values kept, nothing saved")
	void mapLimit() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = count("map_env_limit");
		Document page = refusedThenShown(post("/map/limits").param("medium", "SEAWATER").param("parameter", " ")
			.param("unit", "mg/l").param("min", "abc").param("max", "").param("regulation", ""), user(fx.user("cb.bql")), "/map/limits");
		assertThat(besideField(page, "limit-parameter")).isEqualTo("Cần tên thông số");
		assertThat(besideField(page, "limit-min")).startsWith("Tối thiểu: “abc” không phải là số");
		assertThat(besideField(page, "limit-regulation")).isEqualTo("Cần ghi quy chuẩn áp dụng");
		assertThat(besideField(page, "limit-unit")).isEmpty();
		assertThat(page.getElementById("limit-unit").val()).isEqualTo("mg/l");
		assertThat(page.getElementById("limit-min").val()).isEqualTo("abc");
		assertThat(page.select("#limit-medium option[selected]").val()).isEqualTo("SEAWATER");
		assertThat(page.getElementById("limits").select(".field-error")).as("the rows of the table are not the form refused").isEmpty();
		assertThat(count("map_env_limit")).isEqualTo(before);
	}

	@Test
	@DisplayName("a funding review: an adjusted amount that cannot be read and no reason, each beside its field, typed values kept, nothing changed")
	void fundingReview() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long id = funding.submittedProposal();
		long version = jdbc.queryForObject("SELECT version FROM funding_proposal WHERE id = ?", Long.class, id);
		Document page = refusedThenShown(post("/funding/proposals/" + id + "/review").param("version", String.valueOf(version))
			.param("action", "ADJUST").param("amount", "mười triệu").param("reason", " "), user(fx.user("sokhcn")),
			"/funding/proposals/" + id);
		assertThat(besideField(page, "review-amount")).startsWith("Số tiền điều chỉnh: Số tiền “mười triệu”");
		assertThat(besideField(page, "review-reason")).startsWith("Hãy ghi lý do điều chỉnh số tiền");
		assertThat(besideField(page, "review-action")).isEmpty();
		assertThat(page.getElementById("review-amount").val()).isEqualTo("mười triệu");
		assertThat(page.select("#review-action option[selected]").val()).isEqualTo("ADJUST");
		assertThat(jdbc.queryForObject("SELECT state FROM funding_proposal WHERE id = ?", String.class, id)).isEqualTo("SUBMITTED");
		assertThat(jdbc.queryForObject("SELECT version FROM funding_proposal WHERE id = ?", Long.class, id)).isEqualTo(version);
	}

	@Test
	@DisplayName("a disbursement report: a period and an amount that cannot be read, each beside its field in its allocation's row, typed values kept, nothing recorded")
	void fundingDisbursement() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long[] alloc = funding.allocations();
		Document page = refusedThenShown(post("/funding/allocations/" + alloc[0] + "/disburse").param("year", "2026")
			.param("period", "Q7").param("amount", "nhiều").param("lagReason", "Lý do giữ lại"), user(fx.user("cb.snv")),
			"/funding/money?year=2026");
		String row = "disburse-" + alloc[0];
		assertThat(besideField(page, row + "-period")).isEqualTo("Kỳ báo cáo không hợp lệ");
		assertThat(besideField(page, row + "-amount")).startsWith("Số tiền giải ngân: Số tiền “nhiều”");
		assertThat(besideField(page, row + "-lagReason")).isEmpty();
		assertThat(page.getElementById(row + "-amount").val()).isEqualTo("nhiều");
		assertThat(page.getElementById(row + "-lagReason").val()).isEqualTo("Lý do giữ lại");
		assertThat(page.getElementById("disburse-" + alloc[1] + "-amount").closest("form").select(".field-error")).isEmpty();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_disbursement WHERE allocation_id = ?", Long.class, alloc[0])).isZero();
	}

	@Test
	@DisplayName("a disbursement already reported is corrected from the same form (the page carries its version); a stale page answers 409")
	void fundingDisbursementCorrected() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long[] alloc = funding.allocations();
		var staff = user(fx.user("cb.snv"));
		String action = "/funding/allocations/" + alloc[0] + "/disburse";
		mvc.perform(post(action).param("year", "2026").param("period", "Q3").param("amount", "1.000.000").param("lagReason", "Chờ nghiệm thu hợp đồng").with(csrf()).with(staff))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT amount FROM funding_disbursement WHERE allocation_id = ? AND period_index = 3",
				Long.class, alloc[0])).isEqualTo(1_000_000L);
		Document page = html(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/funding/money?year=2026").with(staff)).andReturn());
		Element form = page.selectFirst("form[action=" + action + "]");
		String version = form.selectFirst("input[name=versionQ3]").val();
		assertThat(form.select("input[name=versionQ2]")).isEmpty();
		mvc.perform(post(action).param("year", "2026").param("period", "Q3").param("amount", "2.500.000").param("lagReason", "Chờ nghiệm thu hợp đồng")
			.param("versionQ3", version).with(csrf()).with(staff))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
		assertThat(jdbc.queryForObject("SELECT amount FROM funding_disbursement WHERE allocation_id = ? AND period_index = 3",
				Long.class, alloc[0])).isEqualTo(2_500_000L);
		// the same page sent again: its version is stale now, nothing changed
		mvc.perform(post(action).param("year", "2026").param("period", "Q3").param("amount", "9.000.000").param("lagReason", "Chờ nghiệm thu hợp đồng")
			.param("versionQ3", version).with(csrf()).with(staff))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isConflict());
		assertThat(jdbc.queryForObject("SELECT amount FROM funding_disbursement WHERE allocation_id = ? AND period_index = 3",
				Long.class, alloc[0])).isEqualTo(2_500_000L);
	}

	@Test
	@DisplayName("a reallocation: an amount and a decision date that cannot be read, no decision number, no reason, each beside its field, typed values kept, nothing moved")
	void fundingReallocation() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long[] alloc = funding.allocations();
		Document page = refusedThenShown(post("/funding/reallocations").param("year", "2026").param("from", String.valueOf(alloc[0]))
			.param("to", String.valueOf(alloc[1])).param("amount", "abc").param("decisionNumber", "")
			.param("decisionDate", "31/02/2026").param("reason", ""), user(fx.user("gd.stc")), "/funding/money?year=2026");
		assertThat(besideField(page, "realloc-amount")).startsWith("Số tiền điều chuyển: Số tiền “abc”");
		assertThat(besideField(page, "realloc-decisionNumber")).isEqualTo("Hãy nhập số của quyết định điều chuyển");
		assertThat(besideField(page, "realloc-decisionDate")).isEqualTo("Ngày quyết định “31/02/2026” không hợp lệ; hãy nhập theo dạng dd/MM/yyyy");
		assertThat(besideField(page, "realloc-reason")).isEqualTo("Hãy ghi lý do điều chuyển");
		assertThat(page.getElementById("realloc-decisionDate").val()).isEqualTo("31/02/2026");
		assertThat(page.getElementById("realloc-decisionDate").attr("placeholder")).isEqualTo("dd/mm/yyyy");
		assertThat(page.getElementById("realloc-amount").val()).isEqualTo("abc");
		assertThat(page.select("#realloc-from option[selected]").val()).isEqualTo(String.valueOf(alloc[0]));
		assertThat(page.select("#realloc-to option[selected]").val()).isEqualTo(String.valueOf(alloc[1]));
		assertThat(page.getElementById("budget-form").select(".field-error")).isEmpty();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_reallocation WHERE from_allocation = ?", Long.class, alloc[0])).isZero();
	}

	@Test
	@DisplayName("the budget totals: a total that cannot be read and a science budget of zero, each beside its field, typed values kept, nothing saved")
	void fundingBudget() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		Document page = refusedThenShown(post("/funding/budget").param("year", "2031").param("localSpending", "nhiều")
			.param("scienceBudget", "0").param("note", "Ghi chú giữ lại"), user(fx.user("gd.stc")), "/funding/money?year=2031");
		assertThat(besideField(page, "localSpending")).startsWith("Tổng chi ngân sách địa phương: Số tiền “nhiều”");
		assertThat(besideField(page, "scienceBudget")).isEqualTo("Chi ngân sách cho khoa học phải lớn hơn 0 đồng");
		assertThat(besideField(page, "budget-note")).isEmpty();
		assertThat(page.getElementById("localSpending").val()).isEqualTo("nhiều");
		assertThat(page.getElementById("scienceBudget").val()).isEqualTo("0");
		assertThat(page.getElementById("budget-note").val()).isEqualTo("Ghi chú giữ lại");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM funding_budget WHERE year = 2031", Long.class)).isZero();
	}

	@Test
	@DisplayName("a new reporting regime: no code, a day that cannot be read, a deadline month out of range, no cut-off day, each beside its field, typed values kept, nothing created")
	void reportingRegime() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = count("reporting_regime");
		String name = "Chế độ giữ tên " + World.seq();
		Document page = refusedThenShown(post("/reporting/regimes").param("code", " ").param("name", name)
			.param("frequency", "QUARTERLY").param("validFrom", "31/02/2027").param("sourceNote", "Căn cứ giữ lại")
			.param("dueMonth", "30").param("dueDay", "10").param("windowEndMonth", "1").param("windowEndDay", "")
			.param("graceDays", "10").param("kinds", "DEPARTMENT"), user(fx.user("sokhcn")), "/reporting/regimes");
		assertThat(besideField(page, "regime-code")).isEqualTo("Chưa nhập mã chế độ báo cáo");
		assertThat(besideField(page, "regime-validFrom")).isEqualTo("Ngày áp dụng “31/02/2027” không hợp lệ; hãy nhập theo dạng dd/MM/yyyy");
		assertThat(besideField(page, "regime-dueMonth")).isEqualTo("“30” không hợp lệ: tháng của hạn gửi phải là số nguyên từ 1 đến 24");
		assertThat(besideField(page, "regime-windowEndDay")).isEqualTo("Chưa nhập ngày chốt số liệu");
		assertThat(besideField(page, "regime-name")).isEmpty();
		assertThat(page.getElementById("regime-name").val()).isEqualTo(name);
		assertThat(page.getElementById("regime-sourceNote").val()).isEqualTo("Căn cứ giữ lại");
		assertThat(page.getElementById("regime-validFrom").val()).isEqualTo("31/02/2027");
		assertThat(page.getElementById("regime-dueMonth").val()).isEqualTo("30");
		assertThat(page.select("#regime-frequency option[selected]").val()).isEqualTo("QUARTERLY");
		assertThat(page.select("#regime-form input[name=kinds][checked]").eachAttr("value")).containsExactly("DEPARTMENT");
		assertThat(page.selectFirst("#regime-form").closest("details").hasAttr("open")).isTrue();
		assertThat(count("reporting_regime")).isEqualTo(before);
	}

	@Test
	@DisplayName("a regime's new rule: a day before today, a deadline day and days of grace out of range, each beside its field in that regime's form, nothing changed")
	void reportingRegimeRule() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long regime = reporting.monthlyRegime(java.time.LocalDate.of(2026, 10, 1), "STC");
		long version = jdbc.queryForObject("SELECT version FROM reporting_regime WHERE id = ?", Long.class, regime);
		long versions = jdbc.queryForObject("SELECT count(*) FROM reporting_regime_version WHERE regime_id = ?", Long.class, regime);
		Document page = refusedThenShown(post("/reporting/regimes/" + regime + "/rule").param("version", String.valueOf(version))
			.param("validFrom", "01/01/2026").param("dueMonth", "2").param("dueDay", "40").param("windowEndMonth", "1")
			.param("windowEndDay", "31").param("graceDays", "abc").param("note", "Căn cứ giữ lại"), user(fx.user("sokhcn")),
			"/reporting/regimes");
		String f = "rule-" + regime + "-";
		assertThat(besideField(page, f + "validFrom")).startsWith("Ngày áp dụng 01/01/2026 ở trước ngày hôm nay");
		assertThat(besideField(page, f + "dueDay")).isEqualTo("“40” không hợp lệ: ngày của hạn gửi phải là số nguyên từ 1 đến 31");
		assertThat(besideField(page, f + "graceDays")).startsWith("“abc” không hợp lệ");
		assertThat(besideField(page, f + "note")).isEmpty();
		assertThat(page.getElementById(f + "note").val()).isEqualTo("Căn cứ giữ lại");
		assertThat(page.getElementById(f + "dueDay").val()).isEqualTo("40");
		assertThat(page.getElementById("regime-form").select(".field-error")).isEmpty();
		assertThat(jdbc.queryForObject("SELECT version FROM reporting_regime WHERE id = ?", Long.class, regime)).isEqualTo(version);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM reporting_regime_version WHERE regime_id = ?", Long.class, regime))
			.isEqualTo(versions);
	}

	@Test
	@DisplayName("reopening a locked report: a day that cannot be read and no reason, each beside its field, typed values kept, nothing changed")
	void reportReopen() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long regime = reporting.monthlyRegime(java.time.LocalDate.of(2026, 9, 1), "STC");
		long id = reporting.reportId(regime, "2026-10", "STC");
		Document page = refusedThenShown(post("/reporting/reports/" + id + "/reopen").param("until", "30/02/2026")
			.param("reason", " "), user(fx.user("sokhcn")), "/reporting/reports/" + id);
		assertThat(besideField(page, "reopen-until")).isEqualTo("Ngày mở lại đến “30/02/2026” không hợp lệ; hãy nhập theo dạng dd/MM/yyyy");
		assertThat(besideField(page, "reopen-reason")).isEqualTo("Cần nêu lý do mở lại");
		assertThat(page.getElementById("reopen-until").val()).isEqualTo("30/02/2026");
		assertThat(page.getElementById("reopen-until").attr("placeholder")).isEqualTo("dd/mm/yyyy");
		assertThat(jdbc.queryForObject("SELECT reopened_until FROM periodic_report WHERE id = ?", java.sql.Date.class, id)).isNull();
		// a day already past, with a reason kept as typed
		page = refusedThenShown(post("/reporting/reports/" + id + "/reopen").param("until", "01/11/2026")
			.param("reason", "Lý do giữ lại <b>đậm</b>"), user(fx.user("sokhcn")), "/reporting/reports/" + id);
		assertThat(besideField(page, "reopen-until")).isEqualTo("Ngày mở lại đến 01/11/2026 đã qua");
		assertThat(besideField(page, "reopen-reason")).contains("không được chứa mã HTML");
		assertThat(page.getElementById("reopen-reason").val()).isEqualTo("Lý do giữ lại <b>đậm</b>");
		assertThat(jdbc.queryForObject("SELECT reopened_until FROM periodic_report WHERE id = ?", java.sql.Date.class, id)).isNull();
	}

	@Test
	@DisplayName("returning a submitted report without a reason: the message beside the reason's field, the report stays submitted")
	void reportReturn() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long regime = reporting.monthlyRegime(java.time.LocalDate.of(2026, 10, 1), "STC");
		long id = reporting.send(regime, "2026-11", "STC", "cb.stc", "gd.stc", java.time.LocalDate.of(2026, 11, 22), "Tóm tắt tháng 11.");
		Document page = refusedThenShown(post("/reporting/reports/" + id + "/return").param("reason", " "),
			user(fx.user("sokhcn")), "/reporting/reports/" + id);
		assertThat(besideField(page, "return-why")).isEqualTo("Cần nêu lý do trả lại");
		page = refusedThenShown(post("/reporting/reports/" + id + "/return").param("reason", "Sửa <script>x</script>"),
			user(fx.user("sokhcn")), "/reporting/reports/" + id);
		assertThat(besideField(page, "return-why")).contains("không được chứa mã HTML");
		assertThat(page.getElementById("return-why").val()).isEqualTo("Sửa <script>x</script>");
		assertThat(page.select(".flash.error").text()).contains("Chưa lưu");
		assertThat(jdbc.queryForObject("SELECT state FROM periodic_report WHERE id = ?", String.class, id)).isEqualTo("SUBMITTED");
	}

	@Test
	@DisplayName("the regimes page's smaller forms: the day reports are owed from, an agency named, an agency's span; each problem beside its field in its own form, nothing changed")
	void reportingRegimeSmallForms() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long regime = reporting.monthlyRegime(java.time.LocalDate.of(2026, 10, 1), "STC");
		long version = jdbc.queryForObject("SELECT version FROM reporting_regime WHERE id = ?", Long.class, regime);
		Document page = refusedThenShown(post("/reporting/regimes/" + regime + "/expected-from").param("expectedFrom", "31/02/2026")
			.param("note", "Căn cứ <b>đậm</b>"), user(fx.user("sokhcn")), "/reporting/regimes");
		assertThat(besideField(page, "expected-" + regime + "-day")).isEqualTo("Ngày bắt đầu tính báo cáo phải gửi “31/02/2026” không hợp lệ; hãy nhập theo dạng dd/MM/yyyy");
		assertThat(besideField(page, "expected-" + regime + "-note")).contains("không được chứa mã HTML");
		assertThat(page.getElementById("expected-" + regime + "-day").val()).isEqualTo("31/02/2026");
		assertThat(jdbc.queryForObject("SELECT version FROM reporting_regime WHERE id = ?", Long.class, regime)).isEqualTo(version);

		long rules = jdbc.queryForObject("SELECT count(*) FROM reporting_regime_agency WHERE regime_id = ?", Long.class, regime);
		page = refusedThenShown(post("/reporting/regimes/" + regime + "/agencies").param("mode", "EXCLUDE")
			.param("validFrom", "32/01/2027").param("note", "Ghi chú giữ lại"), user(fx.user("sokhcn")), "/reporting/regimes");
		assertThat(besideField(page, "regime-agency-" + regime + "-q")).isEqualTo("Chưa chọn cơ quan, đơn vị");
		assertThat(besideField(page, "agencies-" + regime + "-validFrom")).isEqualTo("Từ ngày “32/01/2027” không hợp lệ; hãy nhập theo dạng dd/MM/yyyy");
		assertThat(page.getElementById("agencies-" + regime + "-note").val()).isEqualTo("Ghi chú giữ lại");
		assertThat(page.selectFirst("#agencies-form-" + regime).closest("details").hasAttr("open")).isTrue();
		assertThat(page.getElementById("span-form").select(".field-error")).isEmpty();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM reporting_regime_agency WHERE regime_id = ?", Long.class, regime)).isEqualTo(rules);

		long spans = count("reporting_agency_span");
		page = refusedThenShown(post("/reporting/spans").param("reportsFrom", "10/10/2026").param("reportsUntil", "01/10/2026")
			.param("note", "Căn cứ giữ lại"), user(fx.user("sokhcn")), "/reporting/regimes");
		assertThat(besideField(page, "span-agency-q")).isEqualTo("Chưa chọn cơ quan, đơn vị");
		assertThat(besideField(page, "span-reportsUntil")).isEqualTo("Ngày thôi báo cáo 01/10/2026 ở trước ngày bắt đầu báo cáo 10/10/2026");
		assertThat(page.getElementById("span-reportsFrom").val()).isEqualTo("10/10/2026");
		assertThat(page.getElementById("span-note").val()).isEqualTo("Căn cứ giữ lại");
		assertThat(page.getElementById("agencies-form-" + regime).select(".field-error")).isEmpty();
		assertThat(count("reporting_agency_span")).isEqualTo(spans);
	}

	@Test
	@DisplayName("a proposal flagged as a duplicate: a number that cannot be read and markup in the note, each beside its field, typed values kept, nothing changed")
	void fundingDuplicate() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long id = funding.submittedProposal();
		long version = jdbc.queryForObject("SELECT version FROM funding_proposal WHERE id = ?", Long.class, id);
		Document page = refusedThenShown(post("/funding/proposals/" + id + "/duplicate").param("version", String.valueOf(version))
			.param("otherId", "số bảy").param("note", "Chương trình <b>đậm</b>"), user(fx.user("sokhcn")), "/funding/proposals/" + id);
		assertThat(besideField(page, "duplicate-otherId")).isEqualTo("Số đề xuất “số bảy” không hợp lệ; hãy nhập số của đề xuất");
		assertThat(besideField(page, "duplicate-note")).contains("không được chứa mã HTML");
		assertThat(page.getElementById("duplicate-otherId").val()).isEqualTo("số bảy");
		assertThat(page.getElementById("duplicate-note").val()).isEqualTo("Chương trình <b>đậm</b>");
		assertThat(page.getElementById("review-form").select(".field-error")).isEmpty();
		page = refusedThenShown(post("/funding/proposals/" + id + "/duplicate").param("version", String.valueOf(version))
			.param("otherId", String.valueOf(id)).param("note", ""), user(fx.user("sokhcn")), "/funding/proposals/" + id);
		assertThat(besideField(page, "duplicate-otherId")).isEqualTo("Một đề xuất không trùng với chính nó");
		assertThat(jdbc.queryForObject("SELECT version FROM funding_proposal WHERE id = ?", Long.class, id)).isEqualTo(version);
		assertThat(jdbc.queryForObject("SELECT duplicate_of FROM funding_proposal WHERE id = ?", Long.class, id)).isNull();
	}

	@Test
	@DisplayName("upward: a new national system (code, name, owner), a code given to a task (the task, the code, the name on the system), the push address; each problem beside its field in its own form, typed values kept, nothing stored")
	void upwardForms() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long systems = count("upstream_system");
		Document page = refusedThenShown(post("/upward/systems").param("code", "a b").param("name", " ")
			.param("owner", "Bộ <b>đậm</b>"), user(fx.user("sokhcn")), "/upward");
		assertThat(page.getElementById("sc").parent().select(".field-error").text()).isEqualTo("Mã hệ thống gồm 2–30 chữ in hoa, chữ số hoặc dấu gạch dưới");
		assertThat(page.getElementById("sn").parent().select(".field-error").text()).isEqualTo("Tên hệ thống không được để trống");
		assertThat(page.getElementById("so").parent().select(".field-error").text()).contains("không được chứa mã HTML");
		assertThat(page.getElementById("sc").val()).isEqualTo("a b");
		assertThat(page.getElementById("so").val()).isEqualTo("Bộ <b>đậm</b>");
		assertThat(page.selectFirst("#system-form").closest("details").hasAttr("open")).isTrue();
		assertThat(page.select(".flash.error").text()).contains("Chưa lưu");
		page = refusedThenShown(post("/upward/systems").param("code", "DA06")
			.param("name", "Tên giữ lại").param("owner", ""), user(fx.user("sokhcn")), "/upward");
		assertThat(page.getElementById("sc").parent().select(".field-error").text()).isEqualTo("Đã có hệ thống mã DA06");
		assertThat(page.getElementById("sn").parent().select(".field-error")).isEmpty();
		assertThat(page.getElementById("sn").val()).isEqualTo("Tên giữ lại");
		assertThat(count("upstream_system")).isEqualTo(systems);

		long codes = count("upstream_code");
		page = refusedThenShown(post("/upward/systems/DA06/map").param("type", "TASK").param("subject", "987654321")
			.param("upstreamCode", " ").param("centralName", "Tên trên hệ thống giữ lại"), user(fx.user("sokhcn")), "/upward/systems/DA06");
		assertThat(page.getElementById("task-subject").parent().select(".field-error").text()).isEqualTo("Không có nhiệm vụ số 987654321");
		assertThat(page.getElementById("taskCode").parent().select(".field-error").text()).isEqualTo("Mã trên hệ thống không được để trống và tối đa 100 ký tự");
		assertThat(page.getElementById("taskCentral").parent().select(".field-error")).isEmpty();
		assertThat(page.getElementById("task-subject").val()).isEqualTo("987654321");
		assertThat(page.getElementById("taskCentral").val()).isEqualTo("Tên trên hệ thống giữ lại");
		assertThat(page.getElementById("map-form").select(".field-error")).isEmpty();
		assertThat(page.getElementById("map-agency-form").select(".field-error")).isEmpty();
		assertThat(page.getElementById("upstreamCode").val()).isEmpty();
		assertThat(count("upstream_code")).isEqualTo(codes);

		String url = jdbc.queryForObject("SELECT coalesce(push_url, '') FROM upstream_system WHERE code = 'DA06'", String.class);
		page = refusedThenShown(post("/upward/systems/DA06/push-url").param("url", "ftp://tiep-nhan.example"),
			user(fx.user("sokhcn")), "/upward/systems/DA06");
		assertThat(besideField(page, "push-url")).isEqualTo("Địa chỉ tiếp nhận phải bắt đầu bằng http:// hoặc https://");
		assertThat(page.getElementById("push-url").val()).isEqualTo("ftp://tiep-nhan.example");
		assertThat(page.getElementById("map-task-form").select(".field-error")).isEmpty();
		assertThat(jdbc.queryForObject("SELECT coalesce(push_url, '') FROM upstream_system WHERE code = 'DA06'", String.class)).isEqualTo(url);
	}

	@Test
	@DisplayName("a data call: the new call (no title, a day that cannot be read, no due date), the call's edit form, the question form, the reopening reason; each problem beside its field in its own form, typed values kept, nothing stored")
	void dataCallForms() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long calls = count("data_call");
		Document page = refusedThenShown(post("/datacalls").param("title", " ").param("requestNumber", "12/CV-giữ")
			.param("requestDate", "31/02/2026").param("requestIssuer", "Bộ <b>KH&CN</b>").param("requestSubject", "Về việc giữ lại")
			.param("dueDate", ""), user(fx.user("sokhcn")), "/datacalls/new");
		assertThat(besideField(page, "title")).isEqualTo("Tên đợt báo cáo không được để trống");
		assertThat(besideField(page, "requestDate")).isEqualTo("Ngày công văn “31/02/2026” không hợp lệ; hãy nhập theo dạng dd/MM/yyyy");
		assertThat(besideField(page, "requestIssuer")).contains("không được chứa mã HTML");
		assertThat(besideField(page, "dueDate")).isEqualTo("Chưa có hạn gửi báo cáo (dd/MM/yyyy)");
		assertThat(besideField(page, "requestNumber")).isEmpty();
		assertThat(page.getElementById("requestNumber").val()).isEqualTo("12/CV-giữ");
		assertThat(page.getElementById("requestDate").val()).isEqualTo("31/02/2026");
		assertThat(page.getElementById("requestSubject").val()).isEqualTo("Về việc giữ lại");
		assertThat(page.getElementById("dueDate").attr("placeholder")).isEqualTo("dd/mm/yyyy");
		assertThat(page.select(".flash.error").text()).contains("Chưa lưu");
		page = refusedThenShown(post("/datacalls").param("title", "Đợt giữ lại").param("requestDate", "20/11/2026")
			.param("dueDate", "30/13/2026"), user(fx.user("sokhcn")), "/datacalls/new");
		assertThat(besideField(page, "dueDate")).isEqualTo("Hạn gửi “30/13/2026” không hợp lệ; hãy nhập theo dạng dd/MM/yyyy");
		assertThat(page.getElementById("title").val()).isEqualTo("Đợt giữ lại");
		assertThat(count("data_call")).isEqualTo(calls);

		String title = "Đợt thử biểu mẫu " + World.seq();
		long id = runAs.user("sokhcn", () -> dataCalls.create(new vn.nq57.datacall.DataCall.CallInput(title, null, "1/CV",
				java.time.LocalDate.of(2026, 11, 1), "Bộ Khoa học và Công nghệ", null, java.time.LocalDate.of(2026, 11, 30))));
		long version = jdbc.queryForObject("SELECT version FROM data_call WHERE id = ?", Long.class, id);
		page = refusedThenShown(post("/datacalls/" + id).param("version", String.valueOf(version)).param("callForm", "edit")
			.param("title", "").param("requestNumber", "2/CV").param("requestDate", "25/11/2026").param("dueDate", "20/11/2026"),
			user(fx.user("sokhcn")), "/datacalls/" + id);
		assertThat(besideField(page, "edit-title")).isEqualTo("Tên đợt báo cáo không được để trống");
		assertThat(besideField(page, "edit-dueDate")).isEqualTo("Hạn gửi báo cáo không thể trước ngày của công văn đề nghị");
		assertThat(page.getElementById("edit-requestNumber").val()).isEqualTo("2/CV");
		assertThat(page.getElementById("edit-dueDate").val()).isEqualTo("20/11/2026");
		assertThat(page.getElementById("question-form").select(".field-error")).isEmpty();
		assertThat(page.getElementById("qtext").val()).isEmpty();
		assertThat(jdbc.queryForObject("SELECT title FROM data_call WHERE id = ?", String.class, id)).isEqualTo(title);

		long questions = jdbc.queryForObject("SELECT count(*) FROM data_call_question WHERE call_id = ?", Long.class, id);
		page = refusedThenShown(post("/datacalls/" + id + "/questions").param("version", String.valueOf(version)).param("callForm", "question")
			.param("code", "MÃ-DÀI-QUÁ-BA-MƯƠI-KÝ-TỰ-CHO-MỘT-CÂU").param("section", "Mục giữ lại").param("text", " ")
			.param("kind", "CHOICE").param("unit", "trạm").param("choices", "Chỉ một").param("prefill", "KHÔNG_CÓ"),
			user(fx.user("sokhcn")), "/datacalls/" + id);
		assertThat(page.getElementById("qcode").parent().select(".field-error").text()).isEqualTo("Mã câu hỏi dài quá 30 ký tự");
		assertThat(page.getElementById("qtext").parent().select(".field-error").text()).isEqualTo("Nội dung câu hỏi không được để trống");
		assertThat(page.getElementById("qchoices").parent().select(".field-error").text()).startsWith("Câu hỏi lựa chọn cần ít nhất hai phương án");
		assertThat(page.getElementById("qprefill").parent().select(".field-error").text()).startsWith("Nguồn điền sẵn “KHÔNG_CÓ” không hợp lệ");
		assertThat(page.getElementById("qsection").parent().select(".field-error")).isEmpty();
		assertThat(page.getElementById("qsection").val()).isEqualTo("Mục giữ lại");
		assertThat(page.getElementById("qunit").val()).isEqualTo("trạm");
		assertThat(page.getElementById("qchoices").text()).isEqualTo("Chỉ một");
		assertThat(page.select("#qkind option[selected]").val()).isEqualTo("CHOICE");
		assertThat(page.getElementById("edit-form").select(".field-error")).isEmpty();
		assertThat(page.getElementById("edit-title").val()).isEqualTo(title);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM data_call_question WHERE call_id = ?", Long.class, id)).isEqualTo(questions);

		runAs.user("sokhcn", () -> {
			dataCalls.addQuestions(id, java.util.List.of(new vn.nq57.datacall.DataCall.QuestionInput("A", null, "Số trạm BTS",
					vn.nq57.datacall.QuestionKind.NUMBER, "trạm", null, false, null)), null);
			dataCalls.setTargets(id, java.util.List.of(world.agency("STC")), null);
			dataCalls.open(id, null);
			dataCalls.close(id, null);
			return id;
		});
		version = jdbc.queryForObject("SELECT version FROM data_call WHERE id = ?", Long.class, id);
		page = refusedThenShown(post("/datacalls/" + id + "/reopen").param("version", String.valueOf(version)).param("callForm", "reopen")
			.param("reason", " "), user(fx.user("sokhcn")), "/datacalls/" + id);
		assertThat(besideField(page, "reason")).isEqualTo("Hãy ghi lý do mở lại đợt báo cáo");
		assertThat(page.getElementById("edit-form").select(".field-error")).isEmpty();
		assertThat(jdbc.queryForObject("SELECT state FROM data_call WHERE id = ?", String.class, id)).isEqualTo("CLOSED");
	}

	@Test
	@DisplayName("an IOC machine client: no name, no scope, a rate that is not a number, a webhook address that is not http(s); each beside its field, typed values kept, nothing stored")
	void iocClient() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		long before = count("ioc_client");
		Document page = html(mvc.perform(post("/admin/ioc/clients").with(csrf()).with(user(fx.user("admin")))
			.param("name", " ").param("rate", "nhiều").param("webhookUrl", "ftp://ioc.example/hook")).andReturn());
		assertThat(page.getElementById("ioc-name").parent().select(".field-error").text()).isEqualTo("Tên ứng dụng kết nối không được để trống (tối đa 200 ký tự)");
		assertThat(page.getElementById("ioc-scopes").select(".field-error").text()).isEqualTo("Chọn ít nhất một phạm vi dữ liệu được đọc");
		assertThat(page.getElementById("ioc-rate").parent().select(".field-error").text()).isEqualTo("Giới hạn số lần gọi mỗi phút phải là một số nguyên");
		assertThat(page.getElementById("ioc-webhook").parent().select(".field-error").text()).isEqualTo("Địa chỉ nhận webhook phải là một địa chỉ http(s) hợp lệ");
		assertThat(page.getElementById("ioc-rate").val()).isEqualTo("nhiều");
		assertThat(page.getElementById("ioc-webhook").val()).isEqualTo("ftp://ioc.example/hook");
		assertThat(page.select(".flash.error").text()).contains("Chưa lưu");
		page = html(mvc.perform(post("/admin/ioc/clients").with(csrf()).with(user(fx.user("admin")))
			.param("name", "Ứng dụng giữ tên").param("scope", "tasks:read").param("rate", "0")).andReturn());
		assertThat(page.getElementById("ioc-rate").parent().select(".field-error").text()).isEqualTo("Giới hạn số lần gọi mỗi phút phải từ 1 đến 6.000");
		assertThat(page.getElementById("ioc-name").parent().select(".field-error")).isEmpty();
		assertThat(page.getElementById("ioc-name").val()).isEqualTo("Ứng dụng giữ tên");
		assertThat(page.select("#ioc-scopes input[checked]").eachAttr("value")).containsExactly("tasks:read");
		assertThat(count("ioc_client")).isEqualTo(before);
	}

	@Test
	@DisplayName("changing one's password: a wrong current password, a weak new one and a confirmation that differs, each beside its field, no password typed back, nothing changed")
	void passwordChange() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		String name = "cb.matkhau." + Fixtures.tag().toLowerCase();
		fx.users.create(name, Fixtures.PASSWORD, "Cán bộ thử đổi mật khẩu", null, vn.nq57.account.Role.AGENCY_OFFICER, fx.agencyId("STC"));
		String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, name);
		Document page = refusedThenShown(post("/account/password").param("current", "MatKhauSai1").param("next", "matkhaumoi")
			.param("confirm", "matkhaukhac"), user(fx.user(name)), "/account");
		assertThat(besideField(page, "current")).isEqualTo("Mật khẩu hiện tại không đúng");
		assertThat(besideField(page, "next")).isEqualTo("Mật khẩu phải có cả chữ và số");
		assertThat(besideField(page, "confirm")).isEqualTo("Mật khẩu mới và mật khẩu nhập lại không khớp");
		assertThat(page.getElementById("current").val()).isEmpty();
		assertThat(page.getElementById("next").val()).isEmpty();
		assertThat(page.select(".flash.error").text()).contains("Chưa lưu");
		assertThat(jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class, name)).isEqualTo(hash);
	}

	@Test
	@DisplayName("an API token: a lifetime out of range and a scope that does not exist, each beside its field, typed values kept, no token issued; a wrong two-factor code beside the code field")
	void apiTokenAndTotp() throws Exception {
		Fixtures fx = new Fixtures(ctx);
		String name = "cb.token." + Fixtures.tag().toLowerCase();
		fx.users.create(name, Fixtures.PASSWORD, "Cán bộ thử mã API", null, vn.nq57.account.Role.AGENCY_OFFICER, fx.agencyId("STC"));
		Document page = refusedThenShown(post("/account/token").param("days", "400").param("scope", "write").param("scope", "xoa"),
			user(fx.user(name)), "/account");
		assertThat(besideField(page, "token-days")).isEqualTo("Thời hạn của mã truy cập API từ 1 đến 365 ngày");
		assertThat(page.getElementById("token-scopes").select(".field-error").text()).startsWith("Phạm vi của mã truy cập API: chọn trong");
		assertThat(page.getElementById("token-days").val()).isEqualTo("400");
		assertThat(page.select("#token-scopes input[checked]").eachAttr("value")).containsExactly("write");
		assertThat(page.getElementById("api-token")).isNull();
		assertThat(jdbc.queryForObject("SELECT api_token_hash IS NULL FROM app_user WHERE username = ?", Boolean.class, name)).isTrue();

		MvcResult setup = mvc.perform(get("/account/totp").with(user(fx.user(name)))).andReturn();
		jakarta.servlet.http.Cookie session = setup.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		MvcResult sent = mvc.perform(post("/account/totp").with(csrf()).with(user(fx.user(name))).cookie(session).param("code", "000000")).andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/account/totp");
		page = html(mvc.perform(get("/account/totp").with(user(fx.user(name))).cookie(session)).andReturn());
		assertThat(besideField(page, "totp-code")).isEqualTo("Mã xác thực không đúng; hãy nhập mã 6 chữ số đang hiện trên ứng dụng");
		assertThat(page.getElementById("totp-code").val()).isEmpty();
		assertThat(jdbc.queryForObject("SELECT totp_enabled_at IS NULL FROM app_user WHERE username = ?", Boolean.class, name)).isTrue();
	}
}
