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
	private final org.springframework.context.MessageSource messages;
	private final vn.nq57.kernel.VnFormat fmt;

	/**
	 * One row of the list as the page writes it: every text, link and class worked out here, so the template writes
	 * each cell with one plain expression (issue 22: the page cost four times its JSON, nearly all in evaluating
	 * expressions per row and per option).
	 */
	public record ListRow(String href, String stt, String title, String done, String groupCode, String groupTitle,
			String leads, String phrase, String due, String statusClass, String statusText) {
	}

	/** The plan and group options of the filter, written once for the plans they were written from. */
	private record Options(java.util.List<TaskQueries.PlanOption> plans, String plansHtml, String groupsHtml) {
	}

	private volatile Options options;

	TaskController(TaskService tasks, TaskQueries queries, AgencyDirectory agencies, AccessPolicy access,
			AppClock clock, Settings settings, org.springframework.context.MessageSource messages,
			vn.nq57.kernel.VnFormat fmt) {
		this.messages = messages;
		this.fmt = fmt;
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
			@RequestParam(required = false) String groupCode, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String after, @RequestParam(required = false) String before, Model model,
			java.util.Locale locale) {
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
		// a page from the next/previous links starts at the row its cursor names (keyset); a typed page number at its offset
		TaskQueries.Cursor cursor = page > 0 && after != null ? TaskQueries.Cursor.after(after)
				: page >= 0 && before != null ? TaskQueries.Cursor.before(before) : null;
		TaskQueries.ListPage result = queries.search(filter, clock.today(), settings.dueSoonDays(), Math.max(0, page),
				PAGE_SIZE, cursor);
		model.addAttribute("page", result.page());
		model.addAttribute("countedAt", result.countedAt() == null ? null
				: java.time.LocalTime.ofInstant(result.countedAt(), vn.nq57.system.AppClock.ZONE_ID).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", TaskStatus.values());
		Options opts = options(queries.planOptions());
		model.addAttribute("planOptionsHtml", selected(opts.plansHtml(), filter.planId()));
		model.addAttribute("groupOptionsHtml", selected(opts.groupsHtml(), filter.noGroup() ? null : filter.groupId()));
		model.addAttribute("rows", rows(result.page().rows(), locale));
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
		String pageUrl = base + (base.contains("?") ? "&" : "?");
		model.addAttribute("pageUrl", pageUrl);
		boolean keyset = TaskQueries.Order.of(filter.sort()).keyset();
		var shown = result.page();
		model.addAttribute("prevUrl", !shown.hasPrevious() ? null : shown.page() == 1 || !keyset || result.firstKey() == null
				? pageUrl + "page=" + (shown.page() - 1) : pageUrl + "page=" + (shown.page() - 1) + "&before=" + result.firstKey());
		model.addAttribute("nextUrl", !shown.hasNext() ? null : !keyset || result.lastKey() == null
				? pageUrl + "page=" + (shown.page() + 1) : pageUrl + "page=" + (shown.page() + 1) + "&after=" + result.lastKey());
		return "task/list";
	}

	private java.util.List<ListRow> rows(java.util.List<TaskQueries.TaskRow> rows, java.util.Locale locale) {
		String soon = " · " + messages.getMessage("status.dueSoon", null, locale);
		java.util.List<ListRow> out = new java.util.ArrayList<>(rows.size());
		for (TaskQueries.TaskRow t : rows) {
			String title = t.title() == null || t.title().length() <= 220 ? t.title() : t.title().substring(0, 217) + "...";
			String done = t.assignmentCount() > 1 ? messages.getMessage("tasks.agenciesDone",
					new Object[] { fmt.num(t.assignmentCount() - t.openCount()), fmt.num(t.assignmentCount()) }, locale) : null;
			String due = t.dueDate() == null ? null : messages.getMessage("tasks.due", new Object[] { fmt.date(t.dueDate()) }, locale);
			String status = messages.getMessage("status." + t.status().name(), null, locale) + (t.dueSoon() ? soon : "");
			out.add(new ListRow("/tasks/" + t.id(), t.stt(), title, done, t.groupCode(), t.groupTitle(), t.leads(),
					t.deadlinePhrase(), due, "status s-" + t.status().name(), status));
		}
		return out;
	}

	/** The options written once per list of plans (40 plans and 287 groups at national scale: 330 options). */
	private Options options(java.util.List<TaskQueries.PlanOption> plans) {
		Options o = options;
		if (o != null && o.plans().equals(plans)) {
			return o;
		}
		StringBuilder p = new StringBuilder();
		StringBuilder g = new StringBuilder();
		for (TaskQueries.PlanOption plan : plans) {
			p.append("<option value=\"").append(plan.id()).append("\">").append(esc(plan.title())).append("</option>");
			for (TaskQueries.GroupOption group : plan.groups()) {
				String title = group.title() == null ? "" : group.title().length() <= 60 ? group.title()
						: group.title().substring(0, 57) + "...";
				g.append("<option value=\"").append(group.id()).append("\">").append(esc(group.code() + ". " + title))
					.append("</option>");
			}
		}
		o = new Options(java.util.List.copyOf(plans), p.toString(), g.toString());
		options = o;
		return o;
	}

	private static String selected(String html, Long value) {
		return value == null ? html : html.replace("<option value=\"" + value + "\">", "<option value=\"" + value + "\" selected>");
	}

	private static String esc(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
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
		if (form.getLeadAgencyIds().isEmpty() && !errors.hasFieldErrors("leadAgencyIds")) {
			// said with the others at once, not after they are fixed
			errors.rejectValue("leadAgencyIds", "field", "Chưa chọn cơ quan chủ trì");
		}
		if (errors.hasErrors()) {
			return form(id, form, model);
		}
		try {
			Task saved = tasks.save(id, form);
			Flash.done(redirect, id == null ? "flash.task.created" : "flash.task.saved");
			return "redirect:/tasks/" + saved.getId();
		}
		catch (DomainException e) {
			if (e.field() != null) {
				errors.rejectValue(e.field(), "field", e.getMessage());
			}
			else {
				model.addAttribute("error", e.getMessage());
			}
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
		return "task/form";
	}
}
