package vn.nq57.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A bucket of an S3-compatible object store (MinIO, Ceph RGW, a cloud's S3), every node using the same bucket:
 * each file is the object {@code <prefix>ab/abcdef…} named by its SHA-256 (never by what the user typed), written
 * whole by one PUT (an object is never seen half-written) and checked against its size and SHA-256 when read.
 * Settings {@code nq57.files.s3.*} ({@link Settings}); AWS SDK v2 with the JDK's HTTP client, checksums only where
 * the S3 API requires them (MinIO, Ceph and older stores refuse the newer trailing checksums).
 */
public final class S3FileStore implements FileStore, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(S3FileStore.class);

	/**
	 * The store's settings: {@code endpoint} (empty: the cloud's S3 of {@code region}), {@code region},
	 * {@code bucket}, {@code accessKey}/{@code secretKey} (empty: the SDK's default chain — environment, profile,
	 * instance role), {@code pathStyle} ({@code http://host/bucket/key}: MinIO and Ceph need it), {@code prefix} (a
	 * folder inside the bucket, e.g. {@code nq57/}), {@code createBucket} (make the bucket at start when missing).
	 */
	public record Settings(String endpoint, String region, String bucket, String accessKey, String secretKey,
			boolean pathStyle, String prefix, boolean createBucket) {
	}

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	private final String where;

	public S3FileStore(Settings s) {
		if (s.bucket() == null || !s.bucket().strip().matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
			throw new IllegalArgumentException("nq57.files.s3.bucket phải là tên bucket hợp lệ (3–63 ký tự a-z, 0-9, '.', '-'): "
					+ s.bucket());
		}
		this.bucket = s.bucket().strip();
		this.prefix = prefix(s.prefix());
		this.s3 = client(s);
		this.where = "s3://" + bucket + "/" + prefix + (blank(s.endpoint()) ? "" : " (" + s.endpoint().strip() + ")");
		if (s.createBucket()) {
			try {
				if (!bucketExists()) {
					s3.createBucket(b -> b.bucket(bucket));
					log.warn("Đã tạo bucket {} cho kho tệp", where);
				}
			}
			catch (SdkException e) {
				log.warn("Không tạo được bucket {} cho kho tệp: {}", where, e.getMessage());
			}
		}
	}

	static S3Client client(Settings s) {
		S3ClientBuilder b = S3Client.builder()
			.region(Region.of(blank(s.region()) ? "us-east-1" : s.region().strip()))
			.forcePathStyle(s.pathStyle())
			.credentialsProvider(credentials(s))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClientBuilder(UrlConnectionHttpClient.builder()
				.connectionTimeout(Duration.ofSeconds(5))
				.socketTimeout(Duration.ofSeconds(60)))
			.overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofMinutes(2)).apiCallTimeout(Duration.ofMinutes(5)));
		if (!blank(s.endpoint())) {
			b.endpointOverride(URI.create(s.endpoint().strip()));
		}
		return b.build();
	}

	private static AwsCredentialsProvider credentials(Settings s) {
		if (blank(s.accessKey())) {
			return DefaultCredentialsProvider.builder().build();
		}
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKey().strip(),
				s.secretKey() == null ? "" : s.secretKey().strip()));
	}

	/**
	 * The folder inside the bucket, from the settings: segments of letters, digits, {@code .}, {@code _}, {@code -},
	 * never {@code .} or {@code ..}; empty for the bucket's root. Anything else stops the application at start.
	 */
	static String prefix(String raw) {
		String p = raw == null ? "" : raw.strip();
		while (p.startsWith("/")) {
			p = p.substring(1);
		}
		while (p.endsWith("/")) {
			p = p.substring(0, p.length() - 1);
		}
		if (p.isEmpty()) {
			return "";
		}
		for (String segment : p.split("/", -1)) {
			if (!segment.matches("[A-Za-z0-9._-]{1,100}") || segment.equals(".") || segment.equals("..")) {
				throw new IllegalArgumentException("nq57.files.s3.prefix chỉ gồm các đoạn chữ, số, '.', '_', '-' "
						+ "ngăn bởi '/', không có '.' hay '..': " + raw);
			}
		}
		return p + "/";
	}

	/** The object's key: the prefix and the file's SHA-256, nothing else. */
	String key(String sha256) {
		return prefix + FileStore.relativePath(sha256);
	}

	@Override
	public String kind() {
		return "s3";
	}

	@Override
	public String where() {
		return where;
	}

	@Override
	public byte[] keep(byte[] data, String sha256) {
		String key = key(sha256);
		boolean there;
		try {
			there = exists(sha256, data.length);
		}
		catch (RuntimeException e) {
			there = false; // a key allowed to write but not to ask (HEAD answers 403 without s3:ListBucket): write it
		}
		try {
			if (!there) {
				s3.putObject(r -> r.bucket(bucket).key(key).contentLength((long) data.length)
					.contentType("application/octet-stream"), RequestBody.fromBytes(data));
			}
		}
		catch (SdkException e) {
			throw new IllegalStateException("Không ghi được tệp vào kho S3 " + where + ": " + e.getMessage(), e);
		}
		return new byte[0];
	}

	@Override
	public byte[] read(byte[] inRow, String sha256, long size) {
		if (inRow != null && (inRow.length == size || size == 0)) {
			return inRow;
		}
		String name = FileStore.checkedName(sha256);
		try (ResponseInputStream<GetObjectResponse> in = s3.getObject(r -> r.bucket(bucket).key(key(name)))) {
			long length = in.response().contentLength() == null ? -1 : in.response().contentLength();
			if (size > 0 && length != size || length > Integer.MAX_VALUE - 8) {
				in.abort(); // the rest of an unexpected object is not read
				throw new IllegalStateException("Tệp " + name + " trong kho S3 " + where + " có " + length + " byte, cần " + size);
			}
			byte[] data = in.readNBytes(size > 0 ? (int) size + 1 : Integer.MAX_VALUE - 8);
			if (size > 0 && data.length != size || !FileStore.sha256(data).equals(name)) {
				throw new IllegalStateException("Tệp " + name + " trong kho S3 " + where + " không khớp kích thước hoặc mã SHA-256");
			}
			return data;
		}
		catch (NoSuchKeyException e) {
			throw new IllegalStateException("Kho S3 " + where + " không có tệp " + name, e);
		}
		catch (SdkException e) {
			throw new IllegalStateException("Không đọc được tệp " + name + " từ kho S3 " + where + ": " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Không đọc được tệp " + name + " từ kho S3 " + where, e);
		}
	}

	@Override
	public void put(String sha256, InputStream in, long size) {
		String key = key(sha256);
		try {
			s3.putObject(r -> r.bucket(bucket).key(key).contentLength(size).contentType("application/octet-stream"),
					RequestBody.fromInputStream(in, size));
		}
		catch (SdkException e) {
			throw new IllegalStateException("Không ghi được tệp " + sha256 + " vào kho S3 " + where + ": " + e.getMessage(), e);
		}
	}

	@Override
	public InputStream open(String sha256) {
		String key = key(sha256);
		try {
			return s3.getObject(r -> r.bucket(bucket).key(key));
		}
		catch (NoSuchKeyException e) {
			throw new IllegalStateException("Kho S3 " + where + " không có tệp " + sha256, e);
		}
		catch (SdkException e) {
			throw new IllegalStateException("Không đọc được tệp " + sha256 + " từ kho S3 " + where + ": " + e.getMessage(), e);
		}
	}

	@Override
	public boolean exists(String sha256, long size) {
		String key = key(sha256);
		try {
			Long length = s3.headObject(r -> r.bucket(bucket).key(key)).contentLength();
			return size < 0 || length != null && length == size;
		}
		catch (NoSuchKeyException e) {
			return false;
		}
		catch (S3Exception e) {
			if (e.statusCode() == 404) {
				return false;
			}
			throw new IllegalStateException("Không hỏi được kho S3 " + where + ": " + e.getMessage(), e);
		}
		catch (SdkException e) {
			throw new IllegalStateException("Không hỏi được kho S3 " + where + ": " + e.getMessage(), e);
		}
	}

	@Override
	public Stream<String> names() {
		try {
			return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
				.map(S3Object::key)
				.filter(k -> k.length() == prefix.length() + 67)
				.map(k -> k.substring(prefix.length()))
				.filter(S3FileStore::isStoredName)
				.map(k -> k.substring(3));
		}
		catch (SdkException e) {
			throw new IllegalStateException("Không liệt kê được kho S3 " + where + ": " + e.getMessage(), e);
		}
	}

	/** {@code ab/abcdef…}: a SHA-256 under the folder of its first two characters (anything else is not ours). */
	private static boolean isStoredName(String relative) {
		return relative.matches("[0-9a-f]{2}/[0-9a-f]{64}") && relative.regionMatches(0, relative, 3, 2);
	}

	@Override
	public boolean delete(String sha256) {
		String key = key(sha256);
		try {
			boolean there = exists(sha256, -1);
			if (there) {
				s3.deleteObject(r -> r.bucket(bucket).key(key));
			}
			return there;
		}
		catch (SdkException e) {
			throw new IllegalStateException("Không xóa được tệp " + sha256 + " trong kho S3 " + where + ": " + e.getMessage(), e);
		}
	}

	@Override
	public void check() {
		try {
			s3.headBucket(r -> r.bucket(bucket).overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(5))));
		}
		catch (NoSuchBucketException e) {
			throw new IllegalStateException("Kho S3 " + where + ": bucket không tồn tại", e);
		}
		catch (SdkException e) {
			throw new IllegalStateException("Không kết nối được kho S3 " + where + ": " + e.getMessage(), e);
		}
	}

	private boolean bucketExists() {
		try {
			s3.headBucket(r -> r.bucket(bucket));
			return true;
		}
		catch (NoSuchBucketException e) {
			return false;
		}
		catch (S3Exception e) {
			if (e.statusCode() == 404) {
				return false;
			}
			throw e;
		}
	}

	@Override
	public void close() {
		s3.close();
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
