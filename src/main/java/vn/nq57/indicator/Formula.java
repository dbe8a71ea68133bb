package vn.nq57.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import vn.nq57.system.DomainException;

/**
 * The formula of a computed indicator: an arithmetic expression over other indicators, written with their
 * codes in square brackets, e.g. {@code ([5G-KCN-KKT] + [5G-KCN-KHAC]) / ([KCN-KKT] + [KCN-KHAC]) * 100}.
 * Operators {@code + - * /}, parentheses, unary minus and numbers ({@code 100}, {@code 0.5} or {@code 0,5}).
 *
 * <p>Evaluation is exact decimal arithmetic; the result is rounded to {@value #SCALE} decimal places. A
 * missing input or a division by zero gives no value (with the reason), never 0 or infinity. The same
 * expression is also written as SQL for recomputing many agencies at once ({@link #toSql}); both round the
 * same way.
 *
 * <p>Also here: the rules that keep a set of formulas sound — every reference exists, no formula refers to
 * itself directly or through others ({@link #findCycle}), and the order in which to compute them
 * ({@link #evaluationOrder}).
 */
final class Formula {

	static final int SCALE = 6;
	private static final MathContext MC = MathContext.DECIMAL128;

	/** Why an evaluation gave no value. */
	enum Problem {
		MISSING_INPUT("thiếu số liệu đầu vào"), DIVISION_BY_ZERO("mẫu số bằng 0");

		private final String label;

		Problem(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}
	}

	/** A value, or the reason there is none (and, for a missing input, which one). */
	record Result(BigDecimal value, Problem problem, String detail) {

		static Result of(BigDecimal v) {
			return new Result(v.setScale(SCALE, RoundingMode.HALF_UP), null, null);
		}

		boolean ok() {
			return value != null;
		}

		String explain() {
			if (problem == null) {
				return null;
			}
			return "Không tính được: " + problem.label() + (detail == null ? "" : " (" + detail + ")");
		}
	}

	private sealed interface Node permits Num, Ref, Neg, Bin {
	}

	private record Num(BigDecimal value) implements Node {
	}

	private record Ref(String code) implements Node {
	}

	private record Neg(Node operand) implements Node {
	}

	private record Bin(char op, Node left, Node right) implements Node {
	}

	private final String text;
	private final Node root;
	private final Set<String> references;

	private Formula(String text, Node root, Set<String> references) {
		this.text = text;
		this.root = root;
		this.references = Collections.unmodifiableSet(references);
	}

	String text() {
		return text;
	}

	/** The codes the formula refers to, upper case, in order of first appearance. */
	Set<String> references() {
		return references;
	}

	/** {@code [NUM] / [DEN]}, times 100 for a percentage. */
	static Formula ratio(String numeratorCode, String denominatorCode, boolean percent) {
		return parse("[" + numeratorCode + "] / [" + denominatorCode + "]" + (percent ? " * 100" : ""));
	}

	static Formula parse(String text) {
		if (text == null || text.isBlank()) {
			throw new DomainException("Công thức trống: nhập biểu thức, ví dụ [MA_TU_SO] / [MA_MAU_SO] * 100");
		}
		Parser p = new Parser(text.strip());
		Node root = p.expression();
		p.skipSpace();
		if (p.pos < p.s.length()) {
			char c = p.s.charAt(p.pos);
			throw p.error(c == ')' ? "thừa dấu ngoặc đóng “)”" : "ký tự không hợp lệ “" + c + "”");
		}
		Formula f = new Formula(text.strip(), root, p.refs);
		f.checkConstantDivisors(root);
		return f;
	}

	/** Evaluates with the inputs' values; {@code values} returns {@code null} for an input with no value. */
	Result evaluate(Function<String, BigDecimal> values) {
		try {
			return Result.of(eval(root, values));
		}
		catch (NoValue e) {
			return new Result(null, e.problem, e.detail);
		}
	}

	/** The expression as SQL over the columns {@code column} names; a zero divisor gives NULL. */
	String toSql(Function<String, String> column) {
		return "round((" + sql(root, column) + ")::numeric, " + SCALE + ")";
	}

