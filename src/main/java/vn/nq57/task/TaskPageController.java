package vn.nq57.task;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.Flash;
import vn.nq57.system.Settings;

/**
 * The task page: the task as the plan wrote it, its assignments and status, and its timeline of progress,
 * completion claims, directions and changes; plus the forms that post to it.
 */
@Controller
class TaskPageController {

	/** One line of the timeline, newest first. */
	public record TimelineItem(Instant at, String kind, Object entry) {
	}

	private final TaskService tasks;
	private final TaskQueries queries;
	private final ProgressService progress;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final TaskHistory history;
	private final AppClock clock;
	private final Settings settings;
	private final AttachmentStore files;

	TaskPageController(AttachmentStore files, TaskService tasks, TaskQueries queries, ProgressService progress, AgencyDirectory agencies,
			AccessPolicy access, AuditLog audit, AppClock clock, Settings settings, TaskHistory history) {
		this.history = history;
		this.tasks = tasks;
		this.queries = queries;
		this.progress = progress;
		this.agencies = agencies;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
		this.files = files;
	}

	@GetMapping("/tasks/{id}")
	String page(@PathVariable long id, @RequestParam(required = false) Long historyAgency, Model model,
			java.util.Locale locale) {
		CurrentUser me = AccessPolicy.current();
		Task task = tasks.get(id);
		access.require(tasks.canOpen(me, task), "TASK", id, "xem nhiệm vụ không giao cho cơ quan mình");
		var today = clock.today();
		List<Assignment> all = tasks.assignments(id);
		List<Assignment> mine = all.stream().filter(a -> access.canReadAgencyWork(me, a.getAgencyId())).toList();
		List<Assignment> shown = new ArrayList<>(me.seesEveryAgency() ? all : mine);
		shown.sort(Comparator.comparing((Assignment a) -> -a.statusOn(today).rank()).thenComparing(Assignment::getId));
		Set<Long> agencyIds = new HashSet<>(task.getLeadAgencyIds());
		agencyIds.addAll(task.getCoordinatorAgencyIds());
		shown.stream().limit(300).forEach(a -> agencyIds.add(a.getAgencyId()));
		model.addAttribute("task", task);
		model.addAttribute("status", queries.taskStatus(id, today));
		model.addAttribute("names", agencies.refs(agencyIds));
		model.addAttribute("assignments", shown.stream().limit(300).toList());
		model.addAttribute("assignmentTotal", all.size());
		model.addAttribute("completedCount", all.stream().filter(a -> a.getCompletedOn() != null).count());
		model.addAttribute("reportable", mine.stream().filter(a -> access.canReport(me, a.getAgencyId())).toList());
		model.addAttribute("dueSoonDays", settings.dueSoonDays());
		model.addAttribute("rules", new StatusView(today, settings.dueSoonDays()));
		model.addAttribute("directive", task.getDirectiveId() == null ? null : tasks.directive(task.getDirectiveId()));
		model.addAttribute("group", task.getGroupId() == null ? null : tasks.group(task.getGroupId()));
		model.addAttribute("plan", task.getPlanId() == null ? null : tasks.plan(task.getPlanId()));
		List<ProgressService.ClaimEntry> claims = progress.claims(task, me);
		model.addAttribute("pendingClaims", claims.stream()
			.filter(c -> c.state() == ClaimState.CLAIMED || c.state() == ClaimState.HEAD_APPROVED).toList());
		java.util.Map<Long, Long> agencyOf = new java.util.HashMap<>();
		mine.forEach(a -> agencyOf.put(a.getId(), a.getAgencyId()));
		Long historyFilter = historyAgency != null && agencyOf.containsValue(historyAgency) ? historyAgency : null;
		model.addAttribute("timeline", timeline(task, me, agencyOf, claims, historyFilter, locale));
		model.addAttribute("historyAgency", historyFilter);
		java.util.Set<Long> historyIds = new HashSet<>();
		mine.forEach(a -> historyIds.add(a.getAgencyId()));
		// a drop-down of a few hundred agencies at most (a task of every commune is filtered through ?historyAgency=)
		var historyNames = historyIds.size() <= 300 ? agencies.refs(historyIds)
				: java.util.Map.<Long, vn.nq57.agency.AgencyDirectory.AgencyRef>of();
		model.addAttribute("historyAgencies", historyNames.values().stream()
			.sorted(Comparator.comparing(vn.nq57.agency.AgencyDirectory.AgencyRef::name)).toList());
		if (!model.containsAttribute("progressInput")) {
			model.addAttribute("progressInput", new ProgressInput());
		}
		if (!model.containsAttribute("claimInput")) {
			model.addAttribute("claimInput", new ClaimInput());
		}
		model.addAttribute("maxUpload", AttachmentStore.size(files.maxBytes()));
		return "task/page";
	}

