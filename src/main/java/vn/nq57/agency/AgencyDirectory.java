package vn.nq57.agency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;

/** The agency registry as the rest of the application sees it: lookup, name resolution, collectives. */
@Service
public class AgencyDirectory {

	/** A light view of an agency for lists and selects. */
	public record AgencyRef(long id, String code, String name, String shortName, AgencyKind kind) {
		public String displayName() {
			return shortName == null || shortName.isBlank() ? name : shortName;
		}
	}

	private final AgencyRepository agencies;
	private final NamedParameterJdbcTemplate jdbc;
	private final AuditLog audit;

	AgencyDirectory(AgencyRepository agencies, NamedParameterJdbcTemplate jdbc, AuditLog audit) {
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public Optional<Agency> find(long id) {
		return agencies.findById(id);
	}

	public Agency get(long id) {
		return agencies.findById(id).orElseThrow(() -> new DomainException("Không tìm thấy cơ quan, đơn vị #" + id));
	}

	public Optional<Agency> findByCode(String code) {
		return agencies.findByCode(code);
	}

	/** Finds the agency a document means by one of its names or aliases (case, accents and spacing ignored). */
	@Transactional(readOnly = true)
	public Optional<Agency> resolve(String name) {
		String key = AgencyNames.key(name);
		return key.isEmpty() ? Optional.empty() : agencies.findByAliasKey(key);
	}

	public List<AgencyRef> active() {
		return jdbc.query("SELECT id, code, name, short_name, kind FROM agency WHERE active ORDER BY kind, name",
				(rs, i) -> new AgencyRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						AgencyKind.valueOf(rs.getString(5))));
	}

	/** An active agency with every name documents may use for it: name, short name and aliases. */
	public record NamedAgency(long id, String name, AgencyKind kind, List<String> names) {
	}

	/** Every active agency and its names, in one query (what an import resolves a document's names against). */
	public List<NamedAgency> activeWithNames() {
		Map<Long, NamedAgency> out = new LinkedHashMap<>();
		jdbc.query("""
				SELECT a.id, a.name, a.short_name, a.kind, al.alias FROM agency a
				LEFT JOIN agency_alias al ON al.agency_id = a.id WHERE a.active ORDER BY a.id, al.id""", rs -> {
			NamedAgency n = out.computeIfAbsent(rs.getLong(1), id -> {
				try {
					List<String> names = new ArrayList<>();
					names.add(rs.getString(2));
					if (rs.getString(3) != null) {
						names.add(rs.getString(3));
					}
					return new NamedAgency(id, rs.getString(2), AgencyKind.valueOf(rs.getString(4)), names);
				}
				catch (java.sql.SQLException e) {
					throw new IllegalStateException(e);
				}
			});
			if (rs.getString(5) != null) {
				n.names().add(rs.getString(5));
			}
		});
		return new ArrayList<>(out.values());
	}

	/** Agencies that can lead or be assigned work (every active agency that is not a collective). */
	public List<AgencyRef> assignable() {
		return active().stream().filter(a -> a.kind() != AgencyKind.COLLECTIVE).toList();
	}

