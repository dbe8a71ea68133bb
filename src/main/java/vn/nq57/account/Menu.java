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

	/**
	 * One menu entry: {@code path} is matched exactly; {@code group} is the message key of the drop-down it sits in
	 * ({@code null}: on the bar itself).
	 */
	public record Entry(String path, String labelKey, Set<Role> roles, String group) {

		/** An entry placed by its path: the tasks, reports, indicators and administration groups, else the bar. */
		public Entry(String path, String labelKey, Set<Role> roles) {
			this(path, labelKey, roles, groupOf(path));
		}

		public boolean allows(Role role) {
			return roles.contains(role);
		}
	}

	/** A drop-down of the bar (or one entry on the bar when {@code labelKey} is null or it holds one entry). */
	public record Group(String labelKey, List<Entry> entries) {

		public boolean dropDown() {
			return labelKey != null && entries.size() > 1;
		}
	}

	public static final String TASKS = "menu.group.tasks";
	public static final String REPORTS = "menu.group.reports";
	public static final String INDICATORS = "menu.group.indicators";
	public static final String ADMIN = "menu.group.admin";
	public static final String MONEY = "menu.group.money";
	public static final String CATALOGUES = "menu.group.catalogues";
	public static final String STEERING = "menu.group.steering";

	/** The group of a path: the menu fits one line at 1366 px only in groups. */
	static String groupOf(String path) {
		if (path.equals("/overview") || path.equals("/my") || path.equals("/notifications")) {
			return null;
		}
		if (path.startsWith("/tasks") || path.startsWith("/claims") || path.startsWith("/plans")
				|| path.startsWith("/intake") || path.startsWith("/urging")) {
			return TASKS;
		}
		if (path.startsWith("/reporting") || path.startsWith("/datacalls") || path.startsWith("/upward")) {
			return REPORTS;
		}
		if (path.startsWith("/steering") || path.startsWith("/boards")) {
			return STEERING;
		}
		if (path.startsWith("/funding")) {
			return MONEY;
		}
		if (path.startsWith("/catalogue") || path.startsWith("/recommendations") || path.startsWith("/public-recommendations")) {
			return CATALOGUES;
		}
		if (path.startsWith("/indicators")) {
			return INDICATORS;
		}
		if (path.startsWith("/admin") || path.startsWith("/settings")) {
			return ADMIN;
		}
		return null;
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
			new Entry("/funding", "menu.funding", ALL),
			new Entry("/funding/review", "menu.fundingReview", EnumSet.of(Role.SECRETARIAT)),
			new Entry("/claims", "menu.claims", EnumSet.of(Role.SECRETARIAT, Role.AGENCY_HEAD)),
			new Entry("/plans", "menu.plans", EnumSet.of(Role.SECRETARIAT, Role.LEADER)),
			new Entry("/intake", "menu.intake", EnumSet.of(Role.SECRETARIAT)),
			new Entry("/admin/agencies", "menu.agencies", EnumSet.of(Role.ADMIN)),
			new Entry("/admin/users", "menu.users", EnumSet.of(Role.ADMIN)),
			new Entry("/admin/notifications", "menu.mail", EnumSet.of(Role.ADMIN)),
			new Entry("/steering/sessions", "menu.sessions", PROVINCE),
			new Entry("/boards", "menu.boards", ALL),
			new Entry("/steering/ranking", "menu.ranking", PROVINCE),
			new Entry("/admin/ioc", "menu.ioc", EnumSet.of(Role.ADMIN)),
			new Entry("/urging", "menu.urging", EnumSet.of(Role.SECRETARIAT, Role.LEADER)),
			new Entry("/public-recommendations", "menu.publicInbox", EnumSet.of(Role.SECRETARIAT)),
			new Entry("/notifications", "menu.notifications", ALL),
			// the Board's staff edit, DoST and leaders view; other agencies' officers get the investor view
			new Entry("/map", "menu.map", ALL),
			new Entry("/reporting/regimes", "menu.regimes", PROVINCE),
			new Entry("/catalogue/problems", "menu.problems", ALL),
			new Entry("/catalogue/systems", "menu.systems", ALL),
			new Entry("/catalogue/tech", "menu.tech", ALL),
			new Entry("/catalogue/initiatives", "menu.initiatives", ALL),
			new Entry("/recommendations", "menu.recommendations", ALL),
			new Entry("/recommendations/obstacles", "menu.obstacles", PROVINCE),
			new Entry("/datacalls", "menu.datacalls", ALL),
			new Entry("/upward", "menu.upward", PROVINCE),
			new Entry("/settings", "menu.settings", EnumSet.of(Role.SECRETARIAT, Role.ADMIN)));

	private Menu() {
	}

	public static List<Entry> entries() {
		return ENTRIES;
	}

	/** The entries a role sees, in menu order: grouped entries together, at their group's first place. */
	public static List<Entry> of(Role role) {
		return groups(role).stream().flatMap(g -> g.entries().stream()).toList();
	}

	/** The bar a role sees: entries on the bar and drop-downs, in the order of their first entry. */
	public static List<Group> groups(Role role) {
		java.util.Map<String, List<Entry>> byGroup = new java.util.LinkedHashMap<>();
		int loose = 0;
		for (Entry e : ENTRIES) {
			if (!e.allows(role)) {
				continue;
			}
			String key = e.group() == null ? "#" + loose++ : e.group();
			byGroup.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(e);
		}
		return byGroup.entrySet().stream()
			.map(g -> new Group(g.getKey().startsWith("#") ? null : g.getKey(), List.copyOf(g.getValue()))).toList();
	}

	/** The entry governing exactly this path, if it is a menu route. */
	public static Optional<Entry> route(String path) {
		String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		return ENTRIES.stream().filter(e -> e.path().equals(p)).findFirst();
	}
}
