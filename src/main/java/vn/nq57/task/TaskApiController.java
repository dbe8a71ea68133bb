package vn.nq57.task;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.AppClock;
import vn.nq57.system.Settings;

/**
 * Tasks as JSON for other systems and scripts, with the same rights as the pages: an agency sees the
 * tasks it leads or coordinates, and only its own assignments' details.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Nhiệm vụ", description = "Nhiệm vụ, phần việc được giao và tình trạng tính theo ngày")
class TaskApiController {

	public record TaskSummary(long id, String stt, String title, String groupCode, String leads, String deadlinePhrase,
			LocalDate dueDate, TaskStatus status, boolean dueSoon) {
	}

	public record AssignmentView(long id, long agencyId, String agencyName, String periodLabel, LocalDate dueDate,
			int percent, String state, LocalDate completedOn, TaskStatus status, boolean dueSoon, long version) {
	}

	public record TaskDetail(long id, String stt, String title, Long planId, Long groupId, Long directiveId,
			String accountableHead, List<Long> leadAgencyIds, List<Long> coordinatorAgencyIds, String expectedOutput,
			String deadlinePhrase, String deadlineKind, LocalDate dueDate, String triggerDocument, TaskStatus status,
			List<AssignmentView> assignments, long version) {
	}

	/** A page; {@code next} is the cursor of the next page ({@code after=…}) in the orders read by keyset. */
	public record PageView<T>(List<T> items, int page, int size, long total, String next) {
	}

	private final TaskService tasks;
	private final TaskQueries queries;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;
	private final AppClock clock;
	private final Settings settings;

	TaskApiController(TaskService tasks, TaskQueries queries, AgencyDirectory agencies, AccessPolicy access,
			AppClock clock, Settings settings) {
		this.tasks = tasks;
		this.queries = queries;
		this.agencies = agencies;
		this.access = access;
		this.clock = clock;
		this.settings = settings;
	}

	@GetMapping("/tasks")
	@Operation(summary = "Danh sách nhiệm vụ có lọc, phân trang",
			description = "status: COMPLETED_ON_TIME, COMPLETED_LATE, IN_PROGRESS, OVERDUE, AWAITING_TRIGGER, ONGOING, NO_DEADLINE")
	PageView<TaskSummary> list(@RequestParam(required = false) Long plan, @RequestParam(required = false) Long group,
			@RequestParam(required = false) Long agency, @RequestParam(required = false) TaskStatus status,
			@RequestParam(defaultValue = "false") boolean dueSoon,
			@Parameter(description = "yyyy-MM-dd") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
			@Parameter(description = "yyyy-MM-dd") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size,
			@Parameter(description = "urgent (mặc định), due (theo thời hạn), plan (theo thứ tự kế hoạch)") @RequestParam(required = false) String sort,
			@Parameter(description = "con trỏ trang sau (trường next của trang trước)") @RequestParam(required = false) String after) {
		CurrentUser me = AccessPolicy.current();
		int pageSize = Math.min(Math.max(size, 1), 500);
		var filter = new TaskQueries.Filter(plan, group, agency, status, dueSoon, dueFrom, dueTo, q, sort).visibleTo(me);
		var listed = queries.search(filter, clock.today(), settings.dueSoonDays(), Math.max(page, 0), pageSize,
				TaskQueries.Cursor.after(after));
		var result = listed.page();
		return new PageView<>(result.rows().stream().map(r -> new TaskSummary(r.id(), r.stt(), r.title(), r.groupCode(),
				r.leads(), r.deadlinePhrase(), r.dueDate(), r.status(), r.dueSoon())).toList(), result.page(),
				result.size(), result.total(), result.hasNext() ? listed.lastKey() : null);
	}

	@GetMapping("/tasks/{id}")
	@Operation(summary = "Một nhiệm vụ với các phần việc mà người gọi được xem")
	TaskDetail get(@PathVariable long id) {
		CurrentUser me = AccessPolicy.current();
		Task t = tasks.get(id);
		access.require(tasks.canOpen(me, t), "TASK", id, "xem nhiệm vụ không giao cho cơ quan mình");
		LocalDate today = clock.today();
		List<Assignment> visible = tasks.assignments(id).stream()
			.filter(a -> access.canReadAgencyWork(me, a.getAgencyId())).toList();
		var names = agencies.refs(visible.stream().map(Assignment::getAgencyId).toList());
		return new TaskDetail(t.getId(), t.getStt(), t.getTitle(), t.getPlanId(), t.getGroupId(), t.getDirectiveId(),
				t.getAccountableHead(), List.copyOf(t.getLeadAgencyIds()), List.copyOf(t.getCoordinatorAgencyIds()),
				t.getExpectedOutput(), t.getDeadlinePhrase(), t.getDeadlineKind().name(), t.getDueDate(),
				t.getTriggerDocument(), queries.taskStatus(id, today),
				visible.stream().map(a -> new AssignmentView(a.getId(), a.getAgencyId(),
						names.get(a.getAgencyId()).name(), a.getPeriodLabel(), a.getDueDate(), a.getPercent(),
						a.getState().name(), a.getCompletedOn(), a.statusOn(today),
						StatusRules.isDueSoon(a.getDueDate(), a.getCompletedOn(), today, settings.dueSoonDays()),
						a.getVersion())).toList(), t.getVersion());
	}

	@GetMapping("/my/assignments")
	@Operation(summary = "Việc của cơ quan người gọi, gấp nhất trước")
	PageView<TaskQueries.AssignmentRow> mine(@RequestParam(defaultValue = "false") boolean includeCompleted,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		CurrentUser me = AccessPolicy.current();
		var result = queries.assignmentsOf(me.agencyId(), includeCompleted, clock.today(), settings.dueSoonDays(),
				Math.max(page, 0), Math.min(Math.max(size, 1), 500));
		return new PageView<>(result.rows(), result.page(), result.size(), result.total(), null);
	}
}
