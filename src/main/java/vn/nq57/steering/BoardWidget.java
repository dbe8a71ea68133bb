package vn.nq57.steering;

import java.time.LocalDate;

import vn.nq57.account.CurrentUser;

/**
 * A widget a leader may put on a board. The steering module brings those of what exists (rates and categories,
 * overdue by agency, the ranking, indicators, reports completeness, conclusions' follow-up); another module adds its
 * own (money, recommendations, the map) by declaring a bean of this type.
 */
public interface BoardWidget {

	/** Stored in the board; at most 30 characters, unique. */
	String code();

	/** The name on the board and in the widget picker. */
	String title();

	int order();

	/**
	 * Whether this viewer may see the widget at all. Figures a viewer may see are also limited by
	 * {@code ctx.filter().scopeAgencyId()} (an agency's own staff see their agency only).
	 */
	default boolean visibleTo(CurrentUser user) {
		return true;
	}

	Panel render(Context ctx);

	/**
	 * @param day the day counted on (today, or the end of the chosen period)
	 * @param before the day compared with: the end of the previous period
	 * @param periodLabel "Quý IV/2026" and the like
	 */
	record Context(Filter filter, LocalDate day, LocalDate before, String periodLabel, String beforeLabel,
			java.util.function.Supplier<StatusFigures.ByAgency> countedFigures, CurrentUser user) {

		/** With figures already counted. */
		public Context(Filter filter, LocalDate day, LocalDate before, String periodLabel, String beforeLabel,
				StatusFigures.ByAgency figures, CurrentUser user) {
			this(filter, day, before, periodLabel, beforeLabel, () -> figures, user);
		}

		/**
		 * The assignments' categories per agency on both days. The board counts them while the widgets start, so a
		 * widget that does not need them (most) does not wait for them; one that does waits here.
		 */
		public StatusFigures.ByAgency figures() {
			return countedFigures.get();
		}
	}
}
