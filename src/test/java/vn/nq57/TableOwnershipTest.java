package vn.nq57;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Which module owns which table, written down and enforced. A module's migrations live in
 * {@code db/migration/<module>/}; the tables they create are that module's alone. Another module may read what
 * the owner publishes — its views and SQL functions — and must go through the owner's Java services to write.
 * The test reads every migration, every SQL string, every {@code @Table} and every Spring Data repository of the
 * code base and names each place that breaks this.
 */
class TableOwnershipTest {

	static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
	static final Path SOURCES = Path.of("src/main/java/vn/nq57");

	private static final Pattern CREATE_TABLE = Pattern
		.compile("(?i)\\bCREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");
	private static final Pattern CREATE_VIEW = Pattern
		.compile("(?i)\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:MATERIALIZED\\s+)?VIEW\\s+([a-z_][a-z0-9_]*)");
	private static final Pattern CREATE_FUNCTION = Pattern
		.compile("(?i)\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?FUNCTION\\s+([a-z_][a-z0-9_]*)");
	/** A keyword after which SQL names a relation; the name itself is matched case-sensitively (SQL is lower case). */
	private static final Pattern USE = Pattern.compile(
			"(?i:\\b(delete\\s+from|from|join|into|update|truncate|alter\\s+table|on|table|copy))\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)\\b");
	private static final Pattern TABLE_ANNOTATION = Pattern.compile("@Table\\s*\\(\\s*name\\s*=\\s*\"([a-z_0-9]+)\"");
	private static final Pattern REPOSITORY = Pattern
		.compile("\\b(?:Jpa|Crud|PagingAndSorting|ListCrud)?Repository\\s*<\\s*([A-Z][A-Za-z0-9_]*)\\s*,");

	/** The schema as the migrations declare it: each table, view and function with the module that creates it. */
	record Schema(Map<String, String> tables, Map<String, String> views, Map<String, String> functions) {

		String ownerOf(String name) {
			String o = tables.get(name);
			if (o == null) {
				o = views.get(name);
			}
			return o;
		}
	}

	record Violation(String module, String where, String what) {

		@Override
		public String toString() {
			return module + " " + what + " at " + where;
		}
	}

	@Test
	@DisplayName("every migration sits in the folder of a module, and each table is created by exactly one module")
	void everyMigrationBelongsToAModule() {
		List<String> strays = new ArrayList<>();
		Map<String, List<String>> creators = new LinkedHashMap<>();
		for (Path f : files(MIGRATIONS, ".sql")) {
			Path rel = MIGRATIONS.relativize(f);
			if (rel.getNameCount() != 2 || !Files.isDirectory(SOURCES.resolve(rel.getName(0).toString()))) {
				strays.add(rel.toString());
				continue;
			}
			Matcher m = CREATE_TABLE.matcher(sqlWithoutComments(read(f)));
			while (m.find()) {
				creators.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(rel.toString());
			}
		}
		assertThat(strays).as("migrations outside a module's folder").isEmpty();
		assertThat(creators).allSatisfy((table, where) -> assertThat(where).as(table).hasSize(1));
	}

	@Test
	@DisplayName("a migration creates, alters, indexes and triggers only its own module's tables (foreign keys aside)")
	void migrationsTouchOnlyTheirOwnTables() {
		Schema schema = schema();
		List<Violation> found = new ArrayList<>();
		for (Path f : files(MIGRATIONS, ".sql")) {
			String module = MIGRATIONS.relativize(f).getName(0).toString();
			found.addAll(check(schema, module, MIGRATIONS.relativize(f).toString(), sqlWithoutComments(read(f))));
		}
		List<String> seen = found.stream().map(v -> v.where().replaceAll(":\\d+$", "") + ": " + v.what()).distinct().toList();
		assertThat(seen).as("migrations using another module's tables").containsExactlyInAnyOrderElementsOf(APPLIED_BEFORE_OWNERSHIP);
	}

	/**
	 * Statements of migrations that production databases applied before ownership was written down. Flyway refuses
	 * to start when an applied migration changes, so they stay; each is superseded where it matters: V40_1 recreates
	 * reporting_expectation over agency_view, account's V3_1 creates its own index, and a module's setting defaults
	 * are declared in Java ({@code vn.nq57.system.SettingSpec}), so no new migration needs to insert into setting.
	 */
	static final List<String> APPLIED_BEFORE_OWNERSHIP = List.of(
			"indicator/V61__indicator_settings.sql: writes table setting of system",
			"notification/V50__notification.sql: writes table setting of system",
			"notification/V50__notification.sql: writes table app_user of account",
			"reporting/V40__reporting.sql: reads table agency of agency",
			"reporting/V40__reporting.sql: writes table setting of system");

