package vn.nq57.indicator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import vn.nq57.agency.Agency;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.kernel.VnText;
import vn.nq57.system.DomainException;

/**
 * The indicator set as an Excel workbook, the way DoST exchanges it with agencies: sheet "Chỉ số" (one row
 * per indicator, labels in Vietnamese) and sheet "Chỉ tiêu" (one row per indicator and year). Importing
 * reads the same layout back (columns found by their header, agencies by code or by any of their names)
 * and stores every row or none.
 */
@Component
class IndicatorExcel {

	static final String SHEET_INDICATORS = "Chỉ số";
	static final String SHEET_TARGETS = "Chỉ tiêu";

	/** Columns of the indicator sheet, in order. */
	enum Col {
		CODE("Mã chỉ số"), NAME("Tên chỉ số"), CATEGORY("Nhóm, lĩnh vực"), UNIT("Đơn vị tính"), KIND("Loại"),
		AGGREGATION("Cách tổng hợp"), FORMULA_KIND("Kiểu công thức"), NUMERATOR("Tử số (mã chỉ số)"),
		DENOMINATOR("Mẫu số (mã chỉ số)"), EXPRESSION("Biểu thức"), DIRECTION("Chiều tốt"), FREQUENCY("Tần suất"),
		RESPONSIBLE("Cơ quan chịu trách nhiệm (mã)"), SOURCE("Nguồn số liệu"), BREAKDOWN("Phân tổ"),
		BASELINE_VALUE("Giá trị gốc"), BASELINE_YEAR("Năm gốc"), GREEN("Ngưỡng xanh (% tiến độ)"),
		AMBER("Ngưỡng vàng (% tiến độ)"), MIN("Giá trị tối thiểu"), MAX("Giá trị tối đa"),
		DECIMALS("Số chữ số thập phân"), DUE_DAYS("Hạn nhập (số ngày sau kỳ)"), SCOREBOARD("Hiện trên bảng điều hành"),
		ACTIVE("Đang theo dõi"), POSITION("Thứ tự"), REPORTERS("Cơ quan báo cáo (mã, cách nhau bởi dấu ;)");

		final String header;

		Col(String header) {
			this.header = header;
		}
	}

	private final IndicatorCatalog catalog;
	private final AgencyDirectory agencies;

	IndicatorExcel(IndicatorCatalog catalog, AgencyDirectory agencies) {
		this.catalog = catalog;
		this.agencies = agencies;
	}

