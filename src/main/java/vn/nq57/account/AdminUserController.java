package vn.nq57.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;

/** ADMIN: accounts, each tied to one agency and one role. */
@Controller
@RequestMapping("/admin/users")
class AdminUserController {

	private final UserService users;
	private final AgencyDirectory agencies;

	AdminUserController(UserService users, AgencyDirectory agencies) {
		this.users = users;
		this.agencies = agencies;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", users.all());
		model.addAttribute("agencies", agencies.refs(users.all().stream().map(AppUser::getAgencyId).toList()));
		return "account/users";
	}

	@GetMapping({ "/new", "/{id}" })
	String form(@PathVariable(required = false) Long id, Model model) {
		model.addAttribute("user", id == null ? null : users.get(id));
		model.addAttribute("roles", Role.values());
		model.addAttribute("agencyOptions", agencies.active());
		return "account/user-form";
	}

	@PostMapping({ "/new", "/{id}" })
	String save(@PathVariable(required = false) Long id, @RequestParam(required = false) String username,
			@RequestParam(required = false) String password, @RequestParam String fullName,
			@RequestParam(required = false) String email, @RequestParam Role role, @RequestParam long agencyId,
			@RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect, Model model) {
		try {
			if (id == null) {
				users.create(username, password, fullName, email, role, agencyId);
			}
			else {
				users.update(id, fullName, email, role, agencyId, enabled);
				if (password != null && !password.isBlank()) {
					users.resetPassword(id, password);
				}
			}
			Flash.done(redirect, "flash.user.saved");
			return "redirect:/admin/users";
		}
		catch (DomainException e) {
			model.addAttribute("error", e.getMessage());
			return form(id, model);
		}
	}
}
