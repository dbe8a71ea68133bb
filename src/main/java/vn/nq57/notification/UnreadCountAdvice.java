package vn.nq57.notification;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.nq57.account.CurrentUser;

/** Adds the unread count to every page's model, for the badge in the app bar (nothing else depends on this package). */
@ControllerAdvice(annotations = Controller.class)
class UnreadCountAdvice {

	private final NotificationCentre centre;

	UnreadCountAdvice(NotificationCentre centre) {
		this.centre = centre;
	}

	@ModelAttribute("unreadCount")
	Long unreadCount() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser u ? centre.unreadCount(u.id()) : null;
	}
}
