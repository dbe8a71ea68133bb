package vn.nq57.system;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Settings an administrator changes without a release (stored in the {@code setting} table; shown on the
 * settings page through {@link SettingSpec}s).
 */
@Component
public class Settings implements SettingSpec.Provider {

	public static final String DUE_SOON_DAYS = "status.due-soon-days";

	private final JdbcTemplate jdbc;

	Settings(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Days before the due date in which open work is "sắp đến hạn" (7 unless set; a broken value counts as 7). */
	public int dueSoonDays() {
		try {
			return Integer.parseInt(get(DUE_SOON_DAYS, "7").strip());
		}
		catch (NumberFormatException e) {
			return 7;
		}
	}

	@Override
	public java.util.List<SettingSpec> settings() {
		return java.util.List.of(new SettingSpec(DUE_SOON_DAYS, "Tình trạng nhiệm vụ", "Số ngày “sắp đến hạn”",
				"Việc chưa hoàn thành có hạn trong số ngày này được đánh dấu sắp đến hạn", "7",
				SettingSpec.wholeNumber("Số ngày sắp đến hạn", 1, 90)));
	}

	public String get(String key, String fallback) {
		return jdbc.query("SELECT value FROM setting WHERE key = ?", rs -> rs.next() ? rs.getString(1) : fallback, key);
	}

	public void put(String key, String value) {
		jdbc.update("""
				INSERT INTO setting(key, value, updated_at) VALUES (?, ?, now())
				ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()""", key, value);
	}
}
