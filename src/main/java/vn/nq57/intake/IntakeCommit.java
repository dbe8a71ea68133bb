package vn.nq57.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.nq57.intake.IntakeService.Batch;
import vn.nq57.intake.IntakeService.CommitResult;
import vn.nq57.system.DomainException;
import vn.nq57.task.Directive;
import vn.nq57.task.DirectiveKind;
import vn.nq57.task.TaskForm;
import vn.nq57.task.TaskImport;
import vn.nq57.task.TaskService;

/**
 * Writes a confirmed preview through the task module: the plan, its groups and the new tasks in bulk through
 * {@link TaskImport}; for a revised plan, the changed tasks through {@link TaskService#save} (which keeps the
 * assignments of the lead agencies that remain) and the tasks the new version no longer has through
 * {@link TaskService#delete} (refused for a task an agency has worked on). Runs in the caller's transaction:
 * any refusal on the way rolls everything back.
 */
@Component
class IntakeCommit {

	private final TaskImport taskImport;
	private final TaskService tasks;

	IntakeCommit(TaskImport taskImport, TaskService tasks) {
		this.taskImport = taskImport;
		this.tasks = tasks;
	}

	CommitResult write(Batch b, Preview p, Set<Long> keepRemoved) {
		return b.kind() == IntakeKind.PLAN_APPENDIX ? plan(b.settings(), p, keepRemoved) : notice(b.settings(), p);
	}

	private CommitResult plan(IntakeSettings s, Preview p, Set<Long> keepRemoved) {
		List<TaskImport.GroupSpec> groups = new ArrayList<>();
		Map<String, String> seen = new LinkedHashMap<>();
		for (Preview.Row r : p.rows()) {
			if (r.draft().group() && seen.putIfAbsent(r.draft().groupCode(), r.draft().groupTitle()) == null) {
				groups.add(new TaskImport.GroupSpec(r.draft().groupCode(),
						Objects.requireNonNullElse(r.draft().groupTitle(), r.draft().groupCode())));
			}
		}
		TaskImport.PlanSpec plan;
		if (s.targetPlanId() == null) {
			if (s.planTitle() == null) {
				throw new DomainException("Chưa nhập tên kế hoạch");
			}
			Long directiveId = s.directiveId();
			if (directiveId == null && s.directiveNumber() != null) {
				directiveId = directive(DirectiveKind.PLAN, s.directiveNumber(), s.directiveDate(), s.directiveIssuer(),
						s.directiveTitle() != null ? s.directiveTitle() : s.planTitle()).getId();
			}
			plan = TaskImport.PlanSpec.newPlan(directiveId, s.planTitle(), s.planYear());
		}
		else {
			plan = TaskImport.PlanSpec.existing(s.targetPlanId());
		}
		List<TaskImport.TaskSpec> added = new ArrayList<>();
		List<Preview.Row> changed = new ArrayList<>();
		List<Long> unchanged = new ArrayList<>();
		for (Preview.Row r : kept(p)) {
			switch (Objects.requireNonNullElse(r.change(), "ADDED")) {
				case "UNCHANGED" -> unchanged.add(r.taskId());
				case "CHANGED" -> changed.add(r);
				default -> added.add(spec(r));
			}
		}
		TaskImport.Written w = taskImport.intoPlan(plan, groups, added);
		List<Long> updated = new ArrayList<>();
		for (Preview.Row r : changed) {
			TaskForm f = form(r, w.planId(), r.draft().groupCode() == null ? null : w.groupIds().get(r.draft().groupCode()),
					w.directiveId());
			f.setVersion(tasks.get(r.taskId()).getVersion());
			updated.add(tasks.save(r.taskId(), f).getId());
		}
		List<Long> deleted = new ArrayList<>();
		List<Long> keptTasks = new ArrayList<>();
		if (p.diff() != null) {
			for (Preview.RemovedTask t : p.diff().removed()) {
				if (t.hasProgress() || keepRemoved != null && keepRemoved.contains(t.taskId())) {
					keptTasks.add(t.taskId());
				}
				else {
					tasks.delete(t.taskId());
					deleted.add(t.taskId());
				}
			}
		}
		return new CommitResult(w.planId(), w.directiveId(), w.taskIds(), updated, unchanged, deleted, keptTasks);
	}

	private CommitResult notice(IntakeSettings s, Preview p) {
		Directive d = s.directiveId() != null ? tasks.directive(s.directiveId())
				: directive(DirectiveKind.CONCLUSION_NOTICE, s.directiveNumber(), s.directiveDate(), s.directiveIssuer(),
						s.directiveTitle());
		TaskImport.Written w = taskImport.underDirective(d.getId(), kept(p).stream().map(IntakeCommit::spec).toList());
		return new CommitResult(null, d.getId(), w.taskIds(), List.of(), List.of(), List.of(), List.of());
	}

	private static List<Preview.Row> kept(Preview p) {
		return p.rows().stream().filter(r -> !r.draft().group() && !r.draft().dropped()).toList();
	}

	/** The directive with this number, or a new one. */
	private Directive directive(DirectiveKind kind, String number, LocalDate date, String issuer, String title) {
		if (number == null) {
			throw new DomainException("Chưa nhập số ký hiệu văn bản");
		}
		return tasks.directiveByNumber(number)
			.orElseGet(() -> tasks.saveDirective(null, kind, number, date, issuer,
					title == null ? number : IntakeDrafts.abbreviate(title, 1000), null));
	}

	// ----- a row as the task module takes it -----

	/** The lead agencies the row resolved, in the order written. */
	private static Set<Long> leads(Preview.Row r) {
		Set<Long> leads = new LinkedHashSet<>();
		r.leads().stream().filter(a -> a.agencyId() != null).forEach(a -> leads.add(a.agencyId()));
		return leads;
	}

	/** The coordinating bodies the row resolved, other than its leads. */
	private static Set<Long> coordinators(Preview.Row r, Set<Long> leads) {
		Set<Long> coords = new LinkedHashSet<>();
		r.coordinators().stream().filter(a -> a.agencyId() != null && !leads.contains(a.agencyId()))
			.forEach(a -> coords.add(a.agencyId()));
		return coords;
	}

	/** The coordinating bodies as written, kept when some are not in the registry. */
	private static String coordinatorsNote(Preview.Row r) {
		return r.coordinators().stream().anyMatch(a -> a.agencyId() == null) ? r.draft().coordinators() : null;
	}

	private static TaskImport.TaskSpec spec(Preview.Row r) {
		DraftRow d = r.draft();
		Set<Long> leads = leads(r);
		return new TaskImport.TaskSpec(d.groupCode(), d.stt(), d.title(), d.accountableHead(), List.copyOf(leads),
				List.copyOf(coordinators(r, leads)), coordinatorsNote(r), d.expectedOutput(),
				d.deadline() == null ? "" : d.deadline());
	}

	private static TaskForm form(Preview.Row r, Long planId, Long groupId, Long directiveId) {
		DraftRow d = r.draft();
		TaskForm f = new TaskForm();
		f.setPlanId(planId);
		f.setGroupId(groupId);
		f.setDirectiveId(directiveId);
		f.setStt(d.stt());
		f.setTitle(d.title());
		f.setAccountableHead(d.accountableHead());
		Set<Long> leads = leads(r);
		f.setLeadAgencyIds(leads);
		f.setCoordinatorAgencyIds(coordinators(r, leads));
		f.setCoordinatorsNote(coordinatorsNote(r));
		f.setExpectedOutput(d.expectedOutput());
		f.setDeadlinePhrase(d.deadline() == null ? "" : d.deadline());
		return f;
	}
}
