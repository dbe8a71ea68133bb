package vn.nq57.ioc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.Role;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;

/**
 * The machine clients: created and revoked by ADMIN (audited), the secret shown once and kept only as its SHA-256,
 * every use logged ({@code ioc_usage}).
 */
@Service
public class IocClients {

	/** A client as stored (no secret). */
	public record Client(long id, String clientId, String name, Set<IocScope> scopes, int ratePerMinute, String webhookUrl,
			String webhookKey, Instant createdAt, String createdBy, Instant revokedAt, String revokedBy, Instant lastUsedAt) {

		public boolean active() {
			return revokedAt == null;
		}

		public String scopeCodes() {
			return scopes.stream().map(IocScope::code).collect(Collectors.joining(", "));
		}
	}

	/** A new client with the secrets to hand over once. */
	public record Issued(Client client, String secret, String webhookKey) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final RowMapper<Client> ROW = (rs, i) -> new Client(rs.getLong("id"), rs.getString("client_id"),
			rs.getString("name"), IocScope.parse(rs.getString("scopes")), rs.getInt("rate_per_minute"),
			rs.getString("webhook_url"), rs.getString("webhook_key"), rs.getTimestamp("created_at").toInstant(),
			rs.getString("created_by"), rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
			rs.getString("revoked_by"),
			rs.getTimestamp("last_used_at") == null ? null : rs.getTimestamp("last_used_at").toInstant());

	private final JdbcTemplate jdbc;
	private final AppClock clock;
	private final AuditLog audit;
	private final AccessPolicy access;

