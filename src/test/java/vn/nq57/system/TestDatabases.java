package vn.nq57.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Databases of their own on the test JVM's embedded PostgreSQL server (the one {@link EmbeddedPostgresConfig}
 * starts for every test context): a context that must not share the main test database, such as the demo's,
 * gets an empty database created here and points {@code spring.datasource.url} at it.
 */
public final class TestDatabases {

	private TestDatabases() {
	}

	/** Creates the database if it does not exist yet and returns its JDBC URL (user postgres, no password). */
	public static synchronized String create(String name) {
		if (!name.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException(name);
		}
		EmbeddedPostgres pg = EmbeddedPostgresConfig.start("", 0);
		try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			boolean exists;
			try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
				exists = rs.next();
			}
			if (!exists) {
				s.execute("CREATE DATABASE " + name);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not create the test database " + name, e);
		}
		return pg.getJdbcUrl("postgres", name);
	}
}
