package vn.nq57.trust;

import static vn.nq57.trust.TwoNodesTest.browser;
import static vn.nq57.trust.TwoNodesTest.get;
import static vn.nq57.trust.TwoNodesTest.scrape;
import static vn.nq57.trust.TwoNodesTest.signIn;
import static vn.nq57.trust.TwoNodesTest.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import vn.nq57.Nq57Application;
import vn.nq57.ops.Backup;
import vn.nq57.security.Fixtures;
import vn.nq57.system.FileStore;
import vn.nq57.system.S3FileStore;
import vn.nq57.system.TestDatabases;
import vn.nq57.task.Assignment;
import vn.nq57.task.Task;

/**
 * The S3-compatible file store against a real S3 server (S3Proxy, started by the test as a child process:
 * {@link S3Server}), with two application nodes on one PostgreSQL and one bucket, configured as an operator would
 * ({@code nq57.files.store=s3}, {@code nq57.files.s3.*}): the store writes, reads back byte for byte, lists and
 * deletes, refuses names that are not SHA-256 and objects that do not match theirs; an evidence file uploaded
 * through the real HTTP endpoint on node A is downloaded on node B; the backup copies the bucket's objects and a
 * restore into a new database and a new bucket serves the file again; readiness is DOWN while the bucket is away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3FileStoreTest {

	static final String BUCKET = "nq57-files";

	static final String PREFIX = "nq57";

	static S3Server s3;

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	/** The evidence file the HTTP test uploads, for the backup test. */
	static byte[] evidence;

	static long evidenceId;

	@BeforeAll
	static void start() throws Exception {
		s3 = S3Server.start();
		a = node("node-a");
		b = node("node-b");
	}

	static ConfigurableApplicationContext node(String name) {
		List<String> properties = new ArrayList<>(List.of("nq57.node-name=" + name, "spring.jmx.enabled=false",
				"nq57.demo.enabled=false"));
		properties.addAll(List.of(s3.properties(BUCKET, PREFIX)));
		return new SpringApplicationBuilder(Nq57Application.class).web(WebApplicationType.SERVLET).profiles("test")
			.properties(properties.toArray(String[]::new)).run("--server.port=0");
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
		if (s3 != null) {
			s3.stop();
		}
	}

	/** A client of our own, beside the application, to look into the bucket. */
	static S3Client raw() {
		return S3Client.builder().endpointOverride(URI.create(s3.endpoint())).region(Region.US_EAST_1).forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Server.ACCESS_KEY,
					S3Server.SECRET_KEY)))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClient(UrlConnectionHttpClient.create()).build();
	}

	static String key(String sha) {
		return PREFIX + "/" + sha.substring(0, 2) + "/" + sha;
	}

	static byte[] random(int size) {
		byte[] data = new byte[size];
		ThreadLocalRandom.current().nextBytes(data);
		return data;
	}

	static Set<String> names(FileStore store) {
		try (var names = store.names()) {
			return new HashSet<>(names.toList());
		}
	}

	@Test
	@Order(1)
	@DisplayName("the application's S3 store writes, reads back byte for byte on the other node, lists and deletes; names are SHA-256 only")
	void storeReadListDelete() throws Exception {
		FileStore onA = a.getBean(FileStore.class);
		FileStore onB = b.getBean(FileStore.class);
		assertThat(onA.kind()).isEqualTo("s3");
		assertThat(onA.where()).startsWith("s3://" + BUCKET + "/" + PREFIX + "/").doesNotContain(S3Server.SECRET_KEY);

		byte[] data = random(300_000);
		String sha = FileStore.sha256(data);
		assertThat(onA.keep(data, sha)).as("the row keeps no bytes").isEmpty();
		assertThat(onB.read(new byte[0], sha, data.length)).isEqualTo(data);
		assertThat(names(onB)).contains(sha);
		try (S3Client raw = raw()) {
			List<String> keys = raw.listObjectsV2(r -> r.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
			assertThat(keys).contains(key(sha)).allMatch(k -> k.startsWith(PREFIX + "/"));
			assertThat(raw.headObject(r -> r.bucket(BUCKET).key(key(sha))).contentLength()).isEqualTo(data.length);
		}

		// a stream in, a stream out (6 MB: more than one buffer of the SDK's)
		byte[] big = random(6 * 1024 * 1024);
		String bigSha = FileStore.sha256(big);
		onA.put(bigSha, new ByteArrayInputStream(big), big.length);
		try (InputStream in = onB.open(bigSha)) {
			assertThat(in.readAllBytes()).isEqualTo(big);
		}
		assertThat(onB.exists(bigSha, big.length)).isTrue();
		assertThat(onB.exists(bigSha, 1)).isFalse();

		assertThat(onA.delete(bigSha)).isTrue();
		assertThat(onA.delete(bigSha)).isFalse();
		assertThat(names(onB)).contains(sha).doesNotContain(bigSha);
		assertThat(onB.exists(bigSha, -1)).isFalse();
		assertThatThrownBy(() -> onB.read(new byte[0], bigSha, big.length)).hasMessageContaining("không có tệp");

		// an object whose bytes are not those its name says is refused, not served
		byte[] forged = "nội dung bị thay".getBytes(StandardCharsets.UTF_8);
		String claimed = FileStore.sha256("nội dung gốc".getBytes(StandardCharsets.UTF_8));
		try (S3Client raw = raw()) {
			raw.putObject(r -> r.bucket(BUCKET).key(key(claimed)), RequestBody.fromBytes(forged));
		}
		assertThatThrownBy(() -> onA.read(new byte[0], claimed, forged.length)).hasMessageContaining("không khớp");
		assertThatThrownBy(() -> onA.read(new byte[0], claimed, forged.length + 10)).hasMessageContaining("byte, cần");
		assertThat(onA.delete(claimed)).isTrue();

		// keys are never made of what a user typed
		assertThatThrownBy(() -> onA.keep(data, "../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> onA.open("ab/../../" + sha)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> onA.put("..", new ByteArrayInputStream(data), data.length))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new S3FileStore(s3.settings(BUCKET, "nq57/../khac"))).hasMessageContaining("'..'");
		assertThatThrownBy(() -> new S3FileStore(s3.settings("../bucket", ""))).hasMessageContaining("bucket");
	}

	@Test
	@Order(2)
	@DisplayName("an evidence file posted through the progress form on node A is stored in the bucket and downloaded on node B")
	void evidenceUploadedOnADownloadedOnB() throws Exception {
		Fixtures fx = new Fixtures(a);
		Task task = fx.task("Lưu minh chứng vào kho S3 " + Fixtures.tag(), "31/12/2026", "STC");
		Assignment work = fx.onlyAssignment(task);
		HttpClient officer = browser();
		signIn(officer, a, "cb.stc");
		evidence = pdf(40_000);
		HttpResponse<String> posted = postProgressWithFile(officer, a, task, work, "bao-cao-minh-chung.pdf", evidence);
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(get(officer, url(a, "/tasks/" + task.getId())).body()).contains("Đã cập nhật tiến độ");

		JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
		evidenceId = jdbc.queryForObject("SELECT attachment_id FROM progress_update WHERE assignment_id = ?", Long.class,
				work.getId());
		String sha = FileStore.sha256(evidence);
		assertThat(jdbc.queryForObject("SELECT sha256 FROM attachment WHERE id = ?", String.class, evidenceId)).isEqualTo(sha);
		assertThat(jdbc.queryForObject("SELECT length(data) FROM attachment WHERE id = ?", Integer.class, evidenceId))
			.as("the bytes are in the bucket, not the row").isZero();
		try (S3Client raw = raw()) {
			assertThat(raw.getObjectAsBytes(r -> r.bucket(BUCKET).key(key(sha))).asByteArray()).isEqualTo(evidence);
		}

		HttpResponse<byte[]> download = officer.send(HttpRequest.newBuilder(URI.create(url(b, "/files/" + evidenceId)))
			.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(evidence);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("bao-cao-minh-chung.pdf");
		assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
	}

	@Test
	@Order(3)
	@DisplayName("the backup copies the bucket's objects; a restore into a new database and a new bucket serves the file again")
	void backupAndRestoreWithTheBucket() throws Exception {
		assertThat(evidence).as("the upload test ran first").isNotNull();
		String sha = FileStore.sha256(evidence);
		Backup backup = b.getBean(Backup.class);
		assertThat(backup.copiesFiles()).isTrue();
		Path dir = Files.createTempDirectory("nq57-backup-s3").resolve("b");
		List<Backup.TableCopy> original = backup.backup(dir);
		assertThat(Files.readString(dir.resolve("manifest.tsv")))
			.contains("# files of the s3 store s3://" + BUCKET + "/" + PREFIX + "/");
		assertThat(Files.readAllBytes(dir.resolve("files").resolve(sha.substring(0, 2)).resolve(sha))).isEqualTo(evidence);
		Set<String> inBucket = names(b.getBean(FileStore.class));
		assertThat(Backup.filesIn(dir)).isEqualTo(inBucket.size());
		assertThat(backup.filesSummary(dir, false)).contains(inBucket.size() + " tệp tải lên của kho s3");

		// as after losing the database and the bucket: a new database made by Flyway, a new bucket
		String url = TestDatabases.create("restore_s3_target");
		DriverManagerDataSource target = new DriverManagerDataSource(url, "postgres", "");
		Flyway.configure().dataSource(target).locations("classpath:db/migration").outOfOrder(true).load().migrate();
		try (S3FileStore restoredStore = new S3FileStore(s3.settings("nq57-restored", PREFIX))) {
			Backup into = Backup.of(target, restoredStore, "copy");
			assertThat(names(restoredStore)).isEmpty();
			assertThat(into.restore(dir)).isEqualTo(original);
			assertThat(names(restoredStore)).isEqualTo(inBucket);
			Map<String, Object> row = new JdbcTemplate(target)
				.queryForMap("SELECT data, sha256, size_bytes FROM attachment WHERE id = ?", evidenceId);
			assertThat(restoredStore.read((byte[]) row.get("data"), (String) row.get("sha256"),
					((Number) row.get("size_bytes")).longValue())).isEqualTo(evidence);
			// a second restore finds the objects there and leaves them
			assertThat(into.copyFilesIn(dir.resolve("files"))).isEqualTo(inBucket.size());
		}

		// nq57.backup.files=skip: the bucket is left to its own versioning and replication, and the backup says so
		Path skipped = Files.createTempDirectory("nq57-backup-s3-skip").resolve("b");
		Backup skipping = Backup.of(a.getBean(DataSource.class), a.getBean(FileStore.class), "skip");
		assertThat(skipping.copiesFiles()).isFalse();
		skipping.backup(skipped);
		assertThat(skipped.resolve("files")).doesNotExist();
		assertThat(Files.readString(skipped.resolve("manifest.tsv"))).contains("NOT COPIED (nq57.backup.files=skip)");
		assertThat(skipping.filesSummary(skipped, false)).contains("KHÔNG được sao lưu").contains("versioning");
		assertThat(skipping.filesSummary(skipped, true)).contains("CHÚ Ý: bản sao lưu không có tệp tải lên nào");
		assertThatThrownBy(() -> Backup.of(target, FileStore.inDatabase(), "sometimes"))
			.hasMessageContaining("copy hoặc skip");
	}

	@Test
	@Order(4)
	@DisplayName("readiness includes the bucket: DOWN (503) while the S3 server is stopped, liveness stays UP, UP again once it is back")
	void readinessFollowsTheBucket() throws Exception {
		HttpClient anonymous = browser();
		for (ConfigurableApplicationContext node : List.of(a, b)) {
			HttpResponse<String> ready = scrape(anonymous, url(node, "/actuator/health/readiness"));
			assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
			assertThat(ready.body()).contains("UP");
		}
		s3.stop();
		try {
			HttpResponse<String> down = scrape(anonymous, url(a, "/actuator/health/readiness"));
			assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
			assertThat(down.body()).contains("DOWN");
			assertThat(scrape(anonymous, url(a, "/actuator/health/liveness")).statusCode()).isEqualTo(200);
		}
		finally {
			s3.restart();
		}
		HttpResponse<String> back = null;
		for (int i = 0; i < 50; i++) {
			back = scrape(anonymous, url(b, "/actuator/health/readiness"));
			if (back.statusCode() == 200) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(back.statusCode()).isEqualTo(200);
		assertThat(a.getBean(FileStore.class).read(new byte[0], FileStore.sha256(evidence), evidence.length))
			.isEqualTo(evidence);
	}

	/** Sends the task page's progress form as a browser would: multipart, the form's hidden fields and a file. */
	static HttpResponse<String> postProgressWithFile(HttpClient c, ConfigurableApplicationContext node, Task task,
			Assignment work, String filename, byte[] file) throws Exception {
		HttpResponse<String> taskPage = get(c, url(node, "/tasks/" + task.getId()));
		assertThat(taskPage.statusCode()).isEqualTo(200);
		vn.nq57.testdata.ProgressUpload.Multipart m = vn.nq57.testdata.ProgressUpload.of(taskPage.body(), work.getId(), "60",
				"Đã lưu minh chứng vào kho tệp dùng chung", filename, file);
		return c.send(HttpRequest.newBuilder(URI.create(url(node, m.target())))
			.header("Accept", "text/html").header("Content-Type", m.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(m.body())).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A PDF of the given size, unique to this run: the header, a comment with a random tag, padding, the end marker. */
	static byte[] pdf(int size) {
		byte[] head = ("%PDF-1.4\n%" + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
		byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
		byte[] b = new byte[size];
		Arrays.fill(b, (byte) ' ');
		System.arraycopy(head, 0, b, 0, head.length);
		System.arraycopy(tail, 0, b, size - tail.length, tail.length);
		return b;
	}
}
