package vn.nq57.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;

/** Sends each role to the screen it starts its day with. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		CurrentUser me = AccessPolicy.current();
		if (me.is(Role.ADMIN)) {
			return "redirect:/admin/agencies";
		}
		if (me.is(Role.LEADER) || me.is(Role.SECRETARIAT)) {
			return "redirect:/overview";
		}
		return "redirect:/my";
	}
}