	private static String sql(Node n, Function<String, String> column) {
		if (n instanceof Num num) {
			return num.value().toPlainString() + "::numeric";
		}
		if (n instanceof Ref ref) {
			return column.apply(ref.code());
		}
		if (n instanceof Neg neg) {
			return "(-" + sql(neg.operand(), column) + ")";
		}
		Bin bin = (Bin) n;
		return bin.op() == '/'
				? "(" + sql(bin.left(), column) + " / NULLIF(" + sql(bin.right(), column) + ", 0))"
				: "(" + sql(bin.left(), column) + " " + bin.op() + " " + sql(bin.right(), column) + ")";
	}

	private static final class NoValue extends RuntimeException {
		final Problem problem;
		final String detail;

		NoValue(Problem problem, String detail) {
			super(null, null, false, false);
			this.problem = problem;
			this.detail = detail;
		}
	}

	private static BigDecimal eval(Node n, Function<String, BigDecimal> values) {
		if (n instanceof Num num) {
			return num.value();
		}
		if (n instanceof Ref ref) {
			BigDecimal v = values.apply(ref.code());
			if (v == null) {
				throw new NoValue(Problem.MISSING_INPUT, ref.code());
			}
			return v;
		}
		if (n instanceof Neg neg) {
			return eval(neg.operand(), values).negate();
		}
		Bin bin = (Bin) n;
		BigDecimal l = eval(bin.left(), values);
		BigDecimal r = eval(bin.right(), values);
		return switch (bin.op()) {
			case '+' -> l.add(r, MC);
			case '-' -> l.subtract(r, MC);
			case '*' -> l.multiply(r, MC);
			default -> {
				if (r.signum() == 0) {
					throw new NoValue(Problem.DIVISION_BY_ZERO, null);
				}
				yield l.divide(r, MC);
			}
		};
	}

	/** {@code [A] / 0} or {@code [A] / (2 - 2)} can never give a value: refused when the formula is saved. */
	private void checkConstantDivisors(Node n) {
		if (n instanceof Bin bin) {
			checkConstantDivisors(bin.left());
			checkConstantDivisors(bin.right());
			if (bin.op() == '/' && !containsRef(bin.right())) {
				BigDecimal d = eval(bin.right(), c -> null);
				if (d.signum() == 0) {
					throw new DomainException("Công thức “" + text + "” chia cho 0: mẫu số luôn bằng 0");
				}
			}
		}
		else if (n instanceof Neg neg) {
			checkConstantDivisors(neg.operand());
		}
	}

	private static boolean containsRef(Node n) {
		if (n instanceof Ref) {
			return true;
		}
		if (n instanceof Neg neg) {
			return containsRef(neg.operand());
		}
		return n instanceof Bin bin && (containsRef(bin.left()) || containsRef(bin.right()));
	}

	/** Recursive descent: expression := term (± term)*, term := factor (×÷ factor)*, factor := ±factor | number | [code] | (expression). */
	private static final class Parser {
		final String s;
		int pos;
		final Set<String> refs = new LinkedHashSet<>();
		int depth;

		Parser(String s) {
			this.s = s;
		}

		Node expression() {
			Node left = term();
			while (true) {
				skipSpace();
				if (peek('+') || peek('-')) {
					char op = s.charAt(pos++);
					left = new Bin(op, left, operand(op));
				}
				else {
					return left;
				}
			}
		}

		Node term() {
			Node left = factor();
			while (true) {
				skipSpace();
				if (peek('*') || peek('/') || peek('×') || peek(':') || peek('÷')) {
					char c = s.charAt(pos++);
					char op = c == '*' || c == '×' ? '*' : '/';
					left = new Bin(op, left, operandFactor(c));
				}
				else {
					return left;
				}
			}
		}

		private Node operand(char op) {
			skipSpace();
			if (pos >= s.length()) {
				throw error("thiếu toán hạng sau “" + op + "”");
			}
			return term();
		}

		private Node operandFactor(char op) {
			skipSpace();
			if (pos >= s.length()) {
				throw error("thiếu toán hạng sau “" + op + "”");
			}
			return factor();
		}

