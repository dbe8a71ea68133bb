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
	String changeRule(@PathVariable long id, @RequestParam(required = false) LocalDate validFrom,
			@RequestParam(defaultValue = "false") boolean suspend, @RequestParam(required = false) Integer dueMonth,
			@RequestParam(required = false) Integer dueDay, @RequestParam(defaultValue = "false") boolean dueBefore,
			@RequestParam(required = false) Integer windowEndMonth, @RequestParam(required = false) Integer windowEndDay,
			@RequestParam(required = false) Integer graceDays, @RequestParam(required = false) List<String> kinds,
			@RequestParam(required = false) String note, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		return act(redirect, () -> regimes.changeRule(id, validFrom,
				suspend ? null : rule(dueMonth, dueDay, dueBefore, windowEndMonth, windowEndDay, graceDays), kinds(kinds),
				note, version), "flash.regime.ruleSaved");
	}

	@PostMapping("/reporting/regimes/{id}/expected-from")
	String expectedFrom(@PathVariable long id, @RequestParam(required = false) LocalDate expectedFrom,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(redirect, () -> regimes.setExpectedFrom(id, expectedFrom, note),
				"flash.regime.trackingStartSaved");
	}

	@PostMapping("/reporting/regimes")
	String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) Frequency frequency, @RequestParam(required = false) String sourceNote,
			@RequestParam(required = false) LocalDate validFrom, @RequestParam(required = false) Integer dueMonth,
			@RequestParam(required = false) Integer dueDay, @RequestParam(defaultValue = "false") boolean dueBefore,
			@RequestParam(required = false) Integer windowEndMonth, @RequestParam(required = false) Integer windowEndDay,
			@RequestParam(required = false) Integer graceDays, @RequestParam(required = false) List<String> kinds,
			RedirectAttributes redirect) {
		return act(redirect, () -> regimes.createRegime(code, name, frequency, null, sourceNote, validFrom,
				rule(dueMonth, dueDay, dueBefore, windowEndMonth, windowEndDay, graceDays), kinds(kinds)),
				"flash.regime.created");
	}

	@PostMapping("/reporting/regimes/{id}/agencies")
	String addAgency(@PathVariable long id, @RequestParam(required = false) Long agencyId,
			@RequestParam(defaultValue = "INCLUDE") String mode, @RequestParam(required = false) LocalDate validFrom,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(redirect, () -> {
			if (agencyId == null) {
				throw new DomainException("Chưa chọn cơ quan, đơn vị");
			}
			regimes.addAgencyRule(id, agencyId, !"EXCLUDE".equals(mode), validFrom, note);
		}, "flash.regime.kindsSaved");
	}

	@PostMapping("/reporting/regimes/agencies/{ruleId}/end")
	String endAgency(@PathVariable long ruleId, @RequestParam(required = false) LocalDate validTo,
			RedirectAttributes redirect) {
		return act(redirect, () -> regimes.endAgencyRule(ruleId, validTo), "flash.regime.agencyRuleEnded");
	}

	@PostMapping("/reporting/spans")
	String span(@RequestParam(required = false) Long agencyId, @RequestParam(required = false) LocalDate reportsFrom,
			@RequestParam(required = false) LocalDate reportsUntil, @RequestParam(required = false) Long successorId,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return act(redirect, () -> {
			if (agencyId == null) {
				throw new DomainException("Chưa chọn cơ quan, đơn vị");
			}
			regimes.setSpan(agencyId, reportsFrom, reportsUntil, successorId, note);
		}, "flash.regime.spanSaved");
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

	private static Rule rule(Integer dueMonth, Integer dueDay, boolean dueBefore, Integer windowEndMonth,
			Integer windowEndDay, Integer graceDays) {
		if (dueMonth == null || dueDay == null || windowEndMonth == null || windowEndDay == null || graceDays == null) {
			throw new DomainException("Cần nhập đủ hạn gửi (tháng, ngày), ngày chốt số liệu (tháng, ngày) và số ngày gia hạn");
		}
		try {
			return new Rule(dueMonth, dueDay, dueBefore, windowEndMonth, windowEndDay, graceDays);
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(e.getMessage());
		}
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
