package vn.nq57.web;

import java.time.LocalDate;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.nq57.account.CurrentUser;
import vn.nq57.system.AppClock;

/** What every page's header shows: who is signed in, for which agency, and the application's day. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAdvice {

	private final AppClock clock;

	LayoutAdvice(AppClock clock) {
		this.clock = clock;
	}

	@ModelAttribute("me")
	CurrentUser me() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser u ? u : null;
	}

	@ModelAttribute("today")
	LocalDate today() {
		return clock.today();
	}

	@ModelAttribute("clockFixed")
	boolean clockFixed() {
		return clock.isFixed();
	}
}
