package vn.nq57.system;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Settings an administrator changes without a release (stored in the {@code setting} table). */
@Component
public class Settings {

	public static final String DUE_SOON_DAYS = "status.due-soon-days";

	private final JdbcTemplate jdbc;

	Settings(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public int dueSoonDays() {
		return Integer.parseInt(get(DUE_SOON_DAYS, "7"));
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
