package vn.nq57.trust;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import vn.nq57.system.S3FileStore;

/**
 * A real S3-compatible server for the tests: S3Proxy (Apache-2.0, jclouds' filesystem backend, AWS signature v2/v4
 * checked) run as a child process from its own self-contained jar, which the build copies to
 * {@code target/s3proxy/s3proxy.jar} (pom: maven-dependency-plugin, {@code s3proxy.version}). A child process
 * rather than the library in the test JVM: S3Proxy brings its own Jetty, Jackson, Guava and jclouds, which would
 * meet Spring Boot's managed versions on one classpath. It can be stopped and started again on the same port and
 * directory (the objects stay), to show what the application does while its bucket is away.
 */
public final class S3Server implements AutoCloseable {

	public static final String ACCESS_KEY = "nq57-test-access";

	public static final String SECRET_KEY = "nq57-test-secret-0123456789";

	private final Path jar;

	private final Path base;

	private final Path conf;

	private final Path log;

	private final int port;

	private Process process;

	private S3Server(Path jar, Path base, int port) throws IOException {
		this.jar = jar;
		this.base = base;
		this.port = port;
		Path data = Files.createDirectories(base.resolve("data"));
		this.conf = base.resolve("s3proxy.conf");
		this.log = base.resolve("s3proxy.log");
		Files.writeString(conf, String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + port,
				"s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=" + ACCESS_KEY, "s3proxy.credential=" + SECRET_KEY,
				"jclouds.provider=filesystem", "jclouds.identity=unused", "jclouds.credential=unused",
				"jclouds.filesystem.basedir=" + data, ""), StandardCharsets.UTF_8);
	}

	/** Starts S3Proxy on a free loopback port with an empty directory of its own. */
	public static S3Server start() throws Exception {
		S3Server s = new S3Server(jar(), Files.createTempDirectory("nq57-s3proxy"), freePort());
		s.startProcess();
		Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
		return s;
	}

	/** The jar the build copied beside the test classes ({@code <build dir>/s3proxy/s3proxy.jar}). */
	static Path jar() throws Exception {
		Path testClasses = Path.of(S3Server.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path jar = testClasses.getParent().resolve("s3proxy").resolve("s3proxy.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: run the tests through Maven (the generate-test-resources "
					+ "phase copies S3Proxy's jar there)");
		}
		return jar;
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return s.getLocalPort();
		}
	}

	private void startProcess() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
				"--properties", conf.toString())).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("S3Proxy stopped at start (exit " + process.exitValue() + "):\n" + logTail());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException notYet) {
				Thread.sleep(200);
			}
		}
		stop();
		throw new IllegalStateException("S3Proxy did not listen on port " + port + " within 90 s:\n" + logTail());
	}

	private String logTail() {
		try {
			String text = Files.readString(log);
			return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	public String endpoint() {
		return "http://127.0.0.1:" + port;
	}

	/** Stops the server (its objects stay in its directory). */
	public synchronized void stop() {
		if (process != null && process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(10, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Starts it again on the same port and directory. */
	public synchronized void restart() throws Exception {
		stop();
		startProcess();
	}

	@Override
	public void close() {
		stop();
	}

	/** The application's settings for a bucket of this server (made at start when missing). */
	public S3FileStore.Settings settings(String bucket, String prefix) {
		return new S3FileStore.Settings(endpoint(), "us-east-1", bucket, ACCESS_KEY, SECRET_KEY, true, prefix, true);
	}

	/** The same as application properties, as an operator would write them. */
	public String[] properties(String bucket, String prefix) {
		return new String[] { "nq57.files.store=s3", "nq57.files.s3.endpoint=" + endpoint(), "nq57.files.s3.region=us-east-1",
				"nq57.files.s3.bucket=" + bucket, "nq57.files.s3.access-key=" + ACCESS_KEY,
				"nq57.files.s3.secret-key=" + SECRET_KEY, "nq57.files.s3.path-style=true", "nq57.files.s3.prefix=" + prefix,
				"nq57.files.s3.create-bucket=true" };
	}
}
