package vn.nq57.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import vn.nq57.account.CurrentUser;
import vn.nq57.account.Menu;
import vn.nq57.system.AppClock;

/**
 * What every page's header shows: who is signed in, for which agency, the application's day, the user's menu (from
 * {@link Menu}, the table that also authorises those routes) and the links to this page in the other language.
 */
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

	@ModelAttribute("menu")
	List<Menu.Group> menu() {
		CurrentUser me = me();
		return me == null ? List.of() : Menu.groups(me.role());
	}

	@ModelAttribute("langEn")
	String langEn(HttpServletRequest request) {
		return samePageIn(request, "en");
	}

	@ModelAttribute("langVi")
	String langVi(HttpServletRequest request) {
		return samePageIn(request, "vi");
	}

	/**
	 * This page (its query kept) with ?lang=…, as a path without host (behind a proxy the host the application sees
	 * is not the one the user typed); after a form post, the address the form was posted to.
	 */
	static String samePageIn(HttpServletRequest request, String lang) {
		String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
		return UriComponentsBuilder.fromUriString(request.getRequestURI() + (query == null ? "" : "?" + query))
			.replaceQueryParam("lang", lang)
			.build()
			.toUriString();
	}
}
