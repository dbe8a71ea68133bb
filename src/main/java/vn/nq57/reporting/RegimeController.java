package vn.nq57.reporting;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.agency.AgencyKind;
import vn.nq57.reporting.ReportingCalendar.Frequency;
import vn.nq57.reporting.ReportingCalendar.Rule;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.Flash;

/** The reporting regimes as settings: rules and their versions, who must report, agencies' reporting spans. */
@Controller
class RegimeController {

	private final RegimeService regimes;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;
	private final AppClock clock;

	RegimeController(RegimeService regimes, AgencyDirectory agencies, AccessPolicy access, AppClock clock) {
		this.regimes = regimes;
		this.agencies = agencies;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/reporting/regimes")
	String page(Model model) {
		CurrentUser me = AccessPolicy.current();
		access.require(me.seesEveryAgency(), "REPORTING_REGIME", null, "xem chế độ báo cáo");
		List<RegimeService.Regime> all = regimes.regimes();
		Map<Long, List<RegimeService.AgencyRule>> rules = new LinkedHashMap<>();
		all.forEach(r -> rules.put(r.id(), regimes.agencyRules(r.id())));
		LocalDate today = clock.today();
		model.addAttribute("regimes", all);
		model.addAttribute("rules", rules);
		model.addAttribute("spans", regimes.notableSpans());
		model.addAttribute("agencies", agencies.assignable());
		model.addAttribute("kinds", Arrays.stream(AgencyKind.values()).filter(k -> k != AgencyKind.COLLECTIVE).toList());
		model.addAttribute("frequencies", Frequency.values());
		model.addAttribute("canManage", regimes.canManage(me));
		model.addAttribute("day", today);
		return "reporting/regimes";
	}

	@PostMapping("/reporting/regimes/{id}/rule")
	String changeRule(@PathVariable long id, @RequestParam(required = false) String validFrom,
			@RequestParam(defaultValue = "false") boolean suspend, @RequestParam(required = false) String dueMonth,
			@RequestParam(required = false) String dueDay, @RequestParam(defaultValue = "false") boolean dueBefore,
			@RequestParam(required = false) String windowEndMonth, @RequestParam(required = false) String windowEndDay,
			@RequestParam(required = false) String graceDays, @RequestParam(required = false) List<String> kinds,
			@RequestParam(required = false) String note, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		// every field checked at once, each problem beside its field in this regime's rule form, what was typed kept
		FieldErrors f = typed(REGIME_FORM, "rule-" + id, kinds);
		try {
			LocalDate from = f.check("validFrom", () -> ReportController.typedDay(validFrom, Flash.text("regimes.field.validFrom")));
			Rule rule = suspend ? null : rule(f, dueMonth, dueDay, dueBefore, windowEndMonth, windowEndDay, graceDays);
			Set<AgencyKind> k = f.check("kinds", () -> kinds(kinds));
			regimes.changeRule(id, from, rule, k, note, version, f);
			Flash.done(redirect, "flash.regime.ruleSaved");
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/reporting/regimes";
	}

	/** Which form of the regimes page a refusal belongs to (new, or rule-{id}). */
	static final String REGIME_FORM = "regimeForm";

	/** The problems of one form, which it is, and the kinds ticked (several values, kept as one list). */
	private static FieldErrors typed(String key, String form, List<String> kinds) {
		FieldErrors f = new FieldErrors();
		f.keep(key, form);
		f.keep("kinds", kinds == null ? "" : "," + String.join(",", kinds) + ",");
		return f;
	}

	@PostMapping("/reporting/regimes/{id}/expected-from")
	String expectedFrom(@PathVariable long id, @RequestParam(required = false) String expectedFrom,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		// the day and the note checked together, each problem beside its field in this regime's form
		FieldErrors f = typed(REGIME_FORM, "expected-" + id, null);
		try {
			LocalDate day = f.check("expectedFrom", () -> ReportController.typedDay(expectedFrom, Flash.text("regimes.field.expectedFrom")));
			regimes.setExpectedFrom(id, day, note, f);
			Flash.done(redirect, "flash.regime.trackingStartSaved");
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/reporting/regimes";
	}

	@PostMapping("/reporting/regimes")
	String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String frequency, @RequestParam(required = false) String sourceNote,
			@RequestParam(required = false) String validFrom, @RequestParam(required = false) String dueMonth,
			@RequestParam(required = false) String dueDay, @RequestParam(defaultValue = "false") boolean dueBefore,
			@RequestParam(required = false) String windowEndMonth, @RequestParam(required = false) String windowEndDay,
			@RequestParam(required = false) String graceDays, @RequestParam(required = false) List<String> kinds,
			RedirectAttributes redirect) {
		// every field checked at once, each problem beside its field, what was typed kept
		FieldErrors f = typed(REGIME_FORM, "new", kinds);
		try {
			Frequency fr = f.check("frequency", () -> frequency(frequency));
			LocalDate from = f.check("validFrom", () -> ReportController.typedDay(validFrom, Flash.text("regimes.field.validFrom")));
			Rule rule = rule(f, dueMonth, dueDay, dueBefore, windowEndMonth, windowEndDay, graceDays);
			Set<AgencyKind> k = f.check("kinds", () -> kinds(kinds));
			regimes.createRegime(code, name, fr, null, sourceNote, from, rule, k == null ? Set.of() : k, f);
			Flash.done(redirect, "flash.regime.created");
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/reporting/regimes";
	}

	private static Frequency frequency(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			return Frequency.valueOf(name.strip());
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(Flash.text("regimes.error.frequency"));
		}
	}

	@PostMapping("/reporting/regimes/{id}/agencies")
	String addAgency(@PathVariable long id, @RequestParam(required = false) Long agencyId,
			@RequestParam(defaultValue = "INCLUDE") String mode, @RequestParam(required = false) String validFrom,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		// every field checked at once, each problem beside its field in this regime's form
		FieldErrors f = typed(REGIME_FORM, "agencies-" + id, null);
		try {
			LocalDate from = f.check("validFrom", () -> ReportController.typedDay(validFrom, Flash.text("regimes.field.from")));
			regimes.addAgencyRule(id, agencyId, !"EXCLUDE".equals(mode), from, note, f);
			Flash.done(redirect, "flash.regime.kindsSaved");
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/reporting/regimes";
	}

	@PostMapping("/reporting/regimes/agencies/{ruleId}/end")
	String endAgency(@PathVariable long ruleId, @RequestParam(required = false) LocalDate validTo,
			RedirectAttributes redirect) {
		return act(redirect, () -> regimes.endAgencyRule(ruleId, validTo), "flash.regime.agencyRuleEnded");
	}

	@PostMapping("/reporting/spans")
	String span(@RequestParam(required = false) Long agencyId, @RequestParam(required = false) String reportsFrom,
			@RequestParam(required = false) String reportsUntil, @RequestParam(required = false) Long successorId,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		// every field checked at once, each problem beside its field
		FieldErrors f = typed(REGIME_FORM, "span", null);
		try {
			LocalDate from = f.check("reportsFrom", () -> ReportController.typedDay(reportsFrom, Flash.text("regimes.field.reportsFrom")));
			LocalDate until = f.check("reportsUntil", () -> ReportController.typedDay(reportsUntil, Flash.text("regimes.field.reportsUntil")));
			regimes.setSpan(agencyId, from, until, successorId, note, f);
			Flash.done(redirect, "flash.regime.spanSaved");
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/reporting/regimes";
	}

	@PostMapping("/reporting/regimes/sync")
	String sync(RedirectAttributes redirect) {
		return act(redirect, () -> {
			CurrentUser me = AccessPolicy.current();
			access.require(regimes.canManage(me), "REPORTING_REGIME", null, "cập nhật kỳ báo cáo");
			RegimeService.SyncResult r = regimes.sync();
			Flash.done(redirect, "flash.regime.synced", String.valueOf(r.periods()), String.valueOf(r.expected()),
					String.valueOf(r.added()), String.valueOf(r.removed()));
		}, null);
	}

	private String act(RedirectAttributes redirect, Runnable action, String done) {
		try {
			action.run();
			if (done != null) {
				Flash.done(redirect, done);
			}
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/reporting/regimes";
	}

	/**
	 * The rule typed in a form, each number beside its field when missing or out of range (the range the
	 * calendar allows), the order of the two days beside the cut-off day; {@code null} when any is wrong.
	 */
	private static Rule rule(FieldErrors f, String dueMonth, String dueDay, boolean dueBefore, String windowEndMonth,
			String windowEndDay, String graceDays) {
		Integer dm = f.check("dueMonth", () -> number(dueMonth, "regimes.field.dueMonth", 1, 24));
		Integer dd = f.check("dueDay", () -> number(dueDay, "regimes.field.dueDay", 1, 31));
		Integer wm = f.check("windowEndMonth", () -> number(windowEndMonth, "regimes.field.windowEndMonth", 1, 24));
		Integer wd = f.check("windowEndDay", () -> number(windowEndDay, "regimes.field.windowEndDay", 1, 31));
		Integer g = f.check("graceDays", () -> number(graceDays, "regimes.field.graceDays", 0, 366));
		if (dm == null || dd == null || wm == null || wd == null || g == null) {
			return null;
		}
		try {
			return new Rule(dm, dd, dueBefore, wm, wd, g);
		}
		catch (IllegalArgumentException e) {
			f.reject("windowEndDay", e.getMessage());
			return null;
		}
	}

	/** A whole number typed in a field of the rule, from {@code min} to {@code max}. */
	private static Integer number(String typed, String labelKey, int min, int max) {
		String label = Flash.text(labelKey);
		if (typed == null || typed.isBlank()) {
			throw new DomainException(Flash.text("form.required", label));
		}
		try {
			int v = Integer.parseInt(typed.strip());
			if (v >= min && v <= max) {
				return v;
			}
		}
		catch (NumberFormatException e) {
			// worded below
		}
		throw new DomainException(Flash.text("regimes.error.number", label, typed.strip(), min, max));
	}

	private static Set<AgencyKind> kinds(List<String> names) {
		Set<AgencyKind> out = EnumSet.noneOf(AgencyKind.class);
		if (names != null) {
			for (String n : names) {
				try {
					out.add(AgencyKind.valueOf(n));
				}
				catch (IllegalArgumentException e) {
					throw new DomainException("Loại cơ quan “" + n + "” không hợp lệ");
				}
			}
		}
		return out;
	}
}
