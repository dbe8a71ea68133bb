package vn.nq57.steering;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.agency.Agency;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.agency.AgencyKind;
import vn.nq57.kernel.VnText;

/**
 * Reads the addressee of a conclusion item as the secretary types it — one agency, several ("Sở Tài chính; Sở Nội
 * vụ", "Sở Khoa học và Công nghệ, Sở Tài chính"), or a collective ("Các sở, ban, ngành, địa phương") — against the
 * registry's names and aliases (case, accents and spacing ignored). A name the registry does not know comes back
 * with the nearest names (trigram similarity on the accent-free form).
 */
@Component
class Addressees {

	record Named(long id, String name, boolean collective) {
	}

	record Unknown(String text, List<String> suggestions) {
	}

	record Reading(List<Named> agencies, List<Unknown> unknown) {

		public boolean empty() {
			return agencies.isEmpty() && unknown.isEmpty();
		}

		public List<Long> ids() {
			return agencies.stream().map(Named::id).toList();
		}
	}

	private final AgencyDirectory directory;
	private final NamedParameterJdbcTemplate jdbc;

	Addressees(AgencyDirectory directory, NamedParameterJdbcTemplate jdbc) {
		this.directory = directory;
		this.jdbc = jdbc;
	}

	Reading read(String typed) {
		String text = typed == null ? "" : VnText.nfc(typed).strip();
		List<Named> found = new ArrayList<>();
		List<Unknown> unknown = new ArrayList<>();
		if (text.isEmpty()) {
			return new Reading(found, unknown);
		}
		Set<Long> seen = new LinkedHashSet<>();
		for (String part : text.split("[;\\n]")) {
			String p = clean(part);
			if (p.isEmpty()) {
				continue;
			}
			// commas separate names and also sit inside them ("Sở Văn hóa, Thể thao và Du lịch"): the longest run
			// of comma-separated pieces the registry knows wins
			String[] pieces = p.split(",");
			int i = 0;
			while (i < pieces.length) {
				int matched = -1;
				Agency agency = null;
				for (int j = pieces.length; j > i; j--) {
					Optional<Agency> a = resolve(String.join(",", java.util.Arrays.copyOfRange(pieces, i, j)));
					if (a.isPresent()) {
						matched = j;
						agency = a.get();
						break;
					}
				}
				if (agency == null) {
					String rest = clean(String.join(",", java.util.Arrays.copyOfRange(pieces, i, pieces.length)));
					if (!rest.isEmpty()) {
						unknown.add(new Unknown(rest, suggestions(rest, 5)));
					}
					break;
				}
				if (seen.add(agency.getId())) {
					found.add(new Named(agency.getId(), agency.getName(), agency.getKind() == AgencyKind.COLLECTIVE));
				}
				i = matched;
			}
		}
		return new Reading(found, unknown);
	}

	private Optional<Agency> resolve(String name) {
		String n = clean(name);
		if (n.isEmpty()) {
			return Optional.empty();
		}
		Optional<Agency> a = directory.resolve(n);
		if (a.isPresent()) {
			return a;
		}
		List<Long> ids = jdbc.queryForList("""
				SELECT id FROM agency_view WHERE active
				  AND (search_key(name) = search_key(:n) OR search_key(coalesce(short_name, '')) = search_key(:n)
				       OR lower(code) = lower(:n))
				ORDER BY id LIMIT 1""", new MapSqlParameterSource("n", n), Long.class);
		return ids.isEmpty() ? Optional.empty() : directory.find(ids.get(0));
	}

	/** The registry's names nearest to {@code text}, best first (accent-insensitive). */
	List<String> suggestions(String text, int limit) {
		return jdbc.queryForList("""
				SELECT name FROM (
				  SELECT a.name, greatest(similarity(a.search, search_key(:q)), word_similarity(search_key(:q), a.search)) AS s
				  FROM agency_view a WHERE a.active
				  UNION ALL
				  SELECT a.name, similarity(al.alias_key, search_key(:q)) AS s
				  FROM agency_alias_view al JOIN agency_view a ON a.id = al.agency_id WHERE a.active) x
				WHERE s > 0.2
				GROUP BY name ORDER BY max(s) DESC, name LIMIT :limit""",
				new MapSqlParameterSource("q", text).addValue("limit", limit), String.class);
	}

	private static String clean(String s) {
		String t = s == null ? "" : s.strip();
		t = t.replaceAll("^(?:[-–•*]|\\d+[.)])\\s*", "").replaceAll("[:.]+$", "").strip();
		return t;
	}
}
