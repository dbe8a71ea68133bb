package vn.nq57.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.DemoIntegrationTest;

/** The map's demo: an illustrative zone with parks, a few hundred lots, infrastructure, and one exceedance with its task. */
@DemoIntegrationTest
class MapDemoDataTest {

	@Autowired JdbcTemplate jdbc;

	int count(String sql) {
		return jdbc.queryForObject(sql, Integer.class);
	}

	@Test
	@DisplayName("the demo map: the zone and three parks, 360 lots, enterprises, roads and power lines, four monitoring points, one exceedance that opened a task for the Board; all labelled illustrative")
	void demoMap() {
		assertThat(count("SELECT count(*) FROM map_zone WHERE kind = 'ECONOMIC_ZONE'")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM map_zone WHERE kind = 'INDUSTRIAL_PARK'")).isEqualTo(3);
		assertThat(count("SELECT count(*) FROM map_lot")).isEqualTo(360);
		assertThat(count("SELECT count(*) FROM map_lot WHERE status = 'LEASED' AND enterprise_id IS NULL")).isZero();
		assertThat(count("SELECT count(*) FROM map_enterprise")).isEqualTo(12);
		assertThat(count("SELECT count(*) FROM map_infra WHERE kind = 'ROAD'")).isGreaterThanOrEqualTo(2);
		assertThat(count("SELECT count(*) FROM map_infra WHERE kind = 'POWER_LINE'")).isGreaterThanOrEqualTo(1);
		assertThat(count("SELECT count(*) FROM map_monitoring_point")).isEqualTo(4);
		assertThat(count("SELECT count(*) FROM map_env_reading WHERE exceeds")).isEqualTo(1);
		assertThat(count("""
				SELECT count(*) FROM map_env_followup f JOIN task_view t ON t.id = f.task_id
				JOIN assignment_view a ON a.task_id = t.id JOIN agency_view g ON g.id = a.agency_id
				WHERE t.open_count > 0 AND g.code = 'BQLKKT'""")).isEqualTo(1);
		for (String table : new String[] { "map_zone", "map_lot", "map_enterprise", "map_infra", "map_monitoring_point",
				"map_env_reading" }) {
			assertThat(count("SELECT count(*) FROM " + table + " WHERE NOT illustrative")).as(table).isZero();
		}
		assertThat(count("SELECT count(*) FROM map_zone WHERE name NOT LIKE '%minh họa%'")).isZero();
		assertThat(count("""
				SELECT count(*) FROM indicator_rollup r JOIN indicator i ON i.id = r.indicator_id
				WHERE i.code IN ('KKT-LAP-DAY', 'KKT-DAT-DA-THUE', 'KKT-DAT-CON-TRONG', 'KKT-QUAN-TRAC-DAT')""")).isGreaterThanOrEqualTo(4);
	}
}
