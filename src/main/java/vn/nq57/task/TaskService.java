package vn.nq57.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.deadline.DeadlineKind;
import vn.nq57.deadline.DeadlineParser;
import vn.nq57.deadline.DeadlineSpec;
import vn.nq57.kernel.VnText;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;

/**
 * Tasks and their assignments: creating and editing them (DoST), fanning a collective lead out to its
 * members, recording the trigger of a conditional task, and keeping recurring tasks' instances.
 * Every change is audited with the state before and after.
 */
@Service
public class TaskService {

	private final TaskRepository tasks;
	private final AssignmentRepository assignments;
	private final DirectiveRepository directives;
	private final PlanRepository plans;
	private final TaskGroupRepository groups;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;
	private final JdbcTemplate jdbc;

	TaskService(TaskRepository tasks, AssignmentRepository assignments, DirectiveRepository directives,
			PlanRepository plans, TaskGroupRepository groups, AgencyDirectory agencies, AccessPolicy access,
			AuditLog audit, AppClock clock, JdbcTemplate jdbc) {
		this.tasks = tasks;
		this.assignments = assignments;
		this.directives = directives;
		this.plans = plans;
		this.groups = groups;
		this.agencies = agencies;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	public Task get(long id) {
		return tasks.findById(id).orElseThrow(() -> new NotFoundException("Không tìm thấy nhiệm vụ #" + id));
	}

	public Assignment assignment(long id) {
		return assignments.findById(id)
			.orElseThrow(() -> new NotFoundException("Không tìm thấy phần việc được giao #" + id));
	}

	/**
	 * The assignment, its row locked for the rest of the transaction: two reports on one assignment at the same
	 * moment are written one after the other (the second sees the first's version) instead of one failing on the
	 * optimistic check it never asked for.
	 */
	public Assignment assignmentLocked(long id) {
		return assignments.findLocked(id)
			.orElseThrow(() -> new NotFoundException("Không tìm thấy phần việc được giao #" + id));
	}

	public List<Assignment> assignments(long taskId) {
		return assignments.findByTaskIdOrderById(taskId);
	}

	/** Saves a change to an assignment now, so the task's roll-up is current within the transaction. */
	@Transactional
	public void saveAssignment(Assignment a) {
		assignments.saveAndFlush(a);
	}

	public boolean isCoordinator(Task task, Long agencyId) {
		return task.getCoordinatorAgencyIds().contains(agencyId);
	}

	/** Whether the user may open the task at all: everyone who sees every agency, leads and coordinators. */
	public boolean canOpen(CurrentUser user, Task task) {
		if (user.seesEveryAgency() || isCoordinator(task, user.agencyId())) {
			return true;
		}
		Integer n = jdbc.queryForObject("SELECT count(*) FROM assignment WHERE task_id = ? AND agency_id = ?",
				Integer.class, task.getId(), user.agencyId());
		return n != null && n > 0;
	}

	@Transactional
	public Task save(Long id, TaskForm form) {
		CurrentUser user = AccessPolicy.current();
		access.require(access.canManagePlans(user), "TASK", id, "tạo hoặc sửa nhiệm vụ (chỉ Sở KH&CN)");
		return write(id, form);
	}

	/**
	 * A follow-up task that another capability opens ({@code id} null) or updates on an event it has checked itself
	 * and authorised (an environmental exceedance recorded on the map by the Board): the same checks, assignments,
	 * reminders and audit trail (by the user whose action caused it) as a task DoST writes, without the plan
	 * manager's right.
	 */
	@Transactional
	public Task saveFollowUp(Long id, TaskForm form) {
		return write(id, form);
	}

	private Task write(Long id, TaskForm form) {
		Task task = id == null ? new Task(form.getPlanId(), form.getGroupId(), form.getDirectiveId()) : get(id);
		if (id != null && form.getVersion() != null && task.getVersion() != form.getVersion()) {
			throw new ConcurrentEditException("nhiệm vụ");
		}
		DeadlineSpec spec = DeadlineParser.parse(form.getDeadlinePhrase() == null ? "" : form.getDeadlinePhrase());
		if (spec.kind() == DeadlineKind.UNPARSED) {
			throw new DomainException("deadlinePhrase", "Thời gian hoàn thành: " + spec.problem());
		}
		checkReferences(form);
		Map<String, Object> before = id == null ? null : snapshot(task);
		int position = id != null ? task.getPosition()
				: (form.getPlanId() == null ? 0 : Objects.requireNonNullElse(tasks.maxPosition(form.getPlanId()), 0) + 1);
		task.describe(form.getPlanId(), form.getGroupId(), form.getDirectiveId(), nfc(form.getStt()), position,
				nfc(form.getTitle()), nfc(form.getAccountableHead()), nfc(form.getExpectedOutput()),
				nfc(form.getCoordinatorsNote()));
		task.setDeadline(spec);
		task.setLeads(form.getLeadAgencyIds());
		task.setCoordinators(form.getCoordinatorAgencyIds());
		task.touch(clock.now());
		task = tasks.saveAndFlush(task);
		syncAssignments(task);
		audit.change(id == null ? "TASK_CREATED" : "TASK_UPDATED", "TASK", task.getId(), task.getId(),
				abbreviate(task.getTitle()), before, snapshot(task));
		return task;
	}

	/**
	 * Deletes a task that no agency has worked on (a revised plan no longer has it). A task with reported
	 * progress, a claim, a completion or a leader's direction is refused: its history is not thrown away.
	 */
	@Transactional
	public void delete(long id) {
		access.require(access.canManagePlans(AccessPolicy.current()), "TASK", id, "xóa nhiệm vụ (chỉ Sở KH&CN)");
		Task task = get(id);
		boolean worked = assignments.findByTaskIdOrderById(id).stream().anyMatch(a -> a.getLastProgressAt() != null
				|| a.getState() != AssignmentState.OPEN || a.getCompletedOn() != null);
		Integer directions = jdbc.queryForObject("SELECT count(*) FROM direction WHERE task_id = ?", Integer.class, id);
		if (worked || directions != null && directions > 0) {
			throw new DomainException("Không thể xóa nhiệm vụ “" + abbreviate(task.getTitle())
					+ "” vì đã có báo cáo tiến độ hoặc ý kiến chỉ đạo; hãy giữ lại nhiệm vụ này");
		}
		Map<String, Object> before = snapshot(task);
		tasks.delete(task);
		tasks.flush();
		audit.change("TASK_DELETED", "TASK", id, id, abbreviate(task.getTitle()), before, null);
	}

	/** DoST records the document a conditional task was waiting for and gives the task its due date. */
	@Transactional
	public void recordTrigger(long taskId, String document, LocalDate dueDate, Long expectedVersion) {
		CurrentUser user = AccessPolicy.current();
		access.require(access.canManagePlans(user), "TASK", taskId, "ghi nhận văn bản kích hoạt (chỉ Sở KH&CN)");
		Task task = get(taskId);
		if (expectedVersion != null && task.getVersion() != expectedVersion) {
			throw new ConcurrentEditException("nhiệm vụ");
		}
		if (task.getDeadlineKind() != DeadlineKind.CONDITIONAL) {
			throw new DomainException("Nhiệm vụ này không có thời hạn theo điều kiện");
		}
		if (document == null || document.isBlank()) {
			throw new DomainException("Chưa nhập văn bản kích hoạt (số ký hiệu, ngày, trích yếu)");
		}
		vn.nq57.system.TextRules.requireSafe(document);
		if (dueDate == null) {
			throw new DomainException("Chưa nhập thời hạn hoàn thành mới");
		}
		Map<String, Object> before = snapshot(task);
		task.recordTrigger(nfc(document), clock.today(), dueDate);
		task.touch(clock.now());
		tasks.saveAndFlush(task);
		syncAssignments(task);
		audit.change("TASK_TRIGGERED", "TASK", taskId, taskId, "Văn bản kích hoạt: " + document, before,
				snapshot(task));
	}

	/** Creates, for every recurring task, its assignments for the period containing {@code day}. */
	@Transactional
	public int ensureRecurringInstances(LocalDate day) {
		int created = 0;
		// only the tasks still missing the period's instance: after the first run of a period this finds none
		for (vn.nq57.deadline.Recurrence r : vn.nq57.deadline.Recurrence.values()) {
			List<Long> missing = jdbc.queryForList("""
					SELECT t.id FROM task t WHERE t.recurrence = ?
					AND NOT EXISTS (SELECT 1 FROM assignment a WHERE a.task_id = t.id AND a.period_label = ?)
					ORDER BY t.id""", Long.class, r.name(), r.periodLabel(day));
			for (Long id : missing) {
				created += syncAssignments(get(id), day);
			}
		}
		return created;
	}

	private int syncAssignments(Task task) {
		return syncAssignments(task, clock.today());
	}

	/**
	 * Makes the assignments match the task's leads and deadline. An agency that is no longer a lead loses its
	 * assignment, unless it has already reported on it: then the change is refused rather than losing its work.
	 */
	private int syncAssignments(Task task, LocalDate day) {
		Map<Long, Long> wanted = agencies.fanOut(task.getLeadAgencyIds());
		DeadlineSpec spec = task.deadline();
		boolean recurring = spec.kind() == DeadlineKind.RECURRING;
		String period = recurring ? spec.instanceLabel(day) : "";
		LocalDate due = recurring ? spec.dueDateOfInstanceContaining(day) : task.getDueDate();
		List<Assignment> existing = assignments.findByTaskIdOrderById(task.getId());
		Map<Long, List<Assignment>> byAgency = existing.stream().collect(Collectors.groupingBy(Assignment::getAgencyId));
		List<Assignment> removed = new ArrayList<>();
		for (Assignment a : existing) {
			boolean staleInstance = !recurring && !a.getPeriodLabel().isEmpty() || recurring && a.getPeriodLabel().isEmpty();
			if (!wanted.containsKey(a.getAgencyId()) || staleInstance) {
				if (a.getLastProgressAt() != null || a.getState() != AssignmentState.OPEN) {
					throw new DomainException("Không thể bỏ phần việc của "
							+ agencies.get(a.getAgencyId()).getName() + " vì đơn vị đã báo cáo tiến độ; "
							+ "hãy giữ cơ quan này hoặc xử lý phần việc trước");
				}
				removed.add(a);
			}
		}
		assignments.deleteAll(removed);
		int created = 0;
		for (Map.Entry<Long, Long> e : wanted.entrySet()) {
			List<Assignment> mine = byAgency.getOrDefault(e.getKey(), List.of()).stream()
				.filter(a -> !removed.contains(a)).toList();
			Assignment current = mine.stream().filter(a -> a.getPeriodLabel().equals(period)).findFirst().orElse(null);
			if (current == null) {
				assignments.save(new Assignment(task.getId(), e.getKey(), e.getValue(), period, spec.kind(), due));
				created++;
			}
			else if (current.getCompletedOn() == null) {
				current.setDeadline(spec.kind(), due);
			}
			if (!recurring) {
				for (Assignment a : mine) {
					if (a.getCompletedOn() == null) {
						a.setDeadline(spec.kind(), due);
					}
				}
			}
		}
		assignments.flush();
		return created;
	}

	private void checkReferences(TaskForm form) {
		if (form.getPlanId() != null && !plans.existsById(form.getPlanId())) {
			throw new DomainException("planId", "Kế hoạch không tồn tại");
		}
		if (form.getGroupId() != null) {
			TaskGroup g = groups.findById(form.getGroupId())
				.orElseThrow(() -> new DomainException("groupId", "Nhóm nhiệm vụ không tồn tại"));
			if (!g.getPlan().getId().equals(form.getPlanId())) {
				throw new DomainException("groupId", "Nhóm nhiệm vụ không thuộc kế hoạch đã chọn");
			}
		}
		if (form.getDirectiveId() != null && !directives.existsById(form.getDirectiveId())) {
			throw new DomainException("directiveId", "Văn bản chỉ đạo không tồn tại");
		}
		if (form.getLeadAgencyIds().isEmpty()) {
			throw new DomainException("leadAgencyIds", "Chưa chọn cơ quan chủ trì");
		}
		for (Long id : form.getLeadAgencyIds()) {
			agencies.get(id);
		}
		for (Long id : form.getCoordinatorAgencyIds()) {
			agencies.get(id);
		}
	}

	Map<String, Object> snapshot(Task t) {
		Map<Long, String> names = new HashMap<>();
		agencies.refs(union(t.getLeadAgencyIds(), t.getCoordinatorAgencyIds()))
			.forEach((id, ref) -> names.put(id, ref.displayName()));
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("stt", t.getStt());
		m.put("title", t.getTitle());
		m.put("accountableHead", t.getAccountableHead());
		m.put("leads", t.getLeadAgencyIds().stream().map(names::get).toList());
		m.put("coordinators", t.getCoordinatorAgencyIds().stream().map(names::get).toList());
		m.put("coordinatorsNote", t.getCoordinatorsNote());
		m.put("expectedOutput", t.getExpectedOutput());
		m.put("deadline", t.getDeadlinePhrase());
		m.put("dueDate", t.getDueDate() == null ? null : t.getDueDate().toString());
		m.put("triggerDocument", t.getTriggerDocument());
		m.put("planId", t.getPlanId());
		m.put("groupId", t.getGroupId());
		m.put("directiveId", t.getDirectiveId());
		return m;
	}

	private static Set<Long> union(Set<Long> a, Set<Long> b) {
		Set<Long> s = new java.util.HashSet<>(a);
		s.addAll(b);
		return s;
	}

	static String nfc(String s) {
		if (s == null) {
			return null;
		}
		String t = VnText.nfc(s);
		return t.isEmpty() ? null : t;
	}

	static String abbreviate(String s) {
		return s == null || s.length() <= 120 ? s : s.substring(0, 117) + "…";
	}

	// ----- directives and plans -----

	public List<Directive> directives() {
		return directives.findAll(org.springframework.data.domain.Sort.by("issuedOn").descending());
	}

	public Directive directive(long id) {
		return directives.findById(id).orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản #" + id));
	}

	public java.util.Optional<Directive> directiveByNumber(String number) {
		return directives.findByNumber(number);
	}

	@Transactional
	public Directive saveDirective(Long id, DirectiveKind kind, String number, LocalDate issuedOn, String issuer,
			String title, Long expectedVersion) {
		access.require(access.canManagePlans(AccessPolicy.current()), "DIRECTIVE", id, "sửa văn bản chỉ đạo");
		checkDirective(id, kind, number, issuer, title);
		Directive d = id == null ? new Directive(kind, nfc(number), issuedOn, nfc(issuer), nfc(title)) : directive(id);
		if (id != null && expectedVersion != null && d.getVersion() != expectedVersion) {
			throw new ConcurrentEditException("văn bản");
		}
		Map<String, Object> before = id == null ? null : directiveSnapshot(d);
		d.update(kind, nfc(number), issuedOn, nfc(issuer), nfc(title));
		d = directives.saveAndFlush(d);
		audit.change(id == null ? "DIRECTIVE_CREATED" : "DIRECTIVE_UPDATED", "DIRECTIVE", d.getId(), null,
				d.getNumber(), before, directiveSnapshot(d));
		return d;
	}

	/** A new directive's fields, every problem at once beside its field ({@link vn.nq57.system.FieldsRefused}). */
	public void checkDirective(DirectiveKind kind, String number, String issuer, String title) {
		checkDirective(null, kind, number, issuer, title);
	}

	private void checkDirective(Long id, DirectiveKind kind, String number, String issuer, String title) {
		// every field checked at once, each problem beside its field
		vn.nq57.system.FieldErrors f = new vn.nq57.system.FieldErrors();
		if (kind == null) {
			f.reject("kind", "Cần chọn loại văn bản");
		}
		if (number == null || number.isBlank()) {
			f.reject("number", "Cần nhập số, ký hiệu văn bản");
		}
		if (title == null || title.isBlank()) {
			f.reject("title", "Cần nhập trích yếu văn bản");
		}
		for (String[] v : new String[][] { { "number", number }, { "issuer", issuer }, { "title", title } }) {
			String unsafe = vn.nq57.system.TextRules.firstUnsafe(v[1]);
			if (unsafe != null && !f.has(v[0])) {
				f.reject(v[0], unsafe);
			}
		}
		if (!f.has("number")) {
			directives.findByNumber(number.strip()).filter(d -> !d.getId().equals(id))
				.ifPresent(d -> f.reject("number", "Đã có văn bản số " + d.getNumber()));
		}
		f.refuseIfAny();
	}

	private static Map<String, Object> directiveSnapshot(Directive d) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("kind", d.getKind().name());
		m.put("number", d.getNumber());
		m.put("issuedOn", d.getIssuedOn() == null ? null : d.getIssuedOn().toString());
		m.put("issuer", d.getIssuer());
		m.put("title", d.getTitle());
		return m;
	}

