package vn.nq57.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;

/** The reporting pages, authorised on the server for every request, in Vietnamese with dd/MM/yyyy and 99,30%. */
@IntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingPagesTest {

	@Autowired MockMvc mvc;
	@Autowired UserService users;
	@Autowired ReportingFixtures fx;
	@Autowired PeriodicReportService reports;
	@Autowired ConsolidatedReportService consolidated;
	@Autowired RegimeService regimes;
	@Autowired RunAs runAs;
	@Autowired vn.nq57.agency.AgencyDirectory agencyDirectory;

	long agencyId(String code) {
		return agencyDirectory.findByCode(code).orElseThrow().getId();
	}

	long regime;
	long stcReport;
	long snvReport;
	long consolidatedId;

	@BeforeAll
	void data() {
		regime = fx.monthlyRegime(LocalDate.of(2026, 10, 1), "STC", "SNV");
		fx.send(regime, "2026-10", "STC", "cb.stc", "gd.stc", LocalDate.of(2026, 11, 5), "Sở Tài chính – trang kiểm thử");
		snvReport = fx.reportId(regime, "2026-10", "SNV");
		stcReport = fx.reportId(regime, "2026-11", "STC");
		runAs.user("cb.stc", () -> reports.start(stcReport));
		consolidatedId = runAs.user("sokhcn", () -> consolidated.generate(regimes.period(regime, "2026-10").id()));
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	@DisplayName("an agency sees its own reports; DoST lands on the grid")
	void landing() throws Exception {
		mvc.perform(get("/reporting").with(as("cb.stc")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Báo cáo định kỳ của Sở Tài chính")))
			.andExpect(content().string(containsString("Báo cáo tháng kiểm thử")))
			.andExpect(content().string(containsString("09/11/2026")));
		mvc.perform(get("/reporting").with(as("sokhcn"))).andExpect(redirectedUrl("/reporting/completeness"));
		mvc.perform(get("/tasks").with(as("cb.stc"))).andExpect(content().string(containsString("Báo cáo định kỳ")));
	}

	@Test
	@DisplayName("the grid is for DoST, leaders and administrators: rates in Vietnamese format, cells linked to reports")
	void grid() throws Exception {
		mvc.perform(get("/reporting/completeness").param("regime", String.valueOf(regime)).with(as("lanhdao")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tỷ lệ báo cáo đầy đủ")))
			.andExpect(content().string(containsString("50,00%")))
			.andExpect(content().string(containsString("hạn 09/11/2026")))
			.andExpect(content().string(containsString("Chưa gửi")))
			.andExpect(content().string(containsString("/reporting/reports/" + snvReport)));
		mvc.perform(get("/reporting/completeness").with(as("cb.stc"))).andExpect(status().isForbidden());
		mvc.perform(get("/reporting/urge").with(as("gd.stc"))).andExpect(status().isForbidden());
		mvc.perform(get("/reporting/urge").param("regime", String.valueOf(regime)).with(as("sokhcn")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Sở Nội vụ")));
		mvc.perform(get("/reporting/completeness").param("only", "bogus").with(as("sokhcn")))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("không hợp lệ")));
		// the whole grid on one page; the cells link to the reports through the page's one encoded base
		mvc.perform(get("/reporting/completeness").param("regime", String.valueOf(regime)).param("size", "all").with(as("sokhcn")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"all\" selected=\"selected\">Tất cả</option>")))
			.andExpect(content().string(containsString("<td><a href=\"/reporting/reports/" + snvReport + "\" class=\"rcell rc-missing\">Chưa gửi</a>")))
			.andExpect(content().string(containsString("<td class=\"num\">50,00%</td>")));
		mvc.perform(get("/reporting/completeness").param("size", "7").with(as("sokhcn")))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("Số dòng mỗi trang “7” không hợp lệ")));
	}

	@Test
	@DisplayName("the API gives the grid's figures as JSON to DoST and leaders, and 403 with a Vietnamese message to an agency")
	void completenessApi() throws Exception {
		String stc = "$.agencies[?(@.name == 'Sở Tài chính')]";
		String snv = "$.agencies[?(@.name == 'Sở Nội vụ')]";
		mvc.perform(get("/api/v1/reporting/completeness").param("regime", String.valueOf(regime)).param("year", "2026")
				.with(as("lanhdao")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.regimeId").value(regime))
			.andExpect(jsonPath("$.asOf").value("2026-11-22"))
			.andExpect(jsonPath("$.overall.expected").value(2))
			.andExpect(jsonPath("$.overall.received").value(1))
			.andExpect(jsonPath("$.overall.onTime").value(1))
			.andExpect(jsonPath("$.overall.completenessPct").value(50.0))
			.andExpect(jsonPath("$.periods[?(@.key == '2026-10')].dueDate").value("2026-11-09"))
			.andExpect(jsonPath("$.periods[?(@.key == '2026-10')].pastDue").value(true))
			.andExpect(jsonPath("$.periods[?(@.key == '2026-11')].pastDue").value(false))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath(stc + ".cells[?(@.period == '2026-10')].cell").value("ON_TIME"))
			.andExpect(jsonPath(stc + ".counts.timelinessPct").value(100.0))
			.andExpect(jsonPath(snv + ".cells[?(@.period == '2026-10')].cell").value("MISSING"))
			.andExpect(jsonPath(snv + ".cells[?(@.period == '2026-10')].reportId").value((int) snvReport))
			.andExpect(jsonPath(snv + ".cells[?(@.period == '2026-11')].cell").value("PENDING"));
		mvc.perform(get("/api/v1/reporting/completeness").param("regime", String.valueOf(regime)).param("only", "urge")
				.with(as("sokhcn")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.agencies[0].name").value("Sở Nội vụ"));
		mvc.perform(get("/api/v1/reporting/completeness").with(as("cb.stc")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value(containsString("xem tình hình báo cáo của mọi cơ quan")));
		mvc.perform(get("/api/v1/reporting/completeness").param("size", "5000").with(as("sokhcn")))
			.andExpect(status().is(422))
			.andExpect(jsonPath("$.message").value(containsString("Số dòng mỗi trang")));
		mvc.perform(get("/v3/api-docs").with(as("sokhcn")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/reporting/completeness")));
	}

	@Test
	@DisplayName("an officer cannot open, start or change another agency's report; DoST sees no draft")
	void reportPermissions() throws Exception {
		mvc.perform(get("/reporting/reports/" + stcReport).with(as("cb.snv"))).andExpect(status().isForbidden());
		mvc.perform(post("/reporting/reports/" + snvReport + "/start").with(as("cb.stc")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/reporting/reports/" + stcReport + "/save").param("code", ReportContent.SUMMARY)
			.param("body", "Sửa hộ").with(as("cb.snv")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/reporting/reports/" + stcReport + "/approve").with(as("cb.stc")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/reporting/reports/" + stcReport).with(as("sokhcn")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Cơ quan chưa gửi báo cáo kỳ này")));
		mvc.perform(get("/reporting/reports/" + stcReport).with(as("cb.stc")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đánh giá chung tình hình thực hiện trong kỳ (bắt buộc)")));
		// no form without its CSRF token
		mvc.perform(post("/reporting/reports/" + stcReport + "/save").param("code", ReportContent.SUMMARY)
			.param("body", "x").with(as("cb.stc"))).andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("a save with markup comes back with the message and the typed text, and nothing is stored")
	void badSaveKeepsTheText() throws Exception {
		long version = reports.rowOf(stcReport).version();
		mvc.perform(post("/reporting/reports/" + stcReport + "/save").param("version", String.valueOf(version))
			.param("code", ReportContent.SUMMARY).param("body", "<b>đậm</b>, có dấu phẩy")
			.param("obstacleTheme", "FUNDING").param("obstacleText", "Thiếu kinh phí, nhân lực")
			.with(as("cb.stc")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("error", containsString("Chưa lưu")))
			.andExpect(r -> assertThat(((vn.nq57.system.FieldErrors) r.getFlashMap().get(vn.nq57.system.FieldErrors.ATTRIBUTE))
				.messages("s-" + ReportContent.SUMMARY)).anySatisfy(m -> assertThat(m).contains("không được chứa mã HTML")))
			.andExpect(flash().attributeExists("typed"));
		assertThat(reports.rowOf(stcReport).version()).isEqualTo(version);
		mvc.perform(post("/reporting/reports/" + stcReport + "/save").param("version", String.valueOf(version))
			.param("code", ReportContent.SUMMARY).param("body", "Đánh giá, có dấu phẩy")
			.param("obstacleTheme", "").param("obstacleText", "Thiếu kinh phí, nhân lực")
			.with(as("cb.stc")).with(csrf()))
			.andExpect(flash().attribute("flash", "Đã lưu báo cáo"));
		ReportContent c = runAs.user("cb.stc", () -> reports.view(stcReport)).content();
		assertThat(c.section(ReportContent.SUMMARY).body()).isEqualTo("Đánh giá, có dấu phẩy");
		assertThat(c.obstacles()).extracting(ReportContent.Item::text).contains("Thiếu kinh phí, nhân lực");
		assertThat(c.obstacles()).filteredOn(i -> i.text().equals("Thiếu kinh phí, nhân lực"))
			.extracting(ReportContent.Item::theme).containsExactly(ReportTheme.FUNDING);
	}

	@Test
	@DisplayName("consolidated reports: DoST generates and edits, leaders read and download, agencies are refused")
	void consolidatedPages() throws Exception {
		mvc.perform(get("/reporting/consolidated/" + consolidatedId).with(as("lanhdao")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Báo cáo tổng hợp Tháng 10/2026")))
			.andExpect(content().string(not(containsString("Lưu dự thảo"))));
		mvc.perform(get("/reporting/consolidated/" + consolidatedId).with(as("sokhcn")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Lưu dự thảo")));
		mvc.perform(get("/reporting/consolidated/" + consolidatedId + ".docx").with(as("lanhdao")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("wordprocessingml")))
			.andExpect(header().string("Content-Disposition", containsString("bao-cao-tong-hop-2026-10")));
		mvc.perform(get("/reporting/consolidated/" + consolidatedId + ".xlsx").with(as("sokhcn")))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", containsString("spreadsheetml")));
		mvc.perform(get("/reporting/consolidated/" + consolidatedId + ".docx").with(as("cb.stc"))).andExpect(status().isForbidden());
		mvc.perform(post("/reporting/periods/" + regimes.period(regime, "2026-10").id() + "/consolidated").with(as("lanhdao"))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(get("/reporting/periods/" + regimes.period(regime, "2026-10").id()).with(as("sokhcn")))
			.andExpect(status().isOk()).andExpect(content().string(containsString("Lập báo cáo tổng hợp")));
	}

	@Test
	@DisplayName("a period's page lists the agencies that owe its report, those not sent first with a letter to urge them, those sent with a link to their report")
	void periodListsItsAgencies() throws Exception {
		long period = regimes.period(regime, "2026-10").id();
		String page = mvc.perform(get("/reporting/periods/" + period).with(as("sokhcn"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String table = page.substring(page.indexOf("id=\"period-agencies\""), page.indexOf("</table>", page.indexOf("id=\"period-agencies\"")));
		int snv = table.indexOf("Sở Nội vụ");
		int stc = table.indexOf("Sở Tài chính");
		assertThat(snv).as("Sở Nội vụ has not sent: listed").isPositive();
		assertThat(stc).as("Sở Tài chính has sent: listed").isPositive();
		assertThat(snv).as("not sent first").isLessThan(stc);
		assertThat(table).contains("/reporting/reports/" + fx.reportId(regime, "2026-10", "STC"))
			.contains("/urging/letters/new?agency=" + agencyId("SNV"))
			.doesNotContain("/urging/letters/new?agency=" + agencyId("STC"));
		String missing = mvc.perform(get("/reporting/periods/" + period).param("missing", "true").with(as("sokhcn")))
			.andReturn().getResponse().getContentAsString();
		String onlyMissing = missing.substring(missing.indexOf("id=\"period-agencies\""));
		assertThat(onlyMissing.substring(0, onlyMissing.indexOf("</table>"))).contains("Sở Nội vụ").doesNotContain("Sở Tài chính");
		// leaders read the list, without the urging action; agencies are refused
		mvc.perform(get("/reporting/periods/" + period).with(as("lanhdao"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/urging/letters/new"))));
		mvc.perform(get("/reporting/periods/" + period).with(as("cb.stc"))).andExpect(status().isForbidden());
	}

	@Test
	@DisplayName("regimes: DoST and the administrator change them, with a clear message for a date in the past; agencies are refused")
	void regimesPage() throws Exception {
		mvc.perform(get("/reporting/regimes").with(as("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Hạn gửi: trước ngày 10 của tháng sau")));
		mvc.perform(get("/reporting/regimes").with(as("cb.stc"))).andExpect(status().isForbidden());
		mvc.perform(post("/reporting/regimes/" + regime + "/rule").param("validFrom", "01/01/2026").param("dueMonth", "2")
			.param("dueDay", "15").param("dueBefore", "true").param("windowEndMonth", "1").param("windowEndDay", "31")
			.param("graceDays", "10").with(as("sokhcn")).with(csrf()))
			.andExpect(flash().attribute("error", containsString("Chưa lưu")))
			.andExpect(r -> assertThat(beside(r, "validFrom")).contains("trước ngày hôm nay"));
		// a day that cannot be read and the rule's numbers left out: each named beside its field
		mvc.perform(post("/reporting/regimes/" + regime + "/rule").param("validFrom", "31/02/2027").with(as("sokhcn"))
			.with(csrf())).andExpect(status().is3xxRedirection())
			.andExpect(r -> assertThat(beside(r, "validFrom")).contains("“31/02/2027” không hợp lệ"))
			.andExpect(r -> assertThat(beside(r, "dueMonth")).contains("Chưa nhập"));
		mvc.perform(post("/reporting/regimes/" + regime + "/rule").param("validFrom", "01/01/2027").param("dueMonth", "2")
			.param("dueDay", "10").param("dueBefore", "true").param("windowEndMonth", "3").param("windowEndDay", "31")
			.param("graceDays", "10").with(as("sokhcn")).with(csrf()))
			.andExpect(r -> assertThat(beside(r, "windowEndDay")).contains("Ngày chốt số liệu phải trước"));
		mvc.perform(post("/reporting/regimes/" + regime + "/rule").param("validFrom", "01/01/2027").param("dueMonth", "2")
			.param("dueDay", "10").param("dueBefore", "true").param("windowEndMonth", "1").param("windowEndDay", "31")
			.param("graceDays", "10").with(as("cb.stc")).with(csrf())).andExpect(status().isForbidden());
		assertThat(regimes.regime(regime).versions()).hasSize(1);
	}

	/** The messages a refused form's field carries to the page it goes back to. */
	static String beside(org.springframework.test.web.servlet.MvcResult r, String field) {
		vn.nq57.system.FieldErrors f = (vn.nq57.system.FieldErrors) r.getFlashMap().get(vn.nq57.system.FieldErrors.ATTRIBUTE);
		return f == null ? "" : String.join(" ", f.messages(field));
	}
}
