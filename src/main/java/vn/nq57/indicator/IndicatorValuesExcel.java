package vn.nq57.indicator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.system.AppClock;

/**
 * One indicator's values as an Excel workbook: the province's figure per period with its status
 * ("Toàn tỉnh"), the approved value of each agency per period side by side ("Theo đơn vị": agencies ×
 * periods), and every value with its state, who entered and approved it, flags, source note and return
 * reason ("Chi tiết số liệu"). Numbers are number cells (Excel shows them with the user's separators);
 * dates are written dd/MM/yyyy. Streamed, so 1.000 agencies × 36 periods stay small in memory.
 */
@Component
class IndicatorValuesExcel {

	static final String SHEET_PROVINCE = "Toàn tỉnh";
	static final String SHEET_PIVOT = "Theo đơn vị";
	static final String SHEET_DETAIL = "Chi tiết số liệu";

	static final String[] DETAIL_HEADERS = { "Kỳ", "Mã cơ quan", "Cơ quan, đơn vị", "Giá trị nhập", "Tử số", "Mẫu số",
			"Tình trạng", "Giá trị đã duyệt", "Người nhập", "Thời điểm nhập", "Người duyệt", "Thời điểm duyệt", "Cảnh báo",
			"Nguồn số liệu, ghi chú", "Lý do trả lại", "Tệp đính kèm" };

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(AppClock.ZONE_ID);

	private final NamedParameterJdbcTemplate jdbc;

