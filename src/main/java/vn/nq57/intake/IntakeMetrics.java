package vn.nq57.intake;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Imports for the operations dashboard ({@code nq57_imports_total{state=…}}): counted from this module's own
 * table at each scrape, so every node reports the same figure and a restart loses nothing.
 */
@Component
class IntakeMetrics implements MeterBinder {

	private final JdbcTemplate jdbc;

	IntakeMetrics(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String state : new String[] { "DRAFT", "COMMITTED", "DISCARDED" }) {
			FunctionCounter.builder("nq57.imports", jdbc, j -> count(j, state))
				.tag("state", state)
				.description("Plan and notice imports started, by state")
				.register(registry);
		}
	}

	private static double count(JdbcTemplate jdbc, String state) {
		try {
			Long n = jdbc.queryForObject("SELECT count(*) FROM intake_batch WHERE state = ?", Long.class, state);
			return n == null ? 0 : n;
		}
		catch (RuntimeException e) {
			return Double.NaN; // the database is away: the scrape says so rather than failing
		}
	}
}
