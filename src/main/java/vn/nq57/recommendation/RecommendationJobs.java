package vn.nq57.recommendation;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The register's two jobs, each on one node at a time (ShedLock): taking the public form's inbox over (every minute)
 * and collecting the obstacles and proposals of progress updates and periodic reports into the queue (every five
 * minutes; both idempotent). {@code nq57.recommendation.jobs.enabled=false} turns them off (the tests call them).
 */
@Component
@ConditionalOnProperty(name = "nq57.recommendation.jobs.enabled", havingValue = "true", matchIfMissing = true)
class RecommendationJobs {

	private final PublicInbox inbox;
	private final ObstacleQueue queue;

	RecommendationJobs(PublicInbox inbox, ObstacleQueue queue) {
		this.inbox = inbox;
		this.queue = queue;
	}

	@Scheduled(fixedDelayString = "${nq57.recommendation.inbox-ms:60000}", initialDelayString = "${nq57.recommendation.inbox-initial-ms:40000}")
	@SchedulerLock(name = "recommendation.public-inbox", lockAtLeastFor = "PT5S")
	void publicInbox() {
		inbox.take();
	}

	@Scheduled(fixedDelayString = "${nq57.recommendation.obstacles-ms:300000}", initialDelayString = "${nq57.recommendation.obstacles-initial-ms:50000}")
	@SchedulerLock(name = "recommendation.obstacles", lockAtLeastFor = "PT5S")
	void obstacles() {
		queue.collect();
	}
}