	/** Status helpers for the template (the day and the due-soon window are the application's). */
	public record StatusView(java.time.LocalDate today, int dueSoonDays) {
		public vn.nq57.task.TaskStatus of(Assignment a) {
			return a.statusOn(today);
		}

		public boolean dueSoon(Assignment a) {
			return StatusRules.isDueSoon(a.getDueDate(), a.getCompletedOn(), today, dueSoonDays);
		}
	}

	/**
	 * The task's story, newest first: progress notes, completion reports, directions, and the other actions from the
	 * audit trail in words ({@link TaskHistory}); only the work items the reader may read; {@code agency}: only that
	 * agency's work.
	 */
	private List<TimelineItem> timeline(Task task, CurrentUser me, java.util.Map<Long, Long> agencyOf,
			List<ProgressService.ClaimEntry> claims, Long agency, java.util.Locale locale) {
		List<TimelineItem> items = new ArrayList<>();
		progress.progress(task, me).stream().filter(p -> agency == null || p.agencyId() == agency)
			.forEach(p -> items.add(new TimelineItem(p.createdAt(), "progress", p)));
		claims.stream().filter(c -> agency == null || c.agencyId() == agency)
			.forEach(c -> items.add(new TimelineItem(c.claimedAt(), "claim", c)));
		if (agency == null) {
			progress.directions(task.getId()).forEach(d -> items.add(new TimelineItem(d.createdAt(), "direction", d)));
		}
		audit.forTask(task.getId()).stream()
			.filter(e -> !"ASSIGNMENT".equals(e.entityType()) || agencyOf.containsKey(e.entityId()))
			.filter(e -> !TaskHistory.shownAsEvent(e))
			.map(e -> java.util.Map.entry(e.occurredAt(), history.of(e, agencyOf, locale)))
			.filter(c -> agency == null || agency.equals(c.getValue().agencyId()))
			.forEach(c -> items.add(new TimelineItem(c.getKey(), "change", c.getValue())));
		items.sort(Comparator.comparing(TimelineItem::at).reversed());
		return items;
	}

