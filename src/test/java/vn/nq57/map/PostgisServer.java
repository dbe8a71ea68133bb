package vn.nq57.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * A real PostgreSQL server with PostGIS from the operating system's packages (Debian: {@code postgresql-NN} and
 * {@code postgresql-NN-postgis-3}, installed by {@code .ci/run}), started once per test JVM in a temporary data
 * directory on a free port of 127.0.0.1, as the {@code postgres} system user when the tests run as root (PostgreSQL
 * refuses to run as root), and stopped when the JVM ends. The embedded PostgreSQL of the other tests has no PostGIS:
 * this is what proves the map's PostGIS path.
 * <p>
 * {@link #reasonAbsent()} says why it cannot run here (no server binaries, no PostGIS for them); the tests that need
 * it are then skipped with that sentence.
 */
final class PostgisServer {

	private static final Path LIB = Path.of("/usr/lib/postgresql");

	private static final Path SHARE = Path.of("/usr/share/postgresql");

	static final String SKIPPED = "PostGIS tests skipped: no PostgreSQL server with PostGIS installed "
			+ "(/usr/lib/postgresql/NN/bin/initdb and /usr/share/postgresql/NN/extension/postgis.control); "
			+ "on Debian: apt-get install postgresql-15-postgis-3 (.ci/run does it)";

	private static String url;

	private PostgisServer() {
	}

	/** The newest installed server version that has PostGIS, or null. */
	static String version() {
		if (!Files.isDirectory(LIB)) {
			return null;
		}
		try (Stream<Path> dirs = Files.list(LIB)) {
			return dirs.map(d -> d.getFileName().toString())
				.filter(v -> v.matches("\\d+") && Files.isExecutable(LIB.resolve(v).resolve("bin/initdb"))
						&& Files.exists(SHARE.resolve(v).resolve("extension/postgis.control")))
				.max(Comparator.comparingInt(Integer::parseInt))
				.orElse(null);
		}
		catch (IOException e) {
			return null;
		}
	}

	static String reasonAbsent() {
		if (version() != null) {
			return null;
		}
		return SKIPPED;
	}

	/** For {@code @EnabledIf}. */
	static boolean available() {
		return version() != null;
	}

	/** Starts the server (once) and returns the JDBC URL of its {@code postgres} database, user postgres, trust. */
	static synchronized String start() {
		if (url != null) {
			return url;
		}
		String v = version();
		if (v == null) {
			throw new IllegalStateException(reasonAbsent());
		}
		try {
			Path bin = LIB.resolve(v).resolve("bin");
			Path dir = Files.createTempDirectory("nq57-postgis-");
			Path data = dir.resolve("data");
			boolean root = "root".equals(System.getProperty("user.name"));
			if (root) {
				run(List.of("chown", "postgres:postgres", dir.toString()), dir);
			}
			run(as(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
					"--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")), dir);
			int port;
			try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				port = s.getLocalPort();
			}
			run(as(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
					dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
					"-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
							+ " -c timezone=Asia/Ho_Chi_Minh -c max_connections=100 -c fsync=off -c shared_buffers=128MB",
					"start")), dir);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					run(as(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w",
							"stop")), dir);
					run(List.of("rm", "-rf", dir.toString()), Path.of("/"));
				}
				catch (RuntimeException ignored) {
					// the JVM is going away either way
				}
			}));
			url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
			return url;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<String> as(boolean root, List<String> command) {
		if (!root) {
			return command;
		}
		List<String> c = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
		c.addAll(command);
		return c;
	}

	private static void run(List<String> command, Path dir) {
		try {
			Path out = Files.createTempFile("nq57-postgis-", ".log");
			Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
				.redirectOutput(out.toFile()).start();
			if (!p.waitFor(120, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IllegalStateException("timed out: " + command);
			}
			String log = Files.readString(out);
			Files.deleteIfExists(out);
			if (p.exitValue() != 0) {
				throw new IllegalStateException(command + " failed (" + p.exitValue() + "): " + log);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Points a test context at this server ({@code nq57.db.embedded=false}). */
	static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext ctx) {
			TestPropertySourceUtils.addInlinedPropertiesToEnvironment(ctx, "nq57.db.embedded=false",
					"spring.datasource.url=" + start(), "spring.datasource.username=postgres");
		}
	}
}
