/**
 * The Steering Committee's session cycle and the leaders' boards: sessions and their brief, conclusion items
 * drafted in the system and issued as a notice whose items become tasks of the directive ({@code TaskImport}),
 * boards leaders compose from widgets, and the ranking of agencies by weighted criteria. Owns the
 * {@code steering_*} tables; reads the others through their published views. Other modules extend it with beans:
 * {@link vn.nq57.steering.BriefSection}, {@link vn.nq57.steering.BoardWidget}, {@link vn.nq57.steering.RankingCriterion}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "task", "reporting", "indicator", "account",
		"agency", "deadline", "officialdoc", "system", "kernel" })
package vn.nq57.steering;
