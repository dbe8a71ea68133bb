package vn.nq57.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.nq57.IntegrationTest;
import vn.nq57.system.TestDatabases;

/**
 * Backup, wipe, restore: the test database (registry, accounts, and whatever the tests before made, evidence files
 * included) is backed up; a second database made by Flyway receives it; it is then wiped and restored again; every
 * table's row count and checksum equal the original's, the main tables are not empty, and new rows get new ids.
 */
@IntegrationTest
class BackupRestoreTest {

	@Autowired
	Backup backup;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@DisplayName("back up, wipe, restore: row counts and checksums of every table equal the original's")
	void backupWipeRestore() throws Exception {
		jdbc.update("INSERT INTO attachment(filename, content_type, size_bytes, sha256, data, agency_id, uploaded_by) "
				+ "SELECT 'minh-chung.pdf', 'application/pdf', 5, 'x', '\\x255044462d'::bytea, min(id), "
				+ "(SELECT min(id) FROM app_user) FROM agency");
		Path dir = Files.createTempDirectory("nq57-backup").resolve("2026-11-22");
		List<Backup.TableCopy> original = backup.backup(dir);
		assertThat(original).extracting(Backup.TableCopy::table)
			.contains("agency", "app_user", "task", "assignment", "attachment", "audit_event", "flyway_schema_history");
		assertThat(original.stream().filter(t -> t.table().equals("agency")).findFirst().orElseThrow().rows()).isPositive();
		assertThat(original.stream().filter(t -> t.table().equals("attachment")).findFirst().orElseThrow().rows()).isPositive();
		// a header, a line per table, and where the uploaded files are (here: in the tables' rows)
		assertThat(Files.readAllLines(dir.resolve("manifest.tsv"))).hasSize(original.size() + 2)
			.contains("# files: in the tables' rows (nq57.files.store=database)");
		assertThat(backup.filesSummary(dir, false)).contains("nằm trong các bảng");

		String url = TestDatabases.create("restore_target");
		DriverManagerDataSource target = new DriverManagerDataSource(url, "postgres", "");
		Flyway.configure().dataSource(target).locations("classpath:db/migration").outOfOrder(true).load().migrate();
		Backup into = new Backup(target);
		JdbcTemplate t = new JdbcTemplate(target);

		assertThat(into.restore(dir)).isEqualTo(original);
		// wipe: every table emptied, as after a lost disk
		t.execute("TRUNCATE " + String.join(", ", into.tables()) + " CASCADE");
		assertThat(t.queryForObject("SELECT count(*) FROM agency", Long.class)).isZero();
		List<Backup.TableCopy> restored = into.restore(dir);
		assertThat(restored).isEqualTo(original);
		assertThat(into.checksums(original.stream().map(Backup.TableCopy::table).toList())).isEqualTo(original);
		// the sequences continue past the restored ids
		long max = t.queryForObject("SELECT max(id) FROM audit_event", Long.class);
		long next = t.queryForObject("INSERT INTO audit_event(occurred_at, action, entity_type) VALUES (now(), 'X', 'Y') "
				+ "RETURNING id", Long.class);
		assertThat(next).isGreaterThan(max);
	}

	@Test
	@DisplayName("a backup is not written into a directory that already holds files, and a broken backup restores nothing")
	void refusals() throws Exception {
		Path dir = Files.createTempDirectory("nq57-backup-full");
		Files.writeString(dir.resolve("x.txt"), "x");
		assertThatThrownBy(() -> backup.backup(dir)).hasMessageContaining("thư mục trống");

		Path good = Files.createTempDirectory("nq57-backup2").resolve("b");
		backup.backup(good);
		Files.writeString(good.resolve("manifest.tsv"), Files.readString(good.resolve("manifest.tsv"))
			.replaceFirst("(?m)^agency\\t(\\d+)", "agency\t999999"));
		String url = TestDatabases.create("restore_broken");
		DriverManagerDataSource target = new DriverManagerDataSource(url, "postgres", "");
		Flyway.configure().dataSource(target).locations("classpath:db/migration").outOfOrder(true).load().migrate();
		assertThatThrownBy(() -> new Backup(target).restore(good)).hasMessageContaining("không khớp");
		assertThat(new JdbcTemplate(target).queryForObject("SELECT count(*) FROM agency", Long.class)).isZero();
	}
}
