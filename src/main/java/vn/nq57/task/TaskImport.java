package vn.nq57.task;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.deadline.DeadlineKind;
import vn.nq57.deadline.DeadlineParser;
import vn.nq57.deadline.DeadlineSpec;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;
import vn.nq57.system.TextRules;

/**
 * Many tasks written at once, for an import: a plan and its groups, then the tasks with their leads,
 * coordinators and assignments (a collective lead fanned out to one assignment per member, as
 * {@link TaskService#save} does), each table with one statement whatever the number of rows, in the caller's
 * transaction or one of its own: all or nothing. Every created task is audited {@code TASK_CREATED} with the
 * same state as a task created by hand. Editing and deleting existing tasks stays with {@link TaskService}
 * (each needs its own checks against the work already reported).
 */
@Service
public class TaskImport {

	/** A new plan ({@code id} null), or the plan the tasks go into (its title, year and directive stay). */
	public record PlanSpec(Long id, Long directiveId, String title, Integer year) {

		public static PlanSpec newPlan(Long directiveId, String title, Integer year) {
			return new PlanSpec(null, directiveId, title, year);
		}

		public static PlanSpec existing(long id) {
			return new PlanSpec(id, null, null, null);
		}
	}

	/** A task group of the plan, by its code ("I", "II"…); an existing code keeps its place and takes the title. */
	public record GroupSpec(String code, String title) {
	}

	/** A task to create; {@code groupCode} names one of the plan's groups (or null). */
	public record TaskSpec(String groupCode, String stt, String title, String accountableHead,
			List<Long> leadAgencyIds, List<Long> coordinatorAgencyIds, String coordinatorsNote, String expectedOutput,
			String deadlinePhrase) {

		public TaskSpec {
			leadAgencyIds = List.copyOf(new LinkedHashSet<>(leadAgencyIds));
			coordinatorAgencyIds = List.copyOf(new LinkedHashSet<>(coordinatorAgencyIds));
		}
	}

	/** What was written: the plan (or null), its groups by code, and the new tasks' ids in the order given. */
	public record Written(Long planId, Long directiveId, Map<String, Long> groupIds, List<Long> taskIds,
			int assignments) {
	}

	private final JdbcTemplate jdbc;
	private final TaskService tasks;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;

	TaskImport(JdbcTemplate jdbc, TaskService tasks, AgencyDirectory agencies, AccessPolicy access, AuditLog audit,
			AppClock clock) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.agencies = agencies;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Creates the plan (or takes the existing one), adds or renames its groups, and adds the tasks at the end of
	 * the plan, in the order given.
	 */
	@Transactional
	public Written intoPlan(PlanSpec spec, List<GroupSpec> groups, List<TaskSpec> newTasks) {
		requireSecretariat("PLAN", spec.id(), "nhập kế hoạch (chỉ Sở KH&CN)");
		long planId;
		Long directiveId;
		String title;
		if (spec.id() == null) {
			if (spec.title() == null || spec.title().isBlank()) {
				throw new DomainException("Chưa nhập tên kế hoạch");
			}
			TextRules.requireSafe(spec.title());
			if (spec.directiveId() != null) {
				tasks.directive(spec.directiveId());
			}
			directiveId = spec.directiveId();
			title = TaskService.nfc(spec.title());
			planId = jdbc.queryForObject("INSERT INTO plan(directive_id, title, year) VALUES (?, ?, ?) RETURNING id",
					Long.class, directiveId, title, spec.year());
		}
		else {
			Object[] plan = jdbc.query("SELECT directive_id, title FROM plan WHERE id = ? FOR UPDATE",
					rs -> rs.next() ? new Object[] { rs.getObject(1, Long.class), rs.getString(2) } : null, spec.id());
			if (plan == null) {
				throw new NotFoundException("Không tìm thấy kế hoạch #" + spec.id());
			}
			planId = spec.id();
			directiveId = (Long) plan[0];
			title = (String) plan[1];
		}
		Map<String, Long> groupIds = saveGroups(planId, groups);
		auditPlan(spec.id() == null, planId, title);
		Integer max = jdbc.queryForObject("SELECT max(position) FROM task WHERE plan_id = ?", Integer.class, planId);
		int position = max == null ? 1 : max + 1;
		List<Row> rows = new ArrayList<>();
		for (TaskSpec t : newTasks) {
			Long groupId = null;
			if (t.groupCode() != null) {
				groupId = groupIds.get(TaskService.nfc(t.groupCode()));
				if (groupId == null) {
					throw new DomainException("Nhóm nhiệm vụ " + t.groupCode() + " không thuộc kế hoạch");
				}
			}
			rows.add(new Row(t, planId, groupId, directiveId, position++));
		}
		int assignments = insert(rows);
		return new Written(planId, directiveId, groupIds, rows.stream().map(r -> r.id).toList(), assignments);
	}

