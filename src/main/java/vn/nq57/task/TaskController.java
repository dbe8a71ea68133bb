package vn.nq57.task;

import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;
import vn.nq57.system.Settings;

/** The task list (filtered, paginated) and DoST's task form. */
@Controller
class TaskController {

	static final int PAGE_SIZE = 25;

	static final int MAX_AGENCY_OPTIONS = 300;

	private final TaskService tasks;
	private final TaskQueries queries;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;
	private final AppClock clock;
	private final Settings settings;

	TaskController(TaskService tasks, TaskQueries queries, AgencyDirectory agencies, AccessPolicy access,
			AppClock clock, Settings settings) {
		this.tasks = tasks;
		this.queries = queries;
		this.agencies = agencies;
		this.access = access;
		this.clock = clock;
		this.settings = settings;
	}

	@GetMapping("/tasks")
	String list(@RequestParam(required = false) Long plan, @RequestParam(required = false) Long group,
			@RequestParam(required = false) Long agency, @RequestParam(required = false) TaskStatus status,
			@RequestParam(defaultValue = "false") boolean soon, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String agencyName,
			@RequestParam(required = false) String groupCode, @RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser me = AccessPolicy.current();
		if (agency == null && agencyName != null && !agencyName.isBlank()) {
			var found = agencies.resolve(agencyName).or(() -> agencies.findByCode(agencyName.strip()));
			if (found.isEmpty()) {
				model.addAttribute("error", "Không tìm thấy cơ quan “" + agencyName.strip() + "”; hãy gõ đúng tên, tên viết tắt hoặc mã");
			}
			agency = found.map(vn.nq57.agency.Agency::getId).orElse(null);
		}
		TaskQueries.Filter filter = new TaskQueries.Filter(plan, group, agency, status, soon, from, to, q, sort)
			.withGroupCode(groupCode).visibleTo(me);
		Long agencyFilter = filter.agencyId();
		model.addAttribute("page", queries.search(filter, clock.today(), settings.dueSoonDays(), Math.max(0, page), PAGE_SIZE));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("plans", queries.planOptions());
		// a national registry is too long for a drop-down: above a few hundred agencies, the name is typed
		var options = me.seesEveryAgency() ? agencies.assignableUpTo(MAX_AGENCY_OPTIONS)
				: java.util.List.<AgencyDirectory.AgencyRef>of();
		model.addAttribute("agencyOptions", options);
		model.addAttribute("agencyTyped", me.seesEveryAgency() && options.isEmpty());
		model.addAttribute("agencyFilterName", agencyFilter == null || !me.seesEveryAgency() ? ""
				: agencies.find(agencyFilter).map(vn.nq57.agency.Agency::getName).orElse(""));
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/tasks");
		addIf(url, "plan", plan);
		addIf(url, "group", group);
		addIf(url, "groupCode", filter.groupCode());
		addIf(url, "agency", agencyFilter != null && me.seesEveryAgency() ? agencyFilter : null);
		addIf(url, "status", status);
		addIf(url, "soon", soon ? true : null);
		addIf(url, "from", from == null ? null : from.format(vn.nq57.kernel.VnFormat.DATE));
		addIf(url, "to", to == null ? null : to.format(vn.nq57.kernel.VnFormat.DATE));
		addIf(url, "q", q == null || q.isBlank() ? null : q);
		addIf(url, "sort", sort);
		String base = url.encode().toUriString();
		model.addAttribute("pageUrl", base + (base.contains("?") ? "&" : "?"));
		return "task/list";
	}

	private static void addIf(UriComponentsBuilder b, String name, Object value) {
		if (value != null) {
			b.queryParam(name, value);
		}
	}

	@GetMapping("/tasks/new")
	String newTask(@RequestParam(required = false) Long plan, Model model) {
		access.require(access.canManagePlans(AccessPolicy.current()), "TASK", null, "tạo nhiệm vụ (chỉ Sở KH&CN)");
		TaskForm form = new TaskForm();
		form.setPlanId(plan);
		return form(null, form, model);
	}

	@GetMapping("/tasks/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		access.require(access.canManagePlans(AccessPolicy.current()), "TASK", id, "sửa nhiệm vụ (chỉ Sở KH&CN)");
		return form(id, TaskForm.of(tasks.get(id)), model);
	}

	@PostMapping({ "/tasks/new", "/tasks/{id}/edit" })
	String save(@PathVariable(required = false) Long id, @Valid @ModelAttribute("form") TaskForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		// refused before the form is shown back: the matrix test found the form re-rendered for every role
		access.require(access.canManagePlans(AccessPolicy.current()), "TASK", id, "tạo, sửa nhiệm vụ (chỉ Sở KH&CN)");
		if (errors.hasErrors()) {
			return form(id, form, model);
		}
		try {
			Task saved = tasks.save(id, form);
			Flash.done(redirect, id == null ? "flash.task.created" : "flash.task.saved");
			return "redirect:/tasks/" + saved.getId();
		}
		catch (DomainException e) {
			model.addAttribute("error", e.getMessage());
			return form(id, form, model);
		}
	}

	@PostMapping("/tasks/{id}/trigger")
	String trigger(@PathVariable long id, @RequestParam String document, @RequestParam(required = false) LocalDate dueDate,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		try {
			tasks.recordTrigger(id, document, dueDate, version);
			Flash.done(redirect, "flash.task.triggerSaved");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/tasks/" + id;
	}

	private String form(Long id, TaskForm form, Model model) {
		model.addAttribute("taskId", id);
		model.addAttribute("form", form);
		model.addAttribute("plans", tasks.plans());
		model.addAttribute("directives", tasks.directives());
		model.addAttribute("agencyOptions", agencies.active());
		return "task/form";
	}
}
