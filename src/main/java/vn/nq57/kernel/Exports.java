package vn.nq57.kernel;

import java.util.Map;
import java.util.WeakHashMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * What every export must do to text typed by users: a cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return would be run as a formula by a spreadsheet (formula injection, "CSV
 * injection"). Use {@link #csv} for each field of a CSV export and {@link #text} for each text cell of an Excel
 * export. A plain number ("-5", "-1.234,5") is left alone.
 */
public final class Exports {

	private static final Map<Workbook, Map<Short, CellStyle>> QUOTED = new WeakHashMap<>();

	private Exports() {
	}

	/** Whether a spreadsheet would read this text as the start of a formula. */
	public static boolean dangerous(String v) {
		if (v == null || v.isEmpty()) {
			return false;
		}
		char c = v.charAt(0);
		if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
			return false;
		}
		return !v.matches("[-+]?[0-9][0-9.,]*");
	}

	/** A CSV field: text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice). */
	public static String csv(Object value) {
		if (value == null) {
			return null;
		}
		String v = value.toString();
		return dangerous(v) ? "'" + v : v;
	}

	/**
	 * Sets a text cell of an Excel sheet. POI writes strings as text, not formulas; a dangerous text additionally
	 * gets the "quote prefix" style, so that editing the cell or saving the sheet as CSV does not turn it into a
	 * formula, while it still shows unchanged.
	 */
	public static void text(Cell cell, String v) {
		cell.setCellValue(v);
		if (dangerous(v)) {
			Workbook wb = cell.getSheet().getWorkbook();
			CellStyle base = cell.getCellStyle();
			CellStyle quoted;
			synchronized (QUOTED) {
				quoted = QUOTED.computeIfAbsent(wb, k -> new java.util.HashMap<>()).computeIfAbsent(base.getIndex(), k -> {
					CellStyle s = wb.createCellStyle();
					s.cloneStyleFrom(base);
					s.setQuotePrefixed(true);
					return s;
				});
			}
			cell.setCellStyle(quoted);
		}
	}
}
