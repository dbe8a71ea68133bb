package vn.nq57.intake;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The {@link FindingCode#NEAR_DUPLICATE} findings: the same task in other words within the file (each pair of
 * rows scored with {@link Similarity}) and against the tasks already in the system ({@link NearDuplicates}).
 */
@Component
class DuplicateFindings {

	private final NearDuplicates duplicates;

	DuplicateFindings(NearDuplicates duplicates) {
		this.duplicates = duplicates;
	}

	/** Rows of the file that repeat each other: each is told which other row. */
	void within(List<RowWork> rows) {
		List<RowWork> titled = rows.stream().filter(r -> r.draft.title() != null).toList();
		List<Set<String>> grams = titled.stream().map(r -> Similarity.pairs(r.draft.title())).toList();
		for (int a = 0; a < titled.size(); a++) {
			for (int b = a + 1; b < titled.size(); b++) {
				double s = Similarity.score(grams.get(a), grams.get(b));
				if (s < Similarity.NEAR_DUPLICATE) {
					continue;
				}
				RowWork x = titled.get(a);
				RowWork y = titled.get(b);
				x.findings.add(withinFinding(x, y, s));
				y.findings.add(withinFinding(y, x, s));
			}
		}
	}

	private static Finding withinFinding(RowWork self, RowWork other, double s) {
		String where = other.draft.groupCode() == null ? "" : other.draft.groupCode() + ".";
		String label = other.draft.stt() == null ? "dòng không STT sau " + where : where + other.draft.stt();
		return new Finding(FindingCode.NEAR_DUPLICATE, Severity.WARNING, "title", (s >= 0.999 ? "Trùng hẳn" : "Có thể trùng")
				+ " với nhiệm vụ " + label + " trong cùng tệp (" + other.draft.source() + "): “"
				+ abbreviate(other.draft.title(), 90) + "” – độ giống " + percent(s), other.number, null);
	}

	/** Rows that repeat a task already in the system (other than the target plan's own, which the diff compares). */
	void inSystem(List<RowWork> rows, Long targetPlanId) {
		List<RowWork> titled = rows.stream().filter(r -> r.draft.title() != null).toList();
		List<String> titles = titled.stream().map(r -> r.draft.title()).toList();
		Map<Integer, List<NearDuplicates.Match>> found = duplicates.find(titles, targetPlanId);
		found.forEach((i, matches) -> {
			RowWork r = titled.get(i);
			for (NearDuplicates.Match m : matches) {
				String where = m.planTitle() != null ? "kế hoạch “" + abbreviate(m.planTitle(), 60) + "”"
						+ (m.groupCode() == null ? "" : ", nhóm " + m.groupCode())
						+ (m.stt() == null ? "" : ", STT " + m.stt())
						: m.directive() != null ? "văn bản " + m.directive() : "hệ thống";
				r.findings.add(new Finding(FindingCode.NEAR_DUPLICATE, Severity.WARNING, "title",
						"Có thể trùng với nhiệm vụ #" + m.taskId() + " đã có trong hệ thống (" + where + "): “"
								+ abbreviate(m.title(), 90) + "” – độ giống " + percent(m.similarity()),
						null, m.taskId()));
			}
		});
	}

	private static String percent(double s) {
		return Math.round(s * 100) + "%";
	}

	static String abbreviate(String s, int max) {
		if (s == null) {
			return "";
		}
		String one = s.replace('\n', ' ');
		return one.length() <= max ? one : one.substring(0, max - 1) + "…";
	}
}
