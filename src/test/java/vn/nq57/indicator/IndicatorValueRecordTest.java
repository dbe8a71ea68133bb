package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import vn.nq57.IntegrationTest;
import vn.nq57.system.AppClock;

/** An indicator's values as a workbook, and the history of every change of them on the indicator page. */
@IntegrationTest
@AutoConfigureMockMvc
class IndicatorValueRecordTest {

	@Autowired MockMvc mvc;
	@Autowired Fixtures fx;
	@Autowired AppClock clock;
	@Autowired IndicatorHistory history;

	@AfterEach
	void backToToday() {
		clock.fixAt(LocalDate.of(2026, 11, 22));
	}

	/** A share reported by Sở Tài chính and Sở KH&CN: 2025 4/5 (STC only; SKHCN's 1/4 waits), 2026 4/5 + 1/2 = 5/7. */
	Indicator shareWithValues() {
		IndicatorForm f = fx.share(Fixtures.code("XLS"), "STC", "SKHCN");
		f.setTargets("2026: 90");
		Indicator ind = fx.save(f);
		fx.runAs.user("gd.stc", () -> fx.entry.enter(ind.code(), new IndicatorEntry.Submission(null, "2025", null,
				java.math.BigDecimal.valueOf(4), java.math.BigDecimal.valueOf(5), "Báo cáo số 12/BC-STC", null), null));
		fx.enterShare("gd.stc", ind.code(), "2026", 4, 5);
		fx.enterShare("cb.skhcn", ind.code(), "2025", 1, 4);
		long v = fx.enterShare("cb.skhcn", ind.code(), "2026", 1, 2).id();
		fx.approve("gd.skhcn", v);
		return ind;
	}

