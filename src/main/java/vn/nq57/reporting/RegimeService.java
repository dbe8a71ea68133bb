package vn.nq57.reporting;

import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.agency.AgencyKind;
import vn.nq57.kernel.VnText;
import vn.nq57.reporting.ReportingCalendar.Frequency;
import vn.nq57.reporting.ReportingCalendar.Rule;
import vn.nq57.reporting.ReportingCalendar.Version;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.TextRules;
import vn.nq57.kernel.VnFormat;

/**
 * Reporting regimes as data: their versioned rules, which agencies owe reports under them, and the periods and
 * expected reports that follow ({@link #sync()}, done by {@link ReportingSync}; read by {@link RegimeQueries}). Regimes are DoST's (and the administrator's) to change;
 * every change is audited and takes effect from a day not before today, so periods already under way keep
 * their rules and expected counts of the past stay as they were.
 */
@Service
public class RegimeService {

	private static final VnFormat FMT = new VnFormat();

	public record RegimeVersion(long id, LocalDate validFrom, boolean suspended, Rule rule, Set<AgencyKind> kinds,
			String note, String createdBy) {

		public String kindsLabel() {
			return kinds.isEmpty() ? "(chỉ các cơ quan được chỉ định)"
					: kinds.stream().map(AgencyKind::label).collect(Collectors.joining("; "));
		}
	}

	public record Regime(long id, String code, String name, Frequency frequency, Long planId, String sourceNote,
			LocalDate expectedFrom, long version, List<RegimeVersion> versions) {

		/** The version in force on {@code day}, or {@code null} before the first one. */
		public RegimeVersion versionOn(LocalDate day) {
			RegimeVersion found = null;
			for (RegimeVersion v : versions) {
				if (!v.validFrom().isAfter(day)) {
					found = v;
				}
			}
			return found;
		}

		public String describe(LocalDate day) {
			RegimeVersion v = versionOn(day);
			if (v == null) {
				return versions.isEmpty() ? "Chưa có quy định" : "Áp dụng từ ngày " + versions.get(0).validFrom();
			}
			return v.suspended() ? "Tạm ngừng" : ReportingCalendar.describe(frequency, v.rule());
		}

		List<Version> calendarVersions() {
			return versions.stream().map(v -> new Version(v.validFrom(), v.suspended() ? null : v.rule())).toList();
		}
	}

	public record AgencyRule(long id, long regimeId, long agencyId, String agencyName, String mode,
			LocalDate validFrom, LocalDate validTo, String note) {

		public boolean include() {
			return "INCLUDE".equals(mode);
		}
	}

	public record Span(long agencyId, String agencyName, boolean active, LocalDate reportsFrom, LocalDate reportsUntil,
			boolean untilAuto, Long successorId, String successorName, String note) {
	}

	public record SyncResult(int periods, long expected, int added, int removed, int unexpected) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final AppClock clock;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AgencyDirectory agencies;
	private final RegimeQueries queries;
	private final ReportingSync syncer;

