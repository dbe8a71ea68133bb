package vn.nq57.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;

@Controller
class AccountController {

	private final UserService users;

	AccountController(UserService users) {
		this.users = users;
	}

	@GetMapping("/login")
	String login() {
		return "account/login";
	}

	@GetMapping("/account")
	String account(Model model) {
		model.addAttribute("user", users.find(AccessPolicy.current().id()).orElseThrow());
		return "account/account";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam String current, @RequestParam String next, @RequestParam String confirm,
			RedirectAttributes redirect) {
		try {
			users.changePassword(AccessPolicy.current().id(), current, next, confirm);
			Flash.done(redirect, "flash.account.passwordChanged");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/account";
	}

	@PostMapping("/account/token")
	String issueToken(RedirectAttributes redirect) {
		String token = users.issueApiToken(AccessPolicy.current().id());
		redirect.addFlashAttribute("token", token);
		Flash.done(redirect, "flash.account.tokenIssued");
		return "redirect:/account";
	}

	@PostMapping("/account/token/revoke")
	String revokeToken(RedirectAttributes redirect) {
		users.revokeApiToken(AccessPolicy.current().id());
		Flash.done(redirect, "flash.account.tokenRevoked");
		return "redirect:/account";
	}
}