	static List<String> texts(Row row) {
		DataFormatter fmt = new DataFormatter();
		List<String> out = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			Cell cell = row.getCell(c);
			out.add(cell == null ? "" : fmt.formatCellValue(cell));
		}
		return out;
	}

	static Row find(Sheet s, int col, String... texts) {
		for (Row r : s) {
			List<String> t = texts(r);
			if (t.size() > col && java.util.Arrays.stream(texts).allMatch(t::contains)) {
				return r;
			}
		}
		throw new AssertionError("no row with " + List.of(texts) + " in " + s.getSheetName());
	}

	@Test
	@WithUserDetails("lanhdao")
	@DisplayName("the values export reads back with POI: province per period with status, agencies × periods, every value with its state and source")
	void valuesExport() throws Exception {
		Indicator ind = shareWithValues();
		byte[] file = mvc.perform(get("/indicators/" + ind.code() + "/values.xlsx"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet province = wb.getSheet(IndicatorValuesExcel.SHEET_PROVINCE);
			assertThat(province.getRow(0).getCell(0).getStringCellValue()).contains(ind.code());
			Row y2026 = find(province, 0, "Năm 2026");
			assertThat(y2026.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(y2026.getCell(3).getNumericCellValue()).isCloseTo(71.4286, org.assertj.core.data.Offset.offset(0.0001));
			assertThat(y2026.getCell(4).getNumericCellValue()).isEqualTo(5);
			assertThat(y2026.getCell(5).getNumericCellValue()).isEqualTo(7);
			assertThat(y2026.getCell(6).getNumericCellValue()).isEqualTo(2);
			assertThat(y2026.getCell(7).getNumericCellValue()).isEqualTo(90);
			assertThat(texts(y2026)).contains("01/01/2026", "31/12/2026");
			assertThat(y2026.getCell(9).getStringCellValue()).isNotBlank();
			Row y2025 = find(province, 0, "Năm 2025");
			assertThat(y2025.getCell(3).getNumericCellValue()).isEqualTo(80);
			assertThat(y2025.getCell(6).getNumericCellValue()).isEqualTo(1);

			Sheet pivot = wb.getSheet(IndicatorValuesExcel.SHEET_PIVOT);
			assertThat(texts(pivot.getRow(0))).containsExactly("Mã cơ quan", "Cơ quan, đơn vị", "Năm 2025", "Năm 2026");
			Row stc = find(pivot, 0, "STC");
			assertThat(stc.getCell(2).getNumericCellValue()).isEqualTo(80);
			assertThat(stc.getCell(3).getNumericCellValue()).isEqualTo(80);
			Row skhcn = find(pivot, 0, "SKHCN");
			assertThat(skhcn.getCell(2)).as("a value waiting for the head is not an approved figure").isNull();
			assertThat(skhcn.getCell(3).getNumericCellValue()).isEqualTo(50);

			Sheet detail = wb.getSheet(IndicatorValuesExcel.SHEET_DETAIL);
			assertThat(texts(detail.getRow(0))).containsExactly(IndicatorValuesExcel.DETAIL_HEADERS);
			assertThat(detail.getLastRowNum()).isEqualTo(4);
			Row waiting = find(detail, 0, "Năm 2025", "SKHCN");
			assertThat(waiting.getCell(3).getNumericCellValue()).isEqualTo(25);
			assertThat(waiting.getCell(4).getNumericCellValue()).isEqualTo(1);
			assertThat(waiting.getCell(5).getNumericCellValue()).isEqualTo(4);
			assertThat(waiting.getCell(6).getStringCellValue()).isEqualTo("Chờ thủ trưởng duyệt");
			assertThat(waiting.getCell(7)).isNull();
			assertThat(waiting.getCell(9).getStringCellValue()).isEqualTo("22/11/2026 09:00");
			Row sourced = find(detail, 0, "Năm 2025", "STC");
			assertThat(sourced.getCell(6).getStringCellValue()).isEqualTo("Đã duyệt");
			assertThat(sourced.getCell(7).getNumericCellValue()).isEqualTo(80);
			assertThat(sourced.getCell(13).getStringCellValue()).isEqualTo("Báo cáo số 12/BC-STC");
			assertThat(sourced.getCell(10).getStringCellValue()).isNotBlank();
		}
		mvc.perform(get("/indicators/" + ind.code())).andExpect(content().string(containsString("/values.xlsx")));
	}

	@Test
	@WithUserDetails("cb.stc")
	@DisplayName("an officer of an agency that is not responsible for the indicator cannot export its values")
	void exportRefused() throws Exception {
		Indicator ind = fx.save(fx.share(Fixtures.code("XLR"), "STC", "SKHCN"));
		mvc.perform(get("/indicators/" + ind.code() + "/values.xlsx")).andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("lanhdao")
	@DisplayName("the indicator page shows every change of the period's values: who, when, before → after, approval and return")
	void historyOnThePage() throws Exception {
		Indicator ind = fx.save(fx.share(Fixtures.code("HIS"), "STC", "SKHCN"));
		clock.fixAt(LocalDate.of(2026, 3, 2));
		long v = fx.enterShare("cb.skhcn", ind.code(), "2026", 1, 2).id();
		clock.fixAt(LocalDate.of(2026, 3, 5));
		fx.approve("gd.skhcn", v);
		clock.fixAt(LocalDate.of(2026, 4, 7));
		fx.runAs.user("sokhcn", () -> fx.entry.returnValue(v, "Mẫu số chưa gồm đơn vị trực thuộc"));
		clock.fixAt(LocalDate.of(2026, 4, 9));
		fx.enterShare("cb.skhcn", ind.code(), "2026", 1, 3);
		clock.fixAt(LocalDate.of(2026, 11, 22));

		List<IndicatorHistory.Change> changes = history.changes(ind, Period.parse(Frequency.YEARLY, "2026"), null);
		assertThat(changes).extracting(IndicatorHistory.Change::action)
			.containsExactly("Sửa số liệu", "Sở KH&CN trả lại", "Thủ trưởng duyệt", "Nhập số liệu");
		IndicatorHistory.Change corrected = changes.get(0);
		assertThat(corrected.before()).isEqualTo("1/2 = 50,00% · Sở KH&CN trả lại");
		assertThat(corrected.after()).isEqualTo("1/3 = 33,33% · Chờ thủ trưởng duyệt");
		assertThat(corrected.agencyName()).isEqualTo("Sở Khoa học và Công nghệ");
		IndicatorHistory.Change returned = changes.get(1);
		assertThat(returned.before()).isEqualTo("1/2 = 50,00% · Đã duyệt");
		assertThat(returned.note()).isEqualTo("Lý do: Mẫu số chưa gồm đơn vị trực thuộc");
		assertThat(changes.get(3).before()).isEqualTo("–");

		mvc.perform(get("/indicators/" + ind.code()).param("period", "2026"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lịch sử thay đổi số liệu Năm 2026")))
			.andExpect(content().string(containsString("07/04/2026 09:00")))
			.andExpect(content().string(containsString("Sở KH&amp;CN trả lại")))
			.andExpect(content().string(containsString("1/2 = 50,00% · Đã duyệt")))
			.andExpect(content().string(containsString("Lý do: Mẫu số chưa gồm đơn vị trực thuộc")))
			.andExpect(content().string(containsString("historyOf=")));
		long stc = fx.agency("STC");
		mvc.perform(get("/indicators/" + ind.code()).param("period", "2026").param("historyOf", String.valueOf(stc)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Chưa có thay đổi nào của số liệu kỳ này")))
			.andExpect(content().string(not(containsString("07/04/2026 09:00"))));
	}
}
