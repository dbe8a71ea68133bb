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

	/**
	 * The words people write for what a column carries (the settings page shows and takes these), and the field each
	 * means. The field's own name is still read, for layouts written before.
	 */
	static final Map<String, String> WORDS = orderedWords();

	private static Map<String, String> orderedWords() {
		Map<String, String> w = new LinkedHashMap<>();
		w.put("mã tỉnh", "PROVINCE_CODE");
		w.put("mã trên hệ thống", "SYSTEM_CODE");
		w.put("tên", "NAME");
		w.put("đơn vị tính", "UNIT");
		w.put("kỳ", "PERIOD");
		w.put("giá trị", "VALUE");
		w.put("tử số", "NUMERATOR");
		w.put("mẫu số", "DENOMINATOR");
		w.put("chỉ tiêu", "TARGET");
		w.put("mã cơ quan", "AGENCY_CODE");
		w.put("tên cơ quan", "AGENCY_NAME");
		w.put("tình trạng", "STATUS");
		w.put("ghi chú", "NOTE");
		w.put("thời hạn", "DEADLINE");
		w.put("cơ quan chủ trì", "LEADS");
		return java.util.Collections.unmodifiableMap(w);
	}

	static final Map<String, String> DEFAULTS = Map.of(
			"NQ57-TW", "Mã tỉnh=mã tỉnh;Mã chỉ tiêu=mã trên hệ thống;Tên chỉ tiêu=tên;Đơn vị tính=đơn vị tính;Kỳ báo cáo=kỳ;"
					+ "Giá trị=giá trị;Tử số=tử số;Mẫu số=mẫu số;Chỉ tiêu năm=chỉ tiêu",
			"NQ71-CP", "Mã địa phương=mã tỉnh;Mã chỉ tiêu=mã trên hệ thống;Nội dung=tên;Đơn vị=đơn vị tính;Kỳ=kỳ;"
					+ "Kết quả thực hiện=giá trị;Ghi chú=ghi chú",
			"DA06", "Mã đơn vị=mã cơ quan;Tên đơn vị=tên cơ quan;Mã chỉ tiêu=mã trên hệ thống;Tên chỉ tiêu=tên;Kỳ báo cáo=kỳ;"
					+ "Số liệu=giá trị;Tử số=tử số;Mẫu số=mẫu số");

	static final String PROVINCE_CODE = "upward.province-code";

	static final Map<String, String> LABELS = Map.of("NQ57-TW", "Cột của tệp gửi hệ thống theo dõi NQ57 (Văn phòng Trung ương Đảng)",
			"NQ71-CP", "Cột của tệp gửi hệ thống theo dõi Chương trình hành động 71/NQ-CP",
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
		for (String system : List.of("NQ57-TW", "NQ71-CP", "DA06")) {
			out.add(new SettingSpec(key(system), SECTION, LABELS.get(system),
					"Các cột theo thứ tự, dạng “Tên cột=nội dung”, cách nhau bởi dấu chấm phẩy; nội dung là một trong: "
							+ String.join(", ", WORDS.keySet()),
					DEFAULTS.get(system), UpstreamSettings::normalize));
		}
		return out;
	}

	static String normalize(String typed) {
		Map<String, String> m = parse(typed);
		List<String> parts = new ArrayList<>();
		m.forEach((h, f) -> parts.add(h + "=" + word(f)));
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
			String field = eq < 0 ? "" : field(part.substring(eq + 1));
			if (header.isEmpty() || !FIELDS.contains(field)) {
				bad.add("“" + part.strip() + "”");
				continue;
			}
			out.put(header, field);
		}
		if (!bad.isEmpty()) {
			throw new DomainException("Cột không hợp lệ: " + String.join(", ", bad) + "; mỗi cột dạng “Tên cột=nội dung”, nội dung là một trong: "
					+ String.join(", ", WORDS.keySet()));
		}
		if (out.isEmpty()) {
			throw new DomainException("Mẫu tệp phải có ít nhất một cột");
		}
		return out;
	}

	/** The field a written word (or a field's own name) means; "" when none. */
	static String field(String written) {
		String t = written.strip();
		String folded = vn.nq57.kernel.VnText.fold(t);
		for (Map.Entry<String, String> w : WORDS.entrySet()) {
			if (vn.nq57.kernel.VnText.fold(w.getKey()).equals(folded)) {
				return w.getValue();
			}
		}
		String upper = t.toUpperCase(java.util.Locale.ROOT);
		return FIELDS.contains(upper) ? upper : "";
	}

	/** The word people write for a field. */
	static String word(String field) {
		return WORDS.entrySet().stream().filter(w -> w.getValue().equals(field)).map(Map.Entry::getKey).findFirst()
			.orElse(field);
	}

	Map<String, String> columns(String system) {
		String fallback = DEFAULTS.getOrDefault(system, DEFAULTS.get("NQ57-TW"));
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
