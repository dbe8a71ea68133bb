package vn.nq57.publicsite;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.nq57.system.DomainException;
import vn.nq57.system.SettingSpec;
import vn.nq57.system.Settings;

/** The public side's settings (page "Cài đặt"), read through the cache so that anonymous traffic never reads them. */
@Component
public class PublicSettings implements SettingSpec.Provider {

	static final String LICENCE = "opendata.licence";
	static final String CONTACT = "opendata.contact-email";
	static final String FLOOD = "public.recommendation.per-hour";

	static final String DEFAULT_LICENCE = "http://creativecommons.org/licenses/by/4.0/";

	private final Settings settings;
	private final PublicCache cache;

	PublicSettings(Settings settings, PublicCache cache) {
		this.settings = settings;
		this.cache = cache;
	}

	/** The licence of every open data set (an address, default CC BY 4.0). */
	public String licence() {
		return cache.get("setting:" + LICENCE, () -> settings.get(LICENCE, DEFAULT_LICENCE));
	}

	public String contactEmail() {
		return cache.get("setting:" + CONTACT, () -> settings.get(CONTACT, "sokhcn@quangngai.gov.vn"));
	}

	/** How many recommendations one address may send in an hour (a broken value counts as 5). */
	public int recommendationsPerHour() {
		return cache.get("setting:" + FLOOD, () -> {
			try {
				return Integer.parseInt(settings.get(FLOOD, "5").strip());
			}
			catch (NumberFormatException e) {
				return 5;
			}
		});
	}

	@Override
	public List<SettingSpec> settings() {
		return List.of(
				new SettingSpec(LICENCE, "Dữ liệu mở", "Giấy phép dữ liệu mở",
						"Địa chỉ giấy phép áp dụng cho mọi bộ dữ liệu mở (mặc định CC BY 4.0)", DEFAULT_LICENCE,
						PublicSettings::licenceUrl),
				new SettingSpec(CONTACT, "Dữ liệu mở", "Thư điện tử liên hệ về dữ liệu mở",
						"Địa chỉ thư điện tử ghi trong danh mục dữ liệu (DCAT) để người dùng dữ liệu liên hệ",
						"sokhcn@quangngai.gov.vn", PublicSettings::email),
				new SettingSpec(FLOOD, "Trang công khai", "Số kiến nghị tối đa mỗi giờ từ một địa chỉ",
						"Quá số này, biểu mẫu kiến nghị công khai từ chối và đề nghị gửi lại sau",
						"5", SettingSpec.wholeNumber("Số kiến nghị mỗi giờ", 1, 1000)));
	}

	static String licenceUrl(String typed) {
		String v = typed == null ? "" : typed.strip();
		if (v.matches("https?://[^\\s<>\"]+")) {
			return v;
		}
		throw new DomainException("Giấy phép dữ liệu mở: “" + v + "” không phải một địa chỉ http(s)");
	}

	static String email(String typed) {
		String v = typed == null ? "" : typed.strip();
		if (v.matches("[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+")) {
			return v;
		}
		throw new DomainException("Thư điện tử liên hệ: “" + v + "” không hợp lệ");
	}
}
