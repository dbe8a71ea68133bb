package vn.nq57.agency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import vn.nq57.agency.AgencyDirectory.AgencyRef;
import vn.nq57.kernel.VnText;

/**
 * The one search every agency picker of the product uses: as you type, accents and case ignored (the
 * {@code search} column, {@code search_key} of name, short name and code, with its {@code pg_trgm} index, and
 * the aliases), a page of at most {@link #MAX_LIMIT} matches, and the resolution of a typed name for forms sent
 * without JavaScript. {@code onlyAgency} limits every answer to one agency (an agency's staff pick only their
 * own agency).
 */
@Service
public class AgencySearch {

	public static final int MAX_LIMIT = 50;

	/** One page of matches; {@code more} when further matches follow {@code offset + items.size()}. */
	public record Page(List<AgencyRef> items, boolean more, int offset) {
	}

	/** A typed name resolved: the agency, or why not (unknown, or several agencies match, with their names). */
	public record Resolution(AgencyRef agency, String problem) {
		public boolean ok() {
			return agency != null;
		}
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final AgencyDirectory directory;

	AgencySearch(NamedParameterJdbcTemplate jdbc, AgencyDirectory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	public Page search(String q, AgencyPickScope scope, Long onlyAgency, int offset, int limit) {
		int size = Math.max(1, Math.min(limit, MAX_LIMIT));
		int from = Math.max(0, offset);
		List<String> words = words(q);
		MapSqlParameterSource p = new MapSqlParameterSource("limit", size + 1).addValue("offset", from)
			.addValue("only", onlyAgency).addValue("lead", scope == AgencyPickScope.LEADS)
			.addValue("prefix", String.join(" ", words) + "%");
		StringBuilder where = new StringBuilder("a.active AND (:lead OR a.kind <> 'COLLECTIVE')"
				+ " AND (CAST(:only AS bigint) IS NULL OR a.id = :only)");
		for (int i = 0; i < words.size(); i++) {
			// each word anywhere in the name, short name, code or one alias, in any order
			String w = "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			p.addValue("w" + i, w);
			where.append(" AND (a.search LIKE :w").append(i)
				.append(" OR EXISTS (SELECT 1 FROM agency_alias al WHERE al.agency_id = a.id AND al.alias_key LIKE :w")
				.append(i).append("))");
		}
		List<AgencyRef> rows = jdbc.query("SELECT a.id, a.code, a.name, a.short_name, a.kind FROM agency a WHERE " + where
				+ " ORDER BY (search_key(a.name) LIKE :prefix OR search_key(coalesce(a.short_name, '')) LIKE :prefix) DESC,"
				+ " length(a.name), a.name, a.id LIMIT :limit OFFSET :offset", p,
				(rs, i) -> new AgencyRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						AgencyKind.valueOf(rs.getString(5))));
		boolean more = rows.size() > size;
		return new Page(more ? new ArrayList<>(rows.subList(0, size)) : rows, more, from);
	}

	/**
	 * The agency a person typed without picking from the list: an exact name, short name, alias or code first,
	 * otherwise the only match of the search; a clear message when nothing or several agencies match.
	 */
	public Resolution resolve(String typed, AgencyPickScope scope, Long onlyAgency) {
		String t = typed == null ? "" : typed.strip();
		if (t.isEmpty()) {
			return new Resolution(null, "Chưa nhập tên cơ quan, đơn vị");
		}
		Optional<Agency> exact = directory.resolve(t).or(() -> directory.findByCode(t));
		if (exact.isPresent() && allowed(exact.get(), scope, onlyAgency)) {
			Agency a = exact.get();
			return new Resolution(new AgencyRef(a.getId(), a.getCode(), a.getName(), a.getShortName(), a.getKind()), null);
		}
		Page page = search(t, scope, onlyAgency, 0, 6);
		if (page.items().size() == 1) {
			return new Resolution(page.items().get(0), null);
		}
		if (page.items().isEmpty()) {
			return new Resolution(null, "Không tìm thấy cơ quan, đơn vị “" + t + "”"
					+ (onlyAgency != null ? " trong những cơ quan bạn được chọn" : "")
					+ "; hãy gõ tên, tên viết tắt hoặc mã (có dấu hoặc không dấu)");
		}
		List<String> names = page.items().stream().limit(5).map(AgencyRef::name).toList();
		return new Resolution(null, "“" + t + "” khớp với nhiều cơ quan, đơn vị (" + String.join("; ", names)
				+ (page.more() ? "; …" : "") + "); hãy gõ rõ hơn hoặc chọn trong danh sách");
	}

	/** The agencies of these ids, in the order given (unknown ids left out): what a picker shows as chosen. */
	public List<AgencyRef> refs(Collection<Long> ids) {
		Map<Long, AgencyRef> found = directory.refs(ids);
		return ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	private static boolean allowed(Agency a, AgencyPickScope scope, Long onlyAgency) {
		return a.isActive() && (scope == AgencyPickScope.LEADS || !a.isCollective())
				&& (onlyAgency == null || onlyAgency.equals(a.getId()));
	}

	static List<String> words(String q) {
		String folded = q == null ? "" : VnText.fold(q);
		return Arrays.stream(folded.split("[\\s,.;:()\\-–/]+")).filter(s -> !s.isBlank()).limit(8).toList();
	}
}
