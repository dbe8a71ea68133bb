package vn.nq57.recommendation;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.nq57.system.SettingSpec;
import vn.nq57.system.Settings;

/** How long an agency has to answer a recommendation, and when an unanswered one is escalated. */
@Component
public class RecommendationSettings implements SettingSpec.Provider {

	public static final String ANSWER_DAYS = "recommendation.answer-days";

	public static final String ESCALATE_DAYS = "recommendation.escalate-days";

	private final Settings settings;

	RecommendationSettings(Settings settings) {
		this.settings = settings;
	}

	public int answerDays() {
		return number(ANSWER_DAYS, 15);
	}

	public int escalateDays() {
		return number(ESCALATE_DAYS, 10);
	}

	private int number(String key, int fallback) {
		try {
			return Integer.parseInt(settings.get(key, String.valueOf(fallback)).strip());
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}

	@Override
	public List<SettingSpec> settings() {
		return List.of(
				new SettingSpec(ANSWER_DAYS, "Kiến nghị", "Số ngày trả lời kiến nghị",
						"Hạn trả lời mặc định, tính từ ngày chuyển kiến nghị cho cơ quan", "15",
						SettingSpec.wholeNumber("Số ngày trả lời kiến nghị", 1, 180)),
				new SettingSpec(ESCALATE_DAYS, "Kiến nghị", "Số ngày quá hạn thì báo thủ trưởng và Sở KH&CN",
						"Kiến nghị quá hạn trả lời quá số ngày này được nhắc cả thủ trưởng cơ quan và Sở KH&CN", "10",
						SettingSpec.wholeNumber("Số ngày quá hạn", 1, 180)));
	}
}