	/**
	 * The assignable agencies if there are at most {@code max} of them, otherwise an empty list: a drop-down
	 * is only built for a registry short enough to scroll, and a national registry (thousands of agencies)
	 * is not read at all on every page view.
	 */
	public List<AgencyRef> assignableUpTo(int max) {
		// a national registry (5.000 agencies) answers "more than max" from a count that stops at max + 1, without
		// sorting and sending 300 names on every page of the task list (issue 22)
		Integer some = jdbc.queryForObject("""
				SELECT count(*) FROM (SELECT 1 FROM agency WHERE active AND kind <> 'COLLECTIVE' LIMIT :limit) x""",
				new MapSqlParameterSource("limit", max + 1), Integer.class);
		if (some != null && some > max) {
			return List.of();
		}
		List<AgencyRef> refs = jdbc.query("""
				SELECT id, code, name, short_name, kind FROM agency WHERE active AND kind <> 'COLLECTIVE'
				ORDER BY kind, name LIMIT :limit""", new MapSqlParameterSource("limit", max + 1),
				(rs, i) -> new AgencyRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						AgencyKind.valueOf(rs.getString(5))));
		return refs.size() > max ? List.of() : refs;
	}

	public Map<Long, AgencyRef> refs(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, AgencyRef> out = new HashMap<>();
		jdbc.query("SELECT id, code, name, short_name, kind FROM agency WHERE id IN (:ids)",
				new MapSqlParameterSource("ids", ids), rs -> {
					out.put(rs.getLong(1), new AgencyRef(rs.getLong(1), rs.getString(2), rs.getString(3),
							rs.getString(4), AgencyKind.valueOf(rs.getString(5))));
				});
		return out;
	}

	/**
	 * The agencies that each get an assignment when {@code agencyIds} lead a task: a collective stands for
	 * every active agency of its member kinds plus its explicit members; any other agency for itself.
	 * Keys are the member ids, values the collective they came through (or {@code null}).
	 */
	public Map<Long, Long> fanOut(Collection<Long> agencyIds) {
		Map<Long, Long> out = new LinkedHashMap<>();
		for (Long id : agencyIds) {
			Agency a = get(id);
			if (!a.isCollective()) {
				out.put(id, null);
			}
		}
		for (Long id : agencyIds) {
			Agency a = get(id);
			if (a.isCollective()) {
				for (Long member : members(a)) {
					// an agency also named in its own right keeps its direct assignment (value null)
					if (!out.containsKey(member)) {
						out.put(member, id);
					}
				}
			}
		}
		return out;
	}

	public List<Long> members(Agency collective) {
		Set<Long> ids = new LinkedHashSet<>();
		List<String> kinds = collective.getMemberKinds().stream().map(Enum::name).toList();
		if (!kinds.isEmpty()) {
			ids.addAll(jdbc.queryForList("SELECT id FROM agency WHERE active AND kind IN (:kinds) ORDER BY id",
					new MapSqlParameterSource("kinds", kinds), Long.class));
		}
		ids.addAll(jdbc.queryForList("""
				SELECT m.member_id FROM agency_member m JOIN agency a ON a.id = m.member_id
				WHERE m.collective_id = :id AND a.active ORDER BY m.member_id""",
				new MapSqlParameterSource("id", collective.getId()), Long.class));
		return new ArrayList<>(ids);
	}

	/** The data an administrator edits for one agency. */
	public record AgencyForm(String code, String name, String shortName, AgencyKind kind, Set<AgencyKind> memberKinds,
			List<String> aliases, String email, boolean active) {
	}

	@Transactional
	public Agency save(Long id, AgencyForm form, Long expectedVersion) {
		Agency agency = id == null ? new Agency(form.code(), form.name(), form.shortName(), form.kind()) : get(id);
		if (id != null && expectedVersion != null && agency.getVersion() != expectedVersion) {
			throw new vn.nq57.system.ConcurrentEditException("cơ quan, đơn vị");
		}
		Map<String, Object> before = id == null ? null : snapshot(agency);
		agencies.findByCode(form.code().trim())
			.filter(other -> !other.getId().equals(agency.getId()))
			.ifPresent(other -> {
				throw new DomainException("code", "Mã “" + form.code() + "” đã dùng cho " + other.getName());
			});
		agency.setCode(form.code().trim());
		agency.setName(AgencyNames.nfc(form.name()));
		agency.setShortName(AgencyNames.nfc(form.shortName()));
		agency.setKind(form.kind());
		agency.setMemberKinds(form.kind() == AgencyKind.COLLECTIVE && form.memberKinds() != null ? form.memberKinds()
				: Set.of());
		agency.setEmail(form.email() == null || form.email().isBlank() ? null : form.email().trim());
		agency.setActive(form.active());
		List<String> names = new ArrayList<>();
		names.add(agency.getName());
		if (agency.getShortName() != null) {
			names.add(agency.getShortName());
		}
		if (form.aliases() != null) {
			names.addAll(form.aliases().stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
		}
		for (String n : names) {
			String field = n.equals(agency.getName()) ? "name" : n.equals(agency.getShortName()) ? "shortName" : "aliases";
			resolve(n).filter(other -> !other.getId().equals(agency.getId())).ifPresent(other -> {
				throw new DomainException(field, "Tên gọi “" + n + "” đã là tên của " + other.getName());
			});
		}
		agency.setAliases(names);
		Agency saved = agencies.saveAndFlush(agency);
		audit.change(id == null ? "AGENCY_CREATED" : "AGENCY_UPDATED", "AGENCY", saved.getId(), null,
				saved.getName(), before, snapshot(saved));
		return saved;
	}

	private static Map<String, Object> snapshot(Agency a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", a.getCode());
		m.put("name", a.getName());
		m.put("shortName", a.getShortName());
		m.put("kind", a.getKind().name());
		m.put("memberKinds", a.getMemberKinds().stream().map(Enum::name).toList());
		m.put("aliases", a.getAliases().stream().map(AgencyAlias::getAlias).toList());
		m.put("email", a.getEmail());
		m.put("active", a.isActive());
		return m;
	}
}
