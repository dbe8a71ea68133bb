package vn.nq57.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a real PostgreSQL 17 inside the JVM when {@code nq57.db.embedded=true} (the default run and the
 * tests), keeping its data in {@code nq57.db.data-dir} between restarts. With the flag off, Spring Boot's
 * usual {@code spring.datasource.*} settings point at an external server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "nq57.db.embedded", havingValue = "true")
public class EmbeddedPostgresConfig {

	private static EmbeddedPostgres instance;

	@Bean
	DataSource dataSource(@Value("${nq57.db.data-dir:}") String dataDir, @Value("${nq57.db.port:0}") int port,
			@Value("${nq57.db.pool-size:20}") int poolSize, @Value("${nq57.db.durable:true}") boolean durable) {
		EmbeddedPostgres pg = start(dataDir, port, durable);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		// as many connections as request threads (server.tomcat.threads.max) plus the board's parallel widgets
		// (nq57.steering.parallel), so that load waits in Tomcat's queue, not for a connection; few kept when idle
		config.setMaximumPoolSize(poolSize);
		config.setMinimumIdle(Math.min(4, poolSize));
		// the database away (paused, failing over): a request waits at most 3 s for a connection and 10 s on a silent
		// socket, then answers 503, and web.DatabaseGate answers the next ones at once; the pool recovers by itself.
		// (10 s for a connection was tried: a pause then held requests 20 s and recovery took 18 s.)
		config.setConnectionTimeout(3_000);
		config.addDataSourceProperty("socketTimeout", "10");
		config.addDataSourceProperty("connectTimeout", "5");
		return new HikariDataSource(config);
	}

	/** The test JVM's server (fast settings), started on first use. */
	static synchronized EmbeddedPostgres start(String dataDir, int port) {
		return start(dataDir, port, false);
	}

	/**
	 * The server's settings. The default run ({@code ./mvnw spring-boot:run}) holds real data, so it is durable:
	 * every commit reaches the disk ({@code fsync}, {@code synchronous_commit}) and a crash cannot tear a page
	 * ({@code full_page_writes}); the embedded library's own defaults switch these off for speed, which only the
	 * tests may keep ({@code nq57.db.durable=false}).
	 */
	public static EmbeddedPostgres.Builder builder(boolean durable) {
		String on = durable ? "on" : "off";
		return EmbeddedPostgres.builder()
			.setServerConfig("timezone", AppClock.ZONE)
			.setServerConfig("max_connections", "200")
			.setServerConfig("shared_buffers", "256MB")
			.setServerConfig("work_mem", "32MB")
			.setServerConfig("max_parallel_workers_per_gather", "2")
			.setServerConfig("fsync", on)
			.setServerConfig("synchronous_commit", on)
			.setServerConfig("full_page_writes", on);
	}

	/** One server per JVM: test contexts share it, and it stops with the JVM. */
	static synchronized EmbeddedPostgres start(String dataDir, int port, boolean durable) {
		if (instance != null) {
			return instance;
		}
		try {
			EmbeddedPostgres.Builder builder = builder(durable);
			if (StringUtils.hasText(dataDir)) {
				Path dir = Path.of(dataDir).toAbsolutePath();
				Files.createDirectories(dir);
				builder.setDataDirectory(dir).setCleanDataDirectory(false);
			}
			if (port > 0) {
				builder.setPort(port);
			}
			instance = builder.start();
			EmbeddedPostgres started = instance;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (IOException ignored) {
					// the JVM is going away either way
				}
			}));
			return instance;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không khởi động được PostgreSQL nhúng: " + e.getMessage(), e);
		}
	}
}
