package vn.nq57.steering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.nq57.system.DomainException;
import vn.nq57.system.SettingSpec;
import vn.nq57.system.Settings;

/** The ranking's weights, as a setting DoST changes without a release. */
@Component
class SteeringSettings implements SettingSpec.Provider {

	static final String WEIGHTS = "steering.ranking.weights";
	static final String DEFAULT_WEIGHTS = "ON_TIME=50; REPORTS=30; INDICATORS=20";

	private final Settings settings;

	SteeringSettings(Settings settings) {
		this.settings = settings;
	}

	@Override
	public List<SettingSpec> settings() {
		return List.of(new SettingSpec(WEIGHTS, "Xếp hạng cơ quan", "Trọng số các tiêu chí xếp hạng",
				"Dạng MÃ=trọng số, cách nhau bởi dấu chấm phẩy: ON_TIME (hoàn thành nhiệm vụ đúng hạn), REPORTS "
						+ "(gửi báo cáo đúng hạn), INDICATORS (chỉ tiêu đạt hoặc đúng lộ trình); trọng số là số nguyên 0–100",
				DEFAULT_WEIGHTS, SteeringSettings::normalizeWeights));
	}

	/** The weights by criterion code, in the order written. */
	Map<String, Integer> weights() {
		try {
			return parse(settings.get(WEIGHTS, DEFAULT_WEIGHTS));
		}
		catch (DomainException e) {
			return parse(DEFAULT_WEIGHTS);
		}
	}

	static String normalizeWeights(String typed) {
		Map<String, Integer> w = parse(typed);
		StringBuilder sb = new StringBuilder();
		w.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "; ").append(k).append('=').append(v));
		return sb.toString();
	}

	static Map<String, Integer> parse(String typed) {
		String v = typed == null ? "" : typed.strip();
		Map<String, Integer> out = new LinkedHashMap<>();
		for (String part : v.split(";")) {
			if (part.isBlank()) {
				continue;
			}
			String[] kv = part.split("=");
			if (kv.length != 2) {
				throw new DomainException("Trọng số xếp hạng: “" + part.strip() + "” không đúng dạng MÃ=trọng số");
			}
			String code = kv[0].strip().toUpperCase(Locale.ROOT);
			int n;
			try {
				n = Integer.parseInt(kv[1].strip());
			}
			catch (NumberFormatException e) {
				throw new DomainException("Trọng số của " + code + ": “" + kv[1].strip() + "” không phải số nguyên");
			}
			if (n < 0 || n > 100) {
				throw new DomainException("Trọng số của " + code + " phải từ 0 đến 100");
			}
			out.put(code, n);
		}
		if (out.values().stream().mapToInt(Integer::intValue).sum() == 0) {
			throw new DomainException("Trọng số xếp hạng: cần ít nhất một tiêu chí có trọng số lớn hơn 0");
		}
		return out;
	}
}