	@Test
	@DisplayName("the code reads other modules' data only through their published views, and writes only its own tables")
	void codeUsesOnlyItsOwnTablesAndPublishedViews() {
		List<Violation> found = violationsInCode(schema());
		assertThat(found).as("places where a module uses a table it does not own").isEmpty();
	}

	@Test
	@DisplayName("the check finds a planted query on a foreign table, a write through a foreign view, a foreign entity and repository")
	void theCheckCanFail() {
		Schema schema = schema();
		assertThat(check(schema, "overview", "Planted.java", "String q = \"SELECT count(*) FROM assignment a\";"))
			.extracting(Violation::what).containsExactly("reads table assignment of task");
		assertThat(check(schema, "notification", "Planted.java",
				"\"\"\"\n SELECT a.id FROM assignment_view a JOIN agency g ON g.id = a.agency_id\"\"\""))
			.extracting(Violation::what).containsExactly("reads table agency of agency");
		assertThat(check(schema, "intake", "Planted.java", "\"UPDATE task_view SET title = ?\""))
			.extracting(Violation::what).containsExactly("writes through view task_view of task");
		assertThat(check(schema, "task", "Planted.java", "\"INSERT INTO intake_batch(id) VALUES (1)\""))
			.extracting(Violation::what).containsExactly("writes table intake_batch of intake");
		// reading a published view or one's own table, and calling a published function, is fine
		assertThat(check(schema, "overview", "Planted.java",
				"\"SELECT count(*) FILTER (WHERE task_overdue_on(a.due_date, a.completed_on, :day)) FROM assignment_view a\""))
			.isEmpty();
		assertThat(check(schema, "task", "Planted.java", "\"DELETE FROM assignment WHERE id = ?\"")).isEmpty();
		// comments do not count
		assertThat(check(schema, "overview", "Planted.java",
				javaWithoutComments("// counted from assignment by the triggers\nint n; /* FROM task */\n"))).isEmpty();
	}

	@Test
	@DisplayName("ARCHITECTURE.md names every table and published view in its owner's row")
	void architecturePageNamesWhatEachModuleOwns() {
		Map<String, String> rows = new LinkedHashMap<>();
		for (String line : read(Path.of("ARCHITECTURE.md")).split("\n")) {
			Matcher m = Pattern.compile("^\\| `([a-z]+)` \\|").matcher(line);
			if (m.find()) {
				rows.put(m.group(1), line);
			}
		}
		Schema schema = schema();
		List<String> missing = new ArrayList<>();
		schema.tables().forEach((t, m) -> {
			if (!rows.getOrDefault(m, "").contains("`" + t + "`")) {
				missing.add("table " + t + " of " + m);
			}
		});
		schema.views().forEach((v, m) -> {
			if (!rows.getOrDefault(m, "").contains("`" + v + "`")) {
				missing.add("view " + v + " of " + m);
			}
		});
		assertThat(missing).as("not in ARCHITECTURE.md").isEmpty();
		assertThat(rows.keySet()).as("modules in ARCHITECTURE.md").containsAll(
				files(SOURCES, "package-info.java").stream().map(TableOwnershipTest::moduleOf).toList());
	}

	static List<Violation> violationsInCode(Schema schema) {
		Map<String, String> entityModule = new LinkedHashMap<>();
		Map<String, String> entityTable = new LinkedHashMap<>();
		for (Path f : files(SOURCES, ".java")) {
			Matcher t = TABLE_ANNOTATION.matcher(read(f));
			if (t.find()) {
				String entity = f.getFileName().toString().replace(".java", "");
				entityModule.put(entity, moduleOf(f));
				entityTable.put(entity, t.group(1));
			}
		}
		List<Violation> found = new ArrayList<>();
		for (Path f : files(SOURCES, ".java")) {
			String module = moduleOf(f);
			if (module == null) {
				continue;
			}
			String where = SOURCES.relativize(f).toString();
			String code = javaWithoutComments(read(f));
			found.addAll(check(schema, module, where, code));
			Matcher t = TABLE_ANNOTATION.matcher(code);
			while (t.find()) {
				String owner = schema.tables().get(t.group(1));
				if (owner != null && !owner.equals(module)) {
					found.add(new Violation(module, where, "maps entity to table " + t.group(1) + " of " + owner));
				}
			}
			Matcher r = REPOSITORY.matcher(code);
			while (r.find()) {
				String entity = r.group(1);
				String table = entityTable.get(entity);
				String owner = table == null ? null : schema.tables().get(table);
				if (owner != null && !owner.equals(module)) {
					found.add(new Violation(module, where, "has a repository of " + entity + " (table " + table + " of "
							+ owner + ")"));
				}
			}
		}
		return found;
	}

