package vn.nq57.indicator;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.agency.Agency;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.agency.AgencyKind;
import vn.nq57.kernel.VnText;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;
import vn.nq57.system.TextRules;

/**
 * The indicator set's definitions: read, checked and changed by DoST (one by one or from Excel, all or
 * nothing). A definition is only stored when it is complete and its formula sound: every indicator it
 * refers to exists and is active, none refers to itself directly or through others, inputs have the same
 * frequency. Every change is audited with the definition before and after, and the figures that depend
 * on it are recomputed in the same transaction.
 */
@Service
class IndicatorCatalog {

	static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,49}");
	private static final Pattern TARGET_LINE = Pattern.compile("(\\d{4})\\s*[:=]\\s*([^|]*?)\\s*(?:\\|\\s*(.*))?");

	private final NamedParameterJdbcTemplate jdbc;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;
	private final IndicatorCalculator calculator;

	IndicatorCatalog(NamedParameterJdbcTemplate jdbc, AgencyDirectory agencies, AccessPolicy access, AuditLog audit,
			AppClock clock, IndicatorCalculator calculator) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.calculator = calculator;
	}

	// ---- reading ----

	/** The definitions as last read, and the stamp of the table they were read at. */
	private record Snapshot(String stamp, List<Indicator> indicators) {
	}

	private volatile Snapshot snapshot;

	/**
	 * Every indicator, active or not, in the set's order. Definitions change rarely and are read on every page,
	 * so they are kept in memory and read again only when the table's stamp has moved: the row count, the sum
	 * of versions and the newest writing transaction id ({@code xmin}, never reused, so a change that was rolled
	 * back cannot pass for a later one) — whoever changed them, on any node, and inside the changing transaction.
	 */
	List<Indicator> all() {
		String stamp = jdbc.queryForObject(
				"SELECT count(*) || '/' || coalesce(sum(version), 0) || '/' || coalesce(max(xmin::text::bigint), 0) FROM indicator",
				new MapSqlParameterSource(), String.class);
		Snapshot s = snapshot;
		if (s != null && s.stamp().equals(stamp)) {
			return s.indicators();
		}
		List<Indicator> read = read();
		snapshot = new Snapshot(stamp, read);
		return read;
	}

	private List<Indicator> read() {
		Map<Long, List<Indicator.Target>> targets = new HashMap<>();
		jdbc.query("SELECT indicator_id, year, value, note FROM indicator_target ORDER BY indicator_id, year",
				rs -> {
					targets.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new Indicator.Target(rs.getInt(2), rs.getBigDecimal(3), rs.getString(4)));
				});
		Map<Long, List<Long>> reporters = new HashMap<>();
		jdbc.query("SELECT indicator_id, agency_id FROM indicator_reporter ORDER BY indicator_id, agency_id",
				rs -> {
					reporters.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				});
		return List.copyOf(jdbc.query("SELECT * FROM indicator ORDER BY position, code", (rs, i) -> map(rs,
				targets.getOrDefault(rs.getLong("id"), List.of()), reporters.getOrDefault(rs.getLong("id"), List.of()))));
	}

	Map<String, Indicator> byCode() {
		Map<String, Indicator> m = new LinkedHashMap<>();
		all().forEach(i -> m.put(i.code(), i));
		return m;
	}

	Optional<Indicator> find(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(byCode().get(code.strip().toUpperCase(Locale.ROOT)));
	}

	Indicator get(String code) {
		return find(code).orElseThrow(() -> new NotFoundException("Không tìm thấy chỉ số “" + code + "”"));
	}

	Indicator get(long id) {
		return all().stream().filter(i -> i.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException("Không tìm thấy chỉ số #" + id));
	}

	private static Indicator map(ResultSet rs, List<Indicator.Target> targets, List<Long> reporters) throws SQLException {
		String agg = rs.getString("aggregation");
		String fk = rs.getString("formula_kind");
		return new Indicator(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("category"),
				rs.getString("unit"), IndicatorKind.valueOf(rs.getString("kind")), agg == null ? null : Aggregation.valueOf(agg),
				fk == null ? null : FormulaKind.valueOf(fk), rs.getString("numerator_code"), rs.getString("denominator_code"),
				rs.getString("expression"), Direction.valueOf(rs.getString("direction")),
				Frequency.valueOf(rs.getString("frequency")), rs.getLong("responsible_agency_id"), rs.getString("data_source"),
				Breakdown.valueOf(rs.getString("breakdown")), rs.getBigDecimal("baseline_value"),
				(Integer) rs.getObject("baseline_year"), rs.getBigDecimal("green_pct"), rs.getBigDecimal("amber_pct"),
				rs.getBigDecimal("min_value"), rs.getBigDecimal("max_value"), rs.getInt("decimals"), rs.getInt("due_days"),
				rs.getBoolean("on_scoreboard"), rs.getInt("position"), rs.getBoolean("active"), rs.getLong("version"),
				List.copyOf(targets), List.copyOf(reporters));
	}

	// ---- who reports ----

	/** The indicator whose reporters a computed indicator takes (its first input), or itself. */
	Indicator reportingSource(Indicator ind, Map<String, Indicator> all) {
		Indicator cur = ind;
		for (int depth = 0; cur.computed() && depth < 20; depth++) {
			String first = cur.formula().references().iterator().next();
			Indicator next = all.get(first);
			if (next == null) {
				return cur;
			}
			cur = next;
		}
		return cur;
	}

	/** Whether the agency is expected to report the (entered) indicator. */
	boolean reports(Indicator ind, long agencyId) {
		return switch (ind.breakdown()) {
			case PROVINCE -> ind.responsibleAgencyId() == agencyId;
			case COMMUNE -> agencies.find(agencyId).map(a -> a.isActive() && a.getKind() == AgencyKind.COMMUNE).orElse(false);
			case AGENCY -> ind.reporterIds().isEmpty()
					? agencies.find(agencyId).map(a -> a.isActive() && a.getKind() == AgencyKind.DEPARTMENT).orElse(false)
					: ind.reporterIds().contains(agencyId);
		};
	}

	/** SQL that lists the ids of the agencies expected to report (column {@code id}), with its parameters. */
	static String reportersSql(Indicator ind, MapSqlParameterSource p) {
		return switch (ind.breakdown()) {
			case PROVINCE -> {
				p.addValue("resp", ind.responsibleAgencyId());
				yield "SELECT CAST(:resp AS bigint) AS id";
			}
			case COMMUNE -> "SELECT id FROM agency_view WHERE active AND kind = 'COMMUNE'";
			case AGENCY -> {
				if (ind.reporterIds().isEmpty()) {
					yield "SELECT id FROM agency_view WHERE active AND kind = 'DEPARTMENT'";
				}
				p.addValue("reporterIds", ind.reporterIds());
				yield "SELECT id FROM agency_view WHERE id IN (:reporterIds)";
			}
		};
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

	// ---- changing ----

	@Transactional
	Indicator save(Long id, IndicatorForm form) {
		requireManager("sửa bộ chỉ số (chỉ Sở KH&CN)");
		Map<String, Indicator> current = byCode();
		Indicator before = id == null ? null : current.values().stream().filter(i -> i.id() == id).findFirst()
			.orElseThrow(() -> new NotFoundException("Không tìm thấy chỉ số #" + id));
		if (before != null && form.getVersion() != null && before.version() != form.getVersion()) {
			throw new ConcurrentEditException("chỉ số");
		}
		Indicator draft = parse(form, before);
		Map<String, Indicator> merged = new LinkedHashMap<>(current);
		if (before != null) {
			merged.remove(before.code());
		}
		if (merged.containsKey(draft.code())) {
			throw new DomainException("Mã chỉ số “" + draft.code() + "” đã dùng cho chỉ số “" + merged.get(draft.code()).name() + "”");
		}
		merged.put(draft.code(), draft);
		checkChange(before, draft, merged);
		checkSet(merged, List.of(draft));
		Indicator saved = write(before, draft, "Cập nhật");
		recomputeIfNeeded(before, saved);
		return saved;
	}

	/**
	 * Creates or updates (matched on code) every indicator of the list, or none: the first problems are
	 * reported by row, nothing is stored. {@code rowLabels} name each form in messages ("Dòng 5").
	 */
	@Transactional
	List<Indicator> importAll(List<IndicatorForm> forms, List<String> rowLabels) {
		requireManager("nhập bộ chỉ số từ tệp Excel (chỉ Sở KH&CN)");
		Map<String, Indicator> current = byCode();
		Map<String, Indicator> merged = new LinkedHashMap<>(current);
		List<Indicator> drafts = new ArrayList<>();
		List<Indicator> befores = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < forms.size(); i++) {
			IndicatorForm f = forms.get(i);
			String where = rowLabels.get(i);
			try {
				String code = f.getCode() == null ? "" : f.getCode().strip().toUpperCase(Locale.ROOT);
				if (!code.isEmpty() && !seen.add(code)) {
					throw new DomainException("mã “" + code + "” lặp lại trong tệp");
				}
				Indicator before = current.get(code);
				Indicator draft = parse(f, before);
				checkChange(before, draft, merged);
				merged.put(draft.code(), draft);
				drafts.add(draft);
				befores.add(before);
			}
			catch (DomainException e) {
				errors.add(where + ": " + e.getMessage());
			}
		}
		if (errors.isEmpty()) {
			try {
				checkSet(merged, drafts);
			}
			catch (DomainException e) {
				errors.add(e.getMessage());
			}
		}
		if (!errors.isEmpty()) {
			int shown = Math.min(errors.size(), 20);
			throw new DomainException("Tệp có " + errors.size() + " lỗi, chưa nhập chỉ số nào: "
					+ String.join("; ", errors.subList(0, shown)) + (errors.size() > shown ? "; …" : ""));
		}
		List<Indicator> saved = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			saved.add(write(befores.get(i), drafts.get(i), "Nhập từ Excel"));
		}
		Map<String, Indicator> now = byCode();
		for (String code : Formula.evaluationOrder(graph(now.values()))) {
			for (int i = 0; i < saved.size(); i++) {
				if (saved.get(i).code().equals(code)) {
					recomputeIfNeeded(befores.get(i), now.get(code));
				}
			}
		}
		return saved;
	}

	private void requireManager(String what) {
		CurrentUser me = AccessPolicy.current();
		access.require(access.canManagePlans(me), "INDICATOR", null, what);
	}

	/** Changes refused once an indicator has values: they would silently reinterpret what agencies entered. */
	private void checkChange(Indicator before, Indicator draft, Map<String, Indicator> all) {
		if (before == null) {
			return;
		}
		boolean hasValues = Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM indicator_value WHERE indicator_id = :id AND state <> 'COMPUTED')",
				new MapSqlParameterSource("id", before.id()), Boolean.class));
		if (hasValues && before.frequency() != draft.frequency()) {
			throw new DomainException("Chỉ số “" + before.code() + "” đã có số liệu theo kỳ " + before.frequency().label().toLowerCase(Locale.ROOT)
					+ "; không đổi tần suất được (hãy tạo chỉ số mới)");
		}
		if (hasValues && before.breakdown() != draft.breakdown()) {
			throw new DomainException("Chỉ số “" + before.code() + "” đã có số liệu; không đổi phân tổ được (hãy tạo chỉ số mới)");
		}
		if (hasValues && before.kind() != draft.kind()) {
			throw new DomainException("Chỉ số “" + before.code() + "” đã có số liệu nhập; không chuyển thành chỉ số tính toán được");
		}
		if (!before.code().equals(draft.code())) {
			for (Indicator other : all.values()) {
				if (other.computed() && other.id() != before.id() && other.formula().references().contains(before.code())) {
					throw new DomainException("Mã “" + before.code() + "” đang được dùng trong công thức của chỉ số “"
							+ other.code() + "”; không đổi mã được");
				}
			}
		}
	}

	/** Formulas of the changed indicators refer to existing, active indicators of their frequency; no cycle; no active indicator loses an input. */
	/** Every formula's references over the whole set; every indicator's first problem is named at once. */
	private void checkSet(Map<String, Indicator> all, List<Indicator> changed) {
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

	private Indicator write(Indicator before, Indicator d, String how) {
		MapSqlParameterSource p = new MapSqlParameterSource()
			.addValue("code", d.code()).addValue("name", d.name()).addValue("category", d.category())
			.addValue("unit", d.unit()).addValue("kind", d.kind().name())
			.addValue("aggregation", d.aggregation() == null ? null : d.aggregation().name())
			.addValue("formulaKind", d.formulaKind() == null ? null : d.formulaKind().name())
			.addValue("num", d.numeratorCode()).addValue("den", d.denominatorCode()).addValue("expr", d.expression())
			.addValue("direction", d.direction().name()).addValue("frequency", d.frequency().name())
			.addValue("resp", d.responsibleAgencyId()).addValue("source", d.dataSource())
			.addValue("breakdown", d.breakdown().name()).addValue("bv", d.baselineValue()).addValue("by", d.baselineYear())
			.addValue("green", d.greenPct()).addValue("amber", d.amberPct()).addValue("min", d.minValue())
			.addValue("max", d.maxValue()).addValue("decimals", d.decimals()).addValue("dueDays", d.dueDays())
			.addValue("board", d.onScoreboard()).addValue("position", d.position()).addValue("active", d.active())
			.addValue("now", Timestamp.from(clock.now()));
		long id;
		if (before == null) {
			id = jdbc.queryForObject("""
					INSERT INTO indicator(code, name, category, unit, kind, aggregation, formula_kind, numerator_code,
					  denominator_code, expression, direction, frequency, responsible_agency_id, data_source, breakdown,
					  baseline_value, baseline_year, green_pct, amber_pct, min_value, max_value, decimals, due_days,
					  on_scoreboard, position, active, created_at, updated_at)
					VALUES (:code, :name, :category, :unit, :kind, :aggregation, :formulaKind, :num, :den, :expr, :direction,
					  :frequency, :resp, :source, :breakdown, :bv, :by, :green, :amber, :min, :max, :decimals, :dueDays,
					  :board, :position, :active, :now, :now)
					RETURNING id""", p, Long.class);
		}
		else {
			id = before.id();
			int n = jdbc.update("""
					UPDATE indicator SET code = :code, name = :name, category = :category, unit = :unit, kind = :kind,
					  aggregation = :aggregation, formula_kind = :formulaKind, numerator_code = :num, denominator_code = :den,
					  expression = :expr, direction = :direction, frequency = :frequency, responsible_agency_id = :resp,
					  data_source = :source, breakdown = :breakdown, baseline_value = :bv, baseline_year = :by,
					  green_pct = :green, amber_pct = :amber, min_value = :min, max_value = :max, decimals = :decimals,
					  due_days = :dueDays, on_scoreboard = :board, position = :position, active = :active,
					  version = version + 1, updated_at = :now
					WHERE id = :id AND version = :version""", p.addValue("id", id).addValue("version", before.version()));
			if (n == 0) {
				throw new ConcurrentEditException("chỉ số");
			}
			jdbc.update("DELETE FROM indicator_target WHERE indicator_id = :id", p);
			jdbc.update("DELETE FROM indicator_reporter WHERE indicator_id = :id", p);
		}
		for (Indicator.Target t : d.targets()) {
			jdbc.update("INSERT INTO indicator_target(indicator_id, year, value, note) VALUES (:id, :year, :value, :note)",
					new MapSqlParameterSource("id", id).addValue("year", t.year()).addValue("value", t.value())
						.addValue("note", t.note()));
		}
		for (Long agencyId : d.reporterIds()) {
			jdbc.update("INSERT INTO indicator_reporter(indicator_id, agency_id) VALUES (:id, :agency)",
					new MapSqlParameterSource("id", id).addValue("agency", agencyId));
		}
		Indicator saved = get(id);
		audit.change(before == null ? "INDICATOR_CREATED" : "INDICATOR_UPDATED", "INDICATOR", id, null,
				(before == null ? "Thêm chỉ số " : how + " chỉ số ") + saved.code() + " – " + saved.name(),
				before == null ? null : snapshot(before), snapshot(saved));
		return saved;
	}

	private void recomputeIfNeeded(Indicator before, Indicator after) {
		boolean formulaChanged = before == null || !Objects.equals(before.formulaText(), after.formulaText())
				|| before.breakdown() != after.breakdown() || before.active() != after.active();
		boolean ruleChanged = before == null || before.aggregation() != after.aggregation()
				|| before.percent() != after.percent();
		if ((after.computed() && formulaChanged) || (!after.computed() && ruleChanged)) {
			calculator.recompute(after, byCode());
		}
	}

	static Map<String, Object> snapshot(Indicator i) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", i.code());
		m.put("name", i.name());
		m.put("category", i.category());
		m.put("unit", i.unit());
		m.put("kind", i.kind().name());
		m.put("aggregation", i.aggregation() == null ? null : i.aggregation().name());
		m.put("formula", i.computed() ? i.formulaText() : null);
		m.put("direction", i.direction().name());
		m.put("frequency", i.frequency().name());
		m.put("responsibleAgencyId", i.responsibleAgencyId());
		m.put("dataSource", i.dataSource());
		m.put("breakdown", i.breakdown().name());
		m.put("baseline", i.baselineValue() == null ? null : i.baselineValue().toPlainString() + " (" + i.baselineYear() + ")");
		Map<String, String> targets = new LinkedHashMap<>();
		i.targets().forEach(t -> targets.put(String.valueOf(t.year()), t.value().toPlainString()));
		m.put("targets", targets);
		m.put("thresholds", i.greenPct().toPlainString() + "/" + i.amberPct().toPlainString());
		m.put("min", i.minValue() == null ? null : i.minValue().toPlainString());
		m.put("max", i.maxValue() == null ? null : i.maxValue().toPlainString());
		m.put("decimals", i.decimals());
		m.put("dueDays", i.dueDays());
		m.put("onScoreboard", i.onScoreboard());
		m.put("active", i.active());
		m.put("reporters", i.reporterIds());
		return m;
	}

	// ---- the form ----

	/** The form filled with a definition (for the edit page and the Excel export). */
	IndicatorForm toForm(Indicator i) {
		IndicatorForm f = new IndicatorForm();
		f.setCode(i.code());
		f.setName(i.name());
		f.setCategory(i.category());
		f.setUnit(i.unit());
		f.setKind(i.kind().name());
		f.setAggregation(i.aggregation() == null ? null : i.aggregation().name());
		f.setFormulaKind(i.formulaKind() == null ? null : i.formulaKind().name());
		f.setNumeratorCode(i.numeratorCode());
		f.setDenominatorCode(i.denominatorCode());
		f.setExpression(i.expression());
		f.setDirection(i.direction().name());
		f.setFrequency(i.frequency().name());
		f.setResponsibleAgencyId(i.responsibleAgencyId());
		f.setDataSource(i.dataSource());
		f.setBreakdown(i.breakdown().name());
		f.setBaselineValue(i.baselineValue() == null ? "" : VnNumber.compact(i.baselineValue(), 6));
		f.setBaselineYear(i.baselineYear() == null ? "" : String.valueOf(i.baselineYear()));
		StringBuilder t = new StringBuilder();
		for (Indicator.Target x : i.targets()) {
			t.append(x.year()).append(": ").append(VnNumber.compact(x.value(), 6));
			if (x.note() != null && !x.note().isBlank()) {
				t.append(" | ").append(x.note());
			}
			t.append('\n');
		}
		f.setTargets(t.toString().strip());
		f.setGreenPct(VnNumber.compact(i.greenPct(), 2));
		f.setAmberPct(VnNumber.compact(i.amberPct(), 2));
		f.setMinValue(i.minValue() == null ? "" : VnNumber.compact(i.minValue(), 6));
		f.setMaxValue(i.maxValue() == null ? "" : VnNumber.compact(i.maxValue(), 6));
		f.setDecimals(String.valueOf(i.decimals()));
		f.setDueDays(String.valueOf(i.dueDays()));
		f.setOnScoreboard(i.onScoreboard());
		f.setPosition(String.valueOf(i.position()));
		f.setActive(i.active());
		f.setReporterIds(new ArrayList<>(i.reporterIds()));
		f.setVersion(i.version());
		return f;
	}

	/** A blank form with the usual defaults. */
	static IndicatorForm blankForm() {
		IndicatorForm f = new IndicatorForm();
		f.setKind(IndicatorKind.ENTERED.name());
		f.setAggregation(Aggregation.SUM.name());
		f.setDirection(Direction.HIGHER.name());
		f.setFrequency(Frequency.QUARTERLY.name());
		f.setBreakdown(Breakdown.PROVINCE.name());
		f.setGreenPct("100");
		f.setAmberPct("80");
		f.setMinValue("0");
		f.setDueDays("10");
		return f;
	}

	/** Reads and checks one form on its own; every problem found is reported at once. */
	Indicator parse(IndicatorForm f, Indicator before) {
		List<String> errors = new ArrayList<>();
		String code = f.getCode() == null ? "" : f.getCode().strip().toUpperCase(Locale.ROOT);
		if (code.isEmpty()) {
			errors.add("Chưa nhập mã chỉ số");
		}
		else if (!CODE.matcher(code).matches()) {
			errors.add("Mã chỉ số “" + code + "” chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (tối đa 50 ký tự)");
		}
		String name = VnText.nfc(f.getName());
		if (name == null || name.isEmpty()) {
			errors.add("Chưa nhập tên chỉ số");
		}
		else if (name.length() > 500) {
			errors.add("Tên chỉ số quá dài (tối đa 500 ký tự)");
		}
		String unit = VnText.nfc(f.getUnit());
		if (unit == null || unit.isEmpty()) {
			errors.add("Chưa nhập đơn vị tính (ví dụ %, hệ thống, TB)");
		}
		else if (unit.length() > 50) {
			errors.add("Đơn vị tính quá dài");
		}
		String category = blankToNull(VnText.nfc(f.getCategory()));
		String source = blankToNull(VnText.nfc(f.getDataSource()));
		String unsafe = TextRules.firstUnsafe(name, unit, category, source, f.getExpression());
		if (unsafe != null) {
			errors.add(unsafe);
		}
		IndicatorKind kind = required(IndicatorKind.parse(f.getKind()), f.getKind(), "Loại chỉ số (nhập số liệu / tính theo công thức)", errors);
		Direction direction = required(Direction.parse(f.getDirection()), f.getDirection(), "Chiều tốt (cao hơn / thấp hơn là tốt)", errors);
		Frequency frequency = required(Frequency.parse(f.getFrequency()), f.getFrequency(), "Tần suất", errors);
		Breakdown breakdown = required(Breakdown.parse(f.getBreakdown()), f.getBreakdown(), "Phân tổ", errors);
		Aggregation aggregation = null;
		FormulaKind formulaKind = null;
		String num = null;
		String den = null;
		String expression = null;
		if (kind == IndicatorKind.ENTERED) {
			aggregation = required(Aggregation.parse(f.getAggregation()), f.getAggregation(), "Cách tổng hợp", errors);
		}
		else if (kind == IndicatorKind.COMPUTED) {
			formulaKind = required(FormulaKind.parse(f.getFormulaKind()), f.getFormulaKind(), "Kiểu công thức", errors);
			if (formulaKind == FormulaKind.RATIO) {
				num = blankToNull(f.getNumeratorCode() == null ? null : f.getNumeratorCode().strip().toUpperCase(Locale.ROOT));
				den = blankToNull(f.getDenominatorCode() == null ? null : f.getDenominatorCode().strip().toUpperCase(Locale.ROOT));
				if (num == null || den == null) {
					errors.add("Công thức tỷ lệ cần mã chỉ số tử số và mã chỉ số mẫu số");
				}
				else {
					try {
						Formula.ratio(num, den, false);
					}
					catch (DomainException e) {
						errors.add(e.getMessage());
					}
				}
			}
			else if (formulaKind == FormulaKind.EXPRESSION) {
				expression = blankToNull(f.getExpression() == null ? null : f.getExpression().strip());
				try {
					Formula.parse(expression);
				}
				catch (DomainException e) {
					errors.add(e.getMessage());
				}
			}
		}
		Long resp = f.getResponsibleAgencyId();
		if (resp == null) {
			errors.add("Chưa chọn cơ quan chịu trách nhiệm");
		}
		else {
			Optional<Agency> a = agencies.find(resp);
			if (a.isEmpty() || a.get().isCollective()) {
				errors.add("Cơ quan chịu trách nhiệm phải là một cơ quan, đơn vị cụ thể trong danh mục");
			}
		}
		BigDecimal baselineValue = number(f.getBaselineValue(), "Giá trị gốc", errors);
		Integer baselineYear = year(f.getBaselineYear(), "Năm gốc", errors);
		if ((baselineValue == null) != (baselineYear == null) && errors.isEmpty()) {
			errors.add("Giá trị gốc và năm gốc phải nhập cùng nhau");
		}
		List<Indicator.Target> targets = targets(f.getTargets(), errors);
		BigDecimal green = orDefault(number(f.getGreenPct(), "Ngưỡng xanh", errors), 100);
		BigDecimal amber = orDefault(number(f.getAmberPct(), "Ngưỡng vàng", errors), 80);
		if (green.signum() <= 0 || amber.signum() <= 0 || amber.compareTo(green) > 0) {
			errors.add("Ngưỡng đèn phải dương và ngưỡng vàng không lớn hơn ngưỡng xanh (ví dụ xanh 100%, vàng 80% tiến độ cần có)");
		}
		BigDecimal min = number(f.getMinValue(), "Giá trị tối thiểu", errors);
		BigDecimal max = number(f.getMaxValue(), "Giá trị tối đa", errors);
		if (min != null && max != null && min.compareTo(max) > 0) {
			errors.add("Giá trị tối thiểu lớn hơn giá trị tối đa");
		}
		Integer decimals = integer(f.getDecimals(), "Số chữ số thập phân", 0, Formula.SCALE, errors);
		Integer dueDays = integer(f.getDueDays(), "Hạn nhập (số ngày sau kỳ)", 0, 366, errors);
		Integer position = integer(f.getPosition(), "Thứ tự", -1_000_000, 1_000_000, errors);
		List<Long> reporters = new ArrayList<>();
		if (breakdown == Breakdown.AGENCY && kind == IndicatorKind.ENTERED && f.getReporterIds() != null) {
			for (Long rid : new LinkedHashSet<>(f.getReporterIds())) {
				if (rid == null) {
					continue;
				}
				Optional<Agency> a = agencies.find(rid);
				if (a.isEmpty() || a.get().isCollective()) {
					errors.add("Cơ quan báo cáo #" + rid + " không phải một cơ quan, đơn vị cụ thể");
				}
				else {
					reporters.add(rid);
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new DomainException(String.join("; ", errors));
		}
		boolean percent = "%".equals(unit);
		return new Indicator(before == null ? 0 : before.id(), code, name, category, unit, kind, aggregation, formulaKind,
				num, den, expression, direction, frequency, resp, source, breakdown, baselineValue, baselineYear, green, amber,
				min, max, decimals == null ? (percent ? 2 : 0) : decimals, dueDays == null ? 10 : dueDays, f.isOnScoreboard(),
				position == null ? (before == null ? nextPosition() : before.position()) : position, f.isActive(),
				before == null ? 0 : before.version(), targets, List.copyOf(reporters));
	}

	private int nextPosition() {
		Integer max = jdbc.queryForObject("SELECT coalesce(max(position), 0) FROM indicator", new MapSqlParameterSource(),
				Integer.class);
		return (max == null ? 0 : max) + 10;
	}

	private static <T> T required(T parsed, String text, String field, List<String> errors) {
		if (parsed == null) {
			errors.add(text == null || text.isBlank() ? "Chưa chọn " + field.toLowerCase(Locale.ROOT)
					: field + ": “" + text.strip() + "” không hợp lệ");
		}
		return parsed;
	}

	private static BigDecimal number(String text, String field, List<String> errors) {
		try {
			return VnNumber.parse(text, field);
		}
		catch (DomainException e) {
			errors.add(e.getMessage());
			return null;
		}
	}

	private static Integer year(String text, String field, List<String> errors) {
		Integer y = integer(text, field, Period.MIN_YEAR, Period.MAX_YEAR, errors);
		return y;
	}

	private static Integer integer(String text, String field, int min, int max, List<String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		if (t.endsWith(",0") || t.endsWith(".0")) {
			t = t.substring(0, t.length() - 2);
		}
		if (!t.matches("-?\\d{1,9}")) {
			errors.add(field + ": “" + text.strip() + "” phải là số nguyên");
			return null;
		}
		int v = Integer.parseInt(t);
		if (v < min || v > max) {
			errors.add(field + " phải từ " + min + " đến " + max);
			return null;
		}
		return v;
	}

	private static List<Indicator.Target> targets(String text, List<String> errors) {
		Map<Integer, Indicator.Target> out = new TreeMap<>();
		if (text == null) {
			return List.of();
		}
		for (String line : text.split("[\\r\\n]+")) {
			if (line.isBlank()) {
				continue;
			}
			Matcher m = TARGET_LINE.matcher(line.strip());
			if (!m.matches()) {
				errors.add("Chỉ tiêu “" + line.strip() + "” không đúng dạng “năm: giá trị” (ví dụ 2026: 60)");
				continue;
			}
			int year = Integer.parseInt(m.group(1));
			if (year < Period.MIN_YEAR || year > Period.MAX_YEAR) {
				errors.add("Năm chỉ tiêu " + year + " phải từ " + Period.MIN_YEAR + " đến " + Period.MAX_YEAR);
				continue;
			}
			BigDecimal value = number(m.group(2), "Chỉ tiêu năm " + year, errors);
			if (value == null) {
				if (m.group(2).isBlank()) {
					errors.add("Chỉ tiêu năm " + year + " chưa có giá trị");
				}
				continue;
			}
			String note = blankToNull(VnText.nfc(m.group(3)));
			if (note != null && !TextRules.isSafe(note)) {
				errors.add(TextRules.firstUnsafe(note));
				continue;
			}
			if (out.put(year, new Indicator.Target(year, value, note)) != null) {
				errors.add("Chỉ tiêu năm " + year + " nhập hai lần");
			}
		}
		return List.copyOf(out.values());
	}

	private static BigDecimal orDefault(BigDecimal v, int fallback) {
		return v == null ? BigDecimal.valueOf(fallback) : v;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
