package vn.nq57.agency;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Synthetic agencies for load tests and the benchmark (driven by {@code vn.nq57.demo.ScaleData}), never for
 * production: "Đơn vị mô phỏng 0001"… (codes MP0001…, clearly not real bodies), {@code perPlan} per plan of which
 * the first {@code departments} are departments and the rest communes, and one collective per plan ("MP-NHOM-01")
 * naming all of them.
 */
@Component
public class SyntheticAgencies {

	/** Codes of generated agencies start with this. */
	public static final String CODE_PREFIX = "MP";

	private final NamedParameterJdbcTemplate jdbc;

	SyntheticAgencies(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** How many generated agencies the registry already holds (an earlier run). */
	public long existing() {
		Long n = jdbc.getJdbcTemplate().queryForObject("SELECT count(*) FROM agency WHERE code LIKE '" + CODE_PREFIX + "%'",
				Long.class);
		return n == null ? 0 : n;
	}

	public long count() {
		Long n = jdbc.getJdbcTemplate().queryForObject("SELECT count(*) FROM agency", Long.class);
		return n == null ? 0 : n;
	}

	public void generate(int plans, int perPlan, int departments) {
		MapSqlParameterSource p = new MapSqlParameterSource("plans", plans).addValue("perPlan", perPlan)
			.addValue("departments", departments);
		// n = (plan - 1) * perPlan + k; the first `departments` of each plan are departments, the rest communes
		jdbc.update("""
				INSERT INTO agency(code, name, short_name, kind, active)
				SELECT 'MP' || lpad(n::text, 4, '0'), 'Đơn vị mô phỏng ' || lpad(n::text, 4, '0'),
				       'ĐVMP ' || lpad(n::text, 4, '0'),
				       CASE WHEN (n - 1) % :perPlan < :departments THEN 'DEPARTMENT' ELSE 'COMMUNE' END, true
				FROM generate_series(1, :plans * :perPlan) n""", p);
		jdbc.update("""
				INSERT INTO agency(code, name, short_name, kind, active)
				SELECT 'MP-NHOM-' || lpad(k::text, 2, '0'),
				       'Các đơn vị mô phỏng thuộc kế hoạch mô phỏng số ' || lpad(k::text, 2, '0'),
				       'Nhóm ĐVMP ' || lpad(k::text, 2, '0'), 'COLLECTIVE', true
				FROM generate_series(1, :plans) k""", p);
		jdbc.update("""
				INSERT INTO agency_member(collective_id, member_id)
				SELECT c.id, m.id
				FROM generate_series(1, :plans * :perPlan) n
				JOIN agency m ON m.code = 'MP' || lpad(n::text, 4, '0')
				JOIN agency c ON c.code = 'MP-NHOM-' || lpad(((n - 1) / :perPlan + 1)::text, 2, '0')""", p);
	}

	public void analyze(boolean vacuum) {
		for (String table : new String[] { "agency", "agency_member" }) {
			jdbc.getJdbcTemplate().execute((vacuum ? "VACUUM ANALYZE " : "ANALYZE ") + table);
		}
	}
}
