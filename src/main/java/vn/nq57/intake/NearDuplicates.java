package vn.nq57.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds tasks already in the system that a new row may repeat. PostgreSQL does the search, with pg_trgm
 * over the indexed {@code task.search} column (GIN trigram index, V4__plan.sql), so the cost grows with the
 * matches, not with the number of tasks; the few candidates it returns are then scored with
 * {@link Similarity} exactly as rows within a file are.
 */
@Component
class NearDuplicates {

	/** A task in the system that a row may repeat. */
	record Match(long taskId, String stt, String title, String planTitle, String groupCode, String directive,
			double similarity) {
	}

	/** Loose on purpose: it only picks candidates; {@link Similarity#NEAR_DUPLICATE} decides. */
	static final double CANDIDATE_THRESHOLD = 0.3;

	static final int PER_ROW = 3;

	private final JdbcTemplate jdbc;

	NearDuplicates(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * For each title (by its index in the list), the tasks in the system it is a near-duplicate of, best first.
	 * {@code searchTexts} are the rows written as {@code task.search} is (STT, title, output, head), to find the
	 * candidates. Tasks of {@code excludePlanId} are left out: a revised plan is compared with its own tasks by
	 * the diff.
	 */
	Map<Integer, List<Match>> find(List<String> texts, List<String> searchTexts, Long excludePlanId) {
		Map<Integer, List<Match>> out = new HashMap<>();
		if (texts.isEmpty()) {
			return out;
		}
		String[] keys = searchTexts.stream().map(t -> t == null ? "" : VnText.key(t)).toArray(String[]::new);
		List<Object[]> raw = jdbc.execute((ConnectionCallback<List<Object[]>>) con -> {
			boolean auto = con.getAutoCommit();
			try (var st = con.createStatement()) {
				if (auto) {
					con.setAutoCommit(false);
				}
				// transaction-local: the pooled connection goes back with the server's default
				st.execute("SET LOCAL pg_trgm.similarity_threshold = " + CANDIDATE_THRESHOLD);
				try (var ps = con.prepareStatement("""
						SELECT q.idx, t.id, t.stt, t.title, p.title AS plan_title, g.code, d.number
						FROM unnest(?::text[]) WITH ORDINALITY AS q(k, idx)
						CROSS JOIN LATERAL (
						  SELECT c.id FROM task c
						  WHERE q.k <> '' AND c.search % q.k AND (?::bigint IS NULL OR c.plan_id IS DISTINCT FROM ?)
						  ORDER BY similarity(c.search, q.k) DESC LIMIT ?) best
						JOIN task t ON t.id = best.id
						LEFT JOIN plan p ON p.id = t.plan_id
						LEFT JOIN task_group g ON g.id = t.group_id
						LEFT JOIN directive d ON d.id = t.directive_id""")) {
					ps.setArray(1, con.createArrayOf("text", keys));
					for (int p : new int[] { 2, 3 }) {
						if (excludePlanId == null) {
							ps.setNull(p, java.sql.Types.BIGINT);
						}
						else {
							ps.setLong(p, excludePlanId);
						}
					}
					ps.setInt(4, PER_ROW * 2);
					List<Object[]> rows = new ArrayList<>();
					try (var rs = ps.executeQuery()) {
						while (rs.next()) {
							rows.add(new Object[] { rs.getInt(1) - 1, rs.getLong(2), rs.getString(3), rs.getString(4),
									rs.getString(5), rs.getString(6), rs.getString(7) });
						}
					}
					return rows;
				}
			}
			finally {
				if (auto) {
					con.rollback();
					con.setAutoCommit(true);
				}
			}
		});
		Map<Integer, Set<String>> grams = new HashMap<>();
		for (Object[] r : raw) {
			int idx = (Integer) r[0];
			Set<String> mine = grams.computeIfAbsent(idx, i -> Similarity.pairs(texts.get(i)));
			double s = Similarity.score(mine, Similarity.pairs((String) r[3]));
			if (s >= Similarity.NEAR_DUPLICATE) {
				out.computeIfAbsent(idx, i -> new ArrayList<>()).add(new Match((Long) r[1], (String) r[2],
						(String) r[3], (String) r[4], (String) r[5], (String) r[6], s));
			}
		}
		out.values().forEach(l -> {
			l.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
			if (l.size() > PER_ROW) {
				l.subList(PER_ROW, l.size()).clear();
			}
		});
		return out;
	}
}
