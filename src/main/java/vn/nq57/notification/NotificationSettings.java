package vn.nq57.notification;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.nq57.system.DomainException;
import vn.nq57.system.SettingSpec;
import vn.nq57.system.Settings;

/**
 * The urging rules, read from the {@code setting} table each time a job starts (V50 sets the defaults), edited
 * on the settings page. A value that cannot be read (written by hand in the database) counts as the default,
 * so a job never stops over it.
 */
@Component
class NotificationSettings implements SettingSpec.Provider {

	private static final Logger log = LoggerFactory.getLogger(NotificationSettings.class);

	private static final String SECTION = "Nhắc việc, đôn đốc";

	static final String ASSIGNMENT_DAYS = "notify.assignment.days-before";
	static final String OVERDUE_EVERY = "notify.overdue.every-days";
	static final String REPORT_DAYS = "notify.report.days-before";
	static final String REPRIMAND_OVERDUE_DAYS = "notify.reprimand.overdue-days";
	static final String REPRIMAND_LATE_REPORTS = "notify.reprimand.late-reports";
	static final String LETTER_DUE_WITHIN = "notify.letter.due-within-days";
	static final String MAX_ATTEMPTS = "notify.mail.max-attempts";
	static final String RETRY_BASE = "notify.mail.retry-base-seconds";

	private final Settings settings;

	NotificationSettings(Settings settings) {
		this.settings = settings;
	}

	@Override
	public List<SettingSpec> settings() {
		return List.of(
				new SettingSpec(ASSIGNMENT_DAYS, SECTION, "Nhắc trước hạn (ngày)",
						"Nhắc cơ quan chủ trì trước hạn bao nhiêu ngày, cách nhau bởi dấu phẩy; 0 là đúng ngày đến hạn",
						"7,3,1,0", NotificationSettings::offsetList),
				new SettingSpec(OVERDUE_EVERY, SECTION, "Nhắc lại khi quá hạn, mỗi (ngày)",
						"Khi quá hạn, nhắc lại sau mỗi số ngày này", "7",
						SettingSpec.wholeNumber("Nhắc lại khi quá hạn", 1, 90)),
				new SettingSpec(REPORT_DAYS, SECTION, "Nhắc báo cáo định kỳ trước hạn (ngày)",
						"Nhắc cơ quan chưa nộp báo cáo trước hạn bao nhiêu ngày; 0 là đúng ngày đến hạn", "3,0",
						NotificationSettings::offsetList),
				new SettingSpec(REPRIMAND_OVERDUE_DAYS, SECTION, "Đề xuất phê bình: quá hạn trên (ngày)",
						"Cơ quan có nhiệm vụ quá hạn quá số ngày này vào danh sách đề xuất phê bình", "30",
						SettingSpec.wholeNumber("Số ngày quá hạn để đề xuất phê bình", 1, 365)),
				new SettingSpec(REPRIMAND_LATE_REPORTS, SECTION, "Đề xuất phê bình: số lần báo cáo trễ hoặc thiếu trong năm",
						"Cơ quan nộp báo cáo trễ hoặc không nộp từ số lần này trở lên trong năm", "2",
						SettingSpec.wholeNumber("Số lần báo cáo trễ hoặc thiếu", 1, 24)),
				new SettingSpec(LETTER_DUE_WITHIN, SECTION, "Công văn đôn đốc: việc sắp đến hạn trong (ngày)",
						"Công văn đôn đốc liệt kê việc quá hạn và việc đến hạn trong số ngày này", "30",
						SettingSpec.wholeNumber("Số ngày sắp đến hạn trong công văn", 1, 180)),
				new SettingSpec(MAX_ATTEMPTS, SECTION, "Gửi thư: số lần thử tối đa",
						"Sau số lần này thư được đánh dấu gửi không được và hiện cho quản trị", "10",
						SettingSpec.wholeNumber("Số lần thử gửi thư", 1, 50)),
				new SettingSpec(RETRY_BASE, SECTION, "Gửi thư: chờ trước lần thử lại đầu tiên (giây)",
						"Thời gian chờ nhân đôi sau mỗi lần không gửi được", "60",
						SettingSpec.wholeNumber("Thời gian chờ gửi lại", 1, 3600)));
	}

	private static String offsetList(String typed) {
		try {
			return ReminderRules.offsets(typed == null ? "" : typed).stream().map(String::valueOf)
				.collect(java.util.stream.Collectors.joining(","));
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(e.getMessage());
		}
	}

	List<Integer> assignmentOffsets() {
		return offsets(ASSIGNMENT_DAYS, "7,3,1,0");
	}

	private List<Integer> offsets(String key, String fallback) {
		try {
			return ReminderRules.offsets(settings.get(key, fallback));
		}
		catch (IllegalArgumentException e) {
			log.warn("Setting {} cannot be read ({}); using {}", key, e.getMessage(), fallback);
			return ReminderRules.offsets(fallback);
		}
	}

	int overdueEveryDays() {
		return intSetting(OVERDUE_EVERY, 7);
	}

	List<Integer> reportOffsets() {
		return offsets(REPORT_DAYS, "3,0");
	}

	int reprimandOverdueDays() {
		return intSetting(REPRIMAND_OVERDUE_DAYS, 30);
	}

	int reprimandLateReports() {
		return intSetting(REPRIMAND_LATE_REPORTS, 2);
	}

	int letterDueWithinDays() {
		return intSetting(LETTER_DUE_WITHIN, 30);
	}

	int maxAttempts() {
		return Math.max(1, intSetting(MAX_ATTEMPTS, 10));
	}

	Duration retryBase() {
		return Duration.ofSeconds(Math.max(1, intSetting(RETRY_BASE, 60)));
	}

	private int intSetting(String key, int fallback) {
		try {
			return Integer.parseInt(settings.get(key, String.valueOf(fallback)).trim());
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}
}
