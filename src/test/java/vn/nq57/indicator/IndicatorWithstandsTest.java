package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.nq57.IntegrationTest;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;

/**
 * The issue's "what it must withstand", through the screens and the Excel import as well as the services: a
 * formula that refers to itself or to a missing indicator, division by zero, text in a number field, a value
 * for a period that does not exist, an agency entering for another — a clear message, nothing stored.
 */
@IntegrationTest
@AutoConfigureMockMvc
class IndicatorWithstandsTest {

	@Autowired MockMvc mvc;
	@Autowired Fixtures fx;
	@Autowired JdbcTemplate jdbc;
	@Autowired AuditLog audit;
	@Autowired IndicatorExcel excel;

	int values(Indicator ind) {
		return jdbc.queryForObject("SELECT count(*) FROM indicator_value WHERE indicator_id = ?", Integer.class, ind.id())
				+ jdbc.queryForObject("SELECT count(*) FROM indicator_rollup WHERE indicator_id = ?", Integer.class, ind.id());
	}

	MockHttpServletRequestBuilder definition(String code, String expression) {
		return post("/indicators").with(csrf()).param("code", code).param("name", "Chỉ số kiểm thử " + code)
			.param("unit", "%").param("kind", "COMPUTED").param("formulaKind", "EXPRESSION").param("expression", expression)
			.param("direction", "HIGHER").param("frequency", "QUARTERLY").param("breakdown", "PROVINCE")
			.param("responsibleAgencyId", String.valueOf(fx.agency("SKHCN")));
	}

	@ParameterizedTest(name = "“{1}” → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			SELF    | [@] * 2                  | tham chiếu chính nó
			MISSING | [KHONG-CO-CHI-SO] / 2    | không tồn tại: [KHONG-CO-CHI-SO]
			ZERO    | [E] / (5 - 5)            | chia cho 0
			TEXT    | [E] / hai                | hai
			""")
	@WithUserDetails("sokhcn")
	@DisplayName("DoST's definition form: a bad formula is shown back with the message, nothing stored")
	void definitionForm(String kind, String expression, String message) throws Exception {
		Indicator e = fx.save(fx.entered(Fixtures.code("E"), "%"));
		String code = Fixtures.code("WF" + kind);
		String expr = expression.replace("@", code).replace("[E]", "[" + e.code() + "]");
		mvc.perform(definition(code, expr))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(message)))
			.andExpect(content().string(containsString(org.springframework.web.util.HtmlUtils.htmlEscape(expr))));
		assertThat(fx.catalog.find(code)).isEmpty();
	}

	@Test
	@WithUserDetails("sokhcn")
	@DisplayName("DoST's definition form: text in the baseline or a target is refused, nothing stored")
	void definitionNumbers() throws Exception {
		String code = Fixtures.code("WN");
		mvc.perform(post("/indicators").with(csrf()).param("code", code).param("name", "Chỉ số kiểm thử")
			.param("unit", "TB").param("kind", "ENTERED").param("aggregation", "SUM").param("direction", "HIGHER")
			.param("frequency", "YEARLY").param("breakdown", "PROVINCE").param("baselineValue", "một trăm")
			.param("baselineYear", "2025").param("targets", "2026: nhiều")
			.param("responsibleAgencyId", String.valueOf(fx.agency("SKHCN"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("một trăm")))
			.andExpect(content().string(containsString("nhiều")));
		assertThat(fx.catalog.find(code)).isEmpty();
	}

	@Test
	@WithUserDetails("sokhcn")
	@DisplayName("editing a formula so that it refers to itself is refused; the indicator keeps its formula")
	void editToSelf() throws Exception {
		Indicator e = fx.save(fx.entered(Fixtures.code("E"), "%"));
		Indicator c = fx.save(fx.computed(Fixtures.code("WE"), "[" + e.code() + "] / 2"));
		IndicatorForm f = IndicatorForms.toForm(c);
		mvc.perform(post("/indicators/" + c.code()).with(csrf()).param("code", c.code()).param("name", c.name())
			.param("unit", "%").param("kind", "COMPUTED").param("formulaKind", "EXPRESSION")
			.param("expression", "[" + c.code() + "] + [" + e.code() + "]").param("direction", "HIGHER")
			.param("frequency", f.getFrequency()).param("breakdown", "PROVINCE").param("version", String.valueOf(f.getVersion()))
			.param("responsibleAgencyId", String.valueOf(fx.agency("SKHCN"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("tham chiếu chính nó")));
		assertThat(fx.catalog.get(c.code()).formulaText()).isEqualTo("[" + e.code() + "] / 2");
	}

	@ParameterizedTest(name = "period “{0}” → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Quý V/2026 | Quý I đến Quý IV
			13/2026    | không tồn tại
			2026-Q0    | không tồn tại
			30/02/2026 | không tồn tại
			2027-Q1    | chưa bắt đầu
			""")
	@WithUserDetails("gd.skhcn")
	@DisplayName("the data-entry form: a period that does not exist is shown back with the message, nothing stored")
	void periodThatDoesNotExist(String period, String message) throws Exception {
		Indicator ind = fx.save(fx.entered(Fixtures.code("WP"), "%"));
		mvc.perform(post("/indicators/entry/" + ind.code()).with(csrf()).param("period", period).param("value", "50"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(message)))
			.andExpect(content().string(containsString("chưa lưu số liệu nào")));
		assertThat(values(ind)).isZero();
	}

