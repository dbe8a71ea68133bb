package vn.nq57.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.reporting.PeriodicReportService.Edit;
import vn.nq57.reporting.PeriodicReportService.ItemInput;
import vn.nq57.reporting.PeriodicReportService.ReportView;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.FieldsRefused;
import vn.nq57.system.Flash;

/** An agency's periodic reports: its list, the report page, and every step of the workflow as a form post. */
@Controller
class ReportController {

	private final PeriodicReportService reports;
	private final CompletenessQueries completeness;
	private final AccessPolicy access;
	private final AppClock clock;

	private final vn.nq57.system.AuditStory story;
	private final org.springframework.context.MessageSource messages;

	ReportController(PeriodicReportService reports, CompletenessQueries completeness, AccessPolicy access, AppClock clock,
			vn.nq57.system.AuditStory story, org.springframework.context.MessageSource messages) {
		this.story = story;
		this.messages = messages;
		this.reports = reports;
		this.completeness = completeness;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * A report's own values in words for its change log: the state, the themes of obstacles and proposals (stored as
	 * "FUNDING: text"), the sections by their heading.
	 */
	private String reportValue(String key, String value, java.util.Locale locale) {
		if (key.equals("state")) {
			return messages.getMessage("reportState." + value, null, value, locale);
		}
		if (key.equals("obstacles[]") || key.equals("proposals[]")) {
			int colon = value.indexOf(": ");
			if (colon > 0) {
				String theme = messages.getMessage("reportTheme." + value.substring(0, colon), null, null, locale);
				if (theme != null) {
					return theme + ": " + value.substring(colon + 2);
				}
			}
			return value;
		}
		if (key.startsWith("sections.")) {
			if (value.equals(ReportContent.SUMMARY)) {
				return ReportPrefill.SUMMARY_TITLE;
			}
			if (value.equals(ReportContent.NEXT)) {
				return ReportPrefill.NEXT_TITLE;
			}
			if (value.startsWith(ReportContent.GROUP_PREFIX)) {
				String g = value.substring(ReportContent.GROUP_PREFIX.length());
				return g.equals(ReportContent.NO_GROUP) ? ReportPrefill.NO_GROUP_TITLE : "Nhóm " + g;
			}
			return value;
		}
		return null;
	}

	/** Agencies land on their reports; DoST, leaders and administrators on the completeness grid. */
	@GetMapping("/reporting")
	String home(Model model) {
		CurrentUser me = AccessPolicy.current();
		if (me.seesEveryAgency()) {
			return "redirect:/reporting/completeness";
		}
		LocalDate today = clock.today();
		model.addAttribute("rows", reports.forAgency(me.agencyId()));
		model.addAttribute("counts", completeness.forAgency(me.agencyId(), today.getYear(), today));
		model.addAttribute("year", today.getYear());
		model.addAttribute("canReport", access.canReport(me, me.agencyId()));
		return "reporting/my";
	}

