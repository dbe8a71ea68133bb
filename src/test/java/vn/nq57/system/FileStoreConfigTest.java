package vn.nq57.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The store chosen by the settings (no application context): database by default, the directory when
 * {@code nq57.files.dir} is set, S3 by {@code nq57.files.store=s3}; a wrong value stops the start with the reason;
 * the directory store behind the interface (write, read, list, delete, names checked, readiness).
 */
class FileStoreConfigTest {

	static FileStore choose(String store, String dir, String bucket, String prefix) {
		return new FileStoreConfig().fileStore(store, dir, "http://127.0.0.1:9", "us-east-1", bucket, "k", "s", true, prefix,
				false);
	}

	@Test
	@DisplayName("nq57.files.store: database by default, directory when nq57.files.dir is set, s3 on demand, anything else refused")
	void choice() throws Exception {
		Path dir = Files.createTempDirectory("nq57-files-config");
		assertThat(choose("", "", "", "").kind()).isEqualTo("database");
		assertThat(choose("", "", "", "").shared()).isFalse();
		assertThat(choose("", dir.toString(), "", "").kind()).isEqualTo("directory");
		assertThat(choose("database", dir.toString(), "", "").kind()).isEqualTo("database");
		try (S3FileStore s3 = (S3FileStore) choose("S3", "", "nq57-files", "/nq57/")) {
			assertThat(s3.kind()).isEqualTo("s3");
			assertThat(s3.where()).startsWith("s3://nq57-files/nq57/ (http://127.0.0.1:9)");
			String sha = FileStore.sha256(new byte[] { 1 });
			assertThat(s3.key(sha)).isEqualTo("nq57/" + sha.substring(0, 2) + "/" + sha);
			// nothing listens on port 9: the store is not ready, and says why
			assertThatThrownBy(s3::check).hasMessageContaining("Không kết nối được kho S3");
		}
		assertThatThrownBy(() -> choose("ftp", "", "", "")).hasMessageContaining("database, directory hoặc s3");
		assertThatThrownBy(() -> choose("directory", "", "", "")).hasMessageContaining("nq57.files.dir");
		assertThatThrownBy(() -> choose("s3", "", "", "")).hasMessageContaining("nq57.files.s3.bucket");
		for (String bad : List.of("..", "a/../b", "a//b", "a/./b", "tệp", "a b", "a\\b")) {
			assertThatThrownBy(() -> S3FileStore.prefix(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(S3FileStore.prefix("")).isEmpty();
		assertThat(S3FileStore.prefix("nq57/tep-tai-len")).isEqualTo("nq57/tep-tai-len/");
	}

	@Test
	@DisplayName("the directory store behind the interface: write, read back, list, delete; names are SHA-256 only")
	void directoryStore() throws Exception {
		Path dir = Files.createTempDirectory("nq57-files-dir");
		FileStore store = choose("directory", dir.toString(), "", "");
		byte[] data = "minh chứng".getBytes(StandardCharsets.UTF_8);
		String sha = FileStore.sha256(data);
		assertThat(store.keep(data, sha)).isEmpty();
		assertThat(Files.readAllBytes(dir.resolve(sha.substring(0, 2)).resolve(sha))).isEqualTo(data);
		assertThat(store.read(new byte[0], sha, data.length)).isEqualTo(data);
		assertThat(store.read(data, sha, data.length)).as("bytes still in a row are read from the row").isEqualTo(data);
		byte[] other = "tệp thứ hai".getBytes(StandardCharsets.UTF_8);
		String otherSha = FileStore.sha256(other);
		store.put(otherSha, new ByteArrayInputStream(other), other.length);
		try (var names = store.names()) {
			assertThat(names.toList()).containsExactlyInAnyOrder(sha, otherSha);
		}
		try (var in = store.open(otherSha)) {
			assertThat(in.readAllBytes()).isEqualTo(other);
		}
		assertThat(store.delete(otherSha)).isTrue();
		assertThat(store.exists(otherSha, -1)).isFalse();
		assertThatThrownBy(() -> store.read(new byte[0], sha, data.length + 1)).hasMessageContaining("byte, cần");
		assertThatThrownBy(() -> store.keep(data, "../" + sha)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> store.open("..")).isInstanceOf(IllegalArgumentException.class);
		store.check();
		assertThatThrownBy(() -> FileStore.inDatabase().read(new byte[0], sha, data.length))
			.hasMessageContaining("nq57.files.store");
	}
}
