package vn.nq57.upward;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.nq57.system.DomainException;
import vn.nq57.system.SettingSpec;
import vn.nq57.system.Settings;

/**
 * The layout of each national system's import file, as a setting DoST can change when a system changes its
 * template: "column header=FIELD" pairs separated by ";", in the order of the columns.
 */
@Component
public class UpstreamSettings implements SettingSpec.Provider {

	static final String SECTION = "Báo cáo lên hệ thống Trung ương";

	/** What a column may carry. */
	static final Set<String> FIELDS = Set.of("PROVINCE_CODE", "SYSTEM_CODE", "NAME", "UNIT", "PERIOD", "VALUE",
			"NUMERATOR", "DENOMINATOR", "TARGET", "AGENCY_CODE", "AGENCY_NAME", "STATUS", "NOTE", "DEADLINE", "LEADS");

	static final Map<String, String> DEFAULTS = Map.of(
			"NQ57_TW", "Mã tỉnh=PROVINCE_CODE;Mã chỉ tiêu=SYSTEM_CODE;Tên chỉ tiêu=NAME;Đơn vị tính=UNIT;Kỳ báo cáo=PERIOD;"
					+ "Giá trị=VALUE;Tử số=NUMERATOR;Mẫu số=DENOMINATOR;Chỉ tiêu năm=TARGET",
			"NQ71_CP", "Mã địa phương=PROVINCE_CODE;Mã chỉ tiêu=SYSTEM_CODE;Nội dung=NAME;Đơn vị=UNIT;Kỳ=PERIOD;"
					+ "Kết quả thực hiện=VALUE;Ghi chú=NOTE",
			"DA06", "Mã đơn vị=AGENCY_CODE;Tên đơn vị=AGENCY_NAME;Mã chỉ tiêu=SYSTEM_CODE;Tên chỉ tiêu=NAME;Kỳ báo cáo=PERIOD;"
					+ "Số liệu=VALUE;Tử số=NUMERATOR;Mẫu số=DENOMINATOR");

	static final String PROVINCE_CODE = "upward.province-code";

	static final Map<String, String> LABELS = Map.of("NQ57_TW", "Cột của tệp gửi hệ thống theo dõi NQ57 (Văn phòng Trung ương Đảng)",
			"NQ71_CP", "Cột của tệp gửi hệ thống theo dõi Chương trình hành động 71/NQ-CP",
			"DA06", "Cột của tệp gửi hệ thống theo dõi Đề án 06");

	private final Settings settings;

	UpstreamSettings(Settings settings) {
		this.settings = settings;
	}

	static String key(String system) {
		return "upward.columns." + system;
	}

	@Override
	public List<SettingSpec> settings() {
		List<SettingSpec> out = new ArrayList<>();
		out.add(new SettingSpec(PROVINCE_CODE, SECTION, "Mã tỉnh trên các hệ thống Trung ương",
				"Mã của tỉnh Quảng Ngãi ghi vào cột mã tỉnh của tệp gửi lên", "51", v -> {
					String s = v == null ? "" : v.strip();
					if (s.isEmpty() || s.length() > 20) {
						throw new DomainException("Mã tỉnh không được để trống và tối đa 20 ký tự");
					}
					return s;
				}));
		for (String system : List.of("NQ57_TW", "NQ71_CP", "DA06")) {
			out.add(new SettingSpec(key(system), SECTION, LABELS.get(system),
					"Các cột theo thứ tự, dạng Tên cột=TRƯỜNG cách nhau bởi dấu chấm phẩy; trường: " + String.join(", ", FIELDS.stream().sorted().toList()),
					DEFAULTS.get(system), UpstreamSettings::normalize));
		}
		return out;
	}

	static String normalize(String typed) {
		Map<String, String> m = parse(typed);
		List<String> parts = new ArrayList<>();
		m.forEach((h, f) -> parts.add(h + "=" + f));
		return String.join(";", parts);
	}

	/** Header → field, in column order; refuses an unknown field or an empty layout with a message. */
	static Map<String, String> parse(String layout) {
		Map<String, String> out = new LinkedHashMap<>();
		List<String> bad = new ArrayList<>();
		for (String part : (layout == null ? "" : layout).split(";")) {
			if (part.isBlank()) {
				continue;
			}
			int eq = part.lastIndexOf('=');
			String header = eq < 0 ? part.strip() : part.substring(0, eq).strip();
			String field = eq < 0 ? "" : part.substring(eq + 1).strip().toUpperCase();
			if (header.isEmpty() || !FIELDS.contains(field)) {
				bad.add("“" + part.strip() + "”");
				continue;
			}
			out.put(header, field);
		}
		if (!bad.isEmpty()) {
			throw new DomainException("Cột không hợp lệ: " + String.join(", ", bad) + "; mỗi cột dạng Tên cột=TRƯỜNG, trường là một trong "
					+ String.join(", ", FIELDS.stream().sorted().toList()));
		}
		if (out.isEmpty()) {
			throw new DomainException("Mẫu tệp phải có ít nhất một cột");
		}
		return out;
	}

	Map<String, String> columns(String system) {
		String fallback = DEFAULTS.getOrDefault(system, DEFAULTS.get("NQ57_TW"));
		try {
			return parse(settings.get(key(system), fallback));
		}
		catch (DomainException e) {
			return parse(fallback);
		}
	}

	String provinceCode() {
		return settings.get(PROVINCE_CODE, "51");
	}
}
