package vn.nq57.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.kernel.Page;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.NotFoundException;

/**
 * The information-systems inventory: every logged-in user reads it (it is the province's own map of systems);
 * an agency's staff keep their agency's systems, DoST any. Overlap flags: another system of nearly the same
 * purpose, a provincial system whose name or purpose matches a named central platform (setting). After each change
 * {@link InventoryChanged} is published and the computed indicators follow.
 */
@Service
public class InventoryService {

	public record Input(String name, Long ownerAgencyId, String purpose, String kind, String users, String hosting,
			String securityLevel, Boolean dossierApproved, Boolean lgspConnected, Boolean ndxpConnected,
			String nationalDatabases, String status, String year, String cost, Long bigProblemId) {
	}

	public record Filter(String q, InfoSystem.Status status, InfoSystem.Hosting hosting, Boolean lgsp, Long agencyId) {
	}

	/** The three counts 004 reports by hand: systems hosted in the data centre, connected to LGSP, in use. */
	public record Counts(long dataCentre, long lgsp, long inUse, long total) {
	}

	/** Published after a change of the inventory (the computed indicators listen). */
	public record InventoryChanged() {
	}

	private static final String SELECT = """
			SELECT s.*, a.name AS owner_name FROM info_system s JOIN agency_view a ON a.id = s.owner_agency_id""";

	private final NamedParameterJdbcTemplate jdbc;
	private final BigProblemService problems;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;
	private final CatalogueSettings settings;
	private final ApplicationEventPublisher events;

	InventoryService(NamedParameterJdbcTemplate jdbc, BigProblemService problems, AccessPolicy access, AuditLog audit,
			AppClock clock, CatalogueSettings settings, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.problems = problems;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
		this.events = events;
	}

	public Page<InfoSystem> search(Filter f, int page, int size) {
		AccessPolicy.current();
		List<String> where = new ArrayList<>();
		MapSqlParameterSource p = new MapSqlParameterSource();
		if (f.q() != null && !f.q().isBlank()) {
			where.add("s.search LIKE '%' || search_key(:q) || '%'");
			p.addValue("q", f.q().strip());
		}
		if (f.status() != null) {
			where.add("s.status = :status");
			p.addValue("status", f.status().name());
		}
		if (f.hosting() != null) {
			where.add("s.hosting = :hosting");
			p.addValue("hosting", f.hosting().name());
		}
		if (f.lgsp() != null) {
			where.add("s.lgsp_connected = :lgsp");
			p.addValue("lgsp", f.lgsp());
		}
		if (f.agencyId() != null) {
			where.add("s.owner_agency_id = :agency");
			p.addValue("agency", f.agencyId());
		}
		String w = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		Long total = jdbc.queryForObject("SELECT count(*) FROM info_system s" + w, p, Long.class);
		p.addValue("limit", size).addValue("offset", Page.offset(page, size));
		List<InfoSystem> rows = jdbc.query(SELECT + w + " ORDER BY s.id LIMIT :limit OFFSET :offset", p, InventoryService::map);
		return new Page<>(listFlags(rows), page, size, total == null ? 0 : total);
	}

	/** One system with its overlap flags (purpose compared by similarity, which the list leaves to this page). */
	@Transactional(readOnly = true)
	public InfoSystem get(long id) {
		AccessPolicy.current();
		return flagged(find(id));
	}

	/**
	 * The list's flags, for the whole page in two statements: another system with the same purpose (accents, case and
	 * spacing aside), and a name like a central platform.
	 */
	private List<InfoSystem> listFlags(List<InfoSystem> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		List<Long> ids = rows.stream().map(InfoSystem::id).toList();
		java.util.Map<Long, List<String>> flags = new java.util.HashMap<>();
		jdbc.query("""
				SELECT s.id, (SELECT o.name FROM info_system o WHERE o.purpose_key = s.purpose_key AND o.id <> s.id
				                AND o.status <> 'RETIRED' ORDER BY o.id LIMIT 1)
				FROM info_system s WHERE s.id IN (:ids) AND s.purpose_key <> ''""", new MapSqlParameterSource("ids", ids), rs -> {
			if (rs.getString(2) != null) {
				flags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add("Cùng mục đích với “" + rs.getString(2) + "”");
			}
		});
		List<String> platforms = settings.centralPlatforms();
		if (!platforms.isEmpty()) {
			jdbc.query("""
					SELECT s.id, p FROM info_system s, unnest(CAST(:platforms AS text[])) p
					WHERE s.id IN (:ids) AND similarity(search_key(p), s.name_key) >= 0.45""",
					new MapSqlParameterSource("platforms", platforms.toArray(String[]::new)).addValue("ids", ids),
					rs -> {
						flags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add("Trùng với nền tảng Trung ương “" + rs.getString(2) + "”");
					});
		}
		return rows.stream().map(r -> r.withOverlaps(flags.getOrDefault(r.id(), List.of()))).toList();
	}

