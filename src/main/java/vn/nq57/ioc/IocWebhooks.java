package vn.nq57.ioc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.Role;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;

/**
 * Sends the queued webhook notifications. Each is a POST of the JSON body with
 * {@code X-NQ57-Timestamp} (Unix seconds) and {@code X-NQ57-Signature: sha256=<hex>}, the HMAC-SHA256 with the client's
 * webhook key over {@code <timestamp>.<body>} (so a receiver can refuse a replayed or altered notification). A receiver
 * that is down or answers other than 2xx is tried again after 30 s, 1, 2, 4 … minutes (at most an hour apart), up to
 * {@value #MAX_ATTEMPTS} tries; every try is logged. Sending runs in the scheduler's thread, one notification at a
 * time with a 10-second limit, so a slow receiver never holds a user's request.
 */
@Service
public class IocWebhooks {

	static final int MAX_ATTEMPTS = 8;
	static final String TIMESTAMP = "X-NQ57-Timestamp";
	static final String SIGNATURE = "X-NQ57-Signature";

	public record Delivery(long id, long clientId, String clientName, String state, int attempts, Instant nextAttemptAt,
			Integer lastStatus, String lastError, Instant createdAt, Instant deliveredAt, long firstChange, long lastChange) {
	}

	private final JdbcTemplate jdbc;
	private final TransactionTemplate tx;
	private final AppClock clock;
	private final AuditLog audit;
	private final AccessPolicy access;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER).build();

	IocWebhooks(JdbcTemplate jdbc, TransactionTemplate tx, AppClock clock, AuditLog audit, AccessPolicy access) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.audit = audit;
		this.access = access;
	}

	public static String sign(String key, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of()
				.formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static Duration backoff(int attempts) {
		long seconds = 30L << Math.min(10, Math.max(0, attempts - 1));
		return Duration.ofSeconds(Math.min(3600, seconds));
	}

	/** Sends every notification that is due; returns how many were tried. */
	public int sendDue() {
		int n = 0;
		while (n < 100 && Boolean.TRUE.equals(tx.execute(s -> sendOne()))) {
			n++;
		}
		return n;
	}

	private boolean sendOne() {
		List<Object[]> due = jdbc.query("""
				SELECT d.id, d.body, d.attempts, c.webhook_url, c.webhook_key, c.revoked_at IS NOT NULL
				FROM ioc_delivery d JOIN ioc_client c ON c.id = d.client_id
				WHERE d.state = 'PENDING' AND d.next_attempt_at <= ?
				ORDER BY d.next_attempt_at, d.id LIMIT 1 FOR UPDATE OF d SKIP LOCKED""",
				(rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
						rs.getBoolean(6) }, Timestamp.from(clock.now()));
		if (due.isEmpty()) {
			return false;
		}
		Object[] d = due.get(0);
		long id = (Long) d[0];
		String body = (String) d[1];
		int attempts = (Integer) d[2] + 1;
		if ((Boolean) d[5] || d[3] == null) {
			jdbc.update("UPDATE ioc_delivery SET state = 'GAVE_UP', last_error = ? WHERE id = ?",
					"Tài khoản máy đã bị thu hồi hoặc không còn địa chỉ webhook", id);
			return true;
		}
		long ts = clock.now().getEpochSecond();
		Integer status = null;
		String error = null;
		long started = System.nanoTime();
		try {
			HttpRequest req = HttpRequest.newBuilder(URI.create((String) d[3])).timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/json; charset=utf-8")
				.header("User-Agent", "NQ57-IOC-Webhook/1")
				.header("X-NQ57-Delivery", String.valueOf(id))
				.header(TIMESTAMP, String.valueOf(ts))
				.header(SIGNATURE, sign((String) d[4], ts, body))
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
			HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
			status = res.statusCode();
			if (status < 200 || status >= 300) {
				error = "Bên nhận trả lời HTTP " + status;
			}
		}
		catch (java.io.IOException | IllegalArgumentException e) {
			error = "Không gửi được: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			error = "Bị ngắt";
		}
		int millis = (int) ((System.nanoTime() - started) / 1_000_000);
		String err = error == null ? null : error.substring(0, Math.min(500, error.length()));
		jdbc.update("INSERT INTO ioc_delivery_attempt(delivery_id, at, status, error, millis) VALUES (?, ?, ?, ?, ?)", id,
				Timestamp.from(clock.now()), status, err, millis);
		if (error == null) {
			jdbc.update("UPDATE ioc_delivery SET state = 'DELIVERED', attempts = ?, last_status = ?, last_error = NULL, "
					+ "delivered_at = ? WHERE id = ?", attempts, status, Timestamp.from(clock.now()), id);
		}
		else {
			String state = attempts >= MAX_ATTEMPTS ? "GAVE_UP" : "PENDING";
			jdbc.update("UPDATE ioc_delivery SET state = ?, attempts = ?, last_status = ?, last_error = ?, next_attempt_at = ? "
					+ "WHERE id = ?", state, attempts, status, err, Timestamp.from(clock.now().plus(backoff(attempts))), id);
		}
		return true;
	}

	/** ADMIN: send a notification again now (delivered or given up), audited. */
	public void replay(long id) {
		access.require(AccessPolicy.current().is(Role.ADMIN), "IOC_DELIVERY", id, "gửi lại thông báo webhook");
		tx.executeWithoutResult(s -> {
			String before = jdbc.query("SELECT state FROM ioc_delivery WHERE id = ? FOR UPDATE",
					rs -> rs.next() ? rs.getString(1) : null, id);
			if (before == null) {
				throw new DomainException("Không có thông báo webhook số " + id);
			}
			jdbc.update("UPDATE ioc_delivery SET state = 'PENDING', attempts = 0, next_attempt_at = ? WHERE id = ?",
					Timestamp.from(clock.now()), id);
			audit.change("IOC_WEBHOOK_REPLAYED", "IOC_DELIVERY", id, null, "Gửi lại thông báo webhook số " + id,
					java.util.Map.of("state", before), java.util.Map.of("state", "PENDING"));
		});
	}

	public List<Delivery> recent(int limit) {
		return jdbc.query("""
				SELECT d.id, d.client_id, c.name, d.state, d.attempts, d.next_attempt_at, d.last_status, d.last_error,
				       d.created_at, d.delivered_at, coalesce(d.first_change, 0), coalesce(d.last_change, 0)
				FROM ioc_delivery d JOIN ioc_client c ON c.id = d.client_id ORDER BY d.id DESC LIMIT ?""",
				(rs, i) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
						rs.getTimestamp(6).toInstant(), (Integer) rs.getObject(7), rs.getString(8),
						rs.getTimestamp(9).toInstant(), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
						rs.getLong(11), rs.getLong(12)), limit);
	}
}
