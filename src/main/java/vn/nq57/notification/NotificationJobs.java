package vn.nq57.notification;

import java.time.Instant;

import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The jobs, each run by at most one node at a time where that matters. Reminders and digests take a ShedLock lock
 * (one node computes; the unique key would make a second computation harmless anyway). The sender takes no lock:
 * rows are claimed with SKIP LOCKED, so the senders of all nodes share the outbox without taking the same message.
 */
@Component
public class NotificationJobs {

	private final ReminderEngine reminders;
	private final WeeklyDigest digest;
	private final MailOutbox outbox;

	NotificationJobs(ReminderEngine reminders, WeeklyDigest digest, MailOutbox outbox) {
		this.reminders = reminders;
		this.digest = digest;
		this.outbox = outbox;
	}

	/**
	 * Computes and queues the reminders of the application's day. Skipped while another node holds the lock: the
	 * result is then {@code null}.
	 */
	@SchedulerLock(name = "notification.reminders", lockAtLeastFor = "PT5S")
	public ReminderEngine.Result reminders() {
		return reminders.computeDay();
	}

	@SchedulerLock(name = "notification.digest", lockAtLeastFor = "PT5S")
	public void digest() {
		digest.computeWeek();
	}

	public int send(int max) {
		return outbox.sendDue(Instant.now(), max);
	}

	/** Whether a mail server is configured ({@code spring.mail.host}); without one nothing is mailed. */
	public boolean mailConfigured() {
		return outbox.configured();
	}
}
