package vn.nq57.indicator;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.kernel.VnText;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;
import vn.nq57.system.TextRules;

/**
 * Values from agencies: the agency's officer enters a value for a period (with a source note and a file),
 * the agency's head approves it (a value the head enters is approved at once), DoST can return an
 * approved value with a reason. Only approved values count in the province's figures; a correction waits
 * for approval while the previous approved figure stays. A refused value changes nothing. Every step is in
 * the value's history and the audit trail, with the value before and after.
 */
@Service
class IndicatorEntry {

	/** An agency's value as submitted; numbers already read (from the form's text, or JSON). */
	record Submission(Long agencyId, String period, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
			String sourceNote, Long version) {
	}

	record Result(long id, ValueState state, String flag) {
	}

	record ValueRow(long id, long indicatorId, long agencyId, String agencyName, LocalDate periodStart,
			BigDecimal value, BigDecimal numerator, BigDecimal denominator, ValueState state, BigDecimal approvedValue,
			BigDecimal approvedNumerator, BigDecimal approvedDenominator, String flag, String sourceNote, Long fileId,
			String returnReason, String enteredBy, Instant enteredAt, String approvedBy, Instant approvedAt, long version) {
	}

	record HistoryRow(String action, ValueState state, BigDecimal value, BigDecimal numerator, BigDecimal denominator,
			String note, String actor, Instant at) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final IndicatorCatalog catalog;
	private final IndicatorCalculator calculator;
	private final IndicatorAccess access;
	private final IndicatorFiles files;
	private final AgencyDirectory agencies;
	private final AuditLog audit;
	private final AppClock clock;
	private final IndicatorSettings settings;

