package vn.nq57.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;

import vn.nq57.system.AppClock;

/**
 * Opens the new period's instance of every recurring task ("Hằng năm", "hằng quý"…) each night and at
 * start-up. Creating an instance is idempotent (one per task, agency and period), so a missed night is
 * caught up by the next run.
 */
@Component
class RecurringInstancesJob implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RecurringInstancesJob.class);

	private final TaskService tasks;
	private final AppClock clock;

	RecurringInstancesJob(TaskService tasks, AppClock clock) {
		this.tasks = tasks;
		this.clock = clock;
	}

	/** Runs on one node of several: the others skip the night while the lock is held (ShedLock). */
	@Scheduled(cron = "0 5 0 * * *", zone = AppClock.ZONE)
	@SchedulerLock(name = "task.recurring-instances", lockAtLeastFor = "PT5S")
	public void nightly() {
		int created = tasks.ensureRecurringInstances(clock.today());
		if (created > 0) {
			log.info("Opened {} assignments for the new period of recurring tasks", created);
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		nightly();
	}
}
