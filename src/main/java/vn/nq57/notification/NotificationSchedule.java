package vn.nq57.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.nq57.system.AppClock;

/**
 * When the jobs run. {@code nq57.notification.jobs.enabled=false} turns the schedule off (the tests call the jobs
 * themselves, to control the day and the order).
 */
@Component
@ConditionalOnProperty(name = "nq57.notification.jobs.enabled", havingValue = "true", matchIfMissing = true)
class NotificationSchedule {

	private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);

	private final NotificationJobs jobs;

	NotificationSchedule(NotificationJobs jobs) {
		this.jobs = jobs;
	}

	/** Daily at 06:30, and again at 12:30 in case the morning run fell on a node that was going down. */
	@Scheduled(cron = "${nq57.notification.reminders-cron:0 30 6,12 * * *}", zone = AppClock.ZONE)
	void reminders() {
		jobs.reminders();
	}

	/**
	 * Once the application is up (after the demo data on a fresh start): the day's reminders and the week's digest if
	 * they have not been computed yet, so nobody waits for tomorrow's 06:30 (or next Monday) to see what is due;
	 * idempotent and under the same locks.
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
	void catchUp() {
		ReminderEngine.Result r = jobs.reminders();
		if (r != null) {
			log.info("Reminders computed at start-up: {} queued", r.total());
		}
		jobs.digest();
	}

	/** Monday 07:00; a week's digest is keyed on its Monday, so a rerun later in the week adds nothing. */
	@Scheduled(cron = "${nq57.notification.digest-cron:0 0 7 * * MON}", zone = AppClock.ZONE)
	void digest() {
		jobs.digest();
	}

	@Scheduled(fixedDelayString = "${nq57.notification.sender-delay:PT30S}", initialDelayString = "PT20S")
	void send() {
		int n = jobs.send(200);
		if (n > 0) {
			log.info("Sent {} notification mail(s)", n);
		}
	}
}
