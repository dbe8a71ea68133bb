package vn.nq57.system;

import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.kernel.Rates;

/**
 * Settings an administrator changes without a release (stored in the {@code setting} table; shown on the
 * settings page through {@link SettingSpec}s).
 */
@Component
public class Settings implements SettingSpec.Provider {

	public static final String DUE_SOON_DAYS = "status.due-soon-days";

	/** How every rate settles its second decimal: {@code TRUNCATE} (the Government Office's, default) or {@code HALF_UP}. */
	public static final String RATES_ROUNDING = "rates.rounding";

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

	/** The stored rounding rule, or the Government Office's when none is stored. */
	public Rates.Rule ratesRounding() {
		return Rates.Rule.parse(get(RATES_ROUNDING, Rates.DEFAULT.name()));
	}

	/** Every rate in this process follows the stored rule from the start. */
	@EventListener(ContextRefreshedEvent.class)
	void applyRatesRounding() {
		Rates.use(ratesRounding());
	}

	@Override
	public java.util.List<SettingSpec> settings() {
		return java.util.List.of(new SettingSpec(DUE_SOON_DAYS, "Tình trạng nhiệm vụ", "Số ngày “sắp đến hạn”",
				"Việc chưa hoàn thành có hạn trong số ngày này được đánh dấu sắp đến hạn", "7",
				SettingSpec.wholeNumber("Số ngày sắp đến hạn", 1, 90)),
				new SettingSpec(RATES_ROUNDING, "Tỷ lệ", "Cách lấy hai chữ số thập phân của tỷ lệ",
						"Bỏ phần sau chữ số thập phân thứ hai, như Văn phòng Chính phủ công bố (16.051/16.274 = 98,62%), "
								+ "hoặc làm tròn nửa lên (98,63%)",
						Rates.DEFAULT.name(), Settings::ratesRule, java.util.Map.of(Rates.Rule.TRUNCATE.name(),
								"setting.rates.rounding.TRUNCATE", Rates.Rule.HALF_UP.name(), "setting.rates.rounding.HALF_UP")));
	}

	static String ratesRule(String typed) {
		String v = typed == null ? "" : typed.strip();
		String k = v.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
		for (Rates.Rule r : Rates.Rule.values()) {
			if (r.name().equals(k)) {
				return r.name();
			}
		}
		throw new DomainException("Cách làm tròn tỷ lệ: “" + v + "” không hợp lệ; hãy chọn “bỏ phần sau chữ số thập phân thứ hai” "
				+ "hoặc “làm tròn nửa lên”");
	}

	public String get(String key, String fallback) {
		return jdbc.query("SELECT value FROM setting WHERE key = ?", rs -> rs.next() ? rs.getString(1) : fallback, key);
	}

	public void put(String key, String value) {
		jdbc.update("""
				INSERT INTO setting(key, value, updated_at) VALUES (?, ?, now())
				ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()""", key, value);
		if (RATES_ROUNDING.equals(key)) {
			Rates.use(Rates.Rule.parse(value));
		}
	}
}
