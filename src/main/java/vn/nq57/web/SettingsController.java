package vn.nq57.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;
import vn.nq57.system.SettingsService;

/** "Cài đặt": the rules DoST and the administrator change without a release (due soon, urging, mail). */
@Controller
class SettingsController {

	private final SettingsService settings;
	private final AccessPolicy access;

	SettingsController(SettingsService settings, AccessPolicy access) {
		this.settings = settings;
		this.access = access;
	}

	@GetMapping("/settings")
	String page(Model model) {
		requireAllowed();
		return show(model, Map.of());
	}

	@PostMapping("/settings")
	String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		requireAllowed();
		Map<String, String> typed = new LinkedHashMap<>();
		settings.specs().forEach(s -> {
			if (form.containsKey(s.key())) {
				typed.put(s.key(), form.get(s.key()));
			}
		});
		try {
			int changed = settings.save(typed);
			if (changed == 0) {
				Flash.done(redirect, "flash.settings.unchanged");
			}
			else {
				Flash.done(redirect, "flash.settings.saved", String.valueOf(changed));
			}
			return "redirect:/settings";
		}
		catch (DomainException e) {
			model.addAttribute("error", e.getMessage());
			if (e instanceof vn.nq57.system.FieldsRefused f) {
				model.addAttribute(vn.nq57.system.FieldErrors.ATTRIBUTE, f.fields());
			}
			return show(model, typed);
		}
	}

	private String show(Model model, Map<String, String> typed) {
		Map<String, List<SettingsService.Current>> sections = new LinkedHashMap<>();
		settings.current().forEach(c -> sections.computeIfAbsent(c.spec().section(), k -> new java.util.ArrayList<>())
			.add(typed.containsKey(c.spec().key()) ? new SettingsService.Current(c.spec(), typed.get(c.spec().key())) : c));
		model.addAttribute("sections", sections);
		return "web/settings";
	}

	private void requireAllowed() {
		CurrentUser me = AccessPolicy.current();
		access.require(me.is(Role.ADMIN) || me.is(Role.SECRETARIAT), "SETTING", null, "đổi cài đặt hệ thống");
	}
}