	public List<Plan> plans() {
		return plans.findAll(org.springframework.data.domain.Sort.by("id").descending());
	}

	public Plan plan(long id) {
		return plans.findById(id).orElseThrow(() -> new NotFoundException("Không tìm thấy kế hoạch #" + id));
	}

	public TaskGroup group(long id) {
		return groups.findById(id).orElseThrow(() -> new NotFoundException("Không tìm thấy nhóm nhiệm vụ #" + id));
	}

	/** Creates or edits a plan; {@code groupLines} are "I. Title" lines, one per task group, in order. */
	@Transactional
	public Plan savePlan(Long id, Long directiveId, String title, Integer year, List<String[]> groupLines,
			Long expectedVersion) {
		access.require(access.canManagePlans(AccessPolicy.current()), "PLAN", id, "sửa kế hoạch");
		vn.nq57.system.FieldErrors f = new vn.nq57.system.FieldErrors();
		if (title == null || title.isBlank()) {
			f.reject("title", "Chưa nhập tên kế hoạch");
		}
		else if (vn.nq57.system.TextRules.firstUnsafe(title) != null) {
			f.reject("title", vn.nq57.system.TextRules.firstUnsafe(title));
		}
		if (year != null && (year < 2000 || year > 2100)) {
			f.reject("year", "Năm " + year + " không hợp lệ; hãy nhập năm từ 2000 đến 2100");
		}
		for (String[] line : groupLines) {
			String unsafe = vn.nq57.system.TextRules.firstUnsafe(line[0], line[1]);
			if (unsafe != null) {
				f.reject("groups", unsafe);
			}
		}
		f.refuseIfAny();
		if (directiveId != null) {
			directive(directiveId);
		}
		Plan plan = id == null ? new Plan(directiveId, nfc(title), year) : plan(id);
		if (id != null && expectedVersion != null && plan.getVersion() != expectedVersion) {
			throw new ConcurrentEditException("kế hoạch");
		}
		plan.update(directiveId, nfc(title), year);
		for (String[] line : groupLines) {
			vn.nq57.system.TextRules.requireSafe(line[0], line[1]);
			TaskGroup existing = plan.getGroups().stream().filter(g -> g.getCode().equals(line[0])).findFirst()
				.orElse(null);
			if (existing == null) {
				plan.addGroup(nfc(line[0]), nfc(line[1]));
			}
			else {
				existing.update(nfc(line[0]), nfc(line[1]));
			}
		}
		plan = plans.saveAndFlush(plan);
		audit.change(id == null ? "PLAN_CREATED" : "PLAN_UPDATED", "PLAN", plan.getId(), null, plan.getTitle(),
				null, Map.of("title", plan.getTitle(), "groups",
						plan.getGroups().stream().map(g -> g.getCode() + ". " + g.getTitle()).toList()));
		return plan;
	}
}
