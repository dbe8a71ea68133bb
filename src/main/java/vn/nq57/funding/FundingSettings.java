package vn.nq57.funding;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.nq57.system.DomainException;
import vn.nq57.system.SettingSpec;
import vn.nq57.system.Settings;

/** The funding capability's settings: who Sở Tài chính is, and how far behind its period's share a disbursement may lag. */
@Component
class FundingSettings implements SettingSpec.Provider {

	static final String FINANCE_AGENCY = "funding.finance-agency";
	static final String LAG_POINTS = "funding.lag-points";

	private final Settings settings;

	FundingSettings(Settings settings) {
		this.settings = settings;
	}

	String financeAgencyCode() {
		return settings.get(FINANCE_AGENCY, "STC");
	}

	int lagPoints() {
		try {
			return Integer.parseInt(settings.get(LAG_POINTS, "10"));
		}
		catch (NumberFormatException e) {
			return 10;
		}
	}

	@Override
	public List<SettingSpec> settings() {
		return List.of(new SettingSpec(FINANCE_AGENCY, "Kinh phí", "Mã cơ quan tài chính (Sở Tài chính)",
				"Mã trong danh mục cơ quan của cơ quan tổng hợp đề xuất kinh phí, ghi quyết định phân bổ, điều chuyển và số liệu ngân sách",
				"STC", FundingSettings::code),
				new SettingSpec(LAG_POINTS, "Kinh phí", "Mức giải ngân chậm (điểm phần trăm)",
						"Cảnh báo khi tỷ lệ giải ngân của một phân bổ thấp hơn tỷ lệ thời gian đã qua của năm quá số điểm phần trăm này; khi đó cơ quan phải ghi lý do",
						"10", SettingSpec.wholeNumber("Mức giải ngân chậm", 0, 100)));
	}

	static String code(String typed) {
		String v = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
		if (!v.matches("[A-Z0-9-]{1,40}")) {
			throw new DomainException("Mã cơ quan tài chính “" + typed + "” không hợp lệ");
		}
		return v;
	}
}
