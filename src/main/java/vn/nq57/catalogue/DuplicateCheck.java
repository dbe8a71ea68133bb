package vn.nq57.catalogue;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The entries nearest to a title across big problems, initiatives and inventory systems, by trigram similarity of
 * the accent-folded titles ({@code search_key}, {@code pg_trgm}, one GIN index per register), shown before saving.
 */
@Component
public class DuplicateCheck {

	/** One near entry: its register (BIG_PROBLEM, INITIATIVE, INFO_SYSTEM), id, title and similarity 0–1. */
	public record Match(String register, long id, String title, double similarity) {

		public int percent() {
			return (int) Math.round(similarity * 100);
		}

		public String link() {
			return switch (register) {
				case "BIG_PROBLEM" -> "/catalogue/problems/" + id;
				case "INITIATIVE" -> "/catalogue/initiatives/" + id;
				case "TECH_NEED" -> "/catalogue/tech/needs/" + id;
				default -> "/catalogue/systems/" + id;
			};
		}
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final CatalogueSettings settings;

	DuplicateCheck(NamedParameterJdbcTemplate jdbc, CatalogueSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * The nearest entries (at most 8), leaving out the entry being edited ({@code register}, {@code exceptId}); a
	 * technology need ({@code register} TECH_NEED) is also compared with the other needs.
	 */
	public List<Match> nearest(String title, String register, Long exceptId) {
		if (title == null || title.isBlank()) {
			return List.of();
		}
		double threshold = settings.duplicateThreshold();
		MapSqlParameterSource p = new MapSqlParameterSource("t", title.strip()).addValue("th", threshold)
			.addValue("reg", register == null ? "" : register).addValue("except", exceptId == null ? -1L : exceptId);
		// each register's GiST index hands over its nearest titles first (KNN on the trigram distance); the setting
		// then keeps those near enough
		return jdbc.query("""
				SELECT reg, id, title, sim FROM (
				  (SELECT 'BIG_PROBLEM' AS reg, b.id, b.title, similarity(b.title_key, search_key(:t)) AS sim FROM big_problem b
				   WHERE NOT (:reg = 'BIG_PROBLEM' AND b.id = :except) ORDER BY b.title_key <-> search_key(:t) LIMIT 5)
				  UNION ALL
				  (SELECT 'INITIATIVE', i.id, i.title, similarity(i.title_key, search_key(:t)) FROM initiative i
				   WHERE NOT (:reg = 'INITIATIVE' AND i.id = :except) ORDER BY i.title_key <-> search_key(:t) LIMIT 5)
				  UNION ALL
				  (SELECT 'INFO_SYSTEM', s.id, s.name, similarity(s.name_key, search_key(:t)) FROM info_system s
				   WHERE NOT (:reg = 'INFO_SYSTEM' AND s.id = :except) ORDER BY s.name_key <-> search_key(:t) LIMIT 5)
				  UNION ALL
				  (SELECT 'TECH_NEED', n.id, n.title, similarity(n.title_key, search_key(:t)) FROM tech_need n
				   WHERE :reg = 'TECH_NEED' AND n.id <> :except ORDER BY n.title_key <-> search_key(:t) LIMIT 5)
				) x WHERE sim >= :th ORDER BY sim DESC, id LIMIT 8""", p,
				(rs, i) -> new Match(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getDouble(4)));
	}
}
