package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.DemoIntegrationTest;

/**
 * The demo's indicator values tell a story over months: the values' own history and the audit trail (moved by
 * the system module's AuditLog, not by indicator SQL) say the same thing happened at the same time.
 */
@DemoIntegrationTest
class IndicatorDemoTrailTest {

	@Autowired JdbcTemplate jdbc;

	@Test
	@DisplayName("every backdated step of a demo value has its audit line at the same moment")
	void auditTrailFollowsTheHistory() {
		String pairs = """
				WITH h AS (SELECT value_id, occurred_at,
				                  row_number() OVER (PARTITION BY value_id ORDER BY occurred_at, id) AS k
				           FROM indicator_value_history),
				     e AS (SELECT entity_id, occurred_at,
				                  row_number() OVER (PARTITION BY entity_id ORDER BY occurred_at, id) AS k
				           FROM audit_event WHERE entity_type = 'INDICATOR_VALUE' AND action LIKE 'INDICATOR\\_VALUE\\_%')
				SELECT count(*) FROM h JOIN e ON e.entity_id = h.value_id AND e.k = h.k
				WHERE h.occurred_at < timestamptz '2026-11-01 00:00+07' AND """;
		Long same = jdbc.queryForObject(pairs + " e.occurred_at = h.occurred_at", Long.class);
		Long different = jdbc.queryForObject(pairs + " e.occurred_at <> h.occurred_at", Long.class);
		assertThat(same).isPositive();
		assertThat(different).isZero();
	}
}
