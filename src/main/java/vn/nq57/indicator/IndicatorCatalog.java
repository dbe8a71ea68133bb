package vn.nq57.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.agency.AgencyKind;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;

/**
 * The indicator set's definitions: read, checked and changed by DoST (one by one or from Excel, all or
 * nothing). The form is read by {@link IndicatorForms}, formulas are checked by {@link FormulaGraph}, rows are
 * written by {@link IndicatorStore}. A definition is only stored when it is complete and its formula sound: every indicator it
 * refers to exists and is active, none refers to itself directly or through others, inputs have the same
 * frequency. Every change is audited with the definition before and after, and the figures that depend
 * on it are recomputed in the same transaction.
 */
@Service
class IndicatorCatalog {

	private final NamedParameterJdbcTemplate jdbc;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;
	private final IndicatorCalculator calculator;
	private final IndicatorForms formReader;
	private final IndicatorStore store;

	IndicatorCatalog(NamedParameterJdbcTemplate jdbc, AgencyDirectory agencies, AccessPolicy access,
			IndicatorCalculator calculator, IndicatorForms formReader, IndicatorStore store) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.access = access;
		this.calculator = calculator;
		this.formReader = formReader;
		this.store = store;
	}

	// ---- reading ----

	/** The definitions as last read, and the stamp of the table they were read at. */
	private record Snapshot(String stamp, List<Indicator> indicators, Set<Long> fed) {
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
		snapshot = new Snapshot(stamp, read, Set.copyOf(jdbc.queryForList("SELECT indicator_id FROM indicator_feed",
				new MapSqlParameterSource(), Long.class)));
		return read;
	}

	/**
	 * Whether the indicator's figures come from a capability of the system ({@link IndicatorFeed}): nobody enters
	 * them. A feed is declared together with its indicator, so the snapshot's stamp covers it.
	 */
	boolean fed(Indicator ind) {
		all();
		Snapshot s = snapshot;
		return s != null && s.fed().contains(ind.id());
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
		if (fed(ind)) {
			return false;
		}
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
		Indicator draft = formReader.read(form, before);
		Map<String, Indicator> merged = new LinkedHashMap<>(current);
		if (before != null) {
			merged.remove(before.code());
		}
		if (merged.containsKey(draft.code())) {
			String used = "Mã chỉ số “" + draft.code() + "” đã dùng cho chỉ số “" + merged.get(draft.code()).name() + "”";
			throw new vn.nq57.system.FieldsRefused(used, new vn.nq57.system.FieldErrors().reject("code", used));
		}
		merged.put(draft.code(), draft);
		checkChange(before, draft, merged);
		FormulaGraph.check(merged, List.of(draft));
		Indicator saved = write(before, draft, "Cập nhật");
		recomputeIfNeeded(before, saved);
		return saved;
	}

	/**
	 * An indicator fed by a capability of the system ({@link IndicatorFeed#declare}): created with the feed's
	 * definition when its code is new, marked as fed either way; an existing definition (targets, name, position
	 * edited by DoST) is left as it is. Not a user's action, so no role is required.
	 */
	@Transactional
	Indicator declareFed(IndicatorForm form, String source) {
		String code = form.getCode().strip().toUpperCase(Locale.ROOT);
		Indicator existing = byCode().get(code);
		Indicator saved = existing;
		if (existing == null) {
			Indicator draft = formReader.read(form, null);
			Map<String, Indicator> merged = new LinkedHashMap<>(byCode());
			merged.put(draft.code(), draft);
			FormulaGraph.check(merged, List.of(draft));
			saved = write(null, draft, "Khai báo chỉ số tính từ dữ liệu hệ thống (" + source + ")");
		}
		jdbc.update("""
				INSERT INTO indicator_feed(indicator_id, source) VALUES (:id, :source)
				ON CONFLICT (indicator_id) DO UPDATE SET source = excluded.source""",
				new MapSqlParameterSource("id", saved.id()).addValue("source", source));
		// the feed row is not part of the stamp: forget the snapshot so fed() sees it at once
		snapshot = null;
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
				Indicator draft = formReader.read(f, before);
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
				FormulaGraph.check(merged, drafts);
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
		for (String code : Formula.evaluationOrder(FormulaGraph.graph(now.values()))) {
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

	private Indicator write(Indicator before, Indicator draft, String how) {
		Indicator saved = get(store.write(before, draft));
		store.audited(before, saved, how);
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
}
