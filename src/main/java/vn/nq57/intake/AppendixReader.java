package vn.nq57.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.nq57.intake.OfficeFiles.Grid;
import vn.nq57.intake.OfficeFiles.GridRow;

/**
 * Finds the task table among a document's tables (or a workbook's sheets) by its header row, wherever it
 * is and whatever order and wording its columns have, and turns the rows under it into {@link DraftRow}s:
 * group rows (I, II, … merged across) and task rows, with cells merged down a column repeated on every row
 * they cover. Nothing is judged here; that is {@link IntakeAnalyzer}'s work.
 */
final class AppendixReader {

	/** Most task rows one import takes: a province's yearly plan has a few hundred. */
	static final int MAX_TASK_ROWS = 5_000;

	/** How far down a sheet the header may be (titles, "Phụ lục", dates above it). */
	private static final int HEADER_SEARCH_ROWS = 60;

	private static final Pattern ROMAN = Pattern.compile("^([IVXL]{1,6})[.:)]?$");

	private static final Pattern ROMAN_WITH_TITLE = Pattern.compile("^([IVXL]{1,6})[.:)\\-–]?\\s+(\\S.*)$", Pattern.DOTALL);

	private static final Pattern LETTER_GROUP = Pattern.compile("^([A-H])[.:)]?$");

	private static final Pattern NUMBERING_CELL = Pattern.compile("^\\(?\\d{1,2}\\)?$");

	private static final Pattern STT_TRAILER = Pattern.compile("[.):]+$");

	/** The rows read, the table they came from, and which grid position each column was found at. */
	record Appendix(String tableName, Map<AppendixColumn, Integer> columns, List<DraftRow> rows, String caption) {

		long taskCount() {
			return rows.stream().filter(r -> !r.group()).count();
		}

		long groupCount() {
			return rows.stream().filter(DraftRow::group).count();
		}
	}

	private AppendixReader() {
	}

	static Appendix read(List<Grid> grids, String fileName) {
		Appendix found = null;
		List<DraftRow> rows = new ArrayList<>();
		for (Grid grid : grids) {
			for (int i = 0; i < Math.min(grid.rows().size(), HEADER_SEARCH_ROWS); i++) {
				Map<AppendixColumn, Integer> columns = header(grid.rows().get(i));
				if (columns == null) {
					continue;
				}
				int first = i + 1;
				if (first < grid.rows().size() && refineWithSubHeader(columns, grid.rows().get(i), grid.rows().get(first))) {
					first++;
				}
				String caption = caption(grid, i);
				String currentGroup = rows.isEmpty() ? null : lastGroup(rows);
				readRows(grid, first, columns, currentGroup, rows);
				if (found == null) {
					found = new Appendix(grid.name(), columns, rows, caption);
				}
				break;
			}
		}
		if (found == null) {
			throw new IntakeException("Không tìm thấy bảng danh mục nhiệm vụ trong tệp “" + fileName + "”: cần một bảng "
					+ "có dòng tiêu đề với các cột như “STT”, “Tên nhiệm vụ”, “Cơ quan chủ trì”, “Thời gian hoàn thành”");
		}
		if (found.taskCount() == 0) {
			throw new IntakeException("Bảng danh mục nhiệm vụ trong tệp “" + fileName + "” (" + found.tableName()
					+ ") không có dòng nhiệm vụ nào dưới dòng tiêu đề");
		}
		return found;
	}

	/** The column positions a header row names, or {@code null} when the row is not a task table's header. */
	static Map<AppendixColumn, Integer> header(GridRow row) {
		Map<AppendixColumn, Integer> columns = new EnumMap<>(AppendixColumn.class);
		for (int p = 0; p < row.texts().size(); p++) {
			if (row.span(p) == 0) {
				continue;
			}
			AppendixColumn c = AppendixColumn.of(row.text(p));
			if (c != null && c != AppendixColumn.NOTE && c != AppendixColumn.EXTRA && !columns.containsKey(c)) {
				columns.put(c, p);
			}
		}
		if (!columns.containsKey(AppendixColumn.TITLE)) {
			return null;
		}
		long others = columns.keySet().stream().filter(c -> c != AppendixColumn.TITLE && c != AppendixColumn.STT).count();
		return others >= 2 ? columns : null;
	}

	/**
	 * A two-row header ("Cơ quan thực hiện" over "Chủ trì" | "Phối hợp"): the second row's titles win for the
	 * positions they stand on. Returns whether the second row was such a sub-header.
	 */
	private static boolean refineWithSubHeader(Map<AppendixColumn, Integer> columns, GridRow header, GridRow next) {
		Map<AppendixColumn, Integer> sub = new EnumMap<>(AppendixColumn.class);
		int nonEmpty = 0;
		for (int p = 0; p < next.texts().size(); p++) {
			String t = next.text(p);
			if (t.isBlank() || next.span(p) == 0) {
				continue;
			}
			nonEmpty++;
			AppendixColumn c = AppendixColumn.of(t);
			if (c == null || c == AppendixColumn.NOTE || c == AppendixColumn.EXTRA) {
				return false;
			}
			sub.putIfAbsent(c, p);
		}
		if (nonEmpty == 0 || sub.isEmpty()) {
			return false;
		}
		columns.putAll(sub);
		return true;
	}