	InfoSystem find(long id) {
		List<InfoSystem> l = jdbc.query(SELECT + " WHERE s.id = :id", new MapSqlParameterSource("id", id), InventoryService::map);
		if (l.isEmpty()) {
			throw new NotFoundException("Không tìm thấy hệ thống #" + id);
		}
		return l.get(0);
	}

	/** The counts the indicators take: in use = in operation; hosted / connected among those in operation. */
	public Counts counts() {
		return jdbc.queryForObject("""
				SELECT count(*) FILTER (WHERE status = 'OPERATING' AND hosting = 'DATA_CENTRE'),
				       count(*) FILTER (WHERE status = 'OPERATING' AND lgsp_connected),
				       count(*) FILTER (WHERE status = 'OPERATING'), count(*)
				FROM info_system""", new MapSqlParameterSource(),
				(rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
	}

	/** Overlaps: systems of nearly the same purpose (other owners too), a named central platform it resembles. */
	InfoSystem flagged(InfoSystem s) {
		List<String> flags = new ArrayList<>();
		if (s.purpose() != null && s.purpose().length() >= 8) {
			// a high threshold for the % operator lets the trigram index discard most rows (inside this transaction only)
			jdbc.queryForObject("SELECT set_config('pg_trgm.similarity_threshold', '0.6', true)", new MapSqlParameterSource(), String.class);
			List<String> same = jdbc.query("""
					SELECT o.name FROM info_system o WHERE o.id <> :id AND o.status <> 'RETIRED'
					  AND o.purpose_key % search_key(:purpose)
					ORDER BY similarity(o.purpose_key, search_key(:purpose)) DESC LIMIT 3""",
					new MapSqlParameterSource("id", s.id()).addValue("purpose", s.purpose()), (rs, i) -> rs.getString(1));
			same.forEach(n -> flags.add("Cùng mục đích với “" + n + "”"));
		}
		List<String> platforms = settings.centralPlatforms();
		if (!platforms.isEmpty()) {
			List<String> central = jdbc.query("""
					SELECT p FROM unnest(CAST(:platforms AS text[])) p
					WHERE similarity(search_key(p), search_key(:name)) >= 0.45""",
					new MapSqlParameterSource("platforms", platforms.toArray(String[]::new)).addValue("name", s.name()),
					(rs, i) -> rs.getString(1));
			central.forEach(n -> flags.add("Trùng với nền tảng Trung ương “" + n + "”"));
		}
		return s.withOverlaps(flags);
	}

	@Transactional
	public long create(Input in) {
		Clean c = clean(in);
		requireKeeper(c.owner, null);
		Long id = jdbc.queryForObject("""
				INSERT INTO info_system(name, owner_agency_id, purpose, kind, users, hosting, security_level, dossier_approved,
				  lgsp_connected, ndxp_connected, national_databases, status, year, cost, big_problem_id, created_at)
				VALUES (:name, :owner, :purpose, :kind, :users, :hosting, :level, :dossier, :lgsp, :ndxp, :dbs, :status, :year,
				  :cost, :problem, :now) RETURNING id""", c.params().addValue("now", Timestamp.from(clock.now())), Long.class);
		audit.change("INFO_SYSTEM_CREATED", "INFO_SYSTEM", id, null, "Thêm hệ thống: " + c.name, null, find(id).snapshot());
		events.publishEvent(new InventoryChanged());
		return id;
	}

	@Transactional
	public void update(long id, Input in, long version) {
		InfoSystem before = find(id);
		requireKeeper(before.ownerAgencyId(), id);
		Clean c = clean(in);
		requireKeeper(c.owner, id);
		int n = jdbc.update("""
				UPDATE info_system SET name = :name, owner_agency_id = :owner, purpose = :purpose, kind = :kind, users = :users,
				  hosting = :hosting, security_level = :level, dossier_approved = :dossier, lgsp_connected = :lgsp,
				  ndxp_connected = :ndxp, national_databases = :dbs, status = :status, year = :year, cost = :cost,
				  big_problem_id = :problem, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""",
				c.params().addValue("id", id).addValue("version", version).addValue("now", Timestamp.from(clock.now())));
		if (n == 0) {
			throw new ConcurrentEditException("hệ thống");
		}
		audit.change("INFO_SYSTEM_EDITED", "INFO_SYSTEM", id, null, "Sửa hệ thống: " + c.name, before.snapshot(),
				find(id).snapshot());
		events.publishEvent(new InventoryChanged());
	}

	/** A task or big problem a system can be linked to: its number and title. */
	public record Ref(long id, String title) {
	}

	/** The tasks a system is linked to, with their titles (from {@code task_view}). */
	public List<Ref> linkedTasks(InfoSystem s) {
		if (s.taskIds().isEmpty()) {
			return List.of();
		}
		return jdbc.query("SELECT id, title FROM task_view WHERE id IN (:ids) ORDER BY id",
				new MapSqlParameterSource("ids", s.taskIds()), (rs, i) -> new Ref(rs.getLong(1), rs.getString(2)));
	}

	/** The big problems a system may be linked to: the selected ones (and the one it has). */
	public List<Ref> linkableProblems(Long current) {
		return jdbc.query("""
				SELECT id, title FROM big_problem
				WHERE state IN ('SELECTED', 'ORDERED', 'IN_PROGRESS', 'ACCEPTED', 'PUBLISHED') OR id = :current
				ORDER BY title LIMIT 500""", new MapSqlParameterSource("current", current),
				(rs, i) -> new Ref(rs.getLong(1), rs.getString(2)));
	}

	/**
	 * Links a system to the tasks and the big problem that built it (its keepers: the owner agency's staff, DoST), on
	 * the version the editor opened (409 if stale). An unknown task or problem number changes nothing.
	 */
	@Transactional
	public void link(long id, long version, List<Long> taskIds, Long bigProblemId) {
		InfoSystem before = find(id);
		requireKeeper(before.ownerAgencyId(), id);
		List<Long> tasks = taskIds == null ? List.of() : taskIds.stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
		if (tasks.size() > 200) {
			throw new DomainException("Một hệ thống liên kết tối đa 200 nhiệm vụ");
		}
		if (!tasks.isEmpty()) {
			List<Long> known = jdbc.queryForList("SELECT id FROM task_view WHERE id IN (:ids)",
					new MapSqlParameterSource("ids", tasks), Long.class);
			List<Long> unknown = tasks.stream().filter(t -> !known.contains(t)).toList();
			if (!unknown.isEmpty()) {
				throw new DomainException("Không có nhiệm vụ số " + unknown.stream().map(String::valueOf)
					.collect(java.util.stream.Collectors.joining(", ")) + "; chưa thay đổi liên kết nào");
			}
		}
		if (bigProblemId != null) {
			Integer n = jdbc.queryForObject("SELECT count(*) FROM big_problem WHERE id = :id",
					new MapSqlParameterSource("id", bigProblemId), Integer.class);
			if (n == null || n == 0) {
				throw new DomainException("Không có bài toán lớn số " + bigProblemId + "; chưa thay đổi liên kết nào");
			}
		}
		int n = jdbc.update("""
				UPDATE info_system SET task_ids = CAST(:tasks AS bigint[]), big_problem_id = :problem, updated_at = :now,
				  version = version + 1
				WHERE id = :id AND version = :version""",
				new MapSqlParameterSource("tasks", tasks.toArray(Long[]::new)).addValue("problem", bigProblemId)
					.addValue("now", Timestamp.from(clock.now())).addValue("id", id).addValue("version", version));
		if (n == 0) {
			throw new ConcurrentEditException("hệ thống");
		}
		audit.change("INFO_SYSTEM_LINKED", "INFO_SYSTEM", id, null, "Liên kết hệ thống " + before.name()
				+ " với nhiệm vụ, bài toán lớn", java.util.Map.of("taskIds", before.taskIds(), "bigProblemId",
						before.bigProblemId() == null ? "" : before.bigProblemId()),
				java.util.Map.of("taskIds", tasks, "bigProblemId", bigProblemId == null ? "" : bigProblemId));
	}

	/** Marks a system as a demo entry (demo data only). */
	@Transactional
	public void markDemo(long id) {
		jdbc.update("UPDATE info_system SET demo = true WHERE id = :id", new MapSqlParameterSource("id", id));
	}

	private void requireKeeper(long agencyId, Long id) {
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.SECRETARIAT) || access.canReport(user, agencyId), "INFO_SYSTEM", id,
				"cập nhật hệ thống thông tin của cơ quan khác");
	}

