package vn.nq57.publicsite;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One public data set of the open-data catalogue. A module publishes one by declaring a bean of this type whose SQL
 * reads only its <em>published views</em> and yields only what DoST has confirmed or approved; the public pages,
 * the CSV/JSON/XLSX downloads, the DCAT-AP catalogue and the operations centre's feed all read it from here.
 *
 * <pre>
 * &#64;Bean PublicDataset bigProblems() {
 *   return PublicDataset.of("bai-toan-lon", "Danh mục bài toán lớn", "Các bài toán lớn đã được phê duyệt …",
 *       List.of("TECH", "ECON"), "SELECT code, title, unit, status FROM big_problem_public_view ORDER BY code",
 *       List.of(PublicDataset.text("code", "Mã bài toán"), PublicDataset.text("title", "Tên bài toán"), …));
 * }
 * </pre>
 *
 * @param name stable name, used in the address of the downloads ({@code /open-data/datasets/{name}.csv})
 * @param themes EU data themes (the DCAT-AP vocabulary: {@code GOVE}, {@code TECH}, {@code ECON}, {@code REGI} …)
 * @param sql the query; it may use {@code :today} (the application's day) and {@code :soonDays}
 * @param columns in order; a column with {@code derive} is computed from the row's other values, not read
 */
public record PublicDataset(String name, String title, String description, List<String> themes, List<String> keywords,
		String sql, List<Column> columns, String temporalStart) {

	public enum Type {
		TEXT("xsd:string"), INTEGER("xsd:integer"), DECIMAL("xsd:decimal"), DATE("xsd:date");

		private final String xsd;

		Type(String xsd) {
			this.xsd = xsd;
		}

		public String xsd() {
			return xsd;
		}
	}

	/** A column: its stable name (snake_case, never renamed), type and what it means. */
	public record Column(String name, Type type, String description, Function<Map<String, Object>, Object> derive) {

		public boolean derived() {
			return derive != null;
		}
	}

	public PublicDataset {
		if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			throw new IllegalArgumentException("A data set's name is lower-case words joined by '-': " + name);
		}
		themes = List.copyOf(themes);
		keywords = List.copyOf(keywords);
		columns = List.copyOf(columns);
	}

	public static PublicDataset of(String name, String title, String description, List<String> themes, String sql,
			List<Column> columns) {
		return new PublicDataset(name, title, description, themes, List.of(), sql, columns, null);
	}

	public static Column text(String name, String description) {
		return new Column(name, Type.TEXT, description, null);
	}

	public static Column integer(String name, String description) {
		return new Column(name, Type.INTEGER, description, null);
	}

	public static Column decimal(String name, String description) {
		return new Column(name, Type.DECIMAL, description, null);
	}

	public static Column date(String name, String description) {
		return new Column(name, Type.DATE, description, null);
	}

	public static Column derived(String name, Type type, String description, Function<Map<String, Object>, Object> f) {
		return new Column(name, type, description, f);
	}
}