	@GetMapping("/reporting/reports/{id}")
	String page(@PathVariable long id, Model model, java.util.Locale locale) {
		CurrentUser me = AccessPolicy.current();
		ReportView view = reports.view(id);
		LocalDate today = clock.today();
		boolean own = access.canReport(me, view.row().agencyId());
		boolean open = own && view.row().expected() && view.row().period().hasStarted(today) && !view.row().lockedFor(today);
		ReportState s = view.row().state();
		model.addAttribute("v", view);
		model.addAttribute("r", view.row());
		model.addAttribute("c", view.content());
		model.addAttribute("cell", view.row().cell(today));
		model.addAttribute("own", own);
		model.addAttribute("canEdit", open && s.isEditable() && s != ReportState.NOT_STARTED);
		model.addAttribute("canStart", open && s == ReportState.NOT_STARTED);
		model.addAttribute("canApprove", open && me.is(Role.AGENCY_HEAD) && (s == ReportState.DRAFT || s == ReportState.RETURNED));
		model.addAttribute("canSubmit", open && s == ReportState.APPROVED);
		model.addAttribute("dost", me.is(Role.SECRETARIAT));
		model.addAttribute("canDecide", me.is(Role.SECRETARIAT) && s == ReportState.SUBMITTED);
		model.addAttribute("canReopen", me.is(Role.SECRETARIAT) && view.row().period().isLocked(today) && !s.isReceived());
		model.addAttribute("locked", view.row().lockedFor(today));
		model.addAttribute("steps", reports.steps(id));
		model.addAttribute("changes", own ? reports.changes(id).stream().map(e -> java.util.Map.entry(e,
				story.of(e, locale, (key, value) -> reportValue(key, value, locale)))).toList() : List.of());
		model.addAttribute("themes", ReportTheme.values());
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", null);
		}
		return "reporting/report";
	}

	@PostMapping("/reporting/reports/{id}/start")
	String start(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> reports.start(id), "flash.report.drafted");
	}

	@PostMapping("/reporting/reports/{id}/save")
	String save(@PathVariable long id, @RequestParam(required = false) Long version, HttpServletRequest request,
			RedirectAttributes redirect) {
		Edit edit = null;
		try {
			edit = edit(request);
			reports.save(id, edit, version);
			Flash.done(redirect, "flash.report.saved");
		}
		catch (DomainException e) {
			Flash.error(redirect, e instanceof FieldsRefused ? Flash.text("form.notSaved") : e.getMessage());
			besideFields(redirect, e);
			redirect.addFlashAttribute("typed", edit);
		}
		return "redirect:/reporting/reports/" + id;
	}

	@PostMapping("/reporting/reports/{id}/refresh")
	String refresh(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(id, redirect, () -> reports.refresh(id, version), "flash.reporting.inputsRefreshed");
	}

	@PostMapping("/reporting/reports/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(id, redirect, () -> reports.approve(id, version), "flash.report.approved");
	}

	@PostMapping("/reporting/reports/{id}/submit")
	String submit(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(id, redirect, () -> reports.submit(id, version), "flash.report.submitted");
	}

	@PostMapping("/reporting/reports/{id}/accept")
	String accept(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> reports.accept(id), "flash.report.accepted");
	}

	@PostMapping("/reporting/reports/{id}/return")
	String giveBack(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		// the reason's problem beside it, what was typed kept
		FieldErrors f = new FieldErrors();
		f.keep(DECISION_FORM, "return");
		try {
			reports.returnReport(id, reason, f);
			Flash.done(redirect, "flash.report.returned");
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/reporting/reports/" + id;
	}

	@PostMapping("/reporting/reports/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam(required = false) String until,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		// the day and the reason checked together, each problem beside its field, what was typed kept
		FieldErrors f = new FieldErrors();
		f.keep(DECISION_FORM, "reopen");
		try {
			LocalDate day = f.check("until", () -> typedDay(until, Flash.text("report.reopen.untilField")));
			reports.reopen(id, day, reason, f);
			Flash.done(redirect, "flash.report.reopened");
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/reporting/reports/" + id;
	}

	/** Which of DoST's forms (return, reopen) a refusal belongs to. */
	static final String DECISION_FORM = "decisionForm";

	/** A day typed as dd/MM/yyyy, {@code null} when blank; the message names the field. */
	static LocalDate typedDay(String typed, String what) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(typed.strip(),
					vn.nq57.kernel.VnFormat.TYPED_DATE.withResolverStyle(java.time.format.ResolverStyle.STRICT));
		}
		catch (RuntimeException e) {
			throw new DomainException(Flash.text("form.badDate", what, typed.strip()));
		}
	}

	private String act(long id, RedirectAttributes redirect, Runnable action, String done) {
		try {
			action.run();
			Flash.done(redirect, done);
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			besideFields(redirect, e);
		}
		return "redirect:/reporting/reports/" + id;
	}

	/** The problems a refusal names field by field, for the page to show beside each section or list. */
	private static void besideFields(RedirectAttributes redirect, DomainException e) {
		if (e instanceof FieldsRefused f) {
			redirect.addFlashAttribute(FieldErrors.ATTRIBUTE, f.fields());
		}
	}

	/** Reads repeated fields as the browser sent them (never split at commas). */
	static Edit edit(HttpServletRequest request) {
		Map<String, String> sections = new LinkedHashMap<>();
		String[] codes = values(request, "code");
		String[] bodies = values(request, "body");
		for (int i = 0; i < codes.length && i < bodies.length; i++) {
			sections.put(codes[i], bodies[i]);
		}
		return new Edit(sections, items(request, "obstacle"), items(request, "proposal"));
	}

	private static List<ItemInput> items(HttpServletRequest request, String prefix) {
		String[] themes = values(request, prefix + "Theme");
		String[] texts = values(request, prefix + "Text");
		List<ItemInput> out = new ArrayList<>();
		for (int i = 0; i < texts.length; i++) {
			ReportTheme theme = null;
			if (i < themes.length && !themes[i].isBlank()) {
				try {
					theme = ReportTheme.valueOf(themes[i]);
				}
				catch (IllegalArgumentException e) {
					throw new DomainException("Nhóm vấn đề “" + themes[i] + "” không hợp lệ");
				}
			}
			out.add(new ItemInput(theme, texts[i]));
		}
		return out;
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] v = request.getParameterValues(name);
		return v == null ? new String[0] : v;
	}
}
