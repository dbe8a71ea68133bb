package vn.nq57;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Every scheduled job runs on one node at a time when the application runs on two (ShedLock). */
@IntegrationTest
class ScheduledJobsLockTest {

	/**
	 * Scheduled methods that only hand over to a locked method of another bean, or that are safe on two nodes by
	 * themselves, with the reason.
	 */
	static final Map<String, String> LOCKED_ELSEWHERE = Map.of(
			"NotificationSchedule.reminders", "calls NotificationJobs.reminders, locked as notification.reminders",
			"NotificationSchedule.digest", "calls NotificationJobs.digest, locked as notification.digest",
			"NotificationSchedule.send", "each node claims its own rows of the outbox (FOR UPDATE SKIP LOCKED)");

	@Autowired ApplicationContext context;
	@Autowired JdbcTemplate jdbc;

	@Test
	@DisplayName("every @Scheduled method of the application carries a @SchedulerLock, or hands over to one that does")
	void everyScheduledJobIsLocked() throws ClassNotFoundException {
		List<String> scheduled = new ArrayList<>();
		List<String> unlocked = new ArrayList<>();
		// every component of the code base, also those switched off in this test's configuration
		ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
		scan.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		for (BeanDefinition candidate : scan.findCandidateComponents("vn.nq57")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			for (Method m : type.getDeclaredMethods()) {
				if (m.isAnnotationPresent(Scheduled.class)) {
					String key = type.getSimpleName() + "." + m.getName();
					scheduled.add(key);
					if (!m.isAnnotationPresent(SchedulerLock.class) && !LOCKED_ELSEWHERE.containsKey(key)) {
						unlocked.add(key);
					}
				}
			}
		}
		assertThat(scheduled).contains("RecurringInstancesJob.nightly", "ReportingJob.nightly")
			.containsAll(LOCKED_ELSEWHERE.keySet());
		assertThat(unlocked).as("scheduled jobs without a lock").isEmpty();
	}

	@Test
	@DisplayName("while another node holds the nightly lock, this node skips the night; once free, it takes the lock")
	void aNightlyJobSkipsWhileAnotherNodeHoldsTheLock() throws Exception {
		for (String[] job : new String[][] { { "recurringInstancesJob", "task.recurring-instances" },
				{ "reportingJob", "reporting.periods" } }) {
			Object bean = context.getBean(job[0]);
			Method nightly = AopUtils.getTargetClass(bean).getDeclaredMethod("nightly");
			nightly.setAccessible(true);
			jdbc.update("DELETE FROM shedlock WHERE name = ?", job[1]);
			// the lock provider reads the database's clock in UTC (usingDbTime)
			jdbc.update("INSERT INTO shedlock(name, lock_until, locked_at, locked_by) VALUES (?, timezone('utc', now())"
					+ " + interval '1 hour', timezone('utc', now()), 'node-2')", job[1]);
			nightly.invoke(bean);
			assertThat(jdbc.queryForObject("SELECT locked_by FROM shedlock WHERE name = ?", String.class, job[1]))
				.as(job[1] + " held by the other node").isEqualTo("node-2");

			jdbc.update("UPDATE shedlock SET lock_until = timezone('utc', now()) - interval '1 minute' WHERE name = ?", job[1]);
			nightly.invoke(bean);
			assertThat(jdbc.queryForObject("SELECT locked_by FROM shedlock WHERE name = ?", String.class, job[1]))
				.as(job[1] + " taken by this node").isNotEqualTo("node-2");
			jdbc.update("DELETE FROM shedlock WHERE name = ?", job[1]);
		}
	}
}