	IocClients(JdbcTemplate jdbc, AppClock clock, AuditLog audit, AccessPolicy access) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.access = access;
	}

	static String token(int bytes) {
		byte[] b = new byte[bytes];
		RANDOM.nextBytes(b);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
	}

	static String sha256(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private void requireAdmin(String what) {
		access.require(AccessPolicy.current().is(Role.ADMIN), "IOC_CLIENT", null, what);
	}

	public List<Client> all() {
		return jdbc.query("SELECT * FROM ioc_client ORDER BY revoked_at NULLS FIRST, name, id", ROW);
	}

	public Optional<Client> byId(long id) {
		return jdbc.query("SELECT * FROM ioc_client WHERE id = ?", ROW, id).stream().findFirst();
	}

	/** A new client (ADMIN only); the secret and the webhook key are in the answer and nowhere else in clear. */
	@Transactional
	public Issued create(String name, Set<IocScope> scopes, int ratePerMinute, String webhookUrl) {
		return issue(name, scopes, ratePerMinute, webhookUrl, null, null);
	}

	/**
	 * The demo's client, with the id and secret the README gives so the feed can be tried ({@link IocDemoData});
	 * otherwise as {@link #create}.
	 */
	@Transactional
	Issued createKnown(String name, Set<IocScope> scopes, int ratePerMinute, String clientId, String secret) {
		return issue(name, scopes, ratePerMinute, null, clientId, secret);
	}

	private Issued issue(String name, Set<IocScope> scopes, int ratePerMinute, String webhookUrl, String knownId,
			String knownSecret) {
		requireAdmin("tạo tài khoản máy cho IOC");
		return issue(name, scopes, ratePerMinute, webhookUrl, knownId, knownSecret, new vn.nq57.system.FieldErrors());
	}

	/**
	 * The client form: every field checked at once (with the problems found before, such as a rate that is not a
	 * number: {@code ratePerMinute} is then {@code null}), each beside its field ({@code name}, {@code scope},
	 * {@code rate}, {@code webhookUrl}); refused with all of them ({@link vn.nq57.system.FieldsRefused}).
	 */
	@Transactional
	public Issued create(String name, Set<IocScope> scopes, Integer ratePerMinute, String webhookUrl,
			vn.nq57.system.FieldErrors problems) {
		requireAdmin("tạo tài khoản máy cho IOC");
		return issue(name, scopes, ratePerMinute, webhookUrl, null, null, problems);
	}

	private Issued issue(String name, Set<IocScope> scopes, Integer ratePerMinute, String webhookUrl, String knownId,
			String knownSecret, vn.nq57.system.FieldErrors f) {
		String n = name == null ? "" : name.strip();
		f.check("name", () -> {
			if (n.isEmpty() || n.length() > 200) {
				throw new DomainException("Tên ứng dụng kết nối không được để trống (tối đa 200 ký tự)");
			}
			if (!vn.nq57.system.TextRules.isSafe(n)) {
				throw new DomainException("Tên ứng dụng kết nối " + vn.nq57.system.TextRules.MESSAGE);
			}
			return n;
		});
		f.check("scope", () -> {
			if (scopes == null || scopes.isEmpty()) {
				throw new DomainException("Chọn ít nhất một phạm vi dữ liệu được đọc");
			}
			return scopes;
		});
		if (!f.has("rate")) {
			f.check("rate", () -> {
				if (ratePerMinute == null || ratePerMinute < 1 || ratePerMinute > 6000) {
					throw new DomainException("Giới hạn số lần gọi mỗi phút phải từ 1 đến 6.000");
				}
				return ratePerMinute;
			});
		}
		String hook = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
		f.check("webhookUrl", () -> {
			if (hook != null && !hook.matches("https?://[^\\s<>\"]{3,490}")) {
				throw new DomainException("Địa chỉ nhận webhook phải là một địa chỉ http(s) hợp lệ");
			}
			return hook;
		});
		f.refuseIfAny();
		String clientId = knownId != null ? knownId
				: "ioc-" + token(9).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "x");
		String secret = knownSecret != null ? knownSecret : token(32);
		String key = hook == null ? null : token(32);
		String scopeText = scopes.stream().map(IocScope::code).sorted().collect(Collectors.joining(","));
		String by = AccessPolicy.current().username();
		long id = jdbc.queryForObject("""
				INSERT INTO ioc_client(client_id, name, secret_hash, scopes, rate_per_minute, webhook_url, webhook_key,
				                       created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, clientId, n, sha256(secret), scopeText,
				ratePerMinute, hook, key, Timestamp.from(clock.now()), by);
		java.util.Map<String, Object> after = new java.util.LinkedHashMap<>();
		after.put("clientId", clientId);
		after.put("name", n);
		after.put("scopes", scopeText);
		after.put("ratePerMinute", ratePerMinute);
		after.put("webhookUrl", hook);
		audit.change("IOC_CLIENT_CREATED", "IOC_CLIENT", id, null, "Tạo tài khoản máy " + clientId + " (" + n + ")", null,
				after);
		return new Issued(byId(id).orElseThrow(), secret, key);
	}

	@Transactional
	public void revoke(long id) {
		requireAdmin("thu hồi tài khoản máy của IOC");
		Client c = byId(id).orElseThrow(() -> new NotFoundException("Không có tài khoản máy số " + id));
		if (!c.active()) {
			throw new DomainException("Tài khoản máy " + c.clientId() + " đã bị thu hồi trước đó");
		}
		jdbc.update("UPDATE ioc_client SET revoked_at = ?, revoked_by = ? WHERE id = ?", Timestamp.from(clock.now()),
				AccessPolicy.current().username(), id);
		audit.change("IOC_CLIENT_REVOKED", "IOC_CLIENT", id, null, "Thu hồi tài khoản máy " + c.clientId(),
				java.util.Map.of("state", "ACTIVE"), java.util.Map.of("state", "REVOKED"));
	}

	/** The client these credentials belong to, revoked or not; empty when they match none. */
	public Optional<Client> authenticate(String clientId, String secret) {
		if (clientId == null || secret == null || clientId.length() > 40) {
			return Optional.empty();
		}
		return jdbc.query("SELECT * FROM ioc_client WHERE client_id = ?", (rs, i) -> {
			Client c = ROW.mapRow(rs, i);
			boolean ok = MessageDigest.isEqual(sha256(secret).getBytes(StandardCharsets.US_ASCII),
					rs.getString("secret_hash").getBytes(StandardCharsets.US_ASCII));
			return ok ? c : null;
		}, clientId).stream().filter(java.util.Objects::nonNull).findFirst();
	}

	/**
	 * Counts one call of the client in the current minute, in the database so that every node counts the same calls
	 * (one atomic upsert; the minute is the database's); returns the calls of this minute including this one and the
	 * seconds left in it.
	 */
	long[] countCall(long clientId) {
		long[] out = jdbc.queryForObject("""
				WITH m AS (SELECT floor(extract(epoch FROM clock_timestamp()) / 60)::bigint AS minute,
				                  60 - floor(extract(epoch FROM clock_timestamp()))::bigint % 60 AS left_s)
				INSERT INTO ioc_rate(client_id, minute, calls) SELECT ?, m.minute, 1 FROM m
				ON CONFLICT (client_id, minute) DO UPDATE SET calls = ioc_rate.calls + 1
				RETURNING calls, minute, (SELECT left_s FROM m)""",
				(rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }, clientId);
		long minute = out[1];
		if (lastPruned.getAndSet(minute) != minute) {
			jdbc.update("DELETE FROM ioc_rate WHERE minute < ?", minute - 5);
		}
		return new long[] { out[0], out[2] };
	}

	private final java.util.concurrent.atomic.AtomicLong lastPruned = new java.util.concurrent.atomic.AtomicLong();

	/** One use of the feed, accepted or refused. */
	public void logUse(Long clientId, String presented, String method, String path, int status, String remote) {
		Timestamp now = Timestamp.from(clock.now());
		jdbc.update("INSERT INTO ioc_usage(client_id, presented, at, method, path, status, remote) VALUES (?, ?, ?, ?, ?, ?, ?)",
				clientId, presented == null ? null : presented.substring(0, Math.min(40, presented.length())), now, method,
				path.substring(0, Math.min(300, path.length())), status, remote);
		if (clientId != null) {
			jdbc.update("UPDATE ioc_client SET last_used_at = ? WHERE id = ?", now, clientId);
		}
	}

	public record Use(Instant at, String method, String path, int status, String remote) {
	}

	public List<Use> recentUses(long clientId, int limit) {
		return jdbc.query("SELECT at, method, path, status, remote FROM ioc_usage WHERE client_id = ? ORDER BY id DESC LIMIT ?",
				(rs, i) -> new Use(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getInt(4),
						rs.getString(5)), clientId, limit);
	}
}
