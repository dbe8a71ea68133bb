package vn.nq57.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;
import vn.nq57.indicator.IndicatorTestValues;
import vn.nq57.reporting.ConsolidatedReportService.Consolidated;
import vn.nq57.reporting.ConsolidatedReportService.DocSection;

/** Indicator values due in the period join the agency's report and the consolidated report. */
@IntegrationTest
@AutoConfigureMockMvc
class ReportIndicatorsTest {

	@Autowired ReportingFixtures fx;
	@Autowired IndicatorTestValues indicators;
	@Autowired PeriodicReportService reports;
	@Autowired ConsolidatedReportService consolidated;
	@Autowired RegimeService regimes;
	@Autowired RunAs runAs;
	@Autowired MockMvc mvc;
	@Autowired UserService users;

	private static List<IndicatorValue> ours(ReportContent c, String code) {
		return c.indicators().stream().filter(v -> v.code().equals(code)).toList();
	}

	@Test
	@DisplayName("Sở Tài chính's approved October value is pre-filled in its October report; Sở Nội vụ, with none, sees it flagged missing; DoST's consolidated report lists both under \"Các chỉ số\"")
	void indicatorValuesInReports() throws Exception {
		String code = indicators.monthlyShare("RPT-IND", 2026, "80", "STC", "SNV");
		indicators.share("cb.stc", "gd.stc", code, "10/2026", 3, 4);
		long regime = fx.monthlyRegime(LocalDate.of(2026, 10, 1), "STC", "SNV");
		long stc = fx.reportId(regime, "2026-10", "STC");
		long snv = fx.reportId(regime, "2026-10", "SNV");
		fx.as("cb.stc", LocalDate.of(2026, 11, 5), () -> reports.start(stc));
		fx.as("cb.snv", LocalDate.of(2026, 11, 5), () -> reports.start(snv));

		ReportContent mine = runAs.user("cb.stc", () -> reports.view(stc)).content();
		assertThat(ours(mine, code)).singleElement().satisfies(v -> {
			assertThat(v.periodLabel()).isEqualTo("Tháng 10/2026");
			assertThat(v.value()).isEqualByComparingTo("75");
			assertThat(v.numerator()).isEqualByComparingTo("3");
			assertThat(v.denominator()).isEqualByComparingTo("4");
			assertThat(v.state()).isEqualTo("APPROVED");
			assertThat(v.missing()).isFalse();
			assertThat(v.valueText()).isEqualTo("3/4 = 75%");
			assertThat(v.targetText()).isEqualTo("80% (năm 2026)");
			assertThat(v.dueDate()).isEqualTo(LocalDate.of(2026, 11, 10));
		});
		ReportContent theirs = runAs.user("cb.snv", () -> reports.view(snv)).content();
		assertThat(ours(theirs, code)).singleElement().satisfies(v -> {
			assertThat(v.value()).isNull();
			assertThat(v.missing()).isTrue();
			assertThat(v.state()).isEqualTo("MISSING");
			assertThat(v.stateLabel()).isEqualTo("chưa có số liệu");
		});

		mvc.perform(get("/reporting/reports/" + stc).with(user(users.loadUserByUsername("cb.stc"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("V. Các chỉ số")))
			.andExpect(content().string(containsString("Chỉ số kiểm thử " + code)))
			.andExpect(content().string(containsString("3/4 = 75%")))
			.andExpect(content().string(containsString("80% (năm 2026)")));
		mvc.perform(get("/reporting/reports/" + snv).with(user(users.loadUserByUsername("cb.snv"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"ind-missing\"")))
			.andExpect(content().string(containsString("Chưa có số liệu")))
			.andExpect(content().string(containsString("chỉ số chưa có số liệu trong kỳ")));

		// both send; DoST merges: the value attributed to who reported it, the missing one named
		fx.send(regime, "2026-10", "STC", "cb.stc", "gd.stc", LocalDate.of(2026, 11, 6), "Sở Tài chính – chỉ số");
		fx.send(regime, "2026-10", "SNV", "cb.snv", "gd.snv", LocalDate.of(2026, 11, 6), "Sở Nội vụ – chỉ số");
		long id = runAs.user("sokhcn", () -> consolidated.generate(regimes.period(regime, "2026-10").id()));
		Consolidated c = runAs.user("sokhcn", () -> consolidated.get(id));
		DocSection section = c.sections().stream().filter(s -> s.heading() != null && s.heading().endsWith(". Các chỉ số"))
			.findFirst().orElseThrow();
		assertThat(section.body()).contains("- Chỉ số kiểm thử " + code + " (Tháng 10/2026; chỉ tiêu 80% (năm 2026)): "
				+ "Sở Nội vụ chưa có số liệu; Sở Tài chính 3/4 = 75%.");
		assertThat(section.body()).contains("số liệu chỉ số chưa được cập nhật");
		assertThat(c.data().indicators()).filteredOn(l -> l.value().code().equals(code))
			.extracting(ConsolidatedData.IndicatorLine::agency).containsExactly("Sở Nội vụ", "Sở Tài chính");

		byte[] xlsx = runAs.user("sokhcn", () -> consolidated.xlsx(id));
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = wb.getSheet("Chỉ số");
			assertThat(sheet).isNotNull();
			Row stcRow = null;
			for (Row r : sheet) {
				if (code.equals(r.getCell(0).getStringCellValue()) && "Sở Tài chính".equals(r.getCell(9).getStringCellValue())) {
					stcRow = r;
				}
			}
			assertThat(stcRow).isNotNull();
			assertThat(stcRow.getCell(4).getNumericCellValue()).isEqualTo(75.0);
			assertThat(stcRow.getCell(7).getNumericCellValue()).isEqualTo(80.0);
			assertThat(stcRow.getCell(10).getStringCellValue()).isEqualTo("đã duyệt");
		}
	}
}
