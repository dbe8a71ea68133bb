package vn.nq57.map;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.nq57.system.DomainException;
import vn.nq57.system.SettingSpec;
import vn.nq57.system.Settings;

/**
 * The map's settings on the settings page: the basemap (none by default: the province will use a Vietnamese basemap
 * that shows the national borders and islands correctly), the follow-up time of an exceedance, and the import's
 * area tolerance. A value broken by hand counts as its default.
 */
@Component
class MapSettings implements SettingSpec.Provider {

	static final String SECTION = "Bản đồ số KKT Dung Quất";

	static final String TILE_URL = "map.tile-url";

	static final String TILE_ATTRIBUTION = "map.tile-attribution";

	static final String FOLLOWUP_DAYS = "map.exceedance.followup-days";

	static final String AREA_TOLERANCE = "map.import.area-tolerance-percent";

	private final Settings settings;

	MapSettings(Settings settings) {
		this.settings = settings;
	}

	@Override
	public List<SettingSpec> settings() {
		return List.of(
				new SettingSpec(TILE_URL, SECTION, "Bản đồ nền: địa chỉ máy chủ lớp ảnh (tile)",
						"Để trống: không dùng bản đồ nền, bản đồ chỉ vẽ các lớp dữ liệu. Dạng https://…/{z}/{x}/{y}.png",
						"", MapSettings::tileUrl),
				new SettingSpec(TILE_ATTRIBUTION, SECTION, "Bản đồ nền: ghi nguồn",
						"Dòng ghi nguồn hiện ở góc bản đồ khi dùng bản đồ nền", "", v -> v == null ? "" : v.strip()),
				new SettingSpec(FOLLOWUP_DAYS, SECTION, "Vượt ngưỡng quan trắc: thời hạn xử lý (ngày)",
						"Nhiệm vụ xử lý mở khi một kết quả quan trắc vượt giới hạn có hạn sau số ngày này", "7",
						SettingSpec.wholeNumber("Thời hạn xử lý vượt ngưỡng", 1, 90)),
				new SettingSpec(AREA_TOLERANCE, SECTION, "Nhập dữ liệu: sai lệch diện tích cho phép (%)",
						"Diện tích ghi trong tệp khác diện tích tính từ hình quá tỷ lệ này thì báo lỗi", "2",
						SettingSpec.wholeNumber("Sai lệch diện tích cho phép", 0, 50)));
	}

	private static String tileUrl(String typed) {
		String v = typed == null ? "" : typed.strip();
		if (v.isEmpty()) {
			return v;
		}
		if (!v.matches("https?://[^\\s\"'<>]+") || !v.contains("{z}") || !v.contains("{x}") || !v.contains("{y}")) {
			throw new DomainException("Địa chỉ bản đồ nền “" + v
					+ "” không hợp lệ; hãy nhập dạng https://máy-chủ/{z}/{x}/{y}.png hoặc để trống");
		}
		return v;
	}

	String tileUrl() {
		try {
			return tileUrl(settings.get(TILE_URL, ""));
		}
		catch (DomainException e) {
			return "";
		}
	}

	String tileAttribution() {
		return settings.get(TILE_ATTRIBUTION, "");
	}

	int followUpDays() {
		return number(FOLLOWUP_DAYS, 7);
	}

	int areaTolerancePercent() {
		return number(AREA_TOLERANCE, 2);
	}

	private int number(String key, int fallback) {
		try {
			return Integer.parseInt(settings.get(key, String.valueOf(fallback)).strip());
		}
		catch (RuntimeException e) {
			return fallback;
		}
	}
}
