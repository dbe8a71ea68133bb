package vn.nq57.account;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;
import vn.nq57.system.SettingSpec;
import vn.nq57.system.Settings;

/**
 * Two-factor sign-in with an authenticator app (TOTP, {@link Totp}) and ten single-use recovery codes. A setting
 * requires it of administrators, the Department of Science and Technology and the leaders.
 */
@Service
public class TwoFactor implements SettingSpec.Provider {

	static final String REQUIRED = "security.totp.required";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;
	private final Settings settings;
	private final AuditLog audit;

	TwoFactor(JdbcTemplate jdbc, Settings settings, AuditLog audit) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.audit = audit;
	}

	public boolean enrolled(long userId) {
		return Boolean.TRUE.equals(jdbc.query("SELECT totp_enabled_at IS NOT NULL FROM app_user WHERE id = ?",
				rs -> rs.next() && rs.getBoolean(1), userId));
	}

	/** Whether the setting requires a second factor of this role. */
	public boolean requiredFor(Role role) {
		return "true".equalsIgnoreCase(settings.get(REQUIRED, "false").strip())
				&& Set.of(Role.ADMIN, Role.SECRETARIAT, Role.LEADER).contains(role);
	}

	/**
	 * Turns two factors on with a secret the user's app has shown it knows (by a current code); returns the ten
	 * recovery codes, shown once.
	 */
	@Transactional
	public List<String> enable(long userId, String secret, String code) {
		long step = Totp.matchingStep(secret, code, Instant.now().getEpochSecond());
		if (step < 0) {
			throw new DomainException("Mã xác thực không đúng; hãy nhập mã 6 chữ số đang hiện trên ứng dụng");
		}
		jdbc.update("UPDATE app_user SET totp_secret = ?, totp_enabled_at = ?, totp_last_step = ? WHERE id = ?", secret,
				Timestamp.from(Instant.now()), step, userId);
		jdbc.update("DELETE FROM totp_recovery_code WHERE user_id = ?", userId);
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String c = String.format("%05d-%05d", RANDOM.nextInt(100_000), RANDOM.nextInt(100_000));
			codes.add(c);
			jdbc.update("INSERT INTO totp_recovery_code(user_id, code_hash) VALUES (?, ?)", userId,
					UserService.sha256(c));
		}
		audit.change("TOTP_ENABLED", "USER", userId, null, "Bật xác thực hai lớp", null, null);
		return codes;
	}

	@Transactional
	public void disable(long userId) {
		jdbc.update("UPDATE app_user SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL WHERE id = ?",
				userId);
		jdbc.update("DELETE FROM totp_recovery_code WHERE user_id = ?", userId);
		audit.change("TOTP_DISABLED", "USER", userId, null, "Tắt xác thực hai lớp", null, null);
	}

	/**
	 * Checks a code typed at sign-in: a current TOTP code not used before (a code seen once is refused the second
	 * time), or an unused recovery code, which is then spent.
	 */
	@Transactional
	public boolean verify(long userId, String typed) {
		if (typed == null || typed.isBlank()) {
			return false;
		}
		var row = jdbc.queryForList("SELECT totp_secret, totp_last_step FROM app_user WHERE id = ? FOR UPDATE", userId);
		if (row.isEmpty() || row.get(0).get("totp_secret") == null) {
			return false;
		}
		String secret = (String) row.get(0).get("totp_secret");
		Number last = (Number) row.get(0).get("totp_last_step");
		long step = Totp.matchingStep(secret, typed, Instant.now().getEpochSecond());
		if (step >= 0 && (last == null || step > last.longValue())) {
			jdbc.update("UPDATE app_user SET totp_last_step = ? WHERE id = ?", step, userId);
			return true;
		}
		String t = typed.strip();
		if (t.matches("\\d{5}-\\d{5}")) {
			int used = jdbc.update(
					"UPDATE totp_recovery_code SET used_at = now() WHERE user_id = ? AND code_hash = ? AND used_at IS NULL",
					userId, UserService.sha256(t));
			if (used == 1) {
				audit.change("TOTP_RECOVERY_USED", "USER", userId, null, "Dùng một mã khôi phục", null, null);
				return true;
			}
		}
		return false;
	}

	public int recoveryCodesLeft(long userId) {
		Integer n = jdbc.queryForObject(
				"SELECT count(*) FROM totp_recovery_code WHERE user_id = ? AND used_at IS NULL", Integer.class, userId);
		return n == null ? 0 : n;
	}

	@Override
	public List<SettingSpec> settings() {
		return List.of(new SettingSpec(REQUIRED, "Bảo mật, đăng nhập", "Bắt buộc xác thực hai lớp",
				"true: quản trị, Sở KH&CN và lãnh đạo phải đăng nhập bằng mật khẩu và mã từ ứng dụng xác thực; false: tùy chọn",
				"false", TwoFactor::trueOrFalse));
	}

	static String trueOrFalse(String typed) {
		String v = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
		if (v.equals("true") || v.equals("false")) {
			return v;
		}
		throw new DomainException("Bắt buộc xác thực hai lớp: “" + v + "” không hợp lệ; hãy nhập true hoặc false");
	}
}
