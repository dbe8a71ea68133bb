package vn.nq57.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.nq57.intake.AgencyMatcher.Match;
import vn.nq57.intake.PlanSnapshot.ExistingTask;

/** A revised appendix compared with the plan it goes into: what is added, changed and removed. Writes nothing. */
@Component
class PlanDiff {

	private final PlanSnapshot plans;

	PlanDiff(PlanSnapshot plans) {
		this.plans = plans;
	}

	/**
	 * Matches each row with the plan's tasks: the same text; or the same group and STT with much the same text;
	 * or clearly the same text elsewhere. Marks each row added, changed (with the fields) or unchanged, and
	 * lists the tasks the new version no longer has.
	 */
	Preview.Diff diff(List<RowWork> rows, long planId) {
		List<ExistingTask> existing = new ArrayList<>(plans.tasksOf(planId));
		Map<RowWork, ExistingTask> matched = new LinkedHashMap<>();
		List<RowWork> open = new ArrayList<>(rows.stream().filter(r -> r.draft.title() != null).toList());
		// 1. the same text
		for (RowWork r : List.copyOf(open)) {
			String k = VnText.key(r.draft.title());
			existing.stream().filter(t -> VnText.key(t.title()).equals(k)).findFirst().ifPresent(t -> {
				matched.put(r, t);
				existing.remove(t);
				open.remove(r);
			});
		}
		// 2. the same place (group and STT) with much the same text
		for (RowWork r : List.copyOf(open)) {
			if (r.draft.stt() == null) {
				continue;
			}
			existing.stream()
				.filter(t -> Objects.equals(t.groupCode(), r.draft.groupCode()) && Objects.equals(t.stt(), r.draft.stt())
						&& Similarity.of(t.title(), r.draft.title()) >= 0.35)
				.findFirst().ifPresent(t -> {
					matched.put(r, t);
					existing.remove(t);
					open.remove(r);
				});
		}
		// 3. moved elsewhere in the plan but still clearly the same task
		for (RowWork r : List.copyOf(open)) {
			ExistingTask best = null;
			double bestScore = 0.6;
			for (ExistingTask t : existing) {
				double s = Similarity.of(t.title(), r.draft.title());
				if (s >= bestScore) {
					best = t;
					bestScore = s;
				}
			}
			if (best != null) {
				matched.put(r, best);
				existing.remove(best);
				open.remove(r);
			}
		}
		int changed = 0;
		int unchanged = 0;
		for (RowWork r : rows) {
			ExistingTask t = matched.get(r);
			if (t == null) {
				r.change = "ADDED";
				continue;
			}
			r.taskId = t.id();
			r.changedFields = changes(r, t);
			r.change = r.changedFields.isEmpty() ? "UNCHANGED" : "CHANGED";
			if (r.changedFields.isEmpty()) {
				unchanged++;
			}
			else {
				changed++;
			}
		}
		int added = (int) rows.stream().filter(r -> "ADDED".equals(r.change)).count();
		String title = plans.planTitle(planId);
		return new Preview.Diff(planId, title, added, changed, unchanged, existing.stream()
			.map(t -> new Preview.RemovedTask(t.id(), t.stt(), t.groupCode(), t.title(), t.hasProgress())).toList());
	}

	private static List<String> changes(RowWork r, ExistingTask t) {
		DraftRow d = r.draft;
		List<String> out = new ArrayList<>();
		if (!Objects.equals(d.groupCode(), t.groupCode())) {
			out.add("nhóm");
		}
		if (!same(d.stt(), t.stt())) {
			out.add("STT");
		}
		if (!same(d.title(), t.title())) {
			out.add("tên nhiệm vụ");
		}
		if (!same(d.accountableHead(), t.head())) {
			out.add("người đứng đầu");
		}
		Set<Long> leads = new HashSet<>();
		r.leads.stream().filter(Match::known).forEach(m -> leads.add(m.agencyId()));
		if (!leads.equals(new HashSet<>(t.leads())) || r.leads.stream().anyMatch(m -> !m.known())) {
			out.add("cơ quan chủ trì");
		}
		Set<Long> coords = new HashSet<>();
		r.coordinators.stream().filter(Match::known).forEach(m -> coords.add(m.agencyId()));
		if (!coords.equals(new HashSet<>(t.coordinators())) || !same(coordinatorsNote(r), t.coordinatorsNote())) {
			out.add("cơ quan phối hợp");
		}
		if (!same(d.expectedOutput(), t.output())) {
			out.add("kết quả");
		}
		if (!same(d.deadline(), t.deadline())) {
			out.add("thời hạn");
		}
		return out;
	}

	/** The coordinating bodies as written, kept when some are not in the registry. */
	static String coordinatorsNote(RowWork r) {
		return r.coordinators.stream().anyMatch(m -> !m.known()) ? r.draft.coordinators() : null;
	}

	private static boolean same(String a, String b) {
		return Objects.equals(VnText.isBlank(a) ? null : VnText.clean(a), VnText.isBlank(b) ? null : VnText.clean(b));
	}
}
