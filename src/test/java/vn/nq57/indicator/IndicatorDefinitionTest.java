package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import vn.nq57.IntegrationTest;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;

/** Definitions: what DoST may store, and the Excel file in and out. */
@IntegrationTest
class IndicatorDefinitionTest {

	@Autowired Fixtures fx;
	@Autowired IndicatorCatalog catalog;
	@Autowired IndicatorExcel excel;
	@Autowired JdbcTemplate jdbc;
	@Autowired AuditLog audit;

	boolean exists(String code) {
		return catalog.find(code).isPresent();
	}

	@Test
	@DisplayName("a formula that refers to itself is refused, nothing stored")
	void selfReference() {
		String code = Fixtures.code("SELF");
		assertThatThrownBy(() -> fx.save(fx.computed(code, "[" + code + "] + 1")))
			.isInstanceOf(DomainException.class).hasMessageContaining("tham chiếu chính nó");
		assertThat(exists(code)).isFalse();
	}

	@Test
	@DisplayName("a formula that closes a cycle through other indicators is refused; the indicator keeps its formula")
	void cycle() {
		String e = Fixtures.code("E");
		fx.save(fx.entered(e, "%"));
		Indicator c = fx.save(fx.computed(Fixtures.code("C"), "[" + e + "] * 2"));
		Indicator d = fx.save(fx.computed(Fixtures.code("D"), "[" + c.code() + "] + 1"));
		assertThatThrownBy(() -> fx.update(c, f -> f.setExpression("[" + d.code() + "] * 2")))
			.isInstanceOf(DomainException.class).hasMessageContaining("vòng lặp")
			.hasMessageContaining(c.code() + " → " + d.code() + " → " + c.code());
		assertThat(catalog.get(c.code()).formulaText()).isEqualTo("[" + e + "] * 2");
		assertThat(audit.count("INDICATOR_UPDATED", "INDICATOR", c.id())).isZero();
	}

	@Test
	@DisplayName("a formula over a missing indicator is refused")
	void missingInput() {
		String code = Fixtures.code("MISS");
		assertThatThrownBy(() -> fx.save(fx.computed(code, "[KHONG-CO-CHI-SO-NAY] / 2")))
			.isInstanceOf(DomainException.class).hasMessageContaining("không tồn tại: [KHONG-CO-CHI-SO-NAY]");
		assertThat(exists(code)).isFalse();
	}

	@Test
	@DisplayName("a formula dividing by zero is refused")
	void divisionByZero() {
		String e = Fixtures.code("E");
		fx.save(fx.entered(e, "%"));
		String code = Fixtures.code("DIV0");
		assertThatThrownBy(() -> fx.save(fx.computed(code, "[" + e + "] / (3 - 3)")))
			.isInstanceOf(DomainException.class).hasMessageContaining("chia cho 0");
		assertThat(exists(code)).isFalse();
	}

	@Test
	@DisplayName("inputs of another frequency are refused")
	void frequencyMismatch() {
		String e = Fixtures.code("E");
		IndicatorForm f = fx.entered(e, "%");
		f.setFrequency("MONTHLY");
		fx.save(f);
		assertThatThrownBy(() -> fx.save(fx.computed(Fixtures.code("FRQ"), "[" + e + "] * 1")))
			.isInstanceOf(DomainException.class).hasMessageContaining("tần suất");
	}

	@Test
	@DisplayName("every wrong field is named at once; nothing stored")
	void badFields() {
		IndicatorForm f = fx.entered(Fixtures.code("BAD"), "%");
		f.setName(" ");
		f.setBaselineValue("abc");
		f.setBaselineYear("2025");
		f.setTargets("2026: sáu mươi\nnăm sau: 70");
		f.setAmberPct("120");
		assertThatThrownBy(() -> fx.save(f)).isInstanceOf(DomainException.class)
			.hasMessageContaining("Chưa nhập tên chỉ số")
			.hasMessageContaining("Giá trị gốc: “abc” không phải là số")
			.hasMessageContaining("Chỉ tiêu năm 2026")
			.hasMessageContaining("“năm sau: 70”")
			.hasMessageContaining("Ngưỡng đèn");
		assertThat(exists(f.getCode())).isFalse();
	}

	@Test
	@DisplayName("only DoST defines indicators; a refusal is audited")
	void onlyDoST() {
		long before = audit.count("ACCESS_DENIED", "INDICATOR", null);
		IndicatorForm f = fx.entered(Fixtures.code("NOPE"), "%");
		assertThatThrownBy(() -> fx.runAs.user("cb.stc", () -> catalog.save(null, f))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> fx.runAs.user("lanhdao", () -> catalog.save(null, f))).isInstanceOf(AccessDeniedException.class);
		assertThat(audit.count("ACCESS_DENIED", "INDICATOR", null)).isEqualTo(before + 2);
		assertThat(exists(f.getCode())).isFalse();
	}

	@Test
	@DisplayName("a change is audited with the definition before and after")
	void audited() {
		Indicator ind = fx.save(fx.entered(Fixtures.code("AUD"), "%"));
		fx.update(ind, f -> f.setTargets("2026: 60\n2030: 80"));
		String after = jdbc.queryForObject("SELECT after_state::text FROM audit_event WHERE action = 'INDICATOR_UPDATED' AND entity_id = ?",
				String.class, ind.id());
		String before = jdbc.queryForObject("SELECT before_state::text FROM audit_event WHERE action = 'INDICATOR_UPDATED' AND entity_id = ?",
				String.class, ind.id());
		assertThat(after).contains("\"2030\": \"80\"");
		assertThat(before).doesNotContain("2030");
	}

