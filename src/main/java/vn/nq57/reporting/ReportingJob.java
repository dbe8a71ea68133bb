package vn.nq57.reporting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;

import vn.nq57.system.AppClock;

/**
 * Opens the periods of every reporting regime and the reports agencies owe, at start-up (after the registry and
 * demo data are in) and each night, so that an agency added or closed in the registry is picked up the next day.
 * {@link RegimeService#sync()} is idempotent: several nodes running it do no harm.
 */
@Component
@Order(30)
class ReportingJob implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReportingJob.class);

	private final RegimeService regimes;
	private final AppClock clock;

	ReportingJob(RegimeService regimes, AppClock clock) {
		this.regimes = regimes;
		this.clock = clock;
	}

	/** Runs on one node of several: the others skip the night while the lock is held (ShedLock). */
	@Scheduled(cron = "0 15 0 * * *", zone = AppClock.ZONE)
	@SchedulerLock(name = "reporting.periods", lockAtLeastFor = "PT5S")
	public void nightly() {
		RegimeService.SyncResult r = regimes.sync();
		log.info("Reporting periods and expected reports brought up to {}: {}", clock.today(), r);
	}

	@Override
	public void run(ApplicationArguments args) {
		nightly();
	}
}
