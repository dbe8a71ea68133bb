package vn.nq57.ioc;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The feed's two jobs, each on one node at a time (ShedLock): the change detector and snapshots every minute, the
 * webhook sender every 15 seconds. {@code nq57.ioc.jobs.enabled=false} turns them off (the tests call them).
 */
@Component
@ConditionalOnProperty(name = "nq57.ioc.jobs.enabled", havingValue = "true", matchIfMissing = true)
class IocJobs {

	private final IocFeed feed;
	private final IocWebhooks webhooks;

	IocJobs(IocFeed feed, IocWebhooks webhooks) {
		this.feed = feed;
		this.webhooks = webhooks;
	}

	@Scheduled(fixedDelayString = "${nq57.ioc.detect-ms:60000}", initialDelayString = "${nq57.ioc.detect-initial-ms:30000}")
	@SchedulerLock(name = "ioc.detect", lockAtLeastFor = "PT5S")
	void detect() {
		feed.detect();
	}

	@Scheduled(fixedDelayString = "${nq57.ioc.webhook-ms:15000}", initialDelayString = "${nq57.ioc.webhook-initial-ms:20000}")
	@SchedulerLock(name = "ioc.webhooks", lockAtLeastFor = "PT2S")
	void webhooks() {
		webhooks.sendDue();
	}
}