	static List<Violation> check(Schema schema, String module, String where, String text) {
		List<Violation> found = new ArrayList<>();
		Matcher m = USE.matcher(text);
		while (m.find()) {
			String keyword = m.group(1).toLowerCase().replaceAll("\\s+", " ");
			String name = m.group(2);
			boolean write = keyword.equals("into") || keyword.equals("update") || keyword.equals("delete from")
					|| keyword.equals("truncate") || keyword.equals("alter table") || keyword.equals("on")
					|| keyword.equals("table") || keyword.equals("copy");
			String tableOwner = schema.tables().get(name);
			String viewOwner = schema.views().get(name);
			String at = where + ":" + lineOf(text, m.start());
			if (tableOwner != null && !tableOwner.equals(module)) {
				found.add(new Violation(module, at, (write ? "writes table " : "reads table ") + name + " of " + tableOwner));
			}
			else if (viewOwner != null && !viewOwner.equals(module) && write && !keyword.equals("on")) {
				found.add(new Violation(module, at, "writes through view " + name + " of " + viewOwner));
			}
		}
		return found;
	}

	static Schema schema() {
		Map<String, String> tables = new LinkedHashMap<>();
		Map<String, String> views = new LinkedHashMap<>();
		Map<String, String> functions = new LinkedHashMap<>();
		for (Path f : files(MIGRATIONS, ".sql")) {
			String module = MIGRATIONS.relativize(f).getName(0).toString();
			String sql = sqlWithoutComments(read(f));
			collect(CREATE_TABLE, sql, module, tables);
			collect(CREATE_VIEW, sql, module, views);
			collect(CREATE_FUNCTION, sql, module, functions);
		}
		return new Schema(tables, views, functions);
	}

	/** What each module owns and publishes, for the module table of README.md and ARCHITECTURE.md. */
	static Map<String, Set<String>> published() {
		Schema s = schema();
		Map<String, Set<String>> out = new LinkedHashMap<>();
		s.views().forEach((v, m) -> out.computeIfAbsent(m, k -> new TreeSet<>()).add(v));
		return out;
	}

	private static void collect(Pattern p, String sql, String module, Map<String, String> into) {
		Matcher m = p.matcher(sql);
		while (m.find()) {
			into.putIfAbsent(m.group(1), module);
		}
	}

	private static String moduleOf(Path javaFile) {
		Path rel = SOURCES.relativize(javaFile);
		return rel.getNameCount() < 2 ? null : rel.getName(0).toString();
	}

	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	/** Drops comments but keeps line breaks, so that line numbers stay right. */
	static String javaWithoutComments(String java) {
		StringBuilder out = new StringBuilder(java.length());
		int i = 0;
		boolean inString = false;
		boolean inTextBlock = false;
		while (i < java.length()) {
			char c = java.charAt(i);
			if (inTextBlock) {
				if (java.startsWith("\"\"\"", i)) {
					inTextBlock = false;
					out.append("\"\"\"");
					i += 3;
					continue;
				}
				out.append(c);
			}
			else if (inString) {
				if (c == '\\' && i + 1 < java.length()) {
					out.append(c).append(java.charAt(i + 1));
					i += 2;
					continue;
				}
				if (c == '"' || c == '\n') {
					inString = false;
				}
				out.append(c);
			}
			else if (java.startsWith("\"\"\"", i)) {
				inTextBlock = true;
				out.append("\"\"\"");
				i += 3;
				continue;
			}
			else if (c == '"') {
				inString = true;
				out.append(c);
			}
			else if (c == '\'' && i + 2 < java.length()) {
				int end = java.indexOf('\'', i + (java.charAt(i + 1) == '\\' ? 2 : 1) + 1);
				out.append(' ');
				i = end < 0 ? i + 1 : end + 1;
				continue;
			}
			else if (java.startsWith("//", i)) {
				while (i < java.length() && java.charAt(i) != '\n') {
					i++;
				}
				continue;
			}
			else if (java.startsWith("/*", i)) {
				int end = java.indexOf("*/", i + 2);
				end = end < 0 ? java.length() : end + 2;
				for (int k = i; k < end; k++) {
					if (java.charAt(k) == '\n') {
						out.append('\n');
					}
				}
				i = end;
				continue;
			}
			else {
				out.append(c);
			}
			i++;
		}
		return out.toString();
	}

	static String sqlWithoutComments(String sql) {
		return sql.replaceAll("--[^\n]*", "");
	}

	private static List<Path> files(Path root, String suffix) {
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path f) {
		try {
			return Files.readString(f);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
