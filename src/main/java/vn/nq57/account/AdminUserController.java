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
		AppUser user = id == null ? null : users.get(id);
		model.addAttribute("user", user);
		model.addAttribute("roles", Role.values());
		if (!model.containsAttribute("agencyChosen")) {
			model.addAttribute("agencyChosen", user == null ? null : user.getAgencyId());
		}
		return "account/user-form";
	}

	@PostMapping({ "/new", "/{id}" })
	String save(@PathVariable(required = false) Long id, @RequestParam(required = false) String username,
			@RequestParam(required = false) String password, @RequestParam(required = false) String fullName,
			@RequestParam(required = false) String email, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Long agencyId, @RequestParam(defaultValue = "false") boolean enabled,
			vn.nq57.system.FieldErrors problems, RedirectAttributes redirect, Model model) {
		// every problem at once, each beside its field; what was typed stays in the form (param.*)
		users.check(id == null, id == null ? username : users.find(id).map(AppUser::getUsername).orElse(username),
				password, fullName, email, problems);
		if (role == null) {
			problems.reject("role", "Chưa chọn vai trò");
		}
		if (agencyId == null && !problems.has("agencyId")) {
			problems.reject("agencyId", "Chưa chọn cơ quan, đơn vị");
		}
		model.addAttribute("agencyChosen", agencyId);
		if (!problems.isEmpty()) {
			model.addAttribute("error", vn.nq57.system.Flash.text("form.notSaved"));
			return form(id, model);
		}
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
			if (e.field() != null) {
				problems.reject(e.field(), e.getMessage());
				model.addAttribute("error", vn.nq57.system.Flash.text("form.notSaved"));
			}
			else {
				model.addAttribute("error", e.getMessage());
			}
			return form(id, model);
		}
	}
}
