package vn.nq57.account;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The application's menu as one table: the route, the message key of its label and the roles that may open it.
 * The layout draws a user's menu from it and {@link AccessPolicy#requireRoute} refuses the same routes to every
 * other role, so what a user sees and what they may open cannot drift apart. Only the route itself is governed
 * here; what lies under it ({@code /tasks/{id}}, {@code /indicators/{code}}) is decided by its controller.
 */
public final class Menu {

	/** One menu entry: {@code path} is matched exactly. */
	public record Entry(String path, String labelKey, Set<Role> roles) {

		public boolean allows(Role role) {
			return roles.contains(role);
		}
	}

	private static final Set<Role> ALL = EnumSet.allOf(Role.class);

	private static final Set<Role> AGENCY_STAFF = EnumSet.of(Role.AGENCY_OFFICER, Role.AGENCY_HEAD);

	private static final Set<Role> PROVINCE = EnumSet.of(Role.SECRETARIAT, Role.LEADER, Role.ADMIN);

	private static final List<Entry> ENTRIES = List.of(
			new Entry("/my", "menu.my", AGENCY_STAFF),
			new Entry("/overview", "menu.overview", PROVINCE),
			new Entry("/tasks", "menu.tasks", ALL),
			new Entry("/reporting", "menu.reporting", ALL),
			new Entry("/indicators", "menu.indicators", PROVINCE),
			new Entry("/indicators/entry", "menu.indicatorEntry", AGENCY_STAFF),
			new Entry("/claims", "menu.claims", EnumSet.of(Role.SECRETARIAT, Role.AGENCY_HEAD)),
			new Entry("/plans", "menu.plans", EnumSet.of(Role.SECRETARIAT, Role.LEADER)),
			new Entry("/intake", "menu.intake", EnumSet.of(Role.SECRETARIAT)),
			new Entry("/admin/agencies", "menu.agencies", EnumSet.of(Role.ADMIN)),
			new Entry("/admin/users", "menu.users", EnumSet.of(Role.ADMIN)),
			new Entry("/admin/notifications", "menu.mail", EnumSet.of(Role.ADMIN)),
			new Entry("/urging", "menu.urging", EnumSet.of(Role.SECRETARIAT, Role.LEADER)),
			new Entry("/notifications", "menu.notifications", ALL),
			// the Board's staff edit, DoST and leaders view; other agencies' officers get the investor view
			new Entry("/map", "menu.map", ALL),
			new Entry("/reporting/regimes", "menu.regimes", PROVINCE),
			new Entry("/settings", "menu.settings", EnumSet.of(Role.SECRETARIAT, Role.ADMIN)));

	private Menu() {
	}

	public static List<Entry> entries() {
		return ENTRIES;
	}

	/** The entries a role sees, in menu order. */
	public static List<Entry> of(Role role) {
		return ENTRIES.stream().filter(e -> e.allows(role)).toList();
	}

	/** The entry governing exactly this path, if it is a menu route. */
	public static Optional<Entry> route(String path) {
		String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		return ENTRIES.stream().filter(e -> e.path().equals(p)).findFirst();
	}
}