	byte[] export(List<Indicator> indicators) {
		try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = wb.createCellStyle();
			Font f = wb.createFont();
			f.setBold(true);
			bold.setFont(f);
			bold.setWrapText(true);
			Sheet s = wb.createSheet(SHEET_INDICATORS);
			Row h = s.createRow(0);
			for (Col c : Col.values()) {
				Cell cell = h.createCell(c.ordinal());
				cell.setCellValue(c.header);
				cell.setCellStyle(bold);
			}
			Map<Long, String> codes = new HashMap<>();
			int r = 1;
			for (Indicator i : indicators) {
				Row row = s.createRow(r++);
				text(row, Col.CODE, i.code());
				text(row, Col.NAME, i.name());
				text(row, Col.CATEGORY, i.category());
				text(row, Col.UNIT, i.unit());
				text(row, Col.KIND, i.kind().label());
				text(row, Col.AGGREGATION, i.aggregation() == null ? null : i.aggregation().label());
				text(row, Col.FORMULA_KIND, i.formulaKind() == null ? null : i.formulaKind().label());
				text(row, Col.NUMERATOR, i.numeratorCode());
				text(row, Col.DENOMINATOR, i.denominatorCode());
				text(row, Col.EXPRESSION, i.expression());
				text(row, Col.DIRECTION, i.direction().label());
				text(row, Col.FREQUENCY, i.frequency().label());
				text(row, Col.RESPONSIBLE, code(i.responsibleAgencyId(), codes));
				text(row, Col.SOURCE, i.dataSource());
				text(row, Col.BREAKDOWN, i.breakdown().label());
				number(row, Col.BASELINE_VALUE, i.baselineValue());
				number(row, Col.BASELINE_YEAR, i.baselineYear() == null ? null : BigDecimal.valueOf(i.baselineYear()));
				number(row, Col.GREEN, i.greenPct());
				number(row, Col.AMBER, i.amberPct());
				number(row, Col.MIN, i.minValue());
				number(row, Col.MAX, i.maxValue());
				number(row, Col.DECIMALS, BigDecimal.valueOf(i.decimals()));
				number(row, Col.DUE_DAYS, BigDecimal.valueOf(i.dueDays()));
				text(row, Col.SCOREBOARD, i.onScoreboard() ? "Có" : "Không");
				text(row, Col.ACTIVE, i.active() ? "Có" : "Không");
				number(row, Col.POSITION, BigDecimal.valueOf(i.position()));
				text(row, Col.REPORTERS, String.join("; ", i.reporterIds().stream().map(id -> code(id, codes)).toList()));
			}
			s.createFreezePane(2, 1);
			for (int c = 0; c < Col.values().length; c++) {
				s.setColumnWidth(c, c == Col.NAME.ordinal() ? 60 * 256 : 18 * 256);
			}
			Sheet t = wb.createSheet(SHEET_TARGETS);
			Row th = t.createRow(0);
			String[] heads = { "Mã chỉ số", "Năm", "Chỉ tiêu", "Ghi chú" };
			for (int c = 0; c < heads.length; c++) {
				th.createCell(c).setCellValue(heads[c]);
				th.getCell(c).setCellStyle(bold);
				t.setColumnWidth(c, (c == 3 ? 50 : 16) * 256);
			}
			r = 1;
			for (Indicator i : indicators) {
				for (Indicator.Target x : i.targets()) {
					Row row = t.createRow(r++);
					row.createCell(0).setCellValue(i.code());
					row.createCell(1).setCellValue(x.year());
					row.createCell(2).setCellValue(x.value().doubleValue());
					if (x.note() != null) {
						vn.nq57.kernel.Exports.text(row.createCell(3), x.note());
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private String code(long agencyId, Map<Long, String> cache) {
		return cache.computeIfAbsent(agencyId, id -> agencies.find(id).map(Agency::getCode).orElse("#" + id));
	}

	private static void text(Row row, Col c, String v) {
		if (v != null && !v.isEmpty()) {
			vn.nq57.kernel.Exports.text(row.createCell(c.ordinal()), v);
		}
	}

	private static void number(Row row, Col c, BigDecimal v) {
		if (v != null) {
			row.createCell(c.ordinal()).setCellValue(v.doubleValue());
		}
	}

	/** Reads the workbook and stores its indicators (all or none); returns how many were created or updated. */
	List<Indicator> importFrom(InputStream in) {
		Workbook wb;
		try {
			wb = new XSSFWorkbook(in);
		}
		catch (IOException | RuntimeException e) {
			throw new DomainException("Không đọc được tệp: cần tệp Excel .xlsx (xuất từ trang Bộ chỉ số để có mẫu)");
		}
		try (wb) {
			Sheet s = wb.getSheet(SHEET_INDICATORS);
			if (s == null) {
				throw new DomainException("Tệp không có trang “" + SHEET_INDICATORS + "” (xuất từ trang Bộ chỉ số để có mẫu)");
			}
			Map<Col, Integer> cols = header(s);
			Map<String, Indicator> current = catalog.byCode();
			Map<String, StringBuilder> targets = readTargets(wb.getSheet(SHEET_TARGETS));
			List<IndicatorForm> forms = new ArrayList<>();
			List<String> labels = new ArrayList<>();
			List<String> errors = new ArrayList<>();
			for (int r = 1; r <= s.getLastRowNum(); r++) {
				Row row = s.getRow(r);
				if (row == null || blank(row, cols)) {
					continue;
				}
				String label = "Dòng " + (r + 1);
				try {
					IndicatorForm f = form(row, cols, current, targets);
					forms.add(f);
					labels.add(label + (f.getCode() == null ? "" : " (" + f.getCode() + ")"));
				}
				catch (DomainException e) {
					errors.add(label + ": " + e.getMessage());
				}
			}
			if (!errors.isEmpty()) {
				throw new DomainException("Tệp có " + errors.size() + " lỗi, chưa nhập chỉ số nào: "
						+ String.join("; ", errors.subList(0, Math.min(20, errors.size()))));
			}
			if (forms.isEmpty()) {
				throw new DomainException("Trang “" + SHEET_INDICATORS + "” không có dòng chỉ số nào");
			}
			return catalog.importAll(forms, labels);
		}
		catch (IOException e) {
			throw new DomainException("Không đọc được tệp Excel");
		}
	}

	private static Map<Col, Integer> header(Sheet s) {
		Row h = s.getRow(0);
		if (h == null) {
			throw new DomainException("Trang “" + SHEET_INDICATORS + "” thiếu dòng tiêu đề");
		}
		Map<String, Integer> byKey = new HashMap<>();
		for (Cell c : h) {
			byKey.put(VnText.fold(new DataFormatter().formatCellValue(c)), c.getColumnIndex());
		}
		Map<Col, Integer> cols = new LinkedHashMap<>();
		for (Col c : Col.values()) {
			Integer idx = byKey.get(VnText.fold(c.header));
			if (idx != null) {
				cols.put(c, idx);
			}
		}
		for (Col required : List.of(Col.CODE, Col.NAME, Col.UNIT, Col.KIND, Col.FREQUENCY, Col.RESPONSIBLE)) {
			if (!cols.containsKey(required)) {
				throw new DomainException("Trang “" + SHEET_INDICATORS + "” thiếu cột “" + required.header + "”");
			}
		}
		return cols;
	}

	private Map<String, StringBuilder> readTargets(Sheet t) {
		if (t == null) {
			return null;
		}
		Map<String, StringBuilder> out = new HashMap<>();
		for (int r = 1; r <= t.getLastRowNum(); r++) {
			Row row = t.getRow(r);
			if (row == null) {
				continue;
			}
			String code = str(row.getCell(0));
			if (code == null) {
				continue;
			}
			String year = integer(row.getCell(1));
			String value = num(row.getCell(2));
			String note = str(row.getCell(3));
			out.computeIfAbsent(code.toUpperCase(Locale.ROOT), k -> new StringBuilder())
				.append(year == null ? "?" : year).append(": ").append(value == null ? "" : value)
				.append(note == null ? "" : " | " + note.replace('\n', ' ')).append('\n');
		}
		return out;
	}

	private IndicatorForm form(Row row, Map<Col, Integer> cols, Map<String, Indicator> current,
			Map<String, StringBuilder> targets) {
		String code = str(cell(row, cols, Col.CODE));
		Indicator existing = code == null ? null : current.get(code.toUpperCase(Locale.ROOT));
		IndicatorForm f = existing == null ? IndicatorForms.blankForm() : IndicatorForms.toForm(existing);
		f.setVersion(null);
		f.setCode(code);
		f.setName(str(cell(row, cols, Col.NAME)));
		f.setUnit(str(cell(row, cols, Col.UNIT)));
		f.setKind(str(cell(row, cols, Col.KIND)));
		f.setFrequency(str(cell(row, cols, Col.FREQUENCY)));
		set(row, cols, Col.CATEGORY, v -> f.setCategory(str(v)));
		set(row, cols, Col.AGGREGATION, v -> f.setAggregation(str(v)));
		set(row, cols, Col.FORMULA_KIND, v -> f.setFormulaKind(str(v)));
		set(row, cols, Col.NUMERATOR, v -> f.setNumeratorCode(str(v)));
		set(row, cols, Col.DENOMINATOR, v -> f.setDenominatorCode(str(v)));
		set(row, cols, Col.EXPRESSION, v -> f.setExpression(str(v)));
		set(row, cols, Col.DIRECTION, v -> f.setDirection(str(v)));
		set(row, cols, Col.SOURCE, v -> f.setDataSource(str(v)));
		set(row, cols, Col.BREAKDOWN, v -> f.setBreakdown(str(v)));
		set(row, cols, Col.BASELINE_VALUE, v -> f.setBaselineValue(num(v)));
		set(row, cols, Col.BASELINE_YEAR, v -> f.setBaselineYear(integer(v)));
		set(row, cols, Col.GREEN, v -> f.setGreenPct(num(v)));
		set(row, cols, Col.AMBER, v -> f.setAmberPct(num(v)));
		set(row, cols, Col.MIN, v -> f.setMinValue(num(v)));
		set(row, cols, Col.MAX, v -> f.setMaxValue(num(v)));
		set(row, cols, Col.DECIMALS, v -> f.setDecimals(integer(v)));
		set(row, cols, Col.DUE_DAYS, v -> f.setDueDays(integer(v)));
		set(row, cols, Col.POSITION, v -> f.setPosition(integer(v)));
		set(row, cols, Col.SCOREBOARD, v -> f.setOnScoreboard(yes(str(v), true)));
		set(row, cols, Col.ACTIVE, v -> f.setActive(yes(str(v), true)));
		String resp = str(cell(row, cols, Col.RESPONSIBLE));
		f.setResponsibleAgencyId(resp == null ? null : agency(resp)
			.orElseThrow(() -> new DomainException("không tìm thấy cơ quan chịu trách nhiệm “" + resp + "”")).getId());
		if (cols.containsKey(Col.REPORTERS)) {
			List<Long> ids = new ArrayList<>();
			String list = str(cell(row, cols, Col.REPORTERS));
			if (list != null) {
				for (String part : list.split("[;\\n]+")) {
					if (!part.isBlank()) {
						ids.add(agency(part.strip()).orElseThrow(() -> new DomainException("không tìm thấy cơ quan báo cáo “"
								+ part.strip() + "”")).getId());
					}
				}
			}
			f.setReporterIds(ids);
		}
		if (targets != null) {
			StringBuilder t = code == null ? null : targets.get(code.toUpperCase(Locale.ROOT));
			f.setTargets(t == null ? "" : t.toString());
		}
		return f;
	}

	private Optional<Agency> agency(String codeOrName) {
		Optional<Agency> a = agencies.findByCode(codeOrName.strip());
		return a.isPresent() ? a : agencies.resolve(codeOrName);
	}

	private static void set(Row row, Map<Col, Integer> cols, Col c, java.util.function.Consumer<Cell> setter) {
		if (cols.containsKey(c)) {
			setter.accept(cell(row, cols, c));
		}
	}

	private static Cell cell(Row row, Map<Col, Integer> cols, Col c) {
		Integer i = cols.get(c);
		return i == null ? null : row.getCell(i);
	}

	private static boolean blank(Row row, Map<Col, Integer> cols) {
		return cols.values().stream().allMatch(i -> str(row.getCell(i)) == null);
	}

	private static String str(Cell c) {
		if (c == null) {
			return null;
		}
		String s = c.getCellType() == CellType.NUMERIC || (c.getCellType() == CellType.FORMULA
				&& c.getCachedFormulaResultType() == CellType.NUMERIC)
				? BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString()
				: new DataFormatter().formatCellValue(c);
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** A number cell as the form expects it (Vietnamese notation); text cells are passed on as typed. */
	private static String num(Cell c) {
		if (c == null) {
			return null;
		}
		if (c.getCellType() == CellType.NUMERIC) {
			return VnNumber.compact(BigDecimal.valueOf(c.getNumericCellValue()), Formula.SCALE);
		}
		return str(c);
	}

	private static String integer(Cell c) {
		if (c == null) {
			return null;
		}
		if (c.getCellType() == CellType.NUMERIC) {
			double d = c.getNumericCellValue();
			return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
		}
		return str(c);
	}

	private static boolean yes(String v, boolean fallback) {
		if (v == null) {
			return fallback;
		}
		String k = VnText.fold(v);
		return switch (k) {
			case "co", "x", "yes", "true", "1" -> true;
			case "khong", "no", "false", "0" -> false;
			default -> throw new DomainException("“" + v + "” phải là Có hoặc Không");
		};
	}
}
