package vn.nq57.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.account.RunAs;

/**
 * The figures of bench/RESULTS-intake.md: a 300-row appendix (Excel and Word) from dry run to preview, and the
 * near-duplicate check of those rows against 10,000 tasks already in the system. Runs only when asked:
 * {@code ./mvnw -o test -Dtest=IntakeBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * The 10,000 tasks are written with SQL (the fixture, not the thing measured); their texts are generated word by
 * word from the documents of shared/context (a Markov chain over their words), so that they are distinct but
 * share the documents' vocabulary and stock phrases, as real tasks do. One appendix row in twenty restates a
 * task already in the system with a few words dropped; the benchmark reports how many of those it finds.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class IntakeBenchmark {

	static final int EXISTING = Integer.getInteger("bench.existing", 10_000);
	static final int ROWS = 300;
	static final int RUNS = Integer.getInteger("bench.runs", 7);

	@Autowired IntakeService intake;
	@Autowired NearDuplicates duplicates;
	@Autowired RunAs runAs;
	@Autowired JdbcTemplate jdbc;

	@Test
	void figures() throws Exception {
		Random random = new Random(57);
		Markov words = Markov.of(corpus());
		int before = jdbc.queryForObject("SELECT count(*) FROM task", Integer.class);
		List<Object[]> batch = new ArrayList<>();
		for (int i = 0; i < EXISTING; i++) {
			batch.add(new Object[] { String.valueOf(i % 40 + 1), words.sentence(random), "Báo cáo", "Năm 2026" });
		}
		long t0 = System.nanoTime();
		jdbc.batchUpdate("""
				INSERT INTO task(stt, title, expected_output, deadline_phrase, deadline_kind, deadline_precision, due_date)
				VALUES (?, ?, ?, ?, 'DATE', 'YEAR', DATE '2026-12-31')""", batch);
		jdbc.execute("ANALYZE task");
		double fixtureSeconds = (System.nanoTime() - t0) / 1e9;
		int tasks = jdbc.queryForObject("SELECT count(*) FROM task", Integer.class);
		assertThat(tasks).isEqualTo(before + EXISTING);

		List<String[]> agencies = List.of(new String[] { "Giám đốc Sở Tài chính", "Sở Tài chính" },
				new String[] { "Giám đốc Sở Nội vụ", "Sở Nội vụ" }, new String[] { "Giám đốc Sở KH&CN", "Sở KH&CN" },
				new String[] { "Giám đốc Sở Y tế", "Sở Y tế" }, new String[] { "Giám đốc Sở Xây dựng", "Sở Xây dựng" },
				new String[] { "Trưởng Ban Quản lý KKT Dung Quất", "Ban Quản lý Khu Kinh tế Dung Quất và các KCN Quảng Ngãi" },
				new String[] { "Thủ trưởng các sở, ban, ngành", "Các sở, ban, ngành, địa phương" });
		List<String> deadlines = List.of("Quý III/2026", "trước ngày 01/6/2026", "Tháng 9/2026", "6 tháng cuối năm 2026",
				"Năm 2026", "Thường xuyên", "Hằng năm", "Sau khi có văn bản của Trung ương", "", "Quý V/2026");
		List<List<String>> rows = new ArrayList<>();
		rows.add(TestDocs.standardHeader());
		for (int i = 0; i < ROWS; i++) {
			if (i % 43 == 0) {
				rows.add(TestDocs.group(OfficeFiles.roman(i / 43 + 1), "Nhóm nhiệm vụ " + (i / 43 + 1), 7));
			}
			String[] a = agencies.get(random.nextInt(agencies.size()));
			String[] c = agencies.get(random.nextInt(agencies.size()));
			// one row in twenty restates, in slightly other words, a task already in the system
			String title = i % 20 == 7 ? paraphrase(random, (String) batch.get(random.nextInt(batch.size()))[1])
					: words.sentence(random);
			rows.add(TestDocs.row(String.valueOf(i % 43 + 1), title, a[0], a[1], c[1] + "; Sở Tư pháp",
					i % 9 == 0 ? "" : "Kế hoạch", deadlines.get(random.nextInt(deadlines.size()))));
		}
		byte[] xlsx = TestDocs.xlsx(List.of(rows));
		byte[] docx = TestDocs.docx(List.of("KẾ HOẠCH", "Phần lời của kế hoạch..."), List.of(rows));
		List<String> titles = rows.stream().filter(r -> r.get(0).matches("\\d+")).map(r -> r.get(1)).toList();

		long i0 = System.nanoTime();
		int indexed = duplicates.refresh();
		double indexSeconds = (System.nanoTime() - i0) / 1e9;
		// what autovacuum does after a bulk insert (the planner needs the statistics)
		jdbc.execute("VACUUM ANALYZE intake_task_pair");
		assertThat(indexed).isGreaterThanOrEqualTo(EXISTING);
		Map<String, double[]> results = new LinkedHashMap<>();
		results.put("Dry run → preview, 300-row appendix, Excel (.xlsx)", time(() -> runAs.user("sokhcn",
				() -> intake.dryRunAppendix("bench.xlsx", xlsx, null))));
		results.put("Dry run → preview, 300-row appendix, Word (.docx)", time(() -> runAs.user("sokhcn",
				() -> intake.dryRunAppendix("bench.docx", docx, null))));
		results.put("Near-duplicate check of 300 rows against the system (word-pair index + rescoring)",
				time(() -> duplicates.find(titles, null)));
		results.put("Near-duplicate check of 1 row against the system",
				time(() -> duplicates.find(titles.subList(0, 1), null)));
		Preview p = runAs.user("sokhcn", () -> intake.dryRunAppendix("bench.xlsx", xlsx, null));
		assertThat(p.summary().tasks()).isEqualTo(ROWS);
		List<Preview.Row> taskRows = p.rows().stream().filter(r -> !r.draft().group()).toList();
		long planted = 0;
		long found = 0;
		for (int i = 0; i < taskRows.size(); i++) {
			if (i % 20 == 7) {
				planted++;
				if (taskRows.get(i).findings().stream().anyMatch(f -> f.otherTaskId() != null)) {
					found++;
				}
			}
		}
		long flagged = taskRows.stream().filter(r -> r.findings().stream().anyMatch(f -> f.otherTaskId() != null)).count();

		// the commit of a committable 300-row appendix as a new plan (no unreadable deadline), each run a new plan
		List<List<String>> clean = rows.stream().map(r -> r.size() > 6 && "Quý V/2026".equals(r.get(6))
				? TestDocs.row(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), "Quý IV/2026") : r).toList();
		byte[] cleanXlsx = TestDocs.xlsx(List.of(clean));
		int[] plan = { 0 };
		int assignmentsBefore = jdbc.queryForObject("SELECT count(*) FROM assignment", Integer.class);
		double[] commit = timeEach(COMMIT_RUNS, () -> runAs.user("sokhcn", () -> intake.startAppendix("bench.xlsx",
				cleanXlsx, IntakeSettings.newPlan("Kế hoạch đo " + (++plan[0]), 2026))), id -> runAs.user("sokhcn",
						() -> intake.commit(id, intake.batch(id).version(), java.util.Set.of())));
		int assignmentsPerCommit = (jdbc.queryForObject("SELECT count(*) FROM assignment", Integer.class)
				- assignmentsBefore) / (COMMIT_RUNS + 1);
		results.put("Commit of a 300-row appendix as a new plan (preview again, then plan, groups, 300 tasks, "
				+ assignmentsPerCommit + " assignments, audit)", commit);

		StringBuilder md = new StringBuilder();
		md.append("| what | median | slowest of ").append(RUNS).append(" | target |\n|---|---:|---:|---:|\n");
		results.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(ms(v[0])).append(" | ").append(ms(v[1]))
			.append(" | ").append(k.startsWith("Dry run") ? "< 2.000 ms" : k.contains("300 rows") ? "< 1.000 ms" : "")
			.append(" |\n"));
		md.append("\nTasks in the database during the runs: ").append(tasks).append(" (").append(EXISTING)
			.append(" written for the benchmark in ").append(String.format("%.1f", fixtureSeconds)).append(" s; their word ")
			.append("pairs indexed once, before the runs, in ").append(String.format("%.1f", indexSeconds))
			.append(" s, then kept current incrementally; VACUUM ANALYZE afterwards, as autovacuum would). ")
			.append("Restated tasks found: ").append(found).append(" of ").append(planted).append("; rows flagged as ")
			.append("repeating a task in the system: ").append(flagged).append(". Findings in the 300-row preview: ")
			.append(p.summary().byCode()).append(". Commits: ").append(COMMIT_RUNS).append(" runs after one warm-up.\n");
		System.out.println("\n" + md);
		Path out = Path.of("target", "bench", "intake.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, md.toString());

		results.forEach((k, v) -> {
			if (k.startsWith("Dry run")) {
				assertThat(v[0]).as(k).isLessThan(2_000);
			}
			if (k.contains("300 rows")) {
				assertThat(v[0]).as(k).isLessThan(1_000);
			}
		});
	}

	static final int COMMIT_RUNS = Integer.getInteger("bench.commit-runs", 5);

	/** Median and slowest wall time in ms of {@code work} on what {@code prepare} gives (not timed), after one warm-up. */
	static <T> double[] timeEach(int runs, Supplier<T> prepare, java.util.function.Function<T, ?> work) {
		work.apply(prepare.get());
		double[] ms = new double[runs];
		for (int i = 0; i < runs; i++) {
			T input = prepare.get();
			long t = System.nanoTime();
			work.apply(input);
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(ms);
		return new double[] { ms[runs / 2], ms[runs - 1] };
	}

	/** Median and slowest wall time in ms, after one warm-up run. */
	static double[] time(Supplier<?> work) {
		work.get();
		double[] ms = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long t = System.nanoTime();
			work.get();
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(ms);
		return new double[] { ms[RUNS / 2], ms[RUNS - 1] };
	}

	static String ms(double v) {
		return String.format(java.util.Locale.forLanguageTag("vi-VN"), "%,.0f ms", v);
	}

	/** The documents of shared/context (plan 003, report 004, notices 000–002) and the sample plan. */
	static String corpus() throws Exception {
		StringBuilder sb = new StringBuilder(String.join("\n", SimilarityTest.texts().values()));
		for (String name : new String[] { "/bench/ke-hoach-003.txt", "/bench/bao-cao-004.txt" }) {
			try (var in = IntakeBenchmark.class.getResourceAsStream(name)) {
				sb.append('\n').append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		return sb.toString();
	}

	/** The same task with two words dropped: what a near-duplicate typed again looks like. */
	static String paraphrase(Random random, String text) {
		List<String> w = new ArrayList<>(List.of(text.split(" ")));
		for (int k = 0; k < 2 && w.size() > 8; k++) {
			w.remove(1 + random.nextInt(w.size() - 2));
		}
		return String.join(" ", w);
	}

	/**
	 * Word-by-word text in the documents' own words: each next word is one that followed the current word
	 * somewhere in the corpus. Texts come out distinct, with the documents' vocabulary and stock phrases.
	 */
	record Markov(Map<String, List<String>> next, List<String> starts) {

		static Markov of(String corpus) {
			Map<String, List<String>> next = new java.util.HashMap<>();
			List<String> starts = new ArrayList<>();
			for (String line : corpus.replace("*", "").split("\n")) {
				String[] w = line.strip().split("\\s+");
				for (int i = 0; i + 1 < w.length; i++) {
					next.computeIfAbsent(w[i], k -> new ArrayList<>()).add(w[i + 1]);
					if (i == 0 || w[i - 1].endsWith(".") || w[i - 1].endsWith(";")) {
						if (!w[i].isEmpty() && Character.isUpperCase(w[i].charAt(0))) {
							starts.add(w[i]);
						}
					}
				}
			}
			return new Markov(next, starts);
		}

		String sentence(Random random) {
			List<String> out = new ArrayList<>();
			String w = starts.get(random.nextInt(starts.size()));
			int length = 18 + random.nextInt(25);
			while (out.size() < length) {
				out.add(w);
				List<String> f = next.get(w);
				if (f == null || f.isEmpty()) {
					w = starts.get(random.nextInt(starts.size()));
					continue;
				}
				w = f.get(random.nextInt(f.size()));
			}
			return String.join(" ", out).replaceAll("[;,.:]+$", "");
		}
	}
}
