package vn.nq57.indicator;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Where each indicator of the scoreboard stands against its target on a day, for other modules (the session brief,
 * the leaders' board, the ranking of agencies): the same assessment as the scoreboard, as plain texts.
 */
@Component
public class IndicatorStandings {

	/**
	 * @param status one of ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, NO_TARGET, NO_DATA
	 * @param statusLabel the status in Vietnamese ("Chậm so với lộ trình")
	 */
	public record Standing(String code, String name, long responsibleAgencyId, String agencyName, String period,
			String value, String target, String expected, String status, String statusLabel) {

		/** Whether the figure is judged against a target at all. */
		public boolean judged() {
			return !"NO_TARGET".equals(status) && !"NO_DATA".equals(status);
		}

		/** Met, or on its trajectory. */
		public boolean onCourse() {
			return "ACHIEVED".equals(status) || "ON_TRACK".equals(status);
		}

		public boolean behind() {
			return "AT_RISK".equals(status) || "OFF_TRACK".equals(status);
		}
	}

	private final IndicatorQueries queries;

	IndicatorStandings(IndicatorQueries queries) {
		this.queries = queries;
	}

	/**
	 * Every indicator of the scoreboard as it stood at the end of {@code day}; today (or null, or a later day) from the
	 * kept figures, as the scoreboard shows them.
	 */
	public List<Standing> on(LocalDate day) {
		LocalDate asOf = day == null || !day.isBefore(queries.today()) ? null : day;
		return queries.scoreboard(null, null, asOf).rows().stream().map(r -> {
			IndicatorQueries.Shown s = r.shown();
			return new Standing(r.ind().code(), r.ind().name(), r.ind().responsibleAgencyId(), r.agencyName(), s.period(),
					s.value(), s.target(), s.expected(), r.status().name(), r.status().label());
		}).toList();
	}
}