	IndicatorEntry(NamedParameterJdbcTemplate jdbc, IndicatorCatalog catalog, IndicatorCalculator calculator,
			IndicatorAccess access, IndicatorFiles files, AgencyDirectory agencies, AuditLog audit, AppClock clock,
			IndicatorSettings settings) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.calculator = calculator;
		this.access = access;
		this.files = files;
		this.agencies = agencies;
		this.audit = audit;
		this.clock = clock;
	}

	/** The same as {@link #enter}, with the numbers as typed in the form (1.526; 99,30). */
	@Transactional
	Result enterTyped(String code, Long agencyId, String period, String value, String numerator, String denominator,
			String sourceNote, Long version, MultipartFile file) {
		Indicator ind = catalog.get(code);
		checkAllowed(ind, agencyId);
		// every number that cannot be read is said at once, each beside its field
		vn.nq57.system.FieldErrors problems = new vn.nq57.system.FieldErrors();
		BigDecimal v = parse(value, "Giá trị", "value", problems);
		BigDecimal num = parse(numerator, "Tử số", "numerator", problems);
		BigDecimal den = parse(denominator, "Mẫu số", "denominator", problems);
		if (sourceNote != null && sourceNote.length() > 1000) {
			problems.reject("sourceNote", "Ghi chú nguồn số liệu quá dài (tối đa 1.000 ký tự)");
		}
		if (!problems.isEmpty()) {
			throw new vn.nq57.system.FieldsRefused(String.join("; ", problems.all().values().stream()
				.flatMap(List::stream).toList()), problems);
		}
		return enter(code, new Submission(agencyId, period, v, num, den, sourceNote, version), file);
	}

	private static BigDecimal parse(String text, String label, String field, vn.nq57.system.FieldErrors problems) {
		try {
			return VnNumber.parse(text, label);
		}
		catch (DomainException e) {
			problems.reject(field, e.getMessage());
			return null;
		}
	}

	@Transactional
	Result enter(String code, Submission in, MultipartFile file) {
		CurrentUser me = IndicatorAccess.me();
		Indicator ind = catalog.get(code);
		long agencyId = checkAllowed(ind, in.agencyId());
		Period period = Period.parse(ind.frequency(), in.period());
		if (period.start().isAfter(clock.today())) {
			throw new DomainException("Kỳ " + period.label() + " chưa bắt đầu; chưa nhập số liệu cho kỳ này được");
		}
		String note = in.sourceNote() == null || in.sourceNote().isBlank() ? null : VnText.nfc(in.sourceNote());
		if (note != null && !TextRules.isSafe(note)) {
			throw new DomainException("Ghi chú nguồn số liệu: " + TextRules.MESSAGE);
		}
		if (note != null && note.length() > 1000) {
			throw new DomainException("Ghi chú nguồn số liệu quá dài (tối đa 1.000 ký tự)");
		}
		BigDecimal value = VnNumber.check(in.value(), "Giá trị");
		BigDecimal num = VnNumber.check(in.numerator(), "Tử số");
		BigDecimal den = VnNumber.check(in.denominator(), "Mẫu số");
		ValueChecks.JumpRule jumpRule = settings.jumpRule();
		MapSqlParameterSource cell = new MapSqlParameterSource("ind", ind.id()).addValue("agency", agencyId)
			.addValue("p", Date.valueOf(period.start()));
		List<BigDecimal> previous = jdbc.queryForList("""
				SELECT approved_value FROM indicator_value
				WHERE agency_id = :agency AND indicator_id = :ind AND period_start < :p AND approved_value IS NOT NULL
				ORDER BY period_start DESC LIMIT :n""", new MapSqlParameterSource(cell.getValues()).addValue("n", jumpRule.series()),
				BigDecimal.class);
		ValueChecks.Outcome o = ValueChecks.check(ind.spec(), new ValueChecks.Candidate(value, num, den), previous,
				ind.decimals(), jumpRule);
		if (o.refused()) {
			throw new DomainException(String.join("; ", o.errors()));
		}
		IndicatorFiles.Upload upload = files.read(file);
		Optional<ValueRow> existing = row(cell, true);
		if (existing.isPresent() && in.version() != null && existing.get().version() != in.version()) {
			throw new ConcurrentEditException("số liệu");
		}
		boolean byHead = me.is(Role.AGENCY_HEAD);
		ValueState state = byHead ? ValueState.APPROVED : ValueState.DRAFT;
		Long fileId = existing.map(ValueRow::fileId).orElse(null);
		if (upload != null) {
			fileId = files.store(upload, ind.id(), agencyId, me.id());
		}
		Timestamp now = Timestamp.from(clock.now());
		MapSqlParameterSource p = new MapSqlParameterSource(cell.getValues()).addValue("value", o.value())
			.addValue("num", o.numerator()).addValue("den", o.denominator()).addValue("state", state.name())
			.addValue("flag", o.flag()).addValue("note", note).addValue("file", fileId).addValue("user", me.id())
			.addValue("now", now).addValue("approve", byHead);
		long id;
		if (existing.isEmpty()) {
			id = jdbc.queryForObject("""
					INSERT INTO indicator_value(indicator_id, agency_id, period_start, value, numerator, denominator, state,
					  approved_value, approved_numerator, approved_denominator, flag, source_note, file_id,
					  entered_by, entered_at, approved_by, approved_at)
					VALUES (:ind, :agency, :p, :value, :num, :den, :state,
					  CASE WHEN :approve THEN CAST(:value AS numeric) END, CASE WHEN :approve THEN CAST(:num AS numeric) END,
					  CASE WHEN :approve THEN CAST(:den AS numeric) END, :flag, :note, :file,
					  :user, :now, CASE WHEN :approve THEN CAST(:user AS bigint) END, CASE WHEN :approve THEN CAST(:now AS timestamptz) END)
					RETURNING id""", p, Long.class);
		}
		else {
			id = existing.get().id();
			jdbc.update("""
					UPDATE indicator_value SET value = :value, numerator = :num, denominator = :den, state = :state,
					  approved_value = CASE WHEN :approve THEN CAST(:value AS numeric) ELSE approved_value END,
					  approved_numerator = CASE WHEN :approve THEN CAST(:num AS numeric) ELSE approved_numerator END,
					  approved_denominator = CASE WHEN :approve THEN CAST(:den AS numeric) ELSE approved_denominator END,
					  approved_by = CASE WHEN :approve THEN CAST(:user AS bigint) ELSE approved_by END,
					  approved_at = CASE WHEN :approve THEN CAST(:now AS timestamptz) ELSE approved_at END,
					  flag = :flag, source_note = :note, file_id = :file, return_reason = NULL,
					  entered_by = :user, entered_at = :now, version = version + 1
					WHERE id = :id""", p.addValue("id", id));
		}
		history(id, "ENTERED", state, o.value(), o.numerator(), o.denominator(), note, me, now);
		ValueRow after = byId(id);
		audit.change(existing.isEmpty() ? "INDICATOR_VALUE_ENTERED" : "INDICATOR_VALUE_CORRECTED", "INDICATOR_VALUE", id,
				null, ind.code() + " · " + period.label() + " · " + after.agencyName() + ": " + ind.show(o.value())
						+ (byHead ? " (thủ trưởng nhập, đã duyệt)" : " (chờ thủ trưởng duyệt)")
						+ (o.flag() == null ? "" : " · cảnh báo: " + o.flag()),
				existing.map(IndicatorEntry::snapshot).orElse(null), snapshot(after));
		if (byHead) {
			calculator.afterValueChange(ind, agencyId, period.start(), catalog.byCode());
		}
		return new Result(id, state, o.flag());
	}

	/** The agency whose value it is (the user's own unless given), once the user may enter for it. */
	private long checkAllowed(Indicator ind, Long requestedAgency) {
		CurrentUser me = IndicatorAccess.me();
		long agencyId = requestedAgency == null ? me.agencyId() : requestedAgency;
		access.requireEnter(ind, agencyId);
		if (ind.computed()) {
			throw new DomainException("Chỉ số “" + ind.code() + "” được tính tự động theo công thức "
					+ ind.formulaText() + "; không nhập trực tiếp được");
		}
		if (!ind.active()) {
			throw new DomainException("Chỉ số “" + ind.code() + "” đã ngừng theo dõi; không nhập thêm số liệu");
		}
		if (!catalog.reports(ind, agencyId)) {
			String name = agencies.find(agencyId).map(a -> a.getName()).orElse("#" + agencyId);
			throw new DomainException(name + " không thuộc diện báo cáo chỉ số “" + ind.code() + "”");
		}
		return agencyId;
	}

	@Transactional
	void approve(long valueId) {
		approve(valueId, null);
	}

	/**
	 * The head approves the value as it was shown ({@code version}; {@code null}: as it is now). The row is
	 * locked first, so of two heads approving at once the second waits, then finds another version (someone
	 * changed it since the page was opened: {@link ConcurrentEditException}) or a value no longer waiting.
	 */
	@Transactional
	void approve(long valueId, Long version) {
		CurrentUser me = IndicatorAccess.me();
		ValueRow before = lockRow(valueId);
		access.requireApprove(valueId, before.agencyId());
		requireVersion(before, version);
		if (before.state() != ValueState.DRAFT) {
			throw new DomainException("Số liệu này đang ở trạng thái “" + before.state().label() + "”, không phải chờ duyệt"
					+ doneBy(before));
		}
		Indicator ind = catalog.get(before.indicatorId());
		Timestamp now = Timestamp.from(clock.now());
		jdbc.update("""
				UPDATE indicator_value SET state = 'APPROVED', approved_value = value, approved_numerator = numerator,
				  approved_denominator = denominator, approved_by = :user, approved_at = :now, version = version + 1
				WHERE id = :id""", new MapSqlParameterSource("id", valueId).addValue("user", me.id()).addValue("now", now));
		history(valueId, "APPROVED", ValueState.APPROVED, before.value(), before.numerator(), before.denominator(), null, me, now);
		ValueRow after = byId(valueId);
		audit.change("INDICATOR_VALUE_APPROVED", "INDICATOR_VALUE", valueId, null, "Thủ trưởng duyệt số liệu "
				+ ind.code() + " · " + new Period(ind.frequency(), before.periodStart()).label() + ": " + ind.show(before.value()),
				snapshot(before), snapshot(after));
		calculator.afterValueChange(ind, before.agencyId(), before.periodStart(), catalog.byCode());
	}

	@Transactional
	void returnValue(long valueId, String reason) {
		returnValue(valueId, reason, null);
	}

	/** DoST returns the value as it was shown ({@code version}); the same locking as {@link #approve(long, Long)}. */
	@Transactional
	void returnValue(long valueId, String reason, Long version) {
		CurrentUser me = IndicatorAccess.me();
		access.requireReturn(valueId);
		ValueRow before = lockRow(valueId);
		requireVersion(before, version);
		if (before.state() != ValueState.APPROVED) {
			throw new DomainException("Chỉ trả lại được số liệu đã được thủ trưởng duyệt (số liệu này: "
					+ before.state().label().toLowerCase() + ")" + doneBy(before));
		}
		String r = reason == null ? "" : VnText.nfc(reason);
		if (r.isEmpty()) {
			throw new DomainException("Cần nêu lý do trả lại để cơ quan, đơn vị biết cần sửa gì");
		}
		if (!TextRules.isSafe(r)) {
			throw new DomainException("Lý do trả lại: " + TextRules.MESSAGE);
		}
		if (r.length() > 1000) {
			throw new DomainException("Lý do trả lại quá dài (tối đa 1.000 ký tự)");
		}
		Indicator ind = catalog.get(before.indicatorId());
		Timestamp now = Timestamp.from(clock.now());
		jdbc.update("""
				UPDATE indicator_value SET state = 'RETURNED', approved_value = NULL, approved_numerator = NULL,
				  approved_denominator = NULL, return_reason = :reason, version = version + 1
				WHERE id = :id""", new MapSqlParameterSource("id", valueId).addValue("reason", r));
		history(valueId, "RETURNED", ValueState.RETURNED, before.value(), before.numerator(), before.denominator(), r, me, now);
		audit.change("INDICATOR_VALUE_RETURNED", "INDICATOR_VALUE", valueId, null, "Sở KH&CN trả lại số liệu "
				+ ind.code() + " · " + new Period(ind.frequency(), before.periodStart()).label() + " · " + before.agencyName()
				+ ": " + r, snapshot(before), snapshot(byId(valueId)));
		calculator.afterValueChange(ind, before.agencyId(), before.periodStart(), catalog.byCode());
	}

	/** One indicator the agency reports, with where its reporting stands. */
	record AgencyIndicator(Indicator ind, Period current, Period due, LocalDate dueDate, ValueRow latest,
			ValueState dueState, boolean duePastMissing) {
	}

	/** The indicators the agency reports, each with its latest value and the state of the last period due. */
	List<AgencyIndicator> agencyIndicators(long agencyId) {
		LocalDate today = clock.today();
		List<Indicator> mine = catalog.all().stream()
			.filter(i -> i.active() && !i.computed() && catalog.reports(i, agencyId)).toList();
		if (mine.isEmpty()) {
			return List.of();
		}
		Map<Long, ValueRow> latest = new java.util.HashMap<>();
		MapSqlParameterSource p = new MapSqlParameterSource("agency", agencyId)
			.addValue("ids", mine.stream().map(Indicator::id).toList());
		jdbc.query("""
				SELECT DISTINCT ON (v.indicator_id) v.*, a.name AS agency_name, eu.full_name AS entered_name,
				       au.full_name AS approved_name
				FROM indicator_value v JOIN agency_view a ON a.id = v.agency_id
				LEFT JOIN app_user_view eu ON eu.id = v.entered_by LEFT JOIN app_user_view au ON au.id = v.approved_by
				WHERE v.agency_id = :agency AND v.indicator_id IN (:ids) AND v.period_start <= :today
				ORDER BY v.indicator_id, v.period_start DESC""", p.addValue("today", Date.valueOf(today)), rs -> {
			latest.put(rs.getLong("indicator_id"), map(rs));
		});
		Map<String, ValueState> states = new java.util.HashMap<>();
		List<Period> dues = mine.stream().map(i -> IndicatorQueries.lastDuePeriod(i, today)).toList();
		LocalDate from = dues.stream().map(Period::start).min(LocalDate::compareTo).orElse(today);
		jdbc.query("""
				SELECT indicator_id, period_start, state FROM indicator_value
				WHERE agency_id = :agency AND indicator_id IN (:ids) AND period_start >= :from""",
				p.addValue("from", Date.valueOf(from)), rs -> {
					states.put(rs.getLong(1) + "@" + rs.getDate(2).toLocalDate(), ValueState.valueOf(rs.getString(3)));
				});
		List<AgencyIndicator> out = new java.util.ArrayList<>();
		for (int k = 0; k < mine.size(); k++) {
			Indicator i = mine.get(k);
			Period due = dues.get(k);
			ValueState st = states.get(i.id() + "@" + due.start());
			out.add(new AgencyIndicator(i, Period.containing(i.frequency(), today), due, due.dueDate(i.dueDays()),
					latest.get(i.id()), st, st != ValueState.APPROVED && i.expects(due)));
		}
		return out;
	}

	private static void requireVersion(ValueRow row, Long version) {
		if (version != null && row.version() != version) {
			throw new ConcurrentEditException("số liệu");
		}
	}

	/** Who last moved the value on, for the message to whoever comes second. */
	private String doneBy(ValueRow row) {
		return jdbc.query("""
				SELECT actor_name, occurred_at FROM indicator_value_history WHERE value_id = :id
				ORDER BY occurred_at DESC, id DESC LIMIT 1""", new MapSqlParameterSource("id", row.id()),
				rs -> rs.next() ? " (" + rs.getString(1) + " đã cập nhật lúc "
						+ java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").withZone(vn.nq57.system.AppClock.ZONE_ID)
							.format(rs.getTimestamp(2).toInstant()) + ")" : "");
	}

	// ---- reading ----

	private static final String SELECT = """
			SELECT v.*, a.name AS agency_name, eu.full_name AS entered_name, au.full_name AS approved_name
			FROM indicator_value v
			JOIN agency_view a ON a.id = v.agency_id
			LEFT JOIN app_user_view eu ON eu.id = v.entered_by
			LEFT JOIN app_user_view au ON au.id = v.approved_by
			""";

	ValueRow byId(long id) {
		return jdbc.query(SELECT + " WHERE v.id = :id", new MapSqlParameterSource("id", id),
				rs -> rs.next() ? map(rs) : null);
	}

	ValueRow get(long id) {
		ValueRow r = byId(id);
		if (r == null) {
			throw new NotFoundException("Không tìm thấy số liệu #" + id);
		}
		return r;
	}

	private ValueRow lockRow(long id) {
		jdbc.query("SELECT id FROM indicator_value WHERE id = :id FOR UPDATE", new MapSqlParameterSource("id", id), rs -> {
		});
		return get(id);
	}

	private Optional<ValueRow> row(MapSqlParameterSource cell, boolean lock) {
		if (lock) {
			jdbc.query("SELECT id FROM indicator_value WHERE indicator_id = :ind AND period_start = :p AND agency_id = :agency FOR UPDATE",
					cell, rs -> {
					});
		}
		return Optional.ofNullable(jdbc.query(SELECT + " WHERE v.indicator_id = :ind AND v.period_start = :p AND v.agency_id = :agency",
				cell, rs -> rs.next() ? map(rs) : null));
	}

	/** One agency's values of one indicator, newest period first. */
	List<ValueRow> series(Indicator ind, long agencyId, int limit) {
		access.requireReadValues(ind, agencyId);
		List<ValueRow> rows = jdbc.query(SELECT + " WHERE v.indicator_id = :ind AND v.agency_id = :agency ORDER BY v.period_start DESC LIMIT :limit",
				new MapSqlParameterSource("ind", ind.id()).addValue("agency", agencyId).addValue("limit", limit),
				(rs, i) -> map(rs));
		// drafts are their agency's until approved: the responsible agency sees the approved ones only
		return access.seesUnsubmitted(IndicatorAccess.me(), agencyId) ? rows
				: rows.stream().filter(v -> IndicatorAccess.submitted(v.state())).toList();
	}

	/** Values waiting for the agency head. */
	List<ValueRow> drafts(long agencyId) {
		return jdbc.query(SELECT + " WHERE v.agency_id = :agency AND v.state = 'DRAFT' ORDER BY v.period_start DESC, v.id",
				new MapSqlParameterSource("agency", agencyId), (rs, i) -> map(rs));
	}

	/** Values DoST returned and the agency has not corrected yet. */
	List<ValueRow> returned(long agencyId) {
		return jdbc.query(SELECT + " WHERE v.agency_id = :agency AND v.state = 'RETURNED' ORDER BY v.period_start DESC, v.id",
				new MapSqlParameterSource("agency", agencyId), (rs, i) -> map(rs));
	}

	List<HistoryRow> history(long valueId) {
		ValueRow v = get(valueId);
		access.requireReadValues(catalog.get(v.indicatorId()), v.agencyId());
		access.requireSubmittedOrOwn(IndicatorAccess.submitted(v.state()), v.agencyId(), valueId);
		boolean all = access.seesUnsubmitted(IndicatorAccess.me(), v.agencyId());
		List<HistoryRow> rows = jdbc.query("""
				SELECT action, state, value, numerator, denominator, note, actor_name, occurred_at
				FROM indicator_value_history WHERE value_id = :id ORDER BY occurred_at DESC, id DESC""",
				new MapSqlParameterSource("id", valueId), (rs, i) -> new HistoryRow(rs.getString(1),
						ValueState.valueOf(rs.getString(2)), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
						rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()));
		return all ? rows : rows.stream().filter(h -> IndicatorAccess.submitted(h.state())).toList();
	}

	private static ValueRow map(ResultSet rs) throws SQLException {
		Timestamp entered = rs.getTimestamp("entered_at");
		Timestamp approved = rs.getTimestamp("approved_at");
		return new ValueRow(rs.getLong("id"), rs.getLong("indicator_id"), rs.getLong("agency_id"), rs.getString("agency_name"),
				rs.getDate("period_start").toLocalDate(), rs.getBigDecimal("value"), rs.getBigDecimal("numerator"),
				rs.getBigDecimal("denominator"), ValueState.valueOf(rs.getString("state")), rs.getBigDecimal("approved_value"),
				rs.getBigDecimal("approved_numerator"), rs.getBigDecimal("approved_denominator"), rs.getString("flag"),
				rs.getString("source_note"), (Long) rs.getObject("file_id"), rs.getString("return_reason"),
				rs.getString("entered_name"), entered == null ? null : entered.toInstant(), rs.getString("approved_name"),
				approved == null ? null : approved.toInstant(), rs.getLong("version"));
	}

	private void history(long valueId, String action, ValueState state, BigDecimal value, BigDecimal num, BigDecimal den,
			String note, CurrentUser me, Timestamp at) {
		jdbc.update("""
				INSERT INTO indicator_value_history(value_id, action, state, value, numerator, denominator, note, actor_id,
				                                    actor_name, occurred_at)
				VALUES (:id, :action, :state, :value, :num, :den, :note, :actor, :name, :at)""",
				new MapSqlParameterSource("id", valueId).addValue("action", action).addValue("state", state.name())
					.addValue("value", value).addValue("num", num).addValue("den", den).addValue("note", note)
					.addValue("actor", me.id()).addValue("name", me.displayName()).addValue("at", at));
	}

	private static Map<String, Object> snapshot(ValueRow v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("indicatorId", v.indicatorId());
		m.put("agencyId", v.agencyId());
		m.put("period", v.periodStart().toString());
		m.put("value", plain(v.value()));
		m.put("numerator", plain(v.numerator()));
		m.put("denominator", plain(v.denominator()));
		m.put("state", v.state().name());
		m.put("approvedValue", plain(v.approvedValue()));
		m.put("flag", v.flag());
		m.put("sourceNote", v.sourceNote());
		m.put("fileId", v.fileId());
		m.put("returnReason", v.returnReason());
		return m;
	}

	private static String plain(BigDecimal v) {
		return v == null ? null : v.stripTrailingZeros().toPlainString();
	}
}
