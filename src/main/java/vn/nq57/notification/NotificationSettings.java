package vn.nq57.notification;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.nq57.system.Settings;

/** The urging rules, read from the {@code setting} table each time a job starts (V50 sets the defaults). */
@Component
class NotificationSettings {

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

	List<Integer> assignmentOffsets() {
		return ReminderRules.offsets(settings.get(ASSIGNMENT_DAYS, "7,3,1,0"));
	}

	int overdueEveryDays() {
		return intSetting(OVERDUE_EVERY, 7);
	}

	List<Integer> reportOffsets() {
		return ReminderRules.offsets(settings.get(REPORT_DAYS, "3,0"));
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
