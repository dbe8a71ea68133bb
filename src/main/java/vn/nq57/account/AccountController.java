package vn.nq57.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.system.DomainException;

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
			redirect.addFlashAttribute("flash", "Đã đổi mật khẩu");
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/account";
	}

	@PostMapping("/account/token")
	String issueToken(RedirectAttributes redirect) {
		String token = users.issueApiToken(AccessPolicy.current().id());
		redirect.addFlashAttribute("token", token);
		redirect.addFlashAttribute("flash", "Đã cấp mã truy cập API mới; mã cũ (nếu có) không còn dùng được");
		return "redirect:/account";
	}

	@PostMapping("/account/token/revoke")
	String revokeToken(RedirectAttributes redirect) {
		users.revokeApiToken(AccessPolicy.current().id());
		redirect.addFlashAttribute("flash", "Đã thu hồi mã truy cập API");
		return "redirect:/account";
	}
}