	@Test
	@WithUserDetails("cb.stc")
	@DisplayName("the data-entry form: an officer posting for another agency is refused (403, audited), nothing stored")
	void agencyForAnotherThroughTheForm() throws Exception {
		Indicator ind = fx.save(fx.share(Fixtures.code("WA"), "BQLKKT", "STC"));
		long before = audit.count("ACCESS_DENIED", "INDICATOR_VALUE", ind.id());
		mvc.perform(post("/indicators/entry/" + ind.code()).with(csrf()).param("agencyId", String.valueOf(fx.agency("BQLKKT")))
			.param("period", "2026").param("numerator", "4").param("denominator", "5"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("cơ quan, đơn vị khác")));
		assertThat(audit.count("ACCESS_DENIED", "INDICATOR_VALUE", ind.id())).isEqualTo(before + 1);
		assertThat(values(ind)).isZero();
	}

	@Test
	@WithUserDetails("cb.stc")
	@DisplayName("the data-entry form: a zero denominator is refused with the message, nothing stored")
	void zeroDenominatorThroughTheForm() throws Exception {
		Indicator ind = fx.save(fx.share(Fixtures.code("WZ"), "STC"));
		mvc.perform(post("/indicators/entry/" + ind.code()).with(csrf()).param("period", "2026").param("numerator", "0")
			.param("denominator", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mẫu số bằng 0")));
		assertThat(values(ind)).isZero();
	}

	/** The export of {@code e} with a row per expression appended (baselines as given, null: none). */
	byte[] workbook(Indicator e, List<String> codes, List<String> expressions, List<String> baselines) throws Exception {
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(excel.export(List.of(e))));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet s = wb.getSheet(IndicatorExcel.SHEET_INDICATORS);
			for (int k = 0; k < codes.size(); k++) {
				Row r = s.createRow(s.getLastRowNum() + 1);
				r.createCell(IndicatorExcel.Col.CODE.ordinal()).setCellValue(codes.get(k));
				r.createCell(IndicatorExcel.Col.NAME.ordinal()).setCellValue("Chỉ số lỗi " + k);
				r.createCell(IndicatorExcel.Col.UNIT.ordinal()).setCellValue("%");
				r.createCell(IndicatorExcel.Col.KIND.ordinal()).setCellValue("Tính theo công thức");
				r.createCell(IndicatorExcel.Col.FORMULA_KIND.ordinal()).setCellValue("Biểu thức");
				r.createCell(IndicatorExcel.Col.EXPRESSION.ordinal()).setCellValue(expressions.get(k));
				r.createCell(IndicatorExcel.Col.DIRECTION.ordinal()).setCellValue("Cao hơn là tốt");
				r.createCell(IndicatorExcel.Col.FREQUENCY.ordinal()).setCellValue("Hằng quý");
				r.createCell(IndicatorExcel.Col.RESPONSIBLE.ordinal()).setCellValue("SKHCN");
				r.createCell(IndicatorExcel.Col.BREAKDOWN.ordinal()).setCellValue("Toàn tỉnh (một số liệu)");
				if (baselines.get(k) != null) {
					r.createCell(IndicatorExcel.Col.BASELINE_VALUE.ordinal()).setCellValue(baselines.get(k));
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	@Test
	@DisplayName("an Excel import with a division by zero, text in a number column, or a self-referring formula stores nothing and says which row")
	void excelImport() throws Exception {
		Indicator e = fx.save(fx.entered(Fixtures.code("E"), "%"));
		List<String> codes = List.of(Fixtures.code("XZERO"), Fixtures.code("XTEXT"));
		byte[] bad = workbook(e, codes, List.of("[" + e.code() + "] / (2 - 2)", "[" + e.code() + "] / 2"),
				java.util.Arrays.asList(null, "bảy mươi"));
		assertThatThrownBy(() -> fx.runAs.user("sokhcn", () -> excel.importFrom(new ByteArrayInputStream(bad))))
			.isInstanceOf(DomainException.class).hasMessageContaining("chưa nhập chỉ số nào")
			.hasMessageContaining("Dòng 3 (" + codes.get(0) + ")").hasMessageContaining("chia cho 0")
			.hasMessageContaining("Dòng 4 (" + codes.get(1) + ")").hasMessageContaining("“bảy mươi” không phải là số");
		codes.forEach(c -> assertThat(fx.catalog.find(c)).isEmpty());
		// references are checked over the whole file once every row reads, each wrong formula named at once
		String self = Fixtures.code("XSELF");
		String other = Fixtures.code("XMISS");
		byte[] selfRef = workbook(e, List.of(self, other), List.of("[" + self + "] + 1", "[KHONG-CO-TRONG-TEP] * 2"),
				java.util.Arrays.asList(null, null));
		assertThatThrownBy(() -> fx.runAs.user("sokhcn", () -> excel.importFrom(new ByteArrayInputStream(selfRef))))
			.isInstanceOf(DomainException.class).hasMessageContaining("chưa nhập chỉ số nào")
			.hasMessageContaining("Công thức của chỉ số “" + self + "” tham chiếu chính nó")
			.hasMessageContaining("Công thức của chỉ số “" + other + "” tham chiếu chỉ số không tồn tại: [KHONG-CO-TRONG-TEP]");
		assertThat(fx.catalog.find(self)).isEmpty();
		assertThat(fx.catalog.find(other)).isEmpty();
		assertThat(fx.catalog.find(e.code())).isPresent();
	}

	@Test
	@WithUserDetails("cb.stc")
	@DisplayName("the data-entry form: two numbers that cannot be read, both refused at once, each beside its field, as typed")
	void unreadableNumbersBesideTheirFields() throws Exception {
		Indicator ind = fx.save(fx.share(Fixtures.code("WB"), "STC"));
		String html = mvc.perform(post("/indicators/entry/" + ind.code()).with(csrf()).param("period", "2026")
			.param("numerator", "năm mươi").param("denominator", "1.2.3,4,5")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
		assertThat(page.getElementById("numerator").val()).isEqualTo("năm mươi");
		assertThat(page.getElementById("numerator").parent().select(".field-error").text()).startsWith("Tử số: “năm mươi”");
		assertThat(page.getElementById("denominator").val()).isEqualTo("1.2.3,4,5");
		assertThat(page.getElementById("denominator").parent().select(".field-error").text()).startsWith("Mẫu số:");
		assertThat(values(ind)).isZero();
	}
}
