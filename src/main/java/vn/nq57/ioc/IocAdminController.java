package vn.nq57.ioc;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;

/** ADMIN's page of the feed ({@code /admin/ioc}): machine clients (create, revoke), webhook deliveries (replay). */
@Controller
class IocAdminController {

	private final IocClients clients;
	private final IocWebhooks webhooks;

	IocAdminController(IocClients clients, IocWebhooks webhooks) {
		this.clients = clients;
		this.webhooks = webhooks;
	}

	@GetMapping("/admin/ioc")
	String page(Model model) {
		model.addAttribute("clients", clients.all());
		model.addAttribute("deliveries", webhooks.recent(50));
		model.addAttribute("scopes", IocScope.values());
		return "ioc/admin";
	}

	@PostMapping("/admin/ioc/clients")
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> scope,
			@RequestParam(defaultValue = "120") String rate, @RequestParam(defaultValue = "") String webhookUrl, Model model) {
		Set<IocScope> scopes = EnumSet.noneOf(IocScope.class);
		if (scope != null) {
			scope.stream().map(IocScope::of).filter(s -> s != null).forEach(scopes::add);
		}
		// every field checked at once, each problem beside its field, what was typed kept (no secret is typed here)
		vn.nq57.system.FieldErrors f = new vn.nq57.system.FieldErrors();
		try {
			Integer r = f.check("rate", () -> {
				try {
					return Integer.parseInt(rate.strip());
				}
				catch (NumberFormatException e) {
					throw new DomainException("Giới hạn số lần gọi mỗi phút phải là một số nguyên");
				}
			});
			model.addAttribute("issued", clients.create(name, scopes, r, webhookUrl, f));
		}
		catch (vn.nq57.system.FieldsRefused e) {
			vn.nq57.system.FieldErrors kept = e.fields();
			kept.keep("name", name).keep("rate", rate).keep("webhookUrl", webhookUrl)
				.keep("scope", String.join(",", scope == null ? List.of() : scope));
			model.addAttribute(vn.nq57.system.FieldErrors.ATTRIBUTE, kept);
			model.addAttribute("error", Flash.text("form.notSaved"));
		}
		catch (DomainException e) {
			model.addAttribute("error", e.getMessage());
		}
		return page(model);
	}

	@PostMapping("/admin/ioc/clients/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		try {
			clients.revoke(id);
			Flash.done(redirect, "ioc.revoked");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/admin/ioc";
	}

	@PostMapping("/admin/ioc/deliveries/{id}/replay")
	String replay(@PathVariable long id, RedirectAttributes redirect) {
		try {
			webhooks.replay(id);
			Flash.done(redirect, "ioc.replayed");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/admin/ioc";
	}
}