	@Test
	@DisplayName("an indicator with values keeps its frequency")
	void frequencyIsFixedOnceThereAreValues() {
		Indicator ind = fx.save(fx.entered(Fixtures.code("FIX"), "%"));
		fx.enter("gd.skhcn", ind.code(), "2026-Q1", "10");
		assertThatThrownBy(() -> fx.update(ind, f -> f.setFrequency("MONTHLY"))).isInstanceOf(DomainException.class)
			.hasMessageContaining("không đổi tần suất");
	}

	@Test
	@DisplayName("an input used by a formula cannot stop being followed")
	void inputCannotBeDeactivated() {
		Indicator e = fx.save(fx.entered(Fixtures.code("E"), "%"));
		fx.save(fx.computed(Fixtures.code("USE"), "[" + e.code() + "] * 2"));
		assertThatThrownBy(() -> fx.update(e, f -> f.setActive(false))).isInstanceOf(DomainException.class)
			.hasMessageContaining("đang được dùng trong công thức");
	}

	@Test
	@DisplayName("the Excel export reads back with POI and imports again unchanged; a bad row stops the whole import")
	void excelRoundTrip() throws Exception {
		Indicator base = fx.save(fx.entered(Fixtures.code("XL"), "%"));
		Indicator ind = fx.update(base, f -> {
			f.setBaselineValue("74,08");
			f.setBaselineYear("2025");
			f.setTargets("2026: 100 | Kế hoạch năm 2026");
		});
		List<Indicator> all = catalog.all();
		byte[] file = excel.export(all);
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet s = wb.getSheet("Chỉ số");
			assertThat(s.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mã chỉ số");
			Row row = null;
			for (Row r : s) {
				if (ind.code().equals(r.getCell(0).getStringCellValue())) {
					row = r;
				}
			}
			assertThat(row).isNotNull();
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo(ind.name());
			assertThat(row.getCell(IndicatorExcel.Col.BASELINE_VALUE.ordinal()).getNumericCellValue()).isEqualTo(74.08);
			assertThat(row.getCell(IndicatorExcel.Col.FREQUENCY.ordinal()).getStringCellValue()).isEqualTo("Hằng quý");
			boolean target = false;
			for (Row r : wb.getSheet("Chỉ tiêu")) {
				if (ind.code().equals(r.getCell(0).getStringCellValue())) {
					target = r.getCell(1).getNumericCellValue() == 2026 && r.getCell(2).getNumericCellValue() == 100;
				}
			}
			assertThat(target).isTrue();
		}
		List<Indicator> imported = fx.runAs.user("sokhcn", () -> excel.importFrom(new ByteArrayInputStream(file)));
		assertThat(imported).hasSize(all.size());
		Indicator again = catalog.get(ind.code());
		assertThat(again.baselineValue()).isEqualByComparingTo("74.08");
		assertThat(again.targets()).extracting(Indicator.Target::year).containsExactly(2026);
		assertThat(again.targets().get(0).note()).isEqualTo("Kế hoạch năm 2026");

		// a workbook whose last row refers to a missing indicator: nothing is imported, the row is named
		byte[] bad;
		String newCode = Fixtures.code("NEWXL");
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(file)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet s = wb.getSheet("Chỉ số");
			for (Row r : s) {
				if (ind.code().equals(r.getCell(0).getStringCellValue())) {
					r.getCell(1).setCellValue("Tên đã sửa trong Excel");
				}
			}
			Row extra = s.createRow(s.getLastRowNum() + 1);
			extra.createCell(IndicatorExcel.Col.CODE.ordinal()).setCellValue(newCode);
			extra.createCell(IndicatorExcel.Col.NAME.ordinal()).setCellValue("Chỉ số lỗi");
			extra.createCell(IndicatorExcel.Col.UNIT.ordinal()).setCellValue("%");
			extra.createCell(IndicatorExcel.Col.KIND.ordinal()).setCellValue("Tính theo công thức");
			extra.createCell(IndicatorExcel.Col.FORMULA_KIND.ordinal()).setCellValue("Biểu thức");
			extra.createCell(IndicatorExcel.Col.EXPRESSION.ordinal()).setCellValue("[KHONG-CO] / 2");
			extra.createCell(IndicatorExcel.Col.DIRECTION.ordinal()).setCellValue("Cao hơn là tốt");
			extra.createCell(IndicatorExcel.Col.FREQUENCY.ordinal()).setCellValue("Hằng quý");
			extra.createCell(IndicatorExcel.Col.RESPONSIBLE.ordinal()).setCellValue("Sở KH&CN");
			extra.createCell(IndicatorExcel.Col.BREAKDOWN.ordinal()).setCellValue("Toàn tỉnh (một số liệu)");
			wb.write(out);
			bad = out.toByteArray();
		}
		assertThatThrownBy(() -> fx.runAs.user("sokhcn", () -> excel.importFrom(new ByteArrayInputStream(bad))))
			.isInstanceOf(DomainException.class).hasMessageContaining("chưa nhập chỉ số nào")
			.hasMessageContaining("[KHONG-CO]");
		assertThat(catalog.get(ind.code()).name()).isEqualTo(ind.name());
		assertThat(exists(newCode)).isFalse();
		assertThatThrownBy(() -> fx.runAs.user("cb.skhcn", () -> excel.importFrom(new ByteArrayInputStream(file))))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	@DisplayName("a file that is not a workbook gets a message")
	void notAWorkbook() {
		assertThatThrownBy(() -> fx.runAs.user("sokhcn", () -> excel.importFrom(new ByteArrayInputStream("xin chào".getBytes()))))
			.isInstanceOf(DomainException.class).hasMessageContaining(".xlsx");
	}
}
