package vn.nq57.account;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.system.AuditLog;
import vn.nq57.system.SettingSpec;
import vn.nq57.system.Settings;

/**
 * Sign-in throttling, held in the database so that it holds across application nodes: failures are counted per
 * account and per source address inside a window; at the limit the key is locked for a while, with an audit line.
 * A locked account waits even with the right password. Times are the wall clock (not the application's day, which
 * a demo may fix), since a lock is about minutes that really pass.
 */
@Service
public class LoginThrottle implements SettingSpec.Provider {

	static final String MAX_PER_ACCOUNT = "security.login.max-failures-account";
	static final String MAX_PER_ADDRESS = "security.login.max-failures-address";
	static final String LOCK_MINUTES = "security.login.lock-minutes";
	static final Duration WINDOW = Duration.ofMinutes(30);

	private final JdbcTemplate jdbc;
	private final Settings settings;
	private final AuditLog audit;

	LoginThrottle(JdbcTemplate jdbc, Settings settings, AuditLog audit) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.audit = audit;
	}

	static String userKey(String username) {
		return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
	}

	static String addressKey(String address) {
		return "ip:" + address;
	}

	/** How long this account or this address still has to wait, if either is locked now. */
	public Optional<Duration> lockedFor(String username, String address) {
		Instant now = Instant.now();
		List<Timestamp> until = jdbc.queryForList(
				"SELECT locked_until FROM login_throttle WHERE key IN (?, ?) AND locked_until > ?", Timestamp.class,
				userKey(username), addressKey(address), Timestamp.from(now));
		return until.stream().map(Timestamp::toInstant).max(Instant::compareTo)
			.map(u -> Duration.between(now, u));
	}

	/** Records a failed sign-in; returns the wait if this failure locked the account or the address. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<Duration> failed(String username, String address, String reason) {
		Instant now = Instant.now();
		record(username, address, false, reason, now);
		Duration lock = Duration.ofMinutes(intSetting(LOCK_MINUTES, 15));
		Optional<Duration> a = count(userKey(username), intSetting(MAX_PER_ACCOUNT, 5), lock, now,
				"Tài khoản “" + username + "”");
		Optional<Duration> b = count(addressKey(address), intSetting(MAX_PER_ADDRESS, 30), lock, now,
				"Địa chỉ " + address);
		return a.isPresent() ? a : b;
	}

	/** A successful sign-in clears the account's count (the address's stays until its window passes). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String username, String address) {
		record(username, address, true, null, Instant.now());
		jdbc.update("DELETE FROM login_throttle WHERE key = ?", userKey(username));
	}

	/** A sign-in refused because the account or address is locked: recorded, not counted again. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void refusedWhileLocked(String username, String address) {
		record(username, address, false, "LOCKED", Instant.now());
	}

	private void record(String username, String address, boolean success, String reason, Instant at) {
		String name = username == null ? "" : username.strip();
		jdbc.update("INSERT INTO login_attempt(occurred_at, username, address, success, reason) VALUES (?, ?, ?, ?, ?)",
				Timestamp.from(at), name.length() > 200 ? name.substring(0, 200) : name, address, success, reason);
	}

	private Optional<Duration> count(String key, int max, Duration lock, Instant now, String who) {
		Timestamp t = Timestamp.from(now);
		Timestamp windowStart = Timestamp.from(now.minus(WINDOW));
		Integer failures = jdbc.queryForObject("""
				INSERT INTO login_throttle(key, failures, first_failure, last_failure) VALUES (?, 1, ?, ?)
				ON CONFLICT (key) DO UPDATE SET
				  failures = CASE WHEN login_throttle.first_failure < ? AND (login_throttle.locked_until IS NULL
				                       OR login_throttle.locked_until < ?) THEN 1 ELSE login_throttle.failures + 1 END,
				  first_failure = CASE WHEN login_throttle.first_failure < ? AND (login_throttle.locked_until IS NULL
				                       OR login_throttle.locked_until < ?) THEN excluded.first_failure
				                       ELSE login_throttle.first_failure END,
				  last_failure = excluded.last_failure
				RETURNING failures""", Integer.class, key.length() > 200 ? key.substring(0, 200) : key, t, t,
				windowStart, t, windowStart, t);
		if (failures != null && failures >= max && failures % max == 0) {
			Instant until = now.plus(lock);
			jdbc.update("UPDATE login_throttle SET locked_until = ? WHERE key = ?", Timestamp.from(until), key);
			audit.event("LOGIN_LOCKED", "LOGIN", null, who + " bị tạm khóa đăng nhập " + lock.toMinutes()
					+ " phút sau " + failures + " lần đăng nhập sai liên tiếp");
			return Optional.of(lock);
		}
		return Optional.empty();
	}

	private int intSetting(String key, int fallback) {
		try {
			return Integer.parseInt(settings.get(key, String.valueOf(fallback)).strip());
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}

	/** The wait, in Vietnamese minutes (at least one). */
	public static long minutes(Duration wait) {
		return Math.max(1, (wait.getSeconds() + 59) / 60);
	}

	@Override
	public List<SettingSpec> settings() {
		String section = "Bảo mật, đăng nhập";
		return List.of(
				new SettingSpec(MAX_PER_ACCOUNT, section, "Số lần đăng nhập sai trước khi khóa tài khoản",
						"Sau số lần sai liên tiếp này (trong 30 phút), tài khoản bị tạm khóa, kể cả khi sau đó nhập đúng mật khẩu",
						"5", SettingSpec.wholeNumber("Số lần đăng nhập sai (tài khoản)", 3, 100)),
				new SettingSpec(MAX_PER_ADDRESS, section, "Số lần đăng nhập sai từ một địa chỉ trước khi khóa địa chỉ",
						"Đếm mọi tài khoản thử từ cùng một địa chỉ mạng trong 30 phút", "30",
						SettingSpec.wholeNumber("Số lần đăng nhập sai (địa chỉ)", 5, 1000)),
				new SettingSpec(LOCK_MINUTES, section, "Thời gian tạm khóa (phút)",
						"Tài khoản hoặc địa chỉ bị khóa chờ hết thời gian này mới đăng nhập lại được", "15",
						SettingSpec.wholeNumber("Thời gian tạm khóa", 1, 1440)));
	}
}
