package vn.nq57.steering;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A section of the session brief. The steering module brings the sections of what exists (tasks, obstacles and
 * proposals, indicators, reports, the follow-up of the previous session's conclusions); another module adds its own
 * (money allocated and disbursed, recommendations, the map) by declaring a bean of this type — nothing to change
 * here. Sections are printed in {@link #order()}.
 */
public interface BriefSection {

	int order();

	/** The section for this session, or empty when it has nothing to say (scoped to {@code ctx.filter()}). */
	Optional<Panel> section(Context ctx);

	/**
	 * @param sessionId the session briefed
	 * @param day the day the figures are counted on (the session's day, or today when it is still ahead)
	 * @param before the day compared with: the previous session's day (or 90 days earlier without one)
	 * @param previousSessionId the previous session, or null
	 * @param filter every agency, or the one agency of a working session
	 * @param figures the assignments' categories per agency on both days
	 */
	record Context(long sessionId, LocalDate day, LocalDate before, Long previousSessionId, Filter filter,
			StatusFigures.ByAgency figures, String link) {
	}
}