	RegimeService(NamedParameterJdbcTemplate jdbc, AppClock clock, AccessPolicy access, AuditLog audit,
			AgencyDirectory agencies, RegimeQueries queries, ReportingSync syncer) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.access = access;
		this.audit = audit;
		this.agencies = agencies;
		this.queries = queries;
		this.syncer = syncer;
	}

	// ----- reading (RegimeQueries) -----

	public List<Regime> regimes() {
		return queries.regimes();
	}

	public Regime regime(long id) {
		return queries.regime(id);
	}

	public ReportingPeriod period(long id) {
		return queries.period(id);
	}

	public ReportingPeriod period(long regimeId, String key) {
		return queries.period(regimeId, key);
	}

	/** The active periods of a regime whose first day falls in {@code year}, in order. */
	public List<ReportingPeriod> periods(long regimeId, int year) {
		return queries.periods(regimeId, year);
	}

	/** The years that have periods, newest first (for the year selector). */
	public List<Integer> years() {
		return queries.years();
	}

	public List<AgencyRule> agencyRules(long regimeId) {
		return queries.agencyRules(regimeId);
	}

	/** Spans that say something: a start, an end, or an inactive agency. */
	public List<Span> notableSpans() {
		return queries.notableSpans();
	}

	public Span span(long agencyId) {
		return queries.span(agencyId);
	}

	// ----- changing -----

	public boolean canManage(CurrentUser user) {
		return user.is(Role.SECRETARIAT) || user.is(Role.ADMIN);
	}

	private CurrentUser requireManager(String what, Long regimeId) {
		CurrentUser me = AccessPolicy.current();
		access.require(canManage(me), "REPORTING_REGIME", regimeId, what + " (chỉ Sở KH&CN, quản trị hệ thống)");
		return me;
	}

	/** A new regime (another plan's, or Decree 09/2019's) with its first rule. */
	@Transactional
	public long createRegime(String code, String name, Frequency frequency, Long planId, String sourceNote,
			LocalDate validFrom, Rule rule, Set<AgencyKind> kinds) {
		return createRegime(code, name, frequency, planId, sourceNote, validFrom, rule, kinds, new FieldErrors());
	}

	/**
	 * The new-regime form, with the problems it already found ({@code problems}, each on its field): every rule
	 * adds its own, and any problem refuses the regime ({@link vn.nq57.system.FieldsRefused}) with nothing created.
	 */
	@Transactional
	public long createRegime(String code, String name, Frequency frequency, Long planId, String sourceNote,
			LocalDate validFrom, Rule rule, Set<AgencyKind> kinds, FieldErrors problems) {
		CurrentUser me = requireManager("tạo chế độ báo cáo", null);
		if (blank(code)) {
			problems.reject("code", "Chưa nhập mã chế độ báo cáo");
		}
		else if (code.strip().length() > 40) {
			problems.reject("code", "Mã chế độ báo cáo tối đa 40 ký tự (đang có " + code.strip().length() + ")");
		}
		else {
			safe(problems, "code", code);
		}
		if (blank(name)) {
			problems.reject("name", "Chưa nhập tên chế độ báo cáo");
		}
		else if (name.strip().length() > 300) {
			problems.reject("name", "Tên chế độ báo cáo tối đa 300 ký tự (đang có " + name.strip().length() + ")");
		}
		else {
			safe(problems, "name", name);
		}
		if (frequency == null && !problems.has("frequency")) {
			problems.reject("frequency", "Chưa chọn tần suất báo cáo");
		}
		safe(problems, "sourceNote", sourceNote);
		if (validFrom == null && !problems.has("validFrom")) {
			problems.reject("validFrom", "Chưa nhập ngày bắt đầu áp dụng");
		}
		if (rule == null && problems.isEmpty()) {
			problems.reject("dueMonth", "Cần nhập đủ hạn gửi (tháng, ngày), ngày chốt số liệu (tháng, ngày) và số ngày gia hạn");
		}
		if (!problems.has("code")) {
			Integer same = jdbc.queryForObject("SELECT count(*) FROM reporting_regime WHERE lower(code) = lower(:c)",
					new MapSqlParameterSource("c", code.strip()), Integer.class);
			if (same != null && same > 0) {
				problems.reject("code", "Mã chế độ báo cáo “" + code.strip() + "” đã được dùng");
			}
		}
		problems.refuseIfAny();
		Long id = jdbc.queryForObject("""
				INSERT INTO reporting_regime(code, name, frequency, plan_id, source_note, position)
				VALUES (:code, :name, :f, :plan, :note, (SELECT coalesce(max(position), 0) + 1 FROM reporting_regime))
				RETURNING id""", new MapSqlParameterSource("code", code.strip()).addValue("name", name.strip())
			.addValue("f", frequency.name()).addValue("plan", planId).addValue("note", trim(sourceNote)), Long.class);
		insertVersion(id, validFrom, false, rule, kinds, null, me);
		audit.change("REGIME_CREATED", "REPORTING_REGIME", id, null, name.strip(), null,
				Map.of("code", code.strip(), "name", name.strip(), "frequency", frequency.name(), "validFrom",
						validFrom.toString(), "rule", ReportingCalendar.describe(frequency, rule), "kinds",
						kinds.stream().map(Enum::name).sorted().toList()));
		sync();
		return id;
	}

	/**
	 * A new rule (or a suspension, {@code rule == null}) from {@code validFrom}, which may not be before today: a
	 * period already begun keeps the rule it began under. A later version not yet in force is replaced.
	 */
	@Transactional
	public void changeRule(long regimeId, LocalDate validFrom, Rule rule, Set<AgencyKind> kinds, String note,
			Long expectedVersion) {
		changeRule(regimeId, validFrom, rule, kinds, note, expectedVersion, new FieldErrors());
	}

	/**
	 * The rule form, with the problems it already found ({@code problems}, each on its field): every rule adds its
	 * own, and any problem refuses the change ({@link vn.nq57.system.FieldsRefused}) with nothing changed.
	 */
	@Transactional
	public void changeRule(long regimeId, LocalDate validFrom, Rule rule, Set<AgencyKind> kinds, String note,
			Long expectedVersion, FieldErrors problems) {
		CurrentUser me = requireManager("sửa chế độ báo cáo", regimeId);
		Regime regime = regime(regimeId);
		if (expectedVersion != null && regime.version() != expectedVersion) {
			throw new ConcurrentEditException("chế độ báo cáo");
		}
		LocalDate today = clock.today();
		safe(problems, "note", note);
		if (validFrom == null && !problems.has("validFrom")) {
			problems.reject("validFrom", "Chưa nhập ngày bắt đầu áp dụng");
		}
		else if (validFrom != null && validFrom.isBefore(today)) {
			problems.reject("validFrom", "Ngày áp dụng " + FMT.date(validFrom) + " ở trước ngày hôm nay ("
					+ FMT.date(today) + "); các kỳ đã qua giữ nguyên quy định đã áp dụng");
		}
		if (validFrom == null || problems.has("validFrom")) {
			// the day is needed for every other rule: what is known is said now
			problems.refuseIfAny();
		}
		RegimeVersion before = regime.versionOn(validFrom);
		Rule effective = rule != null ? rule : before != null ? before.rule() : null;
		if (effective == null && problems.isEmpty()) {
			problems.reject("suspend", "Chế độ báo cáo chưa có quy định nào để tạm ngừng");
		}
		// versions from that day on are not in force yet: the new one replaces them, unless someone already
		// started a report under them (a window can open before its period begins)
		MapSqlParameterSource later = new MapSqlParameterSource("r", regimeId).addValue("d", Date.valueOf(validFrom));
		Integer started = jdbc.queryForObject("""
				SELECT count(*) FROM periodic_report x JOIN reporting_period p ON p.id = x.period_id
				JOIN reporting_regime_version v ON v.id = p.version_id
				WHERE v.regime_id = :r AND v.valid_from >= :d AND x.state <> 'NOT_STARTED'""", later, Integer.class);
		if (started != null && started > 0) {
			problems.reject("validFrom", "Đã có cơ quan lập báo cáo theo quy định áp dụng từ ngày "
					+ FMT.date(validFrom) + " trở đi; không thay được quy định đó, hãy chọn ngày áp dụng muộn hơn");
		}
		problems.refuseIfAny();
		jdbc.update("""
				DELETE FROM reporting_period p USING reporting_regime_version v
				WHERE v.id = p.version_id AND v.regime_id = :r AND v.valid_from >= :d""", later);
		jdbc.update("DELETE FROM reporting_regime_version WHERE regime_id = :r AND valid_from >= :d", later);
		insertVersion(regimeId, validFrom, rule == null, effective, kinds, note, me);
		jdbc.update("UPDATE reporting_regime SET version = version + 1 WHERE id = :r",
				new MapSqlParameterSource("r", regimeId));
		Map<String, Object> b = new LinkedHashMap<>();
		if (before != null) {
			b.put("validFrom", before.validFrom().toString());
			b.put("rule", before.suspended() ? "tạm ngừng" : ReportingCalendar.describe(regime.frequency(), before.rule()));
			b.put("kinds", before.kinds().stream().map(Enum::name).sorted().toList());
		}
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("validFrom", validFrom.toString());
		a.put("rule", rule == null ? "tạm ngừng" : ReportingCalendar.describe(regime.frequency(), rule));
		a.put("kinds", kinds.stream().map(Enum::name).sorted().toList());
		a.put("note", trim(note));
		audit.change("REGIME_CHANGED", "REPORTING_REGIME", regimeId, null, regime.name() + " từ ngày "
				+ FMT.date(validFrom), b, a);
		sync();
	}

	/**
	 * The day from which the regime's reports are owed in this system (periods due on or after it): a province
	 * that starts using the tracker mid-year does not count the months it reported on paper as missing.
	 * {@code null}: from the regime's first period.
	 */
	@Transactional
	public void setExpectedFrom(long regimeId, LocalDate from, String note) {
		setExpectedFrom(regimeId, from, note, new FieldErrors());
	}

	/** The form of the day reports are owed from, with the problems it already found (each beside its field). */
	@Transactional
	public void setExpectedFrom(long regimeId, LocalDate from, String note, FieldErrors problems) {
		requireManager("sửa ngày bắt đầu tính báo cáo phải gửi", regimeId);
		Regime regime = regime(regimeId);
		safe(problems, "note", note);
		problems.refuseIfAny();
		jdbc.update("UPDATE reporting_regime SET expected_from = :d, version = version + 1 WHERE id = :r",
				new MapSqlParameterSource("r", regimeId).addValue("d", from == null ? null : Date.valueOf(from)));
		audit.change("REGIME_EXPECTED_FROM", "REPORTING_REGIME", regimeId, null,
				regime.name() + ": tính báo cáo phải gửi từ " + (from == null ? "kỳ đầu tiên" : FMT.date(from)),
				mapOf("expectedFrom", regime.expectedFrom() == null ? null : regime.expectedFrom().toString()),
				mapOf("expectedFrom", from == null ? null : from.toString(), "note", trim(note)));
		sync();
	}

	/** Names an agency that must report although not of a listed kind, or need not although it is. */
	@Transactional
	public long addAgencyRule(long regimeId, long agencyId, boolean include, LocalDate validFrom, String note) {
		return addAgencyRule(regimeId, Long.valueOf(agencyId), include, validFrom, note, new FieldErrors());
	}

	/** The form that names or exempts one agency, with the problems it already found (each beside its field). */
	@Transactional
	public long addAgencyRule(long regimeId, Long agencyId, boolean include, LocalDate validFrom, String note,
			FieldErrors problems) {
		requireManager("sửa danh sách cơ quan phải báo cáo", regimeId);
		Regime regime = regime(regimeId);
		var agency = agencyId == null ? null : agencies.get(agencyId);
		if (agency == null && !problems.has("agencyId")) {
			problems.reject("agencyId", "Chưa chọn cơ quan, đơn vị");
		}
		else if (agency != null && agency.isCollective()) {
			problems.reject("agencyId", "“" + agency.getName() + "” là nhóm cơ quan, không phải một cơ quan; hãy chọn từng cơ quan");
		}
		safe(problems, "note", note);
		problems.refuseIfAny();
		Long id = jdbc.queryForObject("""
				INSERT INTO reporting_regime_agency(regime_id, agency_id, mode, valid_from, note)
				VALUES (:r, :a, :m, :from, :note) RETURNING id""", new MapSqlParameterSource("r", regimeId)
			.addValue("a", agencyId).addValue("m", include ? "INCLUDE" : "EXCLUDE")
			.addValue("from", validFrom == null ? null : Date.valueOf(validFrom)).addValue("note", trim(note)), Long.class);
		audit.change(include ? "REGIME_AGENCY_INCLUDED" : "REGIME_AGENCY_EXCLUDED", "REPORTING_REGIME", regimeId, null,
				(include ? "Thêm " : "Miễn ") + agency.getName() + " – " + regime.name(), null,
				Map.of("agency", agency.getName(), "mode", include ? "INCLUDE" : "EXCLUDE", "validFrom",
						validFrom == null ? "" : validFrom.toString()));
		sync();
		return id;
	}

	/** Ends an inclusion or exclusion on {@code validTo} (not before today): earlier periods keep it. */
	@Transactional
	public void endAgencyRule(long ruleId, LocalDate validTo) {
		AgencyRule rule = queries.agencyRule(ruleId);
		requireManager("sửa danh sách cơ quan phải báo cáo", rule.regimeId());
		LocalDate end = validTo == null ? clock.today().minusDays(1) : validTo;
		if (end.isBefore(clock.today().minusDays(1))) {
			throw new DomainException("Ngày kết thúc không được trước ngày hôm qua; các kỳ đã qua giữ nguyên");
		}
		jdbc.update("UPDATE reporting_regime_agency SET valid_to = :to WHERE id = :id",
				new MapSqlParameterSource("id", ruleId).addValue("to", Date.valueOf(end)));
		audit.change("REGIME_AGENCY_ENDED", "REPORTING_REGIME", rule.regimeId(), null,
				"Kết thúc quy định riêng cho " + rule.agencyName(), Map.of("validTo", ""), Map.of("validTo", end.toString()));
		sync();
	}

	/**
	 * Records since when and until when an agency owes reports (created or merged mid-year), and which agency
	 * took over its work. {@code null} dates mean "since always" and "still".
	 */
	@Transactional
	public void setSpan(long agencyId, LocalDate from, LocalDate until, Long successorId, String note) {
		setSpan(Long.valueOf(agencyId), from, until, successorId, note, new FieldErrors());
	}

	/** The span form, with the problems it already found: every rule adds its own, each beside its field. */
	@Transactional
	public void setSpan(Long agencyId, LocalDate from, LocalDate until, Long successorId, String note,
			FieldErrors problems) {
		requireManager("ghi thời gian phải báo cáo của cơ quan", null);
		if (agencyId == null && !problems.has("agencyId")) {
			problems.reject("agencyId", "Chưa chọn cơ quan, đơn vị");
		}
		if (from != null && until != null && until.isBefore(from)) {
			problems.reject("reportsUntil", "Ngày thôi báo cáo " + FMT.date(until) + " ở trước ngày bắt đầu báo cáo "
					+ FMT.date(from));
		}
		if (successorId != null && successorId.equals(agencyId)) {
			problems.reject("successorId", "Cơ quan tiếp nhận phải là một cơ quan khác");
		}
		safe(problems, "note", note);
		problems.refuseIfAny();
		if (successorId != null) {
			agencies.get(successorId);
		}
		Span before = span(agencyId);
		jdbc.update("""
				INSERT INTO reporting_agency_span(agency_id, reports_from, reports_until, until_auto, successor_agency_id, note, updated_at)
				VALUES (:a, :from, :until, false, :succ, :note, now())
				ON CONFLICT (agency_id) DO UPDATE SET reports_from = excluded.reports_from,
				  reports_until = excluded.reports_until, until_auto = false,
				  successor_agency_id = excluded.successor_agency_id, note = excluded.note, updated_at = now()""",
				new MapSqlParameterSource("a", agencyId).addValue("from", from == null ? null : Date.valueOf(from))
					.addValue("until", until == null ? null : Date.valueOf(until)).addValue("succ", successorId)
					.addValue("note", trim(note)));
		Map<String, Object> b = new LinkedHashMap<>();
		b.put("reportsFrom", before.reportsFrom() == null ? null : before.reportsFrom().toString());
		b.put("reportsUntil", before.reportsUntil() == null ? null : before.reportsUntil().toString());
		b.put("successor", before.successorName());
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("reportsFrom", from == null ? null : from.toString());
		a.put("reportsUntil", until == null ? null : until.toString());
		a.put("successor", successorId == null ? null : agencies.get(successorId).getName());
		a.put("note", trim(note));
		audit.change("REPORTING_SPAN_SET", "AGENCY", agencyId, null, "Thời gian phải báo cáo: " + before.agencyName(), b, a);
		sync();
	}

	// ----- periods and expected reports (ReportingSync) -----

	/**
	 * Brings periods and expected reports in line with the regimes, the registry and the spans; idempotent, run
	 * at start-up, nightly and after every change here.
	 * <ol>
	 * <li>Spans: an agency seen for the first time owes reports from today (from always, on the very first run);
	 * one found inactive stops owing them from today; DoST's own dates are left alone.</li>
	 * <li>Periods: every period from a regime's first version to the end of the current year.</li>
	 * <li>Expected reports: a row for each (period, agency) of {@code reporting_expectation}; rows no longer
	 * owed are removed when nothing was written in them, else kept as not expected.</li>
	 * </ol>
	 */
	@Transactional
	public SyncResult sync() {
		return syncer.sync();
	}

	private void insertVersion(long regimeId, LocalDate validFrom, boolean suspended, Rule rule, Set<AgencyKind> kinds,
			String note, CurrentUser me) {
		Set<AgencyKind> k = kinds == null ? EnumSet.noneOf(AgencyKind.class) : kinds;
		if (k.contains(AgencyKind.COLLECTIVE)) {
			throw new DomainException("Nhóm cơ quan không tự báo cáo; hãy chọn loại cơ quan");
		}
		jdbc.update("""
				INSERT INTO reporting_regime_version(regime_id, valid_from, suspended, due_month, due_day, due_before,
				       window_end_month, window_end_day, grace_days, agency_kinds, note, created_by)
				VALUES (:r, :from, :susp, :dm, :dd, :db, :wm, :wd, :g, :kinds, :note, :by)""",
				new MapSqlParameterSource("r", regimeId).addValue("from", Date.valueOf(validFrom))
					.addValue("susp", suspended).addValue("dm", rule.dueMonth()).addValue("dd", rule.dueDay())
					.addValue("db", rule.dueBefore()).addValue("wm", rule.windowEndMonth())
					.addValue("wd", rule.windowEndDay()).addValue("g", rule.graceDays())
					.addValue("kinds", k.stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
					.addValue("note", trim(note)).addValue("by", me.displayName()));
	}

	private static Map<String, Object> mapOf(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i + 1 < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}

	/** A text with markup or script noted beside its field. */
	private static void safe(FieldErrors problems, String field, String value) {
		String unsafe = TextRules.firstUnsafe(value);
		if (unsafe != null) {
			problems.reject(field, unsafe);
		}
	}

	private static void safe(String... values) {
		String unsafe = TextRules.firstUnsafe(values);
		if (unsafe != null) {
			throw new DomainException(unsafe);
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String trim(String s) {
		return blank(s) ? null : VnText.nfc(s);
	}
}