	IndicatorValuesExcel(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	byte[] export(Indicator ind, String agencyName, List<IndicatorQueries.Point> series,
			Map<Period, TargetStatus.Assessment> statuses, LocalDate today) {
		SXSSFWorkbook wb = new SXSSFWorkbook(200);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = wb.createCellStyle();
			Font f = wb.createFont();
			f.setBold(true);
			bold.setFont(f);
			bold.setWrapText(true);
			CellStyle number = wb.createCellStyle();
			number.setDataFormat(wb.createDataFormat().getFormat(ind.decimals() <= 0 ? "#,##0" : "#,##0." + "0".repeat(ind.decimals())));

			province(wb.createSheet(SHEET_PROVINCE), ind, agencyName, series, statuses, today, bold, number);
			Sheet pivot = wb.createSheet(SHEET_PIVOT);
			Sheet detail = wb.createSheet(SHEET_DETAIL);
			values(ind, pivot, detail, bold, number);
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		finally {
			wb.dispose();
			try {
				wb.close();
			}
			catch (IOException ignored) {
				// the temporary files are already removed by dispose()
			}
		}
	}

	private static void province(Sheet s, Indicator ind, String agencyName, List<IndicatorQueries.Point> series,
			Map<Period, TargetStatus.Assessment> statuses, LocalDate today, CellStyle bold, CellStyle number) {
		int r = 0;
		head(s.createRow(r++), bold, ind.code() + " – " + ind.name());
		s.createRow(r++).createCell(0).setCellValue("Đơn vị tính: " + ind.unit() + " · " + ind.frequency().label()
				+ " · Cơ quan chịu trách nhiệm: " + agencyName + " · Xuất ngày " + today.format(DATE));
		r++;
		head(s.createRow(r++), bold, "Kỳ", "Từ ngày", "Đến ngày", "Số liệu toàn tỉnh", "Tử số", "Mẫu số",
				"Số đơn vị có số liệu", "Chỉ tiêu", "Năm chỉ tiêu", "Trạng thái", "Ghi chú");
		for (IndicatorQueries.Point p : series) {
			Row row = s.createRow(r++);
			row.createCell(0).setCellValue(p.period().label());
			row.createCell(1).setCellValue(p.period().start().format(DATE));
			row.createCell(2).setCellValue(p.period().end().format(DATE));
			num(row, 3, p.value(), number);
			num(row, 4, p.numerator(), null);
			num(row, 5, p.denominator(), null);
			row.createCell(6).setCellValue(p.reported());
			TargetStatus.Assessment a = statuses.get(p.period());
			Indicator.Target t = ind.targetFor(p.period().year());
			num(row, 7, a != null && a.target() != null ? a.target() : t == null ? null : t.value(), number);
			Integer year = a != null && a.targetYear() != null ? a.targetYear() : t == null ? null : t.year();
			if (year != null) {
				row.createCell(8).setCellValue(year);
			}
			if (a != null) {
				row.createCell(9).setCellValue(a.status().label());
			}
			if (p.problem() != null) {
				vn.nq57.kernel.Exports.text(row.createCell(10), p.problem());
			}
		}
		int[] widths = { 16, 12, 12, 18, 12, 12, 12, 12, 10, 24, 50 };
		for (int c = 0; c < widths.length; c++) {
			s.setColumnWidth(c, widths[c] * 256);
		}
	}

	/** The agencies × periods grid and the detail list, from one pass over the indicator's values. */
	private void values(Indicator ind, Sheet pivot, Sheet detail, CellStyle bold, CellStyle number) {
		head(detail.createRow(0), bold, DETAIL_HEADERS);
		record Agency(String code, String name) {
		}
		Map<Long, Agency> agencyOf = new LinkedHashMap<>();
		Map<Long, Map<LocalDate, BigDecimal>> grid = new LinkedHashMap<>();
		TreeSet<LocalDate> periods = new TreeSet<>();
		int[] r = { 1 };
		jdbc.query("""
				SELECT v.period_start, v.agency_id, a.code, a.name, v.value, v.numerator, v.denominator, v.state,
				       v.approved_value, eu.full_name AS entered_name, v.entered_at, au.full_name AS approved_name,
				       v.approved_at, v.flag, v.source_note, v.return_reason, f.filename
				FROM indicator_value v
				JOIN agency_view a ON a.id = v.agency_id
				LEFT JOIN app_user_view eu ON eu.id = v.entered_by
				LEFT JOIN app_user_view au ON au.id = v.approved_by
				LEFT JOIN indicator_file f ON f.id = v.file_id
				WHERE v.indicator_id = :id
				ORDER BY v.period_start, a.name COLLATE "vi-x-icu", a.id""", new MapSqlParameterSource("id", ind.id()), rs -> {
			LocalDate start = rs.getObject("period_start", LocalDate.class);
			long agencyId = rs.getLong("agency_id");
			agencyOf.putIfAbsent(agencyId, new Agency(rs.getString("code"), rs.getString("name")));
			periods.add(start);
			BigDecimal approved = rs.getBigDecimal("approved_value");
			if (approved != null) {
				grid.computeIfAbsent(agencyId, k -> new LinkedHashMap<>()).put(start, approved);
			}
			Row row = detail.createRow(r[0]++);
			row.createCell(0).setCellValue(new Period(ind.frequency(), start).label());
			text(row, 1, rs.getString("code"));
			text(row, 2, rs.getString("name"));
			num(row, 3, rs.getBigDecimal("value"), number);
			num(row, 4, rs.getBigDecimal("numerator"), null);
			num(row, 5, rs.getBigDecimal("denominator"), null);
			text(row, 6, ValueState.valueOf(rs.getString("state")).label());
			num(row, 7, approved, number);
			text(row, 8, rs.getString("entered_name"));
			text(row, 9, time(rs.getTimestamp("entered_at")));
			text(row, 10, rs.getString("approved_name"));
			text(row, 11, time(rs.getTimestamp("approved_at")));
			text(row, 12, rs.getString("flag"));
			text(row, 13, rs.getString("source_note"));
			text(row, 14, ValueState.RETURNED.name().equals(rs.getString("state")) ? rs.getString("return_reason") : null);
			text(row, 15, rs.getString("filename"));
		});
		int[] widths = { 14, 12, 40, 14, 10, 10, 20, 14, 22, 16, 22, 16, 40, 40, 40, 24 };
		for (int c = 0; c < widths.length; c++) {
			detail.setColumnWidth(c, widths[c] * 256);
		}
		detail.createFreezePane(3, 1);

		List<LocalDate> cols = new ArrayList<>(periods);
		Row h = pivot.createRow(0);
		List<String> heads = new ArrayList<>(List.of("Mã cơ quan", "Cơ quan, đơn vị"));
		cols.forEach(p -> heads.add(new Period(ind.frequency(), p).label()));
		head(h, bold, heads.toArray(String[]::new));
		List<Map.Entry<Long, Agency>> agencies = new ArrayList<>(agencyOf.entrySet());
		java.text.Collator vi = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"));
		agencies.sort((a, b) -> vi.compare(a.getValue().name(), b.getValue().name()));
		int pr = 1;
		for (Map.Entry<Long, Agency> a : agencies) {
			Row row = pivot.createRow(pr++);
			text(row, 0, a.getValue().code());
			text(row, 1, a.getValue().name());
			Map<LocalDate, BigDecimal> mine = grid.getOrDefault(a.getKey(), Map.of());
			for (int c = 0; c < cols.size(); c++) {
				num(row, c + 2, mine.get(cols.get(c)), number);
			}
		}
		pivot.setColumnWidth(0, 12 * 256);
		pivot.setColumnWidth(1, 40 * 256);
		for (int c = 0; c < cols.size(); c++) {
			pivot.setColumnWidth(c + 2, 14 * 256);
		}
		pivot.createFreezePane(2, 1);
	}

	private static void head(Row row, CellStyle bold, String... texts) {
		for (int c = 0; c < texts.length; c++) {
			Cell cell = row.createCell(c);
			cell.setCellValue(texts[c]);
			cell.setCellStyle(bold);
		}
	}

	private static void text(Row row, int c, String v) {
		if (v != null && !v.isEmpty()) {
			vn.nq57.kernel.Exports.text(row.createCell(c), v);
		}
	}

	private static void num(Row row, int c, BigDecimal v, CellStyle style) {
		if (v != null) {
			Cell cell = row.createCell(c);
			cell.setCellValue(v.doubleValue());
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	private static String time(Timestamp t) {
		return t == null ? null : DATE_TIME.format(t.toInstant());
	}

	static String filename(Indicator ind, LocalDate today) {
		return "so-lieu-" + ind.code().toLowerCase(java.util.Locale.ROOT) + "-" + today + ".xlsx";
	}
}
