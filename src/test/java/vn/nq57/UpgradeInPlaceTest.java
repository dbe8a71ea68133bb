package vn.nq57;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A database made by the previous release (main of 22/11/2026: migrations V1–V62 in one folder) upgrades in place
 * to this one: Flyway accepts the migrations moved into their modules' folders (same versions, descriptions and
 * checksums), applies the new ones out of order (V2.1, V3.1, V23, …), and no row is lost. The full check
 * with the previous release's jar on a real data directory is {@code bench/upgrade-check.sh}.
 */
class UpgradeInPlaceTest {

	/** The migrations the previous release shipped. */
	static final Set<String> PREVIOUS_RELEASE = Set.of("1", "2", "3", "4", "5", "20", "21", "22", "30", "40", "50", "60",
			"61", "62");

	static EmbeddedPostgres pg;

	@BeforeAll
	static void start() throws IOException {
		pg = EmbeddedPostgres.builder().setServerConfig("timezone", "Asia/Ho_Chi_Minh").start();
	}

	@AfterAll
	static void stop() throws IOException {
		pg.close();
	}

	@Test
	@DisplayName("the previous release's database upgrades in place: new migrations applied out of order, every row kept")
	void upgradesInPlace(@TempDir Path previous) throws IOException {
		DataSource ds = pg.getPostgresDatabase();
		JdbcTemplate jdbc = new JdbcTemplate(ds);
		// 1. the schema as the previous release left it: its migrations, flat in one folder as they were shipped
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
			for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
				String version = f.getFileName().toString().replaceAll("^V([0-9_]+)__.*", "$1");
				if (PREVIOUS_RELEASE.contains(version)) {
					Files.copy(f, previous.resolve(f.getFileName()));
				}
			}
		}
		assertThat(previous.toFile().list()).hasSize(PREVIOUS_RELEASE.size());
		Flyway.configure().dataSource(ds).locations("filesystem:" + previous).load().migrate();

		// 2. data of a province at work
		jdbc.update("INSERT INTO agency(code, name, short_name, kind) VALUES ('SKHCN', 'Sở Khoa học và Công nghệ', 'Sở KH&CN', 'DEPARTMENT'),"
				+ " ('STC', 'Sở Tài chính', 'STC', 'DEPARTMENT')");
		jdbc.update("INSERT INTO app_user(username, password_hash, full_name, role, agency_id)"
				+ " SELECT 'cb.stc', '{bcrypt}x', 'Cán bộ Sở Tài chính', 'AGENCY_OFFICER', id FROM agency WHERE code = 'STC'");
		jdbc.update("INSERT INTO directive(kind, number, title) VALUES ('PLAN', '359-KH/TU', 'Kế hoạch thực hiện Nghị quyết 57')");
		jdbc.update("INSERT INTO plan(directive_id, title, year) SELECT id, 'Kế hoạch năm 2026', 2026 FROM directive");
		jdbc.update("INSERT INTO task_group(plan_id, code, title, position) SELECT id, 'I', 'Nâng cao nhận thức', 1 FROM plan");
		jdbc.update("""
				INSERT INTO task(plan_id, group_id, stt, title, deadline_phrase, deadline_kind, due_date)
				SELECT g.plan_id, g.id, s::text, 'Nhiệm vụ ' || s, 'Quý III/2026', 'DATE', DATE '2026-09-30' FROM task_group g,
				       generate_series(1, 3) s""");
		jdbc.update("INSERT INTO task_lead(task_id, agency_id) SELECT t.id, a.id FROM task t, agency a WHERE a.code = 'STC'");
		jdbc.update("""
				INSERT INTO assignment(task_id, agency_id, deadline_kind, due_date, completed_on, state, percent)
				SELECT t.id, a.id, 'DATE', t.due_date, CASE WHEN t.stt = '1' THEN DATE '2026-09-20' END,
				       CASE WHEN t.stt = '1' THEN 'COMPLETED' ELSE 'OPEN' END, CASE WHEN t.stt = '1' THEN 100 ELSE 40 END
				FROM task t, agency a WHERE a.code = 'STC'""");
		jdbc.update("""
				INSERT INTO progress_update(assignment_id, reported_on, percent, results, author_id)
				SELECT a.id, DATE '2026-08-01', 40, 'Đã xây dựng dự thảo', u.id FROM assignment a, app_user u""");
		Map<String, Long> before = counts(jdbc);
		assertThat(before.get("assignment")).isEqualTo(3);
		assertThat(before.get("overview_agency_rollup")).isEqualTo(1);

		// 3. this release, configured as the application configures Flyway
		Flyway.configure().dataSource(ds).locations("classpath:db/migration").outOfOrder(true).load().migrate();

		// no row lost; the registry, already loaded, gains the two collectives of agency V2_2 and nothing else
		Map<String, Long> expected = new java.util.TreeMap<>(before);
		expected.merge("agency", 2L, Long::sum);
		assertThat(counts(jdbc)).as("rows per table after the upgrade").containsAllEntriesOf(expected);
		assertThat(jdbc.queryForList("SELECT code FROM agency WHERE kind = 'COLLECTIVE' AND code IN ('G-CQDVDP', 'G-HDT') ORDER BY code",
				String.class)).containsExactly("G-CQDVDP", "G-HDT");
		List<String> applied = jdbc.queryForList(
				"SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank", String.class);
		List<String> newer = newMigrations();
		assertThat(newer).as("this release brings migrations").isNotEmpty();
		assertThat(applied.subList(PREVIOUS_RELEASE.size(), applied.size())).as("new migrations applied after the old ones")
			.containsExactlyInAnyOrderElementsOf(newer);
		// what the modules now publish reads the same rows
		assertThat(jdbc.queryForObject("SELECT count(*) FROM assignment_view a JOIN task_view t ON t.id = a.task_id"
				+ " JOIN agency_view g ON g.id = a.agency_id", Long.class)).isEqualTo(3);
		assertThat(jdbc.queryForObject("SELECT count(*) FILTER (WHERE task_overdue(due_date, completed_on, DATE '2026-11-22'))"
				+ " FROM assignment_view", Long.class)).isEqualTo(2);
		assertThat(jdbc.queryForObject("SELECT total FROM agency_status_rollup_view", Long.class)).isEqualTo(3);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user_view WHERE username = 'cb.stc'", Long.class))
			.isEqualTo(1);
		// and a second start changes nothing
		Flyway.configure().dataSource(ds).locations("classpath:db/migration").outOfOrder(true).load().migrate();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history", Long.class))
			.isEqualTo((long) applied.size());
	}

	/** The versions of this release's migrations the previous release did not have ("2_1" is version 2.1). */
	private static List<String> newMigrations() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
			return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V[0-9_]+__.*\\.sql"))
				.map(n -> n.replaceAll("^V([0-9_]+)__.*", "$1")).filter(v -> !PREVIOUS_RELEASE.contains(v))
				.map(v -> v.replace('_', '.')).toList();
		}
	}

	private static Map<String, Long> counts(JdbcTemplate jdbc) {
		Map<String, Long> out = new LinkedHashMap<>();
		for (String table : jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
				+ " AND tablename <> 'flyway_schema_history' ORDER BY 1", String.class)) {
			out.put(table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
		}
		return out;
	}
}