	/** Adds tasks that belong to no plan and cite the directive (the candidates of a conclusion notice). */
	@Transactional
	public Written underDirective(long directiveId, List<TaskSpec> newTasks) {
		requireSecretariat("DIRECTIVE", directiveId, "nhập thông báo kết luận (chỉ Sở KH&CN)");
		tasks.directive(directiveId);
		List<Row> rows = new ArrayList<>();
		for (TaskSpec t : newTasks) {
			if (t.groupCode() != null) {
				throw new DomainException("Nhiệm vụ không thuộc kế hoạch nào thì không có nhóm nhiệm vụ");
			}
			rows.add(new Row(t, null, null, directiveId, 0));
		}
		int assignments = insert(rows);
		return new Written(null, directiveId, Map.of(), rows.stream().map(r -> r.id).toList(), assignments);
	}

	// ----- the plan's groups -----

	private Map<String, Long> saveGroups(long planId, List<GroupSpec> groups) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (GroupSpec g : groups) {
			TextRules.requireSafe(g.code(), g.title());
			if (g.code() == null || g.code().isBlank()) {
				throw new DomainException("Nhóm nhiệm vụ chưa có ký hiệu");
			}
			wanted.putIfAbsent(TaskService.nfc(g.code()), TaskService.nfc(g.title() == null ? g.code() : g.title()));
		}
		Map<String, Long> ids = new LinkedHashMap<>();
		if (!wanted.isEmpty()) {
			// a new group goes after the plan's last one; an existing one keeps its place and takes the new title
			jdbc.query("""
					WITH base AS (SELECT coalesce(max(position), 0) AS p FROM task_group WHERE plan_id = ?)
					INSERT INTO task_group(plan_id, code, title, position)
					SELECT ?, x.code, x.title, base.p + x.n FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS x(code, title, n), base
					ON CONFLICT (plan_id, code) DO UPDATE SET title = excluded.title
					RETURNING code, id""", rs -> {
				ids.put(rs.getString(1), rs.getLong(2));
			}, planId, planId, wanted.keySet().toArray(String[]::new), wanted.values().toArray(String[]::new));
		}
		jdbc.query("SELECT code, id FROM task_group WHERE plan_id = ? ORDER BY position", rs -> {
			ids.putIfAbsent(rs.getString(1), rs.getLong(2));
		}, planId);
		return ids;
	}

	private void auditPlan(boolean created, long planId, String title) {
		List<String> groups = jdbc.queryForList(
				"SELECT code || '. ' || title FROM task_group WHERE plan_id = ? ORDER BY position", String.class, planId);
		audit.change(created ? "PLAN_CREATED" : "PLAN_UPDATED", "PLAN", planId, null, title, null,
				Map.of("title", title, "groups", groups));
	}

	// ----- the tasks -----

	/** One task on its way in. */
	private static final class Row {
		final TaskSpec spec;
		final Long planId;
		final Long groupId;
		final Long directiveId;
		final int position;
		DeadlineSpec deadline;
		long id;

		Row(TaskSpec spec, Long planId, Long groupId, Long directiveId, int position) {
			this.spec = spec;
			this.planId = planId;
			this.groupId = groupId;
			this.directiveId = directiveId;
			this.position = position;
		}
	}

	/** Writes the tasks, their leads, coordinators and assignments: one statement per table. */
	private int insert(List<Row> rows) {
		if (rows.isEmpty()) {
			return 0;
		}
		Set<Long> named = new LinkedHashSet<>();
		for (Row r : rows) {
			TaskSpec t = r.spec;
			TextRules.requireSafe(t.stt(), t.title(), t.accountableHead(), t.coordinatorsNote(), t.expectedOutput(),
					t.deadlinePhrase());
			if (t.title() == null || t.title().isBlank()) {
				throw new DomainException("Nhiệm vụ chưa có tên");
			}
			if (t.leadAgencyIds().isEmpty()) {
				throw new DomainException("Chưa chọn cơ quan chủ trì cho nhiệm vụ “" + TaskService.abbreviate(t.title()) + "”");
			}
			r.deadline = DeadlineParser.parse(t.deadlinePhrase() == null ? "" : t.deadlinePhrase());
			if (r.deadline.kind() == DeadlineKind.UNPARSED) {
				throw new DomainException("Thời gian hoàn thành: " + r.deadline.problem());
			}
			named.addAll(t.leadAgencyIds());
			named.addAll(t.coordinatorAgencyIds());
		}
		Map<Long, AgencyDirectory.AgencyRef> refs = agencies.refs(named);
		for (Long id : named) {
			if (!refs.containsKey(id)) {
				throw new NotFoundException("Không tìm thấy cơ quan, đơn vị #" + id);
			}
		}
		List<Long> ids = jdbc.queryForList(
				"SELECT nextval(pg_get_serial_sequence('task', 'id')) FROM generate_series(1, ?)", Long.class, rows.size());
		int n = rows.size();
		Long[] id = new Long[n];
		Long[] plan = new Long[n];
		Long[] group = new Long[n];
		Long[] directive = new Long[n];
		String[] stt = new String[n];
		Integer[] position = new Integer[n];
		String[] title = new String[n];
		String[] head = new String[n];
		String[] output = new String[n];
		String[] note = new String[n];
		String[] phrase = new String[n];
		String[] kind = new String[n];
		String[] precision = new String[n];
		String[] recurrence = new String[n];
		String[] due = new String[n];
		for (int i = 0; i < n; i++) {
			Row r = rows.get(i);
			r.id = ids.get(i);
			TaskSpec t = r.spec;
			DeadlineSpec d = r.deadline;
			id[i] = r.id;
			plan[i] = r.planId;
			group[i] = r.groupId;
			directive[i] = r.directiveId;
			stt[i] = TaskService.nfc(t.stt());
			position[i] = r.position;
			title[i] = TaskService.nfc(t.title());
			head[i] = TaskService.nfc(t.accountableHead());
			output[i] = TaskService.nfc(t.expectedOutput());
			note[i] = TaskService.nfc(t.coordinatorsNote());
			phrase[i] = d.phrase();
			kind[i] = d.kind().name();
			precision[i] = d.precision() == null ? null : d.precision().name();
			recurrence[i] = d.recurrence() == null ? null : d.recurrence().name();
			due[i] = d.dueDate() == null ? null : d.dueDate().toString();
		}
		jdbc.update("""
				INSERT INTO task(id, plan_id, group_id, directive_id, stt, position, title, accountable_head,
				                 expected_output, coordinators_note, deadline_phrase, deadline_kind, deadline_precision,
				                 recurrence, due_date, updated_at)
				SELECT x.*, ? FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::int[], ?::text[],
				                          ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				                          ?::date[]) AS x""",
				Timestamp.from(clock.now()), id, plan, group, directive, stt, position, title, head, output, note, phrase,
				kind, precision, recurrence, due);
		pairs("task_lead", rows, TaskSpec::leadAgencyIds);
		pairs("task_coordinator", rows, TaskSpec::coordinatorAgencyIds);
		int assignments = assign(rows);
		List<AuditLog.Change> created = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			Row r = rows.get(i);
			created.add(new AuditLog.Change("TASK_CREATED", "TASK", r.id, r.id, TaskService.abbreviate(title[i]), null,
					snapshot(r, stt[i], title[i], head[i], output[i], note[i], refs)));
		}
		audit.changes(created);
		return assignments;
	}

	private void pairs(String table, List<Row> rows, java.util.function.Function<TaskSpec, List<Long>> agenciesOf) {
		List<Long> task = new ArrayList<>();
		List<Long> agency = new ArrayList<>();
		for (Row r : rows) {
			for (Long a : agenciesOf.apply(r.spec)) {
				task.add(r.id);
				agency.add(a);
			}
		}
		if (!task.isEmpty()) {
			// the table is one of two fixed names, never user input
			jdbc.update("INSERT INTO " + table + "(task_id, agency_id) SELECT * FROM unnest(?::bigint[], ?::bigint[])",
					task.toArray(Long[]::new), agency.toArray(Long[]::new));
		}
	}

	/** One assignment per lead agency, a collective fanned out to its members; the current period of a recurring task. */
	private int assign(List<Row> rows) {
		LocalDate today = clock.today();
		// plans name the same few lead agencies over and over: each combination is fanned out once
		Map<List<Long>, Map<Long, Long>> fanOuts = new HashMap<>();
		List<Long> task = new ArrayList<>();
		List<Long> agency = new ArrayList<>();
		List<Long> via = new ArrayList<>();
		List<String> period = new ArrayList<>();
		List<String> kind = new ArrayList<>();
		List<String> due = new ArrayList<>();
		for (Row r : rows) {
			Map<Long, Long> wanted = fanOuts.computeIfAbsent(r.spec.leadAgencyIds(), agencies::fanOut);
			DeadlineSpec d = r.deadline;
			boolean recurring = d.kind() == DeadlineKind.RECURRING;
			String label = recurring ? d.instanceLabel(today) : "";
			LocalDate dueDate = recurring ? d.dueDateOfInstanceContaining(today) : d.dueDate();
			wanted.forEach((member, collective) -> {
				task.add(r.id);
				agency.add(member);
				via.add(collective);
				period.add(label);
				kind.add(d.kind().name());
				due.add(dueDate == null ? null : dueDate.toString());
			});
		}
		if (task.isEmpty()) {
			return 0;
		}
		return jdbc.update("""
				INSERT INTO assignment(task_id, agency_id, via_agency_id, period_label, deadline_kind, due_date)
				SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::date[])""",
				task.toArray(Long[]::new), agency.toArray(Long[]::new), via.toArray(Long[]::new),
				period.toArray(String[]::new), kind.toArray(String[]::new), due.toArray(String[]::new));
	}

	/** The state {@link TaskService#snapshot} records for a task, from what was written. */
	private static Map<String, Object> snapshot(Row r, String stt, String title, String head, String output,
			String note, Map<Long, AgencyDirectory.AgencyRef> refs) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("stt", stt);
		m.put("title", title);
		m.put("accountableHead", head);
		m.put("leads", names(r.spec.leadAgencyIds(), refs));
		m.put("coordinators", names(r.spec.coordinatorAgencyIds(), refs));
		m.put("coordinatorsNote", note);
		m.put("expectedOutput", output);
		m.put("deadline", r.deadline.phrase());
		m.put("dueDate", r.deadline.dueDate() == null ? null : r.deadline.dueDate().toString());
		m.put("triggerDocument", null);
		m.put("planId", r.planId);
		m.put("groupId", r.groupId);
		m.put("directiveId", r.directiveId);
		return m;
	}

	private static List<String> names(Collection<Long> ids, Map<Long, AgencyDirectory.AgencyRef> refs) {
		return ids.stream().map(id -> refs.get(id).displayName()).toList();
	}

	private void requireSecretariat(String entity, Long id, String what) {
		access.require(access.canManagePlans(AccessPolicy.current()), entity, id, what);
	}
}
