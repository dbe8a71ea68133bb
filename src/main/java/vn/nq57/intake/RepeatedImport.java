package vn.nq57.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an import would repeat: the same file committed before (same SHA-256), and rows whose task text is exactly
 * that of a task already in the system. One click must not duplicate a plan: before writing, the user chooses to
 * skip those rows, to import the file as a new version of the plan that holds them, or to cancel.
 */
@Component
class RepeatedImport {

	/** A committed import of the same file. */
	public record PastImport(long batchId, String fileName, Instant committedAt, Long planId, String planTitle) {
	}

	/**
	 * @param sameFile committed imports of the same file, newest first
	 * @param rows the preview indexes of kept task rows whose text is exactly an existing task's
	 * @param planId the plan holding most of those tasks (for "a new version of the plan"), or {@code null}
	 * @param planTitle its title
	 * @param tasks how many tasks the import would create as it stands
	 */
	public record Repeats(List<PastImport> sameFile, List<Integer> rows, Long planId, String planTitle, int tasks) {

		public boolean any() {
			return !sameFile.isEmpty() || !rows.isEmpty();
		}

		/** The tasks written when the repeated rows are skipped. */
		public int fresh() {
			return Math.max(0, tasks - rows.size());
		}

		static Repeats none(int tasks) {
			return new Repeats(List.of(), List.of(), null, null, tasks);
		}
	}

	private final NamedParameterJdbcTemplate jdbc;

	RepeatedImport(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The repeats of a draft import into a new plan or as a notice's tasks; a revised version of a plan (a target
	 * plan) is compared with that plan instead and repeats nothing. The near-duplicate check of the preview has
	 * brought the title index up to date.
	 */
	Repeats of(long batchId, Long targetPlanId, Preview p) {
		int tasks = p.summary().tasks();
		if (targetPlanId != null) {
			return Repeats.none(tasks);
		}
		MapSqlParameterSource params = new MapSqlParameterSource("id", batchId);
		List<PastImport> same = jdbc.query("""
				SELECT o.id, o.file_name, o.committed_at, pl.id AS plan_id, pl.title AS plan_title
				FROM intake_batch b
				JOIN intake_batch o ON o.file_sha256 = b.file_sha256 AND o.id <> b.id AND o.state = 'COMMITTED'
				LEFT JOIN plan_view pl ON pl.id = CAST(o.result ->> 'planId' AS bigint)
				WHERE b.id = :id AND b.file_sha256 IS NOT NULL
				ORDER BY o.committed_at DESC""", params, (rs, i) -> new PastImport(rs.getLong("id"),
				rs.getString("file_name"), rs.getTimestamp("committed_at").toInstant(), (Long) rs.getObject("plan_id"),
				rs.getString("plan_title")));
		List<Preview.Row> kept = p.rows().stream().filter(r -> !r.draft().group() && !r.draft().dropped()
				&& r.draft().title() != null && !r.draft().title().isBlank()).toList();
		List<Integer> rows = new ArrayList<>();
		Long planId = null;
		String planTitle = null;
		if (!kept.isEmpty()) {
			List<String> titles = kept.stream().map(r -> r.draft().title()).toList();
			Map<String, Long> planOf = new HashMap<>();
			Map<Long, Integer> perPlan = new HashMap<>();
			Map<Long, String> planTitles = new HashMap<>();
			jdbc.query("""
					SELECT t.title, t.plan_id, pl.title AS plan_title
					FROM intake_task_text x JOIN task_view t ON t.id = x.task_id
					LEFT JOIN plan_view pl ON pl.id = t.plan_id
					WHERE x.title_md5 IN (:hashes)""",
					new MapSqlParameterSource("hashes", titles.stream().map(RepeatedImport::md5).distinct().toList()), rs -> {
						String title = rs.getString(1);
						Long plan = (Long) rs.getObject(2);
						planOf.putIfAbsent(title, plan);
						if (plan != null) {
							planTitles.put(plan, rs.getString(3));
						}
					});
			for (Preview.Row r : kept) {
				if (planOf.containsKey(r.draft().title())) {
					rows.add(r.index());
					Long plan = planOf.get(r.draft().title());
					if (plan != null) {
						perPlan.merge(plan, 1, Integer::sum);
					}
				}
			}
			planId = perPlan.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
			planTitle = planId == null ? null : planTitles.get(planId);
		}
		if (planId == null && !same.isEmpty()) {
			planId = same.get(0).planId();
			planTitle = same.get(0).planTitle();
		}
		return new Repeats(same, rows, planId, planTitle, tasks);
	}

	/** The hash the title index keeps ({@code md5(title)::uuid} in SQL). */
	static java.util.UUID md5(String text) {
		try {
			byte[] d = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(d);
			return new java.util.UUID(b.getLong(), b.getLong());
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
