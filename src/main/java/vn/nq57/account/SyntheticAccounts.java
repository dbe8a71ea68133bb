package vn.nq57.account;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Synthetic accounts for load tests and the benchmark ({@code vn.nq57.demo.ScaleData}): one officer
 * ("mp0001") and one head ("mp0001.gd") per generated agency, with the given password hash.
 */
@Component
public class SyntheticAccounts {

	private final NamedParameterJdbcTemplate jdbc;

	SyntheticAccounts(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void generate(String passwordHash) {
		MapSqlParameterSource p = new MapSqlParameterSource("hash", passwordHash);
		jdbc.update("""
				INSERT INTO app_user(username, password_hash, full_name, email, role, agency_id, password_changed_at)
				SELECT lower(a.code) || x.suffix, :hash, x.title || ' ' || a.name, NULL, x.role, a.id, now()
				FROM agency_view a
				CROSS JOIN (VALUES ('', 'Cán bộ đầu mối', 'AGENCY_OFFICER'), ('.gd', 'Thủ trưởng', 'AGENCY_HEAD')) x(suffix, title, role)
				WHERE a.code LIKE 'MP____' AND a.kind <> 'COLLECTIVE'""", p);
	}


	public void analyze(boolean vacuum) {
		jdbc.getJdbcTemplate().execute((vacuum ? "VACUUM ANALYZE " : "ANALYZE ") + "app_user");
	}
}
