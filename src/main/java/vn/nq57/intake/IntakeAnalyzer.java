package vn.nq57.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.nq57.intake.AgencyMatcher.Match;
import vn.nq57.intake.Preview.Row;

/**
 * Says what each row means and what is wrong with it, by putting together the checks of each row on its own
 * ({@link RowChecks}), the near-duplicates within the file and against the system ({@link DuplicateFindings})
 * and, for a revised plan, the comparison with the plan ({@link PlanDiff}); then the names to map and the
 * summary. Writes nothing.
 */
@Component
class IntakeAnalyzer {

	private final RowChecks checks;
	private final DuplicateFindings duplicates;
	private final PlanDiff diffs;

	IntakeAnalyzer(RowChecks checks, DuplicateFindings duplicates, PlanDiff diffs) {
		this.checks = checks;
		this.duplicates = duplicates;
		this.diffs = diffs;
	}

	/** A matcher over the registry as it is now (so that a mapping just saved counts at once). */
	AgencyMatcher matcher() {
		return checks.matcher();
	}

	Preview analyse(IntakeKind kind, List<DraftRow> draft, Long targetPlanId) {
		RowChecks.Registry registry = checks.registry();
		List<RowWork> work = new ArrayList<>();
		Map<String, String> groupTitles = new HashMap<>();
		int number = 0;
		for (int i = 0; i < draft.size(); i++) {
			DraftRow d = draft.get(i);
			if (d.group()) {
				groupTitles.put(d.groupCode(), d.groupTitle());
				work.add(RowWork.group(i, d, checks.group(d)));
				continue;
			}
			String groupTitle = d.groupCode() == null ? null : groupTitles.get(d.groupCode());
			work.add(checks.task(kind, i, ++number, d, groupTitle, registry));
		}
		NumberingGaps.check(kind, work);
		List<RowWork> kept = work.stream().filter(w -> !w.draft.group() && !w.draft.dropped()).toList();
		duplicates.within(kept);
		duplicates.inSystem(kept, targetPlanId);
		Preview.Diff diff = kind == IntakeKind.PLAN_APPENDIX && targetPlanId != null ? diffs.diff(kept, targetPlanId)
				: null;
		List<Row> rows = work.stream().map(RowWork::toRow).toList();
		return new Preview(kind, rows, unknownNames(kept, registry.matcher), summary(rows), diff);
	}

	// ----- summary -----

	private static List<Preview.UnknownName> unknownNames(List<RowWork> rows, AgencyMatcher matcher) {
		Map<String, Object[]> names = new LinkedHashMap<>();
		for (RowWork r : rows) {
			for (boolean lead : new boolean[] { true, false }) {
				for (Match m : lead ? r.leads : r.coordinators) {
					if (m.known()) {
						continue;
					}
					Object[] n = names.computeIfAbsent(VnText.key(m.text()),
							k -> new Object[] { m.text(), new ArrayList<Integer>(), false });
					@SuppressWarnings("unchecked")
					List<Integer> list = (List<Integer>) n[1];
					if (!list.contains(r.number)) {
						list.add(r.number);
					}
					n[2] = (Boolean) n[2] || lead;
				}
			}
		}
		List<Preview.UnknownName> out = new ArrayList<>();
		for (Object[] n : names.values()) {
			@SuppressWarnings("unchecked")
			List<Integer> list = (List<Integer>) n[1];
			out.add(new Preview.UnknownName((String) n[0], List.copyOf(list), (Boolean) n[2],
					matcher.suggestions((String) n[0], 5)));
		}
		return out;
	}

	private static Preview.Summary summary(List<Row> rows) {
		int tasks = 0;
		int groups = 0;
		int dropped = 0;
		int errors = 0;
		int warnings = 0;
		int infos = 0;
		Map<FindingCode, Integer> byCode = new EnumMap<>(FindingCode.class);
		for (Row r : rows) {
			if (r.draft().group()) {
				groups++;
			}
			else if (r.draft().dropped()) {
				dropped++;
				continue;
			}
			else {
				tasks++;
			}
			for (Finding f : r.findings()) {
				byCode.merge(f.code(), 1, Integer::sum);
				switch (f.severity()) {
					case ERROR -> errors++;
					case WARNING -> warnings++;
					case INFO -> infos++;
				}
			}
		}
		return new Preview.Summary(tasks, groups, dropped, errors, warnings, infos, byCode, errors == 0 && tasks > 0);
	}
}
