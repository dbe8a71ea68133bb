package vn.nq57.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Mail for the operations dashboard: {@code nq57_mail_attempts_total{outcome=…}} (sent, failed…) from this module's
 * attempts table, and {@code nq57_mail_pending} waiting to be sent; counted at each scrape from the database, so
 * every node reports the same figures.
 */
@Component
class NotificationMetrics implements MeterBinder {

	private final JdbcTemplate jdbc;

	NotificationMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String outcome : new String[] { "SENT", "FAILED", "RETRY" }) {
			FunctionCounter.builder("nq57.mail.attempts", jdbc,
					j -> count(j, "SELECT count(*) FROM notification_attempt WHERE outcome = ?", outcome))
				.tag("outcome", outcome)
				.description("Mail deliveries tried, by outcome")
				.register(registry);
		}
		Gauge.builder("nq57.mail.pending", jdbc,
				j -> count(j, "SELECT count(*) FROM notification WHERE mail_state = ?", "PENDING"))
			.description("Mails waiting to be sent")
			.register(registry);
	}

	private static double count(JdbcTemplate jdbc, String sql, String arg) {
		try {
			Long n = jdbc.queryForObject(sql, Long.class, arg);
			return n == null ? 0 : n;
		}
		catch (RuntimeException e) {
			return Double.NaN;
		}
	}
}