		Node factor() {
			skipSpace();
			if (pos >= s.length()) {
				throw error("biểu thức kết thúc đột ngột");
			}
			if (++depth > 100) {
				throw error("biểu thức lồng nhau quá sâu");
			}
			try {
				char c = s.charAt(pos);
				if (c == '-' || c == '+') {
					pos++;
					Node inner = factor();
					return c == '-' ? new Neg(inner) : inner;
				}
				if (c == '(') {
					pos++;
					Node inner = expression();
					skipSpace();
					if (!peek(')')) {
						throw error("thiếu dấu ngoặc đóng “)”");
					}
					pos++;
					return inner;
				}
				if (c == '[') {
					int close = s.indexOf(']', pos);
					if (close < 0) {
						throw error("thiếu dấu “]” đóng mã chỉ số");
					}
					String code = s.substring(pos + 1, close).strip().toUpperCase(Locale.ROOT);
					if (code.isEmpty()) {
						throw error("mã chỉ số trong ngoặc vuông trống");
					}
					if (!code.matches("[A-Z0-9][A-Z0-9._-]*")) {
						throw error("mã chỉ số “" + code + "” không hợp lệ");
					}
					pos = close + 1;
					refs.add(code);
					return new Ref(code);
				}
				if (Character.isDigit(c)) {
					int start = pos;
					while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == ',')) {
						pos++;
					}
					String lit = s.substring(start, pos).replace(',', '.');
					if (lit.indexOf('.') != lit.lastIndexOf('.') || lit.endsWith(".")) {
						throw error("số “" + s.substring(start, pos) + "” không hợp lệ");
					}
					return new Num(new BigDecimal(lit));
				}
				if (Character.isLetter(c)) {
					throw error("mã chỉ số phải đặt trong ngoặc vuông, ví dụ [" + word() + "]");
				}
				throw error("ký tự không hợp lệ “" + c + "”");
			}
			finally {
				depth--;
			}
		}

		private String word() {
			int end = pos;
			while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || "._-".indexOf(s.charAt(end)) >= 0)) {
				end++;
			}
			return s.substring(pos, end);
		}

		boolean peek(char c) {
			return pos < s.length() && s.charAt(pos) == c;
		}

		void skipSpace() {
			while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
				pos++;
			}
		}

		DomainException error(String what) {
			return new DomainException("Công thức “" + s + "” sai ở vị trí " + (pos + 1) + ": " + what);
		}
	}

	// ---- a set of formulas ----

	/**
	 * A cycle in the graph "indicator → the indicators its formula uses", as the path that closes it
	 * ({@code [A, B, A]}; {@code [A, A]} for a formula that refers to itself), or an empty list.
	 */
	static List<String> findCycle(Map<String, Set<String>> inputs) {
		Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
		Deque<String> path = new ArrayDeque<>();
		for (String start : new TreeSet<>(inputs.keySet())) {
			List<String> cycle = visit(start, inputs, state, path);
			if (!cycle.isEmpty()) {
				return cycle;
			}
		}
		return List.of();
	}

	private static List<String> visit(String node, Map<String, Set<String>> inputs, Map<String, Integer> state,
			Deque<String> path) {
		Integer s = state.get(node);
		if (s != null && s == 2) {
			return List.of();
		}
		if (s != null && s == 1) {
			List<String> onPath = new ArrayList<>(path);
			Collections.reverse(onPath);
			List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(node), onPath.size()));
			cycle.add(node);
			return cycle;
		}
		state.put(node, 1);
		path.push(node);
		for (String next : inputs.getOrDefault(node, Set.of())) {
			List<String> cycle = visit(next, inputs, state, path);
			if (!cycle.isEmpty()) {
				return cycle;
			}
		}
		path.pop();
		state.put(node, 2);
		return List.of();
	}

	/** Every indicator after the ones it is computed from (the graph must have no cycle). */
	static List<String> evaluationOrder(Map<String, Set<String>> inputs) {
		List<String> order = new ArrayList<>();
		Set<String> done = new LinkedHashSet<>();
		for (String start : new TreeSet<>(inputs.keySet())) {
			order(start, inputs, done, order);
		}
		return order;
	}

	private static void order(String node, Map<String, Set<String>> inputs, Set<String> done, List<String> order) {
		if (!done.add(node)) {
			return;
		}
		for (String next : inputs.getOrDefault(node, Set.of())) {
			order(next, inputs, done, order);
		}
		order.add(node);
	}

	/** The cycle as users read it: "A → B → A". */
	static String describeCycle(List<String> cycle) {
		return String.join(" → ", cycle);
	}

	@Override
	public String toString() {
		return text;
	}
}