	private static void readRows(Grid grid, int from, Map<AppendixColumn, Integer> columns, String group,
			List<DraftRow> out) {
		Map<AppendixColumn, String> above = new EnumMap<>(AppendixColumn.class);
		String currentGroup = group;
		long tasks = out.stream().filter(r -> !r.group()).count();
		for (int i = from; i < grid.rows().size(); i++) {
			GridRow row = grid.rows().get(i);
			if (row.isEmpty() || header(row) != null || isNumberingRow(row)) {
				continue;
			}
			Map<AppendixColumn, String> v = new EnumMap<>(AppendixColumn.class);
			for (Map.Entry<AppendixColumn, Integer> e : columns.entrySet()) {
				int p = e.getValue();
				String text = row.text(p);
				if (text.isBlank() && row.isContinued(p) && e.getKey() != AppendixColumn.STT) {
					text = above.getOrDefault(e.getKey(), "");
				}
				v.put(e.getKey(), text);
			}
			String source = grid.name() + ", dòng " + row.line();
			String stt = VnText.oneLine(v.getOrDefault(AppendixColumn.STT, ""));
			String title = v.getOrDefault(AppendixColumn.TITLE, "");
			boolean restBlank = isBlank(v, AppendixColumn.HEAD, AppendixColumn.LEAD, AppendixColumn.COORDINATORS,
					AppendixColumn.OUTPUT, AppendixColumn.DEADLINE);
			DraftRow groupRow = restBlank ? groupRow(row, stt, title, columns, source) : null;
			if (groupRow != null) {
				currentGroup = groupRow.groupCode();
				out.add(groupRow);
				above.clear();
				continue;
			}
			if (++tasks > MAX_TASK_ROWS) {
				throw new IntakeException(grid.name() + " có hơn " + MAX_TASK_ROWS + " dòng nhiệm vụ; hãy tách phụ lục "
						+ "thành nhiều tệp");
			}
			out.add(DraftRow.task(row.line(), currentGroup, STT_TRAILER.matcher(stt).replaceAll(""), title,
					v.get(AppendixColumn.HEAD), v.get(AppendixColumn.LEAD), v.get(AppendixColumn.COORDINATORS),
					v.get(AppendixColumn.OUTPUT), v.get(AppendixColumn.DEADLINE), source));
			above.putAll(v);
		}
	}

	/** A group row: a Roman numeral (or a capital letter) and a title, nothing in the other columns. */
	private static DraftRow groupRow(GridRow row, String stt, String title, Map<AppendixColumn, Integer> columns,
			String source) {
		Matcher roman = ROMAN.matcher(stt);
		if (roman.matches() || LETTER_GROUP.matcher(stt).matches() && !title.isBlank()) {
			String code = stt.replaceAll("[.:)]", "");
			String t = title.isBlank() ? firstTextAfter(row, columns.get(AppendixColumn.STT)) : title;
			return DraftRow.group(row.line(), code, t == null ? "" : t, source);
		}
		// "I. Title" written in one cell merged across the row, in the STT or the title column
		for (String text : new String[] { stt, VnText.oneLine(title) }) {
			Matcher m = ROMAN_WITH_TITLE.matcher(text == null ? "" : text);
			if (m.matches() && (stt.isBlank() || text.equals(stt))) {
				return DraftRow.group(row.line(), m.group(1), m.group(2), source);
			}
		}
		return null;
	}

	private static String firstTextAfter(GridRow row, Integer position) {
		for (int p = position == null ? 0 : position + 1; p < row.texts().size(); p++) {
			if (!row.text(p).isBlank()) {
				return row.text(p);
			}
		}
		return null;
	}

	private static boolean isBlank(Map<AppendixColumn, String> v, AppendixColumn... cols) {
		for (AppendixColumn c : cols) {
			String s = v.get(c);
			if (s != null && !s.isBlank()) {
				return false;
			}
		}
		return true;
	}

	/** "(1) (2) (3) …" or "1 2 3 …" under the header: the columns' numbers, not a task. */
	private static boolean isNumberingRow(GridRow row) {
		int n = 0;
		for (String t : row.texts()) {
			if (t.isBlank()) {
				continue;
			}
			if (!NUMBERING_CELL.matcher(t.strip()).matches()) {
				return false;
			}
			n++;
		}
		return n >= 3;
	}

	private static String lastGroup(List<DraftRow> rows) {
		return rows.get(rows.size() - 1).groupCode();
	}

	/** What stands above the table: the appendix's title, as a suggestion for the plan's name. */
	private static String caption(Grid grid, int headerIndex) {
		List<String> lines = new ArrayList<>(grid.before());
		for (int i = 0; i < headerIndex; i++) {
			GridRow r = grid.rows().get(i);
			for (String t : r.texts()) {
				if (!t.isBlank()) {
					lines.add(t);
				}
			}
		}
		String joined = VnText.oneLine(String.join(" ", lines));
		return joined == null || joined.isBlank() ? null : joined.length() > 300 ? joined.substring(0, 300) : joined;
	}
}