	private record Clean(String name, long owner, String purpose, InfoSystem.Kind kind, String users,
			InfoSystem.Hosting hosting, Integer level, boolean dossier, boolean lgsp, boolean ndxp, String dbs,
			InfoSystem.Status status, Integer year, Long cost, Long problem) {

		MapSqlParameterSource params() {
			return new MapSqlParameterSource("name", name).addValue("owner", owner).addValue("purpose", purpose)
				.addValue("kind", kind.name()).addValue("users", users).addValue("hosting", hosting.name())
				.addValue("level", level).addValue("dossier", dossier).addValue("lgsp", lgsp).addValue("ndxp", ndxp)
				.addValue("dbs", dbs).addValue("status", status.name()).addValue("year", year).addValue("cost", cost)
				.addValue("problem", problem);
		}
	}

	/** Every field checked at once; each problem beside its field ({@link vn.nq57.system.FieldsRefused}). */
	private Clean clean(Input in) {
		FieldErrors f = new FieldErrors();
		String name = f.check("name", () -> Inputs.required(in.name(), "tên hệ thống", 500));
		Long owner = null;
		if (in.ownerAgencyId() == null) {
			f.reject("ownerAgencyId", "Chưa chọn cơ quan chủ quản");
		}
		else {
			owner = f.check("ownerAgencyId", () -> problems.requireAgency(in.ownerAgencyId(), "Cơ quan chủ quản"));
		}
		Long problem = in.bigProblemId();
		if (problem != null) {
			problems.find(problem);
		}
		String purpose = f.check("purpose", () -> Inputs.optional(in.purpose(), "mục đích", 2000));
		InfoSystem.Kind kind = f.check("kind", () -> Inputs.choice(InfoSystem.Kind.class, in.kind(), "loại hệ thống"));
		String users = f.check("users", () -> Inputs.optional(in.users(), "đối tượng sử dụng", 500));
		InfoSystem.Hosting hosting = f.check("hosting", () -> Inputs.choice(InfoSystem.Hosting.class, in.hosting(), "nơi đặt hệ thống"));
		Integer level = f.check("securityLevel", () -> Inputs.whole(in.securityLevel(), "cấp độ an toàn thông tin", 1, 5));
		String dbs = f.check("nationalDatabases", () -> Inputs.optional(in.nationalDatabases(), "CSDL quốc gia kết nối", 1000));
		InfoSystem.Status status = f.check("status", () -> Inputs.choice(InfoSystem.Status.class, in.status(), "tình trạng"));
		Integer year = f.check("year", () -> Inputs.whole(in.year(), "năm đưa vào sử dụng", 1990, 2100));
		Long cost = f.check("cost", () -> Inputs.money(in.cost(), "kinh phí đầu tư"));
		f.refuseIfAny();
		return new Clean(name, owner, purpose, kind, users, hosting, level, Boolean.TRUE.equals(in.dossierApproved()),
				Boolean.TRUE.equals(in.lgspConnected()), Boolean.TRUE.equals(in.ndxpConnected()), dbs, status, year, cost, problem);
	}

	static InfoSystem map(ResultSet rs, int i) throws SQLException {
		return new InfoSystem(rs.getLong("id"), rs.getString("name"), rs.getLong("owner_agency_id"), rs.getString("owner_name"),
				rs.getString("purpose"), InfoSystem.Kind.valueOf(rs.getString("kind")), rs.getString("users"),
				InfoSystem.Hosting.valueOf(rs.getString("hosting")), (Integer) rs.getObject("security_level"),
				rs.getBoolean("dossier_approved"), rs.getBoolean("lgsp_connected"), rs.getBoolean("ndxp_connected"),
				rs.getString("national_databases"), InfoSystem.Status.valueOf(rs.getString("status")),
				(Integer) rs.getObject("year"), (Long) rs.getObject("cost"), BigProblemService.longs(rs.getArray("task_ids")),
				(Long) rs.getObject("big_problem_id"), rs.getBoolean("demo"), rs.getLong("version"), List.of());
	}
}
