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
	static final String DEFAULT_WEIGHTS = "hoàn thành đúng hạn=40; báo cáo đúng hạn=25; chỉ tiêu=20; trả lời kiến nghị=15";

	/**
	 * The words people write for each criterion (the settings page shows these), and the criterion's code. ANSWERS is
	 * brought by the recommendation module (a {@link RankingCriterion} bean); without that module its weight is ignored.
	 */
	static final Map<String, String> WORDS = Map.of("hoàn thành đúng hạn", "ON_TIME", "báo cáo đúng hạn", "REPORTS",
			"chỉ tiêu", "INDICATORS", "trả lời kiến nghị", "ANSWERS");

	/** The criterion's code for a written word, or the code itself (layouts written before); null when unknown. */
	static String code(String written) {
		String folded = vn.nq57.kernel.VnText.fold(written);
		for (Map.Entry<String, String> w : WORDS.entrySet()) {
			if (vn.nq57.kernel.VnText.fold(w.getKey()).equals(folded)) {
				return w.getValue();
			}
		}
		String upper = written.strip().toUpperCase(Locale.ROOT);
		return WORDS.containsValue(upper) ? upper : null;
	}

	static String word(String code) {
		return WORDS.entrySet().stream().filter(w -> w.getValue().equals(code)).map(Map.Entry::getKey).findFirst().orElse(code);
	}

	private final Settings settings;

	SteeringSettings(Settings settings) {
		this.settings = settings;
	}

	@Override
	public List<SettingSpec> settings() {
		return List.of(new SettingSpec(WEIGHTS, "Xếp hạng cơ quan", "Trọng số các tiêu chí xếp hạng",
				"Dạng “tiêu chí=trọng số”, cách nhau bởi dấu chấm phẩy; tiêu chí: hoàn thành đúng hạn (nhiệm vụ hoàn thành "
						+ "đúng hạn), báo cáo đúng hạn (gửi báo cáo định kỳ đúng hạn), chỉ tiêu (chỉ tiêu đạt hoặc đúng lộ trình), "
						+ "trả lời kiến nghị (trả lời phản ánh, kiến nghị đúng hạn); "
						+ "trọng số là số nguyên 0–100",
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
		w.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "; ").append(word(k)).append('=').append(v));
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
				throw new DomainException("Trọng số xếp hạng: “" + part.strip() + "” không đúng dạng tiêu chí=trọng số");
			}
			String code = code(kv[0]);
			if (code == null) {
				throw new DomainException("Trọng số xếp hạng: tiêu chí “" + kv[0].strip() + "” không có; hãy dùng "
						+ "hoàn thành đúng hạn, báo cáo đúng hạn, chỉ tiêu, trả lời kiến nghị");
			}
			int n;
			try {
				n = Integer.parseInt(kv[1].strip());
			}
			catch (NumberFormatException e) {
				throw new DomainException("Trọng số của " + word(code) + ": “" + kv[1].strip() + "” không phải số nguyên");
			}
			if (n < 0 || n > 100) {
				throw new DomainException("Trọng số của " + word(code) + " phải từ 0 đến 100");
			}
			out.put(code, n);
		}
		if (out.values().stream().mapToInt(Integer::intValue).sum() == 0) {
			throw new DomainException("Trọng số xếp hạng: cần ít nhất một tiêu chí có trọng số lớn hơn 0");
		}
		return out;
	}
}
