package vn.nq57.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.nq57.system.EmbeddedPostgresConfig;

/**
 * The default run's embedded server ({@code nq57.db.durable=true}, the default in application.properties) is
 * durable: fsync, synchronous_commit and full_page_writes on, read back with SHOW from the running server.
 */
class DurableDefaultRunTest {

	@Test
	@DisplayName("the server ./mvnw spring-boot:run starts has fsync, synchronous_commit and full_page_writes on")
	void durable() throws Exception {
		assertThat(defaultRunIsDurable()).isTrue();
		Path dir = Files.createTempDirectory("nq57-durable");
		try (EmbeddedPostgres pg = EmbeddedPostgresConfig.builder(true).setDataDirectory(dir).start();
				Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			for (String setting : new String[] { "fsync", "synchronous_commit", "full_page_writes" }) {
				try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
					rs.next();
					assertThat(rs.getString(1)).as(setting).isEqualTo("on");
				}
			}
		}
	}

	/** application.properties (the run command's settings) does not switch durability off. */
	static boolean defaultRunIsDurable() throws Exception {
		var props = new java.util.Properties();
		try (var in = DurableDefaultRunTest.class.getResourceAsStream("/application.properties")) {
			props.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return Boolean.parseBoolean(props.getProperty("nq57.db.durable", "true"))
				&& "true".equals(props.getProperty("nq57.db.embedded"));
	}
}
