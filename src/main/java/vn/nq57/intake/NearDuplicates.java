package vn.nq57.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds tasks already in the system that a new row may repeat, without comparing the row with every task.
 *
 * <p>
 * PostgreSQL keeps the word pairs of every task's text in {@code intake_task_pair} (B-tree on the pair), brought
 * up to date before each check for the tasks added or edited since ({@link #refresh}). A row's candidates are
 * the tasks that share the most of its <em>distinctive</em> pairs (those found in few tasks; stock phrases every
 * task has are left out of the search, not of the score); at most {@link #CANDIDATES} per row are then scored
 * with {@link Similarity}, exactly as rows within a file are. The cost follows the number of matching tasks,
 * not the number of tasks.
 *
 * <p>
 * Why not pg_trgm over {@code task.search}: in these documents unrelated tasks share so much vocabulary that
 * their trigram similarity is 0,4–0,6 (measured on the samples), so neither a threshold nor the GIN index can
 * set them apart from true near-duplicates (0,47 and up): one row against 10,000 tasks took about 0,5 s, 300
 * rows over two minutes. See README, "Near-duplicates".
 */
@Component
class NearDuplicates {

	/** A task in the system that a row may repeat. */
	record Match(long taskId, String stt, String title, String planTitle, String groupCode, String directive,
			double similarity) {
	}

	/** Tasks scored per row, the ones sharing the most distinctive pairs. */
	static final int CANDIDATES = 12;

	static final int PER_ROW = 3;

	/** How many of a row's rarest pairs it searches by. */
	static final int SEARCH_PAIRS = 8;

	/** A pair found in more tasks than this share (and this many) is a stock phrase, not used to search. */
	static final double COMMON_SHARE = 0.02;

	static final int COMMON_MIN = 50;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate separately;

	NearDuplicates(JdbcTemplate jdbc, PlatformTransactionManager tx) {
		this.jdbc = jdbc;
		this.separately = new TransactionTemplate(tx);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Indexes the tasks added or edited since the last check, in a transaction of its own (it is derived data:
	 * a dry run that writes no task still keeps the index current). Returns how many tasks were indexed.
	 */
	int refresh() {
		Integer n = separately.execute(status -> {
			jdbc.queryForObject("SELECT pg_advisory_xact_lock(57003)", Object.class);
			List<Object[]> stale = jdbc.query("""
					SELECT t.id, t.title, md5(t.title)::uuid FROM task_view t LEFT JOIN intake_task_text x ON x.task_id = t.id
					WHERE x.task_id IS NULL OR x.title_md5 <> md5(t.title)::uuid""",
					(rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getObject(3, java.util.UUID.class) });
			for (int from = 0; from < stale.size(); from += 2_000) {
				List<Object[]> chunk = stale.subList(from, Math.min(stale.size(), from + 2_000));
				Long[] ids = chunk.stream().map(r -> (Long) r[0]).toArray(Long[]::new);
				jdbc.update("DELETE FROM intake_task_pair WHERE task_id = ANY (?)", (Object) ids);
				List<Integer> pairs = new ArrayList<>();
				List<Long> owners = new ArrayList<>();
				java.util.UUID[] hashes = new java.util.UUID[chunk.size()];
				for (int i = 0; i < chunk.size(); i++) {
					Object[] r = chunk.get(i);
					for (int h : hashes((String) r[1])) {
						pairs.add(h);
						owners.add((Long) r[0]);
					}
					hashes[i] = (java.util.UUID) r[2];
				}
				// one statement per chunk: arrays in, rows out
				jdbc.update("""
						INSERT INTO intake_task_pair(pair, task_id) SELECT * FROM unnest(?::int[], ?::bigint[])
						ON CONFLICT DO NOTHING""", pairs.toArray(Integer[]::new), owners.toArray(Long[]::new));
				jdbc.update("""
						INSERT INTO intake_task_text(task_id, title_md5) SELECT * FROM unnest(?::bigint[], ?::uuid[])
						ON CONFLICT (task_id) DO UPDATE SET title_md5 = excluded.title_md5""", ids, hashes);
			}
			return stale.size();
		});
		return n == null ? 0 : n;
	}

	/**
	 * For each title (by its index in the list), the tasks in the system it is a near-duplicate of, best first.
	 * Tasks of {@code excludePlanId} are left out: a revised plan is compared with its own tasks by the diff.
	 */
	Map<Integer, List<Match>> find(List<String> titles, Long excludePlanId) {
		Map<Integer, List<Match>> out = new HashMap<>();
		if (titles.isEmpty()) {
			return out;
		}
		refresh();
		List<Set<String>> rowPairs = new ArrayList<>();
		Set<Integer> distinct = new java.util.HashSet<>();
		for (String title : titles) {
			Set<String> pairs = Similarity.pairs(title);
			rowPairs.add(pairs);
			pairs.forEach(p -> distinct.add(p.hashCode()));
		}
		if (distinct.isEmpty()) {
			return out;
		}
		// how many tasks have each pair (an index-only count on the primary key)
		Map<Integer, Integer> df = new HashMap<>();
		jdbc.query("SELECT pair, count(*) FROM intake_task_pair WHERE pair = ANY (?) GROUP BY pair",
				rs -> {
					df.put(rs.getInt(1), rs.getInt(2));
				}, (Object) distinct.toArray(Integer[]::new));
		Integer tasks = jdbc.queryForObject("SELECT count(*) FROM intake_task_text", Integer.class);
		int common = Math.max(COMMON_MIN, (int) Math.ceil((tasks == null ? 0 : tasks) * COMMON_SHARE));
		// each row searches by its rarest pairs: a task that repeats the row shares most of its pairs, these too
		List<Integer> rowIdx = new ArrayList<>();
		List<Integer> rowPair = new ArrayList<>();
		for (int i = 0; i < rowPairs.size(); i++) {
			int row = i;
			rowPairs.get(i).stream().map(String::hashCode).distinct()
				.filter(h -> df.getOrDefault(h, 0) > 0 && df.get(h) <= common)
				.sorted(java.util.Comparator.comparingInt(df::get)).limit(SEARCH_PAIRS)
				.forEach(h -> {
					rowIdx.add(row);
					rowPair.add(h);
				});
		}
		Map<Integer, List<Long>> candidates = new HashMap<>();
		if (rowPair.isEmpty()) {
			return out;
		}
		jdbc.query("""
				WITH shared AS (SELECT q.idx, p.task_id, count(*) AS n
				                FROM unnest(?::int[], ?::int[]) AS q(idx, pair) JOIN intake_task_pair p ON p.pair = q.pair
				                GROUP BY q.idx, p.task_id),
				     ranked AS (SELECT s.*, row_number() OVER (PARTITION BY s.idx ORDER BY s.n DESC, s.task_id) AS r
				                FROM shared s JOIN task_view t ON t.id = s.task_id
				                WHERE ?::bigint IS NULL OR t.plan_id IS DISTINCT FROM ?)
				SELECT idx, task_id FROM ranked WHERE r <= ? ORDER BY idx, r""", rs -> {
			candidates.computeIfAbsent(rs.getInt(1), i -> new ArrayList<>()).add(rs.getLong(2));
		}, rowIdx.toArray(Integer[]::new), rowPair.toArray(Integer[]::new), excludePlanId, excludePlanId, CANDIDATES);
		if (candidates.isEmpty()) {
			return out;
		}
		Set<Long> ids = new LinkedHashSet<>();
		candidates.values().forEach(ids::addAll);
		Map<Long, Object[]> tasksById = new HashMap<>();
		jdbc.query("""
				SELECT t.id, t.stt, t.title, p.title, g.code, d.number FROM task_view t
				LEFT JOIN plan_view p ON p.id = t.plan_id LEFT JOIN task_group_view g ON g.id = t.group_id
				LEFT JOIN directive_view d ON d.id = t.directive_id WHERE t.id = ANY (?)""", rs -> {
			tasksById.put(rs.getLong(1), new Object[] { rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6) });
		}, (Object) ids.toArray(Long[]::new));
		Map<Long, Set<String>> taskPairs = new HashMap<>();
		candidates.forEach((idx, taskIds) -> {
			for (Long id : taskIds) {
				Object[] t = tasksById.get(id);
				if (t == null) {
					continue;
				}
				double s = Similarity.score(rowPairs.get(idx), taskPairs.computeIfAbsent(id, x -> Similarity.pairs((String) t[1])));
				if (s >= Similarity.NEAR_DUPLICATE) {
					out.computeIfAbsent(idx, i -> new ArrayList<>()).add(new Match(id, (String) t[0], (String) t[1],
							(String) t[2], (String) t[3], (String) t[4], s));
				}
			}
		});
		out.values().forEach(l -> {
			l.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
			if (l.size() > PER_ROW) {
				l.subList(PER_ROW, l.size()).clear();
			}
		});
		return out;
	}

	private static int[] hashes(String title) {
		return Similarity.pairs(title).stream().mapToInt(String::hashCode).distinct().toArray();
	}
}
