package vn.nq57.system;

import java.nio.file.Path;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the file store from the settings: {@code nq57.files.store} = {@code database} | {@code directory} |
 * {@code s3}; left empty, {@code directory} when {@code nq57.files.dir} is set, else {@code database} (the default,
 * as before). The store's health ({@code fileStore}) is part of readiness: a node that cannot reach the shared
 * directory or the bucket is taken out of the load balancer.
 */
@Configuration(proxyBeanMethods = false)
class FileStoreConfig {

	@Bean
	FileStore fileStore(@Value("${nq57.files.store:}") String store, @Value("${nq57.files.dir:}") String dir,
			@Value("${nq57.files.s3.endpoint:}") String endpoint, @Value("${nq57.files.s3.region:us-east-1}") String region,
			@Value("${nq57.files.s3.bucket:}") String bucket, @Value("${nq57.files.s3.access-key:}") String accessKey,
			@Value("${nq57.files.s3.secret-key:}") String secretKey,
			@Value("${nq57.files.s3.path-style:true}") boolean pathStyle, @Value("${nq57.files.s3.prefix:}") String prefix,
			@Value("${nq57.files.s3.create-bucket:false}") boolean createBucket) {
		String kind = store == null || store.isBlank() ? (dir == null || dir.isBlank() ? "database" : "directory")
				: store.strip().toLowerCase(Locale.ROOT);
		return switch (kind) {
			case "database" -> FileStore.inDatabase();
			case "directory" -> {
				if (dir == null || dir.isBlank()) {
					throw new IllegalArgumentException("nq57.files.store=directory cần nq57.files.dir (thư mục mọi nút cùng gắn)");
				}
				yield new DirectoryFileStore(Path.of(dir.strip()));
			}
			case "s3" -> new S3FileStore(new S3FileStore.Settings(endpoint, region, bucket, accessKey, secretKey, pathStyle,
					prefix, createBucket));
			default -> throw new IllegalArgumentException(
					"nq57.files.store phải là database, directory hoặc s3 (không phải “" + store + "”)");
		};
	}

	/** {@code /actuator/health/readiness} includes it: DOWN when the directory or the bucket cannot be reached. */
	@Bean
	HealthIndicator fileStoreHealthIndicator(FileStore files) {
		return () -> {
			try {
				files.check();
				return Health.up().withDetail("store", files.kind()).withDetail("where", files.where()).build();
			}
			catch (RuntimeException e) {
				return Health.down().withDetail("store", files.kind()).withDetail("where", files.where())
					.withDetail("error", String.valueOf(e.getMessage())).build();
			}
		};
	}
}
