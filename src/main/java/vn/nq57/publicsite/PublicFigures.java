package vn.nq57.publicsite;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.nq57.indicator.IndicatorPublicBoard;
import vn.nq57.kernel.Rates;
import vn.nq57.task.TaskStatus;

/**
 * The figures of the public pages and of the operations centre's feed, all drawn from the public data sets and the
 * public scoreboard through {@link PublicCache}: a page request never reaches the database while the kept figures are
 * fresh.
 */
@Component
public class PublicFigures {

	/** Counts by status with the three rates; {@code label} names the row (a group, an agency, the province). */
	public record Counts(String label, String sub, long total, Map<TaskStatus, Long> byStatus) {

		public long count(TaskStatus s) {
			return byStatus.getOrDefault(s, 0L);
		}

		public long completed() {
			return count(TaskStatus.COMPLETED_ON_TIME) + count(TaskStatus.COMPLETED_LATE);
		}

		public BigDecimal rateOverDue() {
			return Rates.completionOverDue(completed(), count(TaskStatus.OVERDUE));
		}

		public BigDecimal rateOverAll() {
			return Rates.completionOverAll(completed(), total);
		}

		public BigDecimal overdueRate() {
			return Rates.overdue(count(TaskStatus.OVERDUE), total);
		}

		/** Width of a status's bar in the chart, in percent of the largest count. */
		public int barWidth(TaskStatus s) {
			long max = byStatus.values().stream().mapToLong(Long::longValue).max().orElse(0);
			return max == 0 ? 0 : (int) Math.round(100.0 * count(s) / max);
		}
	}

	/** One plan's groups. */
	public record PlanGroups(String plan, List<Counts> groups, Counts total) {
	}

	/**
	 * The province's progress: totals, by plan and group, and by group code across plans (the resolution's groups
	 * I–VII), as of a day. The page shows each plan while there are few ({@link #MAX_PLANS_SHOWN}), else the groups
	 * across plans (the per-plan figures stay in the open data).
	 */
	public record Progress(LocalDate asOf, Instant computedAt, Counts total, List<PlanGroups> plans, List<Counts> byCode) {

		public boolean perPlan() {
			return plans.size() <= MAX_PLANS_SHOWN;
		}
	}

	public static final int MAX_PLANS_SHOWN = 8;

	/** The statuses in the order the pages show them. */
	public static final List<TaskStatus> ORDER = List.of(TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_LATE,
			TaskStatus.IN_PROGRESS, TaskStatus.OVERDUE, TaskStatus.AWAITING_TRIGGER, TaskStatus.ONGOING,
			TaskStatus.NO_DEADLINE);

	private static final Map<TaskStatus, String> COLUMN = Map.of(TaskStatus.COMPLETED_ON_TIME, "completed_on_time",
			TaskStatus.COMPLETED_LATE, "completed_late", TaskStatus.IN_PROGRESS, "in_progress", TaskStatus.OVERDUE,
			"overdue", TaskStatus.AWAITING_TRIGGER, "awaiting_trigger", TaskStatus.ONGOING, "ongoing",
			TaskStatus.NO_DEADLINE, "no_deadline");

	private final PublicDatasets datasets;
	private final IndicatorPublicBoard board;
	private final PublicCache cache;

	PublicFigures(PublicDatasets datasets, IndicatorPublicBoard board, PublicCache cache) {
		this.datasets = datasets;
		this.board = board;
		this.cache = cache;
	}

	static Counts counts(String label, String sub, Map<String, Object> row) {
		Map<TaskStatus, Long> m = new LinkedHashMap<>();
		for (TaskStatus s : ORDER) {
			m.put(s, TaskDatasets.n(row, COLUMN.get(s)));
		}
		return new Counts(label, sub, TaskDatasets.n(row, "total"), m);
	}

	static Counts sum(String label, List<Counts> parts) {
		Map<TaskStatus, Long> m = new LinkedHashMap<>();
		long total = 0;
		for (TaskStatus s : ORDER) {
			m.put(s, 0L);
		}
		for (Counts c : parts) {
			total += c.total();
			c.byStatus().forEach((s, n) -> m.merge(s, n, Long::sum));
		}
		return new Counts(label, null, total, m);
	}

	public Progress progress() {
		return cache.get("progress", () -> {
			PublicDatasets.Table t = datasets.table(datasets.find(TaskDatasets.BY_GROUP).orElseThrow());
			Map<String, List<Counts>> byPlan = new LinkedHashMap<>();
			for (Map<String, Object> r : t.maps()) {
				String plan = r.get("plan") == null ? "" : (String) r.get("plan");
				String code = (String) r.get("group_code");
				String title = (String) r.get("group_title");
				byPlan.computeIfAbsent(plan, k -> new ArrayList<>()).add(counts(code, title, r));
			}
			List<PlanGroups> plans = new ArrayList<>();
			List<Counts> all = new ArrayList<>();
			Map<String, List<Counts>> byCode = new java.util.TreeMap<>(java.util.Comparator.nullsLast(
					java.util.Comparator.comparingInt(PublicFigures::roman).thenComparing(java.util.Comparator.naturalOrder())));
			byPlan.forEach((plan, groups) -> {
				plans.add(new PlanGroups(plan, groups, sum(plan, groups)));
				all.addAll(groups);
				groups.forEach(g -> byCode.computeIfAbsent(g.label(), k -> new ArrayList<>()).add(g));
			});
			List<Counts> codes = new ArrayList<>();
			byCode.forEach((code, groups) -> {
				Counts c = sum(code, groups);
				codes.add(new Counts(code, groups.get(0).sub(), c.total(), c.byStatus()));
			});
			return new Progress(t.asOf(), t.computedAt(), sum("", all), plans, codes);
		});
	}

	/** I → 1 … VII → 7; anything else after them. */
	static int roman(String code) {
		int i = List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X").indexOf(code == null ? "" : code.strip());
		return i < 0 ? 100 : i;
	}

	/** Lead agencies with their assignments by status, in name order. */
	public List<Counts> agencies() {
		return cache.get("agencies", () -> {
			PublicDatasets.Table t = datasets.table(datasets.find(TaskDatasets.BY_AGENCY).orElseThrow());
			return t.maps().stream().map(r -> counts((String) r.get("agency"), (String) r.get("agency_code"), r)).toList();
		});
	}

	public LocalDate agenciesAsOf() {
		return datasets.table(datasets.find(TaskDatasets.BY_AGENCY).orElseThrow()).asOf();
	}

	/** The public scoreboard in a page's language. */
	public List<IndicatorPublicBoard.Line> scoreboard(Locale locale) {
		String lang = locale == null ? "vi" : locale.getLanguage();
		return cache.get("scoreboard:" + lang, () -> board.lines(locale));
	}
}