	@PostMapping("/assignments/{id}/progress")
	String postProgress(@PathVariable long id, @Valid @ModelAttribute("progressInput") ProgressInput in,
			BindingResult errors, @RequestParam(value = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) {
		Assignment a = progress.readableAssignment(id);
		if (errors.hasErrors()) {
			Flash.error(redirect, messages(errors));
			redirect.addFlashAttribute(FieldErrors.ATTRIBUTE, fieldErrors("a" + id, errors));
			redirect.addFlashAttribute("progressInput", in);
			return "redirect:/tasks/" + a.getTaskId() + "#progress";
		}
		try {
			progress.postProgress(id, in, file);
			Flash.done(redirect, "flash.progress.saved");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			if (e.field() != null) {
				redirect.addFlashAttribute(FieldErrors.ATTRIBUTE, new FieldErrors().reject("a" + id + "." + e.field(), e.getMessage()));
			}
			redirect.addFlashAttribute("progressInput", in);
		}
		return "redirect:/tasks/" + a.getTaskId();
	}

	@PostMapping("/assignments/{id}/claim")
	String claim(@PathVariable long id, @Valid @ModelAttribute("claimInput") ClaimInput in, BindingResult errors,
			@RequestParam(value = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		Assignment a = progress.readableAssignment(id);
		if (errors.hasErrors()) {
			Flash.error(redirect, messages(errors));
			redirect.addFlashAttribute(FieldErrors.ATTRIBUTE, fieldErrors("c" + id, errors));
			redirect.addFlashAttribute("claimInput", in);
			return "redirect:/tasks/" + a.getTaskId();
		}
		try {
			progress.claimCompletion(id, in, file);
			Flash.done(redirect, "flash.claim.sent");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			if (e.field() != null) {
				redirect.addFlashAttribute(FieldErrors.ATTRIBUTE, new FieldErrors().reject("c" + id + "." + e.field(), e.getMessage()));
			}
			redirect.addFlashAttribute("claimInput", in);
		}
		return "redirect:/tasks/" + a.getTaskId();
	}

	@PostMapping("/claims/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		return decide(id, back, redirect, () -> progress.approveClaim(id), "flash.claim.approved");
	}

	@PostMapping("/claims/{id}/confirm")
	String confirm(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		return decide(id, back, redirect, () -> progress.confirmClaim(id), "flash.claim.confirmed");
	}

	@PostMapping("/claims/{id}/return")
	String returnClaim(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		return decide(id, back, redirect, () -> progress.returnClaim(id, reason), "flash.claim.returned");
	}

	private String decide(long claimId, String back, RedirectAttributes redirect, Runnable action, String done) {
		ProgressService.ClaimEntry claim = progress.claim(claimId);
		try {
			action.run();
			Flash.done(redirect, done);
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		if ("claims".equals(back)) {
			return "redirect:/claims";
		}
		return "redirect:/tasks/" + tasks.assignment(claim.assignmentId()).getTaskId();
	}

	@PostMapping("/tasks/{id}/directions")
	String direction(@PathVariable long id, @RequestParam(required = false) String content, RedirectAttributes redirect) {
		try {
			progress.addDirection(id, content);
			Flash.done(redirect, "flash.direction.saved");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/tasks/" + id;
	}

	@GetMapping("/files/{id}")
	ResponseEntity<byte[]> file(@PathVariable long id) {
		AttachmentStore.Attachment f = progress.attachment(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(f.filename(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(f.contentType()))
			.body(f.data());
	}

	@GetMapping("/claims")
	String claims(@RequestParam(required = false) Long agency, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser me = AccessPolicy.current();
		Long filter = me.is(vn.nq57.account.Role.SECRETARIAT) ? agency : null;
		vn.nq57.kernel.Page<ProgressService.ClaimEntry> claimPage = progress.pendingFor(me, filter, page, 50);
		List<ProgressService.ClaimEntry> pending = claimPage.rows();
		// every claim's assignment and task title in one query, not one (or two) per claim
		Map<Long, TaskQueries.ClaimSubject> byId = queries
			.claimSubjects(pending.stream().map(ProgressService.ClaimEntry::assignmentId).distinct().toList());
		Set<Long> agencyIds = new HashSet<>();
		Map<Long, TaskQueries.ClaimSubject> taskById = new java.util.HashMap<>();
		for (TaskQueries.ClaimSubject s : byId.values()) {
			agencyIds.add(s.getAgencyId());
			taskById.putIfAbsent(s.getTaskId(), s);
		}
		model.addAttribute("claims", pending);
		model.addAttribute("page", claimPage);
		model.addAttribute("agency", filter);
		model.addAttribute("pageUrl", "/claims?" + (filter == null ? "" : "agency=" + filter + "&"));
		model.addAttribute("assignmentsById", byId);
		model.addAttribute("tasksById", taskById);
		model.addAttribute("names", agencies.refs(agencyIds));
		return "task/claims";
	}

	/**
	 * The form's problems beside its fields ({@code fields :: error('a<assignment>.<field>')}: a task page holds
	 * one form per assignment), a value that could not be read (a date) kept as typed.
	 */
	static FieldErrors fieldErrors(String form, BindingResult errors) {
		FieldErrors out = new FieldErrors();
		for (org.springframework.validation.FieldError e : errors.getFieldErrors()) {
			String key = form + "." + e.getField();
			out.reject(key, message(e));
			if (e.isBindingFailure() && e.getRejectedValue() != null) {
				out.keep(key, String.valueOf(e.getRejectedValue()));
			}
		}
		return out;
	}

	private static String message(org.springframework.validation.ObjectError e) {
		String m = e.getDefaultMessage();
		if (e instanceof org.springframework.validation.FieldError fe && fe.isBindingFailure()) {
			m = switch (fe.getField()) {
				case "percent" -> "Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100";
				case "completedOn", "outputDate" -> "Ngày “" + fe.getRejectedValue() + "” không hợp lệ (nhập theo dạng dd/mm/yyyy)";
				default -> "Giá trị “" + fe.getRejectedValue() + "” không hợp lệ";
			};
		}
		return m;
	}

	static String messages(BindingResult errors) {
		return String.join("; ", errors.getAllErrors().stream().map(e -> {
			String m = e.getDefaultMessage();
			if (e instanceof org.springframework.validation.FieldError fe && fe.isBindingFailure()) {
				m = switch (fe.getField()) {
					case "percent" -> "Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100";
					case "completedOn", "outputDate" -> "Ngày “" + fe.getRejectedValue() + "” không hợp lệ (nhập theo dạng dd/MM/yyyy)";
					default -> "Giá trị “" + fe.getRejectedValue() + "” không hợp lệ";
				};
			}
			return m;
		}).distinct().toList());
	}
}
