package vn.nq57.account;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.nq57.system.AuditLog;

/**
 * Who may do what, decided on the server for pages and API alike. Every refusal is written to the audit
 * trail before the 403.
 */
@Component
public class AccessPolicy {

	/**
	 * Request attribute set when the authorisation matrix ({@code authz/*.tsv}) refuses the user's role the route;
	 * the handler still runs, so its own refusal (with its own words) answers, and a request it could not even read
	 * (a missing field: 400) answers 403 instead ({@code web.ErrorAdvice}).
	 */
	public static final String ROUTE_REFUSED = "nq57.authz.refused";

	/** Set when that 403 was answered in place of a 400. */
	public static final String ROUTE_REFUSED_ANSWERED = "nq57.authz.refusedAnswered";

	private final AuditLog audit;

	AccessPolicy(AuditLog audit) {
		this.audit = audit;
	}

	public static CurrentUser current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CurrentUser u) {
			return u;
		}
		throw new AccessDeniedException("Chưa đăng nhập");
	}

	/** The user may read the progress, claims and drafts of this agency's assignments. */
	public boolean canReadAgencyWork(CurrentUser user, Long agencyId) {
		return user.seesEveryAgency() || user.actsFor(agencyId);
	}

	/** The user may post progress or claim completion on this agency's assignments. */
	public boolean canReport(CurrentUser user, Long agencyId) {
		return (user.is(Role.AGENCY_OFFICER) || user.is(Role.AGENCY_HEAD)) && user.actsFor(agencyId);
	}

	public boolean canManagePlans(CurrentUser user) {
		return user.is(Role.SECRETARIAT);
	}

	/** Whether the user may open this path: a menu route only by the roles {@link Menu} lists; anything else is left to its controller. */
	public boolean mayOpen(CurrentUser user, String path) {
		return Menu.route(path).map(e -> e.allows(user.role())).orElse(true);
	}

	/** Refuses (403, audited) a menu route to a role the menu does not show it to. */
	public void requireRoute(String path) {
		Menu.route(path).ifPresent(e -> require(e.allows(current().role()), "PAGE", null, "mở trang " + e.path()));
	}

	public void require(boolean allowed, String entityType, Long entityId, String what) {
		if (!allowed) {
			CurrentUser user = current();
			audit.denied(entityType, entityId, user.username() + " (" + user.role() + ", " + user.agencyName()
					+ ") bị từ chối: " + what);
			throw new AccessDeniedException("Bạn không có quyền " + what);
		}
	}
}
