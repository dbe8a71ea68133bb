package vn.nq57.indicator;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;

/** DoST's page for the indicator set's checks (the jump rule). */
@Controller
class IndicatorSettingsController {

	private final IndicatorSettings settings;
	private final IndicatorAccess access;

	IndicatorSettingsController(IndicatorSettings settings, IndicatorAccess access) {
		this.settings = settings;
		this.access = access;
	}

	@GetMapping("/indicators/settings")
	String show(Model model) {
		access.requireManage("xem, sửa quy tắc kiểm tra số liệu chỉ số (chỉ Sở KH&CN)");
		ValueChecks.JumpRule r = settings.jumpRule();
		return page(model, VnNumber.compact(r.sigmas(), 4), VnNumber.compact(r.minPct(), 4), String.valueOf(r.series()), r);
	}

	@PostMapping("/indicators/settings")
	String save(@RequestParam(required = false) String sigmas, @RequestParam(required = false) String minPct,
			@RequestParam(required = false) String series, Model model, RedirectAttributes redirect) {
		try {
			ValueChecks.JumpRule r = settings.setJumpRule(sigmas, minPct, series);
			Flash.done(redirect, "flash.indicator.ruleSaved", r.describe());
			return "redirect:/indicators/settings";
		}
		catch (org.springframework.security.access.AccessDeniedException e) {
			throw e;
		}
		catch (DomainException e) {
			model.addAttribute("error", e.getMessage() + " — chưa lưu thay đổi nào.");
			return page(model, sigmas, minPct, series, settings.jumpRule());
		}
	}

	private static String page(Model model, String sigmas, String minPct, String series, ValueChecks.JumpRule current) {
		model.addAttribute("sigmas", sigmas == null ? "" : sigmas);
		model.addAttribute("minPct", minPct == null ? "" : minPct);
		model.addAttribute("series", series == null ? "" : series);
		model.addAttribute("current", current.describe());
		model.addAttribute("minSeries", ValueChecks.MIN_SERIES);
		model.addAttribute("maxSeries", ValueChecks.MAX_SERIES);
		return "indicator/settings";
	}
}
