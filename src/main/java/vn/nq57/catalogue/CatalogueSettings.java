package vn.nq57.catalogue;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.nq57.system.DomainException;
import vn.nq57.system.SettingSpec;
import vn.nq57.system.Settings;

/** The catalogues' settings: the big-problem criteria checklist, the minimum selected, the named central platforms. */
@Component
public class CatalogueSettings implements SettingSpec.Provider {

	public static final String CRITERIA = "catalogue.big-problem-criteria";

	public static final String MINIMUM = "catalogue.big-problem-minimum";

	public static final String CENTRAL_PLATFORMS = "catalogue.central-platforms";

	public static final String DUPLICATE_THRESHOLD = "catalogue.duplicate-threshold";

	/** The defaults come from 001 (product, time, cost, MOST's guidance, no overlap with the centre) and fn 3 (4). */
	static final String DEFAULT_CRITERIA = "Sản phẩm cụ thể; Thời gian thực hiện rõ ràng; Kinh phí xác định; "
			+ "Bám sát hướng dẫn của Bộ Khoa học và Công nghệ; Không trùng lặp với nền tảng dùng chung của bộ, ngành Trung ương; "
			+ "Gắn với thế mạnh, dư địa tăng trưởng của tỉnh";

	static final String DEFAULT_PLATFORMS = "Cổng Dịch vụ công quốc gia; Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP); "
			+ "Hệ thống thông tin báo cáo quốc gia; Cơ sở dữ liệu quốc gia về dân cư; Hệ thống định danh và xác thực điện tử (VNeID); "
			+ "Hệ thống quản lý văn bản và điều hành quốc gia; Cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức; "
			+ "Nền tảng du lịch thông minh quốc gia";

	private final Settings settings;

	CatalogueSettings(Settings settings) {
		this.settings = settings;
	}

	public List<String> criteria() {
		return split(settings.get(CRITERIA, DEFAULT_CRITERIA));
	}

	public int minimumSelected() {
		try {
			return Integer.parseInt(settings.get(MINIMUM, "3").strip());
		}
		catch (NumberFormatException e) {
			return 3;
		}
	}

	public List<String> centralPlatforms() {
		return split(settings.get(CENTRAL_PLATFORMS, DEFAULT_PLATFORMS));
	}

	/** Trigram similarity (0–1) from which an entry counts as near another. */
	public double duplicateThreshold() {
		try {
			return Double.parseDouble(settings.get(DUPLICATE_THRESHOLD, "0.35").strip().replace(',', '.'));
		}
		catch (NumberFormatException e) {
			return 0.35;
		}
	}

	static List<String> split(String v) {
		return Arrays.stream(v.split("[;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	@Override
	public List<SettingSpec> settings() {
		return List.of(
				new SettingSpec(CRITERIA, "Danh mục bài toán lớn", "Tiêu chí đánh giá bài toán lớn",
						"Các tiêu chí Sở KH&CN chấm khi rà soát bài toán lớn, cách nhau bởi dấu chấm phẩy", DEFAULT_CRITERIA,
						CatalogueSettings::list),
				new SettingSpec(MINIMUM, "Danh mục bài toán lớn", "Số bài toán lớn tối thiểu cần lựa chọn",
						"Trung ương yêu cầu lựa chọn tối thiểu 03 bài toán lớn", "3",
						SettingSpec.wholeNumber("Số bài toán lớn tối thiểu", 1, 50)),
				new SettingSpec(CENTRAL_PLATFORMS, "Danh mục hệ thống thông tin", "Nền tảng dùng chung của Trung ương",
						"Hệ thống của tỉnh trùng tên, mục đích với các nền tảng này được đánh dấu trùng lặp; cách nhau bởi dấu chấm phẩy",
						DEFAULT_PLATFORMS, CatalogueSettings::list),
				new SettingSpec(DUPLICATE_THRESHOLD, "Danh mục bài toán lớn", "Ngưỡng cảnh báo trùng lặp",
						"Độ giống nhau của tên (0,1–0,9) từ đó hệ thống hiện các mục gần giống trước khi lưu", "0.35",
						CatalogueSettings::threshold));
	}

	static String list(String typed) {
		List<String> items = split(typed == null ? "" : typed);
		if (items.isEmpty()) {
			throw new DomainException("Cần ít nhất một mục, cách nhau bởi dấu chấm phẩy");
		}
		String v = String.join("; ", items);
		if (v.length() > 1000) {
			throw new DomainException("Danh sách tối đa 1.000 ký tự");
		}
		return v;
	}

	static String threshold(String typed) {
		String v = typed == null ? "" : typed.strip().replace(',', '.');
		try {
			double d = Double.parseDouble(v);
			if (d >= 0.1 && d <= 0.9) {
				return String.valueOf(d);
			}
		}
		catch (NumberFormatException e) {
			// below
		}
		throw new DomainException("Ngưỡng cảnh báo trùng lặp: “" + typed + "” không hợp lệ; hãy nhập số từ 0,1 đến 0,9");
	}
}
