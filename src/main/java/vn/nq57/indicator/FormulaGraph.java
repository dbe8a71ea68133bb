package vn.nq57.indicator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.nq57.system.DomainException;

/**
 * The indicator set as a graph of formulas: which indicator is computed from which, in what order to recompute
 * them, and whether a set of definitions is sound (references exist and are active, same frequency and
 * breakdown, no cycle). Plain Java over definitions; nothing here reads the database.
 */
final class FormulaGraph {

	private FormulaGraph() {
	}

	/** The indicators computed from this one, directly or through others, in the order to recompute them. */
	static List<Indicator> dependents(Indicator ind, Map<String, Indicator> all) {
		Map<String, Set<String>> graph = graph(all.values());
		Set<String> affected = new LinkedHashSet<>();
		boolean grew = true;
		affected.add(ind.code());
		while (grew) {
			grew = false;
			for (Map.Entry<String, Set<String>> e : graph.entrySet()) {
				if (!affected.contains(e.getKey()) && e.getValue().stream().anyMatch(affected::contains)) {
					affected.add(e.getKey());
					grew = true;
				}
			}
		}
		affected.remove(ind.code());
		List<Indicator> out = new ArrayList<>();
		for (String code : Formula.evaluationOrder(graph)) {
			if (affected.contains(code) && all.get(code).active()) {
				out.add(all.get(code));
			}
		}
		return out;
	}

	/** indicator code → codes its formula uses (empty for entered ones). */
	static Map<String, Set<String>> graph(Collection<Indicator> indicators) {
		Map<String, Set<String>> g = new TreeMap<>();
		for (Indicator i : indicators) {
			g.put(i.code(), i.computed() ? i.formula().references() : Set.of());
		}
		return g;
	}

	/**
	 * Formulas of the changed indicators refer to existing, active indicators of their frequency; no cycle; no
	 * active indicator loses an input. Checked over the whole set; every indicator's first problem is named at once.
	 */
	static void check(Map<String, Indicator> all, List<Indicator> changed) {
		List<String> errors = new ArrayList<>();
		for (Indicator ind : all.values()) {
			if (!ind.computed() || !ind.active()) {
				continue;
			}
			boolean mine = changed.stream().anyMatch(c -> c.code().equals(ind.code()));
			for (String ref : ind.formula().references()) {
				String problem = referenceProblem(ind, ref, all.get(ref), mine);
				if (problem != null) {
					errors.add(problem);
					break;
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new DomainException(String.join("; ", errors));
		}
		List<String> cycle = Formula.findCycle(graph(all.values()));
		if (!cycle.isEmpty()) {
			throw new DomainException("Công thức tạo vòng lặp: " + Formula.describeCycle(cycle)
					+ " (một chỉ số không thể được tính từ chính nó)");
		}
	}

	private static String referenceProblem(Indicator ind, String ref, Indicator input, boolean mine) {
		if (ref.equals(ind.code())) {
			return "Công thức của chỉ số “" + ind.code() + "” tham chiếu chính nó";
		}
		if (input == null) {
			return "Công thức của chỉ số “" + ind.code() + "” tham chiếu chỉ số không tồn tại: [" + ref + "]";
		}
		if (!input.active()) {
			return mine ? "Công thức của chỉ số “" + ind.code() + "” dùng chỉ số [" + ref + "] đã ngừng theo dõi"
					: "Chỉ số [" + ref + "] đang được dùng trong công thức của chỉ số “" + ind.code() + "”; không ngừng theo dõi được";
		}
		if (input.frequency() != ind.frequency()) {
			return "Chỉ số đầu vào [" + ref + "] có tần suất " + input.frequency().label().toLowerCase(Locale.ROOT)
					+ ", khác tần suất " + ind.frequency().label().toLowerCase(Locale.ROOT) + " của chỉ số “" + ind.code() + "”";
		}
		if (ind.breakdown() != Breakdown.PROVINCE && input.breakdown() != ind.breakdown()) {
			return "Chỉ số “" + ind.code() + "” phân tổ " + ind.breakdown().label().toLowerCase(Locale.ROOT)
					+ " nên chỉ số đầu vào [" + ref + "] cũng phải phân tổ như vậy (hiện là: "
					+ input.breakdown().label().toLowerCase(Locale.ROOT) + ")";
		}
		return null;
	}
}
