package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;

/**
 * Pages and API, with the same rights: who sees the scoreboard, who enters what, what a refusal says. The class
 * defines its own part of the province's indicator set (codes made unique with a suffix), with the figures of the
 * documents: 5G in the industrial zones of KKT Dung Quất 4/5 and in other zones 1/2 (71,43% overall, computed),
 * 1.526 agencies on the document system, 5G coverage of the population on its way to 60% in 2026, leaders with
 * technical expertise reported by five agencies (Sở VHTTDL's value waiting for its head), the budget's share
 * reported by Sở Tài chính.
 */
@IntegrationTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorWebTest {

	@Autowired MockMvc mvc;
	@Autowired Fixtures fx;
	@Autowired JdbcTemplate jdbc;
	@Autowired vn.nq57.account.UserService users;

	/** The class's indicators: 5G coverage (Sở KH&CN), 5G in zones (computed), leaders' expertise, budget share (Sở Tài chính). */
	String coverage5g;
	String zones5g;
	String kkt5g;
	String kkt;
	String other5g;
	String other;
	String leaders;
	String budget;

	@BeforeAll
	void indicators() {
		String infra = "Hạ tầng số";
		kkt5g = save(entered("HT-KCN-KKT-5G", "Số khu công nghiệp thuộc KKT Dung Quất có sóng 5G", infra, "khu", "YEARLY", "BQLKKT"));
		kkt = save(entered("HT-KCN-KKT", "Số khu công nghiệp thuộc KKT Dung Quất", infra, "khu", "YEARLY", "BQLKKT"));
		other5g = save(entered("HT-KCN-KHAC-5G", "Số khu công nghiệp khác có sóng 5G", infra, "khu", "YEARLY", "BQLKKT"));
		other = save(entered("HT-KCN-KHAC", "Số khu công nghiệp khác", infra, "khu", "YEARLY", "BQLKKT"));
		IndicatorForm ratio = computed("TL-5G-KCN-KKT", "Tỷ lệ khu công nghiệp thuộc KKT Dung Quất có sóng 5G", infra, null, "BQLKKT");
		ratio.setFormulaKind("RATIO");
		ratio.setNumeratorCode(kkt5g);
		ratio.setDenominatorCode(kkt);
		save(ratio);
		zones5g = save(computed("TL-5G-KCN", "Tỷ lệ khu công nghiệp có sóng 5G (toàn tỉnh)", infra,
				"([" + kkt5g + "] + [" + other5g + "]) / ([" + kkt + "] + [" + other + "]) * 100", "BQLKKT"));
		IndicatorForm coverage = entered("HT-5G-DS", "Tỷ lệ dân số được phủ sóng mạng 5G", infra, "%", "QUARTERLY", "SKHCN");
		coverage.setTargets("2026: 60 | Thông báo kết luận ngày 28/01/2026: phủ sóng 60% dân số trong năm 2026");
		coverage5g = save(coverage);
		String offices = save(entered("CQS-QLVB-DV", "Số cơ quan, đơn vị sử dụng Hệ thống Quản lý văn bản và điều hành",
				"Chính quyền số", "cơ quan, đơn vị", "YEARLY", "SKHCN"));
		IndicatorForm expertise = entered("NL-LD-KHKT", "Tỷ lệ cán bộ lãnh đạo có chuyên môn, kinh nghiệm về khoa học kỹ thuật",
				"Nhân lực", "%", "YEARLY", "SNV");
		expertise.setBreakdown("AGENCY");
		expertise.setAggregation("RATIO");
		expertise.setTargets("2030: 25 | Hướng đến tối thiểu 25% (Kế hoạch số 366-KH/TU)");
		expertise.setReporterIds(new ArrayList<>(List.of(fx.agency("SKHCN"), fx.agency("STC"), fx.agency("SNV"),
				fx.agency("BQLKKT"), fx.agency("SVHTTDL"))));
		leaders = save(expertise);
		IndicatorForm share = entered("KP-NS-KHCN", "Tỷ lệ chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
				+ "trên tổng chi ngân sách tỉnh", "Kinh phí", "%", "YEARLY", "STC");
		share.setTargets("2026: 3 | Ít nhất 3% (Kế hoạch năm 2026)");
		budget = save(share);
		// the figures of the 2025 report, recorded by the responsible agencies' heads (approved at once)
		fx.enter("gd.bql", kkt5g, "2025", "4");
		fx.enter("gd.bql", kkt, "2025", "5");
		fx.enter("gd.bql", other5g, "2025", "1");
		fx.enter("gd.bql", other, "2025", "2");
		fx.enter("gd.skhcn", offices, "2025", "1526");
		fx.enter("gd.skhcn", coverage5g, "2026-Q1", "35");
		fx.enter("gd.skhcn", coverage5g, "2026-Q2", "43");
		fx.enter("gd.skhcn", coverage5g, "2026-Q3", "52");
		// leaders' expertise in 2026: each officer enters, the head approves; Sở VHTTDL's waits for its head
		share("cb.skhcn", "gd.skhcn", 2, 4);
		share("cb.stc", "gd.stc", 1, 4);
		share("cb.snv", "gd.snv", 1, 5);
		share("cb.bql", "gd.bql", 2, 5);
		share("cb.svhttdl", null, 1, 4);
	}

	void share(String officer, String head, long num, long den) {
		IndicatorEntry.Result r = fx.enterShare(officer, leaders, "2026", num, den);
		if (head != null) {
			fx.approve(head, r.id());
		}
	}

	String save(IndicatorForm f) {
		return fx.save(f).code();
	}

	IndicatorForm entered(String code, String name, String category, String unit, String frequency, String agency) {
		IndicatorForm f = fx.entered(Fixtures.code(code), unit);
		f.setName(name);
		f.setCategory(category);
		f.setFrequency(frequency);
		f.setResponsibleAgencyId(fx.agency(agency));
		if ("%".equals(unit)) {
			f.setMaxValue("100");
		}
		return f;
	}

	IndicatorForm computed(String code, String name, String category, String expression, String agency) {
		IndicatorForm f = fx.computed(Fixtures.code(code), expression);
		f.setName(name);
		f.setCategory(category);
		f.setFrequency("YEARLY");
		f.setResponsibleAgencyId(fx.agency(agency));
		return f;
	}

	int values(String code) {
		return jdbc.queryForObject("SELECT count(*) FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE i.code = ?",
				Integer.class, code);
	}

	@Test
	@WithUserDetails("lanhdao")
	@DisplayName("a leader sees the scoreboard with the province's figures from the documents")
	void leaderScoreboard() throws Exception {
		mvc.perform(get("/indicators"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bộ chỉ số phục vụ chỉ đạo, điều hành")))
			.andExpect(content().string(containsString("Tỷ lệ khu công nghiệp có sóng 5G (toàn tỉnh)")))
			.andExpect(content().string(containsString("71,43%")))
			.andExpect(content().string(containsString("4/5")))
			.andExpect(content().string(containsString("1.526 cơ quan, đơn vị")))
			.andExpect(content().string(containsString("class=\"spark\"")))
			.andExpect(content().string(containsString("ts ts-ON_TRACK")))
			.andExpect(content().string(not(containsString("<script>"))));
	}

	@Test
	@WithUserDetails("lanhdao")
	@DisplayName("an indicator page: definition, series, breakdown by agency, sources")
	void indicatorPage() throws Exception {
		mvc.perform(get("/indicators/" + leaders))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tỷ lệ: tính lại từ tổng tử số và tổng mẫu số")))
			.andExpect(content().string(containsString("Sở Văn hóa, Thể thao và Du lịch")))
			.andExpect(content().string(containsString("Chờ duyệt")))
			.andExpect(content().string(containsString("data-chart=")))
			.andExpect(content().string(containsString("Năm 2030: 25,00%")));
		mvc.perform(get("/indicators/" + zones5g))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("([" + kkt5g + "] + [" + other5g + "]) / ([" + kkt + "] + [" + other + "]) * 100")))
			.andExpect(content().string(containsString("Số khu công nghiệp thuộc KKT Dung Quất có sóng 5G")));
		mvc.perform(get("/indicators/" + zones5g).param("period", "Quý V/2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("không tồn tại")));
		mvc.perform(get("/indicators/KHONG-CO")).andExpect(status().isNotFound());
	}

	@Test
	@WithUserDetails("cb.stc")
	@DisplayName("an agency's officer is refused the scoreboard and other agencies' indicators, page and API alike")
	void officerRefused() throws Exception {
		mvc.perform(get("/indicators")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/indicators")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value(containsString("bảng chỉ số")));
		mvc.perform(get("/indicators/" + coverage5g)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/indicators/" + coverage5g + "/breakdown")).andExpect(status().isForbidden());
		mvc.perform(get("/indicators/export.xlsx")).andExpect(status().isForbidden());
		mvc.perform(get("/indicators/new")).andExpect(status().isForbidden());
		// its own responsibility is open to it
		mvc.perform(get("/indicators/" + budget)).andExpect(status().isOk());
		mvc.perform(get("/indicators/entry")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Tỷ lệ chi ngân sách cho khoa học")));
	}

	@Test
	@WithUserDetails("lanhdao")
	@DisplayName("a leader does not enter values")
	void leaderDoesNotEnter() throws Exception {
		mvc.perform(get("/indicators/entry")).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/indicators/" + coverage5g + "/values").with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"period\":\"2026-Q3\",\"value\":50}")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value(containsString("nhập số liệu chỉ số")));
	}

	@Test
	@WithUserDetails("cb.stc")
	@DisplayName("API: an officer enters for its own agency; for another agency 403; bad input 400/422; nothing stored")
	void apiEntry() throws Exception {
		Indicator ind = fx.save(fx.share(Fixtures.code("API"), "BQLKKT", "STC"));
		long bql = fx.agency("BQLKKT");
		mvc.perform(post("/api/v1/indicators/" + ind.code() + "/values").with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"agencyId\":" + bql + ",\"period\":\"2026\",\"numerator\":4,\"denominator\":5}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.message").value(containsString("cơ quan, đơn vị khác")));
		mvc.perform(post("/api/v1/indicators/" + ind.code() + "/values").with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"period\":\"2026\",\"numerator\":\"bốn\",\"denominator\":5}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("phải là số JSON")));
		mvc.perform(post("/api/v1/indicators/" + ind.code() + "/values").with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"period\":\"2026-13\",\"numerator\":1,\"denominator\":2}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(containsString("không tồn tại")));
		mvc.perform(post("/api/v1/indicators/" + ind.code() + "/values").with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"period\":\"2026\",\"numerator\":3,\"denominator\":2}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.message").value(containsString("lớn hơn mẫu số")));
		assertThat(values(ind.code())).isZero();
		mvc.perform(post("/api/v1/indicators/" + ind.code() + "/values").with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"period\":\"2026\",\"numerator\":1,\"denominator\":2,\"sourceNote\":\"Báo cáo nhân sự\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("DRAFT"));
		assertThat(values(ind.code())).isEqualTo(1);
		mvc.perform(get("/api/v1/indicators/" + ind.code() + "/values"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].value").value(50.0))
			.andExpect(jsonPath("$[0].period").value("2026"));
		mvc.perform(get("/api/v1/indicators/" + ind.code() + "/values").param("agency", String.valueOf(bql)))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("lanhdao")
	@DisplayName("API breakdown: the province's 5/7 and each agency's own share")
	void apiBreakdown() throws Exception {
		Indicator ind = fx.save(fx.share(Fixtures.code("BRK"), "BQLKKT", "STC", "SNV"));
		fx.enterShare("gd.bql", ind.code(), "2026", 4, 5);
		fx.enterShare("gd.stc", ind.code(), "2026", 1, 2);
		mvc.perform(get("/api/v1/indicators/" + ind.code() + "/breakdown").param("period", "2026"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.provinceValue").value(71.428571))
			.andExpect(jsonPath("$.provinceNumerator").value(5.0))
			.andExpect(jsonPath("$.provinceDenominator").value(7.0))
			.andExpect(jsonPath("$.reported").value(2))
			.andExpect(jsonPath("$.expected").value(3))
			.andExpect(jsonPath("$.agencies[0].value").value(80.0))
			.andExpect(jsonPath("$.agencies[2].state").value("MISSING"));
		mvc.perform(get("/api/v1/indicators/" + ind.code())).andExpect(status().isOk())
			.andExpect(jsonPath("$.series[0].value").value(71.428571));
		mvc.perform(get("/api/v1/indicators")).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == '" + zones5g + "')].value").value(71.428571));
	}

	@Test
	@WithUserDetails("cb.stc")
	@DisplayName("the data-entry form: text in a number field is shown back with a message, nothing stored")
	void entryForm() throws Exception {
		Indicator ind = fx.save(fx.share(Fixtures.code("FORM"), "STC"));
		mvc.perform(post("/indicators/entry/" + ind.code()).with(csrf()).param("period", "2026").param("numerator", "abc")
			.param("denominator", "5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tử số: “abc” không phải là số")))
			.andExpect(content().string(containsString("chưa lưu số liệu nào")))
			.andExpect(content().string(containsString("value=\"abc\"")));
		assertThat(values(ind.code())).isZero();
		MockMultipartFile pdf = new MockMultipartFile("file", "bao-cao.pdf", "application/pdf",
				"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes());
		mvc.perform(multipart("/indicators/entry/" + ind.code()).file(pdf).with(csrf()).param("period", "2026")
			.param("numerator", "1").param("denominator", "4").param("sourceNote", "Theo báo cáo tổ chức cán bộ"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/indicators/entry/" + ind.code() + "?period=2026"));
		assertThat(values(ind.code())).isEqualTo(1);
		Long fileId = jdbc.queryForObject("SELECT v.file_id FROM indicator_value v WHERE v.indicator_id = ?", Long.class, ind.id());
		mvc.perform(get("/indicators/files/" + fileId)).andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	@WithUserDetails("cb.bql")
	@DisplayName("another agency's file is refused")
	void otherAgencysFile() throws Exception {
		Long fileId = jdbc.query("SELECT id FROM indicator_file f WHERE f.agency_id = (SELECT id FROM agency WHERE code = 'STC') LIMIT 1",
				rs -> rs.next() ? rs.getLong(1) : null);
		if (fileId == null) {
			Indicator ind = fx.save(fx.share(Fixtures.code("FILE"), "STC"));
			fileId = jdbc.queryForObject("""
					INSERT INTO indicator_file(indicator_id, agency_id, filename, content_type, size_bytes, sha256, data, uploaded_by, uploaded_at)
					VALUES (?, (SELECT id FROM agency WHERE code = 'STC'), 'x.pdf', 'application/pdf', 1, 'x', 'x'::bytea, 1, now())
					RETURNING id""", Long.class, ind.id());
		}
		mvc.perform(get("/indicators/files/" + fileId)).andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("sokhcn")
	@DisplayName("DoST's definition form: a cycle is shown back with the message, nothing stored; a good one is saved")
	void definitionForm() throws Exception {
		String code = Fixtures.code("WEBSELF");
		mvc.perform(post("/indicators").with(csrf()).param("code", code).param("name", "Chỉ số tự tham chiếu")
			.param("unit", "%").param("kind", "COMPUTED").param("formulaKind", "EXPRESSION")
			.param("expression", "[" + code + "] * 2").param("direction", "HIGHER").param("frequency", "YEARLY")
			.param("breakdown", "PROVINCE").param("responsibleAgencyId", String.valueOf(fx.agency("SKHCN"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("tham chiếu chính nó")));
		assertThat(fx.catalog.find(code)).isEmpty();
		mvc.perform(post("/indicators").with(csrf()).param("code", code).param("name", "Số hệ thống kết nối LGSP (kiểm thử)")
			.param("unit", "hệ thống").param("kind", "ENTERED").param("aggregation", "SUM").param("direction", "HIGHER")
			.param("frequency", "YEARLY").param("breakdown", "PROVINCE").param("targets", "2026: 40\n2030: 60")
			.param("responsibleAgencyId", String.valueOf(fx.agency("SKHCN"))))
			.andExpect(status().is3xxRedirection());
		assertThat(fx.catalog.get(code).targets()).hasSize(2);
		mvc.perform(get("/indicators/" + code + "/edit")).andExpect(status().isOk())
			.andExpect(content().string(containsString("2030: 60")));
	}

	@Test
	@WithUserDetails("lanhdao")
	@DisplayName("the Excel export opens with POI")
	void exportXlsx() throws Exception {
		// with the class's ten, more than twenty indicators of the class's own in the file
		for (int i = 1; i <= 11; i++) {
			save(entered("XLSX", "Chỉ số kiểm thử xuất Excel " + i, "Kiểm thử", "điểm", "YEARLY", "SKHCN"));
		}
		byte[] file = mvc.perform(get("/indicators/export.xlsx")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			assertThat(wb.getSheet("Chỉ số").getLastRowNum()).isGreaterThan(20);
			assertThat(wb.getSheet("Chỉ tiêu")).isNotNull();
		}
	}

	@Test
	@WithUserDetails("lanhdao")
	@DisplayName("the API is documented")
	void openApi() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/indicators/{code}/breakdown")))
			.andExpect(content().string(containsString("Bộ chỉ số")));
	}

	@Test
	@DisplayName("a script with an agency head's token enters and approves at once; the IOC's leader token reads the scoreboard")
	void bearerToken() throws Exception {
		Indicator ind = fx.save(fx.share(Fixtures.code("TOKEN"), "STC"));
		String head = users.issueApiToken(users.findByUsername("gd.stc").orElseThrow().getId());
		mvc.perform(post("/api/v1/indicators/" + ind.code() + "/values").header("Authorization", "Bearer " + head)
			.contentType(MediaType.APPLICATION_JSON).content("{\"period\":\"2026\",\"numerator\":1,\"denominator\":4}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("APPROVED"));
		String leader = users.issueApiToken(users.findByUsername("lanhdao").orElseThrow().getId());
		mvc.perform(get("/api/v1/indicators/" + ind.code()).header("Authorization", "Bearer " + leader))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.series[0].value").value(25.0));
		mvc.perform(get("/api/v1/indicators").header("Authorization", "Bearer " + head)).andExpect(status().isForbidden());
	}
}
