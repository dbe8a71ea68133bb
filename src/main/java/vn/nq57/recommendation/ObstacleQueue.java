package vn.nq57.recommendation;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.catalogue.Inputs;
import vn.nq57.kernel.Page;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;
import vn.nq57.task.ProgressService;

/**
 * The obstacles and proposals agencies already write (progress updates through {@code progress_update_view}, the
 * periodic reports they sent through {@code periodic_report_item_view}) collected into one queue, once each: DoST
 * groups them, routes each to the level that can decide (the province or the centre) and records the answer,
 * which is written on the task it came from as a direction ({@link ProgressService#addAnswer}).
 */
@Service
public class ObstacleQueue {

	public record Item(long id, String sourceKind, long sourceId, String kind, Long agencyId, String agency, Long taskId,
			String task, LocalDate raisedOn, String text, String groupLabel, String level, String state, String answer,
			LocalDate answeredOn, long version) {
	}

	public record Filter(String q, String state, String kind, String level, String group) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final ProgressService progress;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;

	ObstacleQueue(NamedParameterJdbcTemplate jdbc, ProgressService progress, AccessPolicy access, AuditLog audit,
			AppClock clock) {
		this.jdbc = jdbc;
		this.progress = progress;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** Takes in what was written since the last time (idempotent); returns how many items are new. */
	@Transactional
	public int collect() {
		int n = 0;
		for (String[] col : new String[][] { { "obstacles", "OBSTACLE" }, { "proposals", "PROPOSAL" } }) {
			n += jdbc.update("""
					INSERT INTO obstacle_item(source_kind, source_id, source_seq, kind, agency_id, task_id, raised_on, text)
					SELECT 'PROGRESS', p.id, 0, :kind, a.agency_id, a.task_id, p.reported_on, btrim(p.%s)
					FROM progress_update_view p JOIN assignment_view a ON a.id = p.assignment_id
					WHERE p.%s IS NOT NULL AND btrim(p.%s) <> ''
					ON CONFLICT (source_kind, source_id, kind, source_seq) DO NOTHING""".formatted(col[0], col[0], col[0]),
					new MapSqlParameterSource("kind", col[1]));
		}
		n += jdbc.update("""
				INSERT INTO obstacle_item(source_kind, source_id, source_seq, kind, agency_id, task_id, raised_on, text, group_label)
				SELECT 'REPORT', i.report_id, i.seq, i.kind, i.agency_id, i.task_id, coalesce(i.submitted_on, :today), btrim(i.text),
				       i.period_label
				FROM periodic_report_item_view i
				WHERE i.text IS NOT NULL AND btrim(i.text) <> ''
				ON CONFLICT (source_kind, source_id, kind, source_seq) DO NOTHING""",
				new MapSqlParameterSource("today", clock.today()));
		return n;
	}

	public Page<Item> search(Filter f, int page, int size) {
		requireReader();
		List<String> where = new ArrayList<>();
		MapSqlParameterSource p = new MapSqlParameterSource();
		if (f.q() != null && !f.q().isBlank()) {
			where.add("o.search LIKE '%' || search_key(:q) || '%'");
			p.addValue("q", f.q().strip());
		}
		if (f.state() != null && !f.state().isBlank()) {
			where.add("o.state = :state");
			p.addValue("state", f.state());
		}
		if (f.kind() != null && !f.kind().isBlank()) {
			where.add("o.kind = :kind");
			p.addValue("kind", f.kind());
		}
		if (f.level() != null && !f.level().isBlank()) {
			where.add("o.level = :level");
			p.addValue("level", f.level());
		}
		if (f.group() != null && !f.group().isBlank()) {
			where.add("o.group_label = :group");
			p.addValue("group", f.group());
		}
		String w = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		Long total = jdbc.queryForObject("SELECT count(*) FROM obstacle_item o" + w, p, Long.class);
		p.addValue("limit", size).addValue("offset", Page.offset(page, size));
		return new Page<>(jdbc.query("""
				SELECT o.*, a.name AS agency_name, t.title AS task_title FROM obstacle_item o
				LEFT JOIN agency_view a ON a.id = o.agency_id LEFT JOIN task_view t ON t.id = o.task_id""" + w
				+ " ORDER BY o.state = 'ANSWERED', o.raised_on DESC, o.id DESC LIMIT :limit OFFSET :offset", p, ObstacleQueue::map),
				page, size, total == null ? 0 : total);
	}

	public Item get(long id) {
		requireReader();
		List<Item> l = jdbc.query("""
				SELECT o.*, a.name AS agency_name, t.title AS task_title FROM obstacle_item o
				LEFT JOIN agency_view a ON a.id = o.agency_id LEFT JOIN task_view t ON t.id = o.task_id WHERE o.id = :id""",
				new MapSqlParameterSource("id", id), ObstacleQueue::map);
		if (l.isEmpty()) {
			throw new NotFoundException("Không tìm thấy kiến nghị, vướng mắc #" + id);
		}
		return l.get(0);
	}

	public List<String> groups() {
		return jdbc.queryForList("SELECT DISTINCT group_label FROM obstacle_item WHERE group_label IS NOT NULL ORDER BY 1",
				new MapSqlParameterSource(), String.class);
	}

	/** Puts items under one group label (DoST). */
	@Transactional
	public int group(List<Long> ids, String label) {
		requireSecretariat(null, "nhóm kiến nghị, vướng mắc");
		String g = Inputs.required(label, "tên nhóm", 300);
		if (ids == null || ids.isEmpty()) {
			throw new DomainException("Chưa chọn mục nào để nhóm");
		}
		int n = jdbc.update("UPDATE obstacle_item SET group_label = :g, version = version + 1 WHERE id IN (:ids)",
				new MapSqlParameterSource("g", g).addValue("ids", ids));
		audit.change("OBSTACLES_GROUPED", "OBSTACLE", null, null, "Nhóm " + n + " mục vào “" + g + "”", null,
				Map.of("ids", ids, "group", g));
		return n;
	}

	/** Routes an item to the level that can decide: PROVINCE or CENTRE. */
	@Transactional
	public void route(long id, long version, String level) {
		requireSecretariat(id, "chuyển kiến nghị, vướng mắc");
		Item i = get(id);
		if (!"PROVINCE".equals(level) && !"CENTRE".equals(level)) {
			throw new DomainException("Cấp giải quyết phải là tỉnh (PROVINCE) hoặc Trung ương (CENTRE)");
		}
		if ("ANSWERED".equals(i.state())) {
			throw new DomainException("Mục này đã được trả lời");
		}
		int n = jdbc.update("""
				UPDATE obstacle_item SET level = :level, state = 'ROUTED', version = version + 1 WHERE id = :id AND version = :v""",
				new MapSqlParameterSource("level", level).addValue("id", id).addValue("v", version));
		if (n == 0) {
			throw new ConcurrentEditException("kiến nghị, vướng mắc");
		}
		audit.change("OBSTACLE_ROUTED", "OBSTACLE", id, i.taskId(), "Chuyển cấp " + level, Map.of("level", String.valueOf(i.level())),
				Map.of("level", level));
	}

	/** Records the answer; when the item came from a task, the answer is written on that task for the agency to read. */
	@Transactional
	public void answer(long id, long version, String answer) {
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.SECRETARIAT) || user.is(Role.LEADER), "OBSTACLE", id,
				"trả lời kiến nghị, vướng mắc (Sở KH&CN, lãnh đạo tỉnh)");
		Item i = get(id);
		if ("ANSWERED".equals(i.state())) {
			throw new DomainException("Mục này đã được trả lời ngày " + vn.nq57.kernel.VnFormat.DATE.format(i.answeredOn())
					+ "; chưa thay đổi gì");
		}
		if (i.version() != version) {
			throw new ConcurrentEditException("kiến nghị, vướng mắc");
		}
		String a = Inputs.required(answer, "nội dung trả lời", 10000);
		Long direction = null;
		if (i.taskId() != null) {
			String quoted = i.text().length() > 300 ? i.text().substring(0, 300) + "…" : i.text();
			direction = progress.addAnswer(i.taskId(), "Trả lời " + ("OBSTACLE".equals(i.kind()) ? "khó khăn, vướng mắc" : "đề xuất")
					+ " “" + quoted + "”: " + a);
		}
		int n = jdbc.update("""
				UPDATE obstacle_item SET answer = :a, answered_on = :today, answered_by = :user, direction_id = :dir,
				  state = 'ANSWERED', version = version + 1 WHERE id = :id AND version = :v""",
				new MapSqlParameterSource("a", a).addValue("today", clock.today()).addValue("user", user.id())
					.addValue("dir", direction).addValue("id", id).addValue("v", version));
		if (n == 0) {
			throw new ConcurrentEditException("kiến nghị, vướng mắc");
		}
		audit.change("OBSTACLE_ANSWERED", "OBSTACLE", id, i.taskId(), "Trả lời kiến nghị, vướng mắc", Map.of("state", i.state()),
				Map.of("state", "ANSWERED", "answer", a));
	}

	private void requireReader() {
		CurrentUser user = AccessPolicy.current();
		access.require(user.seesEveryAgency(), "OBSTACLE", null, "xem danh sách kiến nghị, vướng mắc toàn tỉnh");
	}

	private void requireSecretariat(Long id, String what) {
		access.require(AccessPolicy.current().is(Role.SECRETARIAT), "OBSTACLE", id, what + " (chỉ Sở KH&CN)");
	}

	static Item map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Item(rs.getLong("id"), rs.getString("source_kind"), rs.getLong("source_id"), rs.getString("kind"),
				(Long) rs.getObject("agency_id"), rs.getString("agency_name"), (Long) rs.getObject("task_id"),
				rs.getString("task_title"), rs.getObject("raised_on", LocalDate.class), rs.getString("text"),
				rs.getString("group_label"), rs.getString("level"), rs.getString("state"), rs.getString("answer"),
				rs.getObject("answered_on", LocalDate.class), rs.getLong("version"));
	}
}
