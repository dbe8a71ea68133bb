package vn.nq57.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import vn.nq57.account.CurrentUser;
import vn.nq57.reporting.PeriodicReportService.ReportRow;
import vn.nq57.reporting.PeriodicReportService.Step;
import vn.nq57.system.NotFoundException;

/**
 * The periodic reports' rows: the report with its period and agency, its working copy (JSON), the submissions kept
 * as sent, and the workflow steps. Reads agencies and users through their modules' published views.
 */
@Component
class ReportStore {

	private final NamedParameterJdbcTemplate jdbc;
	private final JsonMapper json;

	ReportStore(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	static final String ROW_SQL = """
			SELECT r.id, r.agency_id, a.name AS agency_name, r.expected, r.state, r.revision, r.first_submitted_on,
			       r.submitted_on, r.reopened_until, r.return_reason, r.version, rg.plan_id,
			       p.id AS p_id, p.regime_id, rg.name AS regime_name, rg.frequency, p.period_key, p.year, p.idx, p.label,
			       p.starts_on, p.ends_on, p.window_start, p.window_end, p.due_date, p.lock_date, p.active
			FROM periodic_report r JOIN agency_view a ON a.id = r.agency_id
			JOIN reporting_period p ON p.id = r.period_id JOIN reporting_regime rg ON rg.id = p.regime_id
			""";

	static ReportRow row(ResultSet rs) throws SQLException {
		ReportingPeriod period = new ReportingPeriod(rs.getLong("p_id"), rs.getLong("regime_id"),
				rs.getString("regime_name"), ReportingCalendar.Frequency.valueOf(rs.getString("frequency")),
				rs.getString("period_key"), rs.getInt("year"), rs.getInt("idx"), rs.getString("label"),
				RegimeQueries.day(rs, "starts_on"), RegimeQueries.day(rs, "ends_on"), RegimeQueries.day(rs, "window_start"),
				RegimeQueries.day(rs, "window_end"), RegimeQueries.day(rs, "due_date"), RegimeQueries.day(rs, "lock_date"),
				rs.getBoolean("active"));
		return new ReportRow(rs.getLong("id"), period, rs.getLong("agency_id"), rs.getString("agency_name"),
				rs.getBoolean("expected"), ReportState.valueOf(rs.getString("state")), rs.getInt("revision"),
				RegimeQueries.day(rs, "first_submitted_on"), RegimeQueries.day(rs, "submitted_on"),
				RegimeQueries.day(rs, "reopened_until"), rs.getString("return_reason"), rs.getLong("version"));
	}

	/** The agency's reports of the periods whose window has begun by {@code today}, newest due date first. */
	List<ReportRow> forAgency(long agencyId, LocalDate today) {
		return jdbc.query(ROW_SQL + """
				 WHERE r.agency_id = :a AND (r.expected OR r.state <> 'NOT_STARTED') AND p.active
				   AND p.window_start <= :today
				 ORDER BY p.due_date DESC, rg.position, p.starts_on DESC LIMIT 200""",
				new MapSqlParameterSource("a", agencyId).addValue("today", Date.valueOf(today)),
				(rs, i) -> row(rs));
	}

	ReportRow rowOf(long id) {
		return jdbc.query(ROW_SQL + " WHERE r.id = :id", new MapSqlParameterSource("id", id), (rs, i) -> row(rs))
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Không tìm thấy báo cáo #" + id));
	}

	ReportRow row(long periodId, long agencyId) {
		return jdbc.query(ROW_SQL + " WHERE r.period_id = :p AND r.agency_id = :a",
				new MapSqlParameterSource("p", periodId).addValue("a", agencyId), (rs, i) -> row(rs))
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Cơ quan không có báo cáo của kỳ này"));
	}

	/** The workflow history, oldest first. */
	List<Step> steps(long id) {
		return jdbc.query("""
				SELECT step, revision, actor_name, at, note FROM periodic_report_step WHERE report_id = :id ORDER BY at, id""",
				new MapSqlParameterSource("id", id), (rs, i) -> new Step(rs.getString(1), stepLabel(rs.getString(1)),
						rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)));
	}

	record Loaded(ReportRow row, Long planId, ReportContent content, String approvedBy, Instant approvedAt,
			String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt) {
	}

	Loaded load(long id, boolean forUpdate) {
		if (forUpdate) {
			jdbc.query("SELECT id FROM periodic_report WHERE id = :id FOR UPDATE", new MapSqlParameterSource("id", id),
					rs -> null);
		}
		return jdbc.query(ROW_SQL.replace("SELECT r.id,", """
				SELECT r.content::text AS content_json, au.full_name AS approved_name, r.approved_at,
				       su.full_name AS submitted_name, r.submitted_at, ru.full_name AS reviewed_name, r.reviewed_at, r.id,""")
				+ """
						 LEFT JOIN app_user_view au ON au.id = r.approved_by LEFT JOIN app_user_view su ON su.id = r.submitted_by
						 LEFT JOIN app_user_view ru ON ru.id = r.reviewed_by WHERE r.id = :id""",
				new MapSqlParameterSource("id", id), (rs, i) -> {
					String c = rs.getString("content_json");
					return new Loaded(row(rs), (Long) rs.getObject("plan_id"),
							c == null ? ReportContent.empty() : json.readValue(c, ReportContent.class),
							rs.getString("approved_name"), instant(rs, "approved_at"), rs.getString("submitted_name"),
							instant(rs, "submitted_at"), rs.getString("reviewed_name"), instant(rs, "reviewed_at"));
				})
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Không tìm thấy báo cáo #" + id));
	}

	ReportContent lastSubmission(long id) {
		return jdbc.query("SELECT content::text FROM periodic_report_submission WHERE report_id = :id ORDER BY revision DESC LIMIT 1",
				new MapSqlParameterSource("id", id), (rs, i) -> json.readValue(rs.getString(1), ReportContent.class))
			.stream().findFirst().orElse(null);
	}

	/**
	 * What DoST merges from the reports received for a period (submitted or accepted), by agency: the sections,
	 * obstacles, proposals and indicator values; the task lines are left in the database (the figures come from
	 * the tasks themselves).
	 */
	Map<Long, ReportContent> receivedContents(long periodId) {
		Map<Long, ReportContent> out = new LinkedHashMap<>();
		jdbc.query("""
				SELECT r.agency_id, jsonb_build_object('dataAsOf', r.content->'dataAsOf', 'sections', r.content->'sections',
				       'obstacles', r.content->'obstacles', 'proposals', r.content->'proposals',
				       'indicators', r.content->'indicators')::text
				FROM periodic_report r
				WHERE r.period_id = :p AND r.state IN ('SUBMITTED', 'ACCEPTED') ORDER BY r.agency_id""",
				new MapSqlParameterSource("p", periodId), rs -> {
					out.put(rs.getLong(1), json.readValue(rs.getString(2), ReportContent.class));
				});
		return out;
	}

	void write(long id, ReportState state, ReportContent content, Instant now, String extraSet, CurrentUser me) {
		jdbc.update("""
				UPDATE periodic_report SET state = :state, content = CAST(:content AS jsonb), data_as_of = :asOf,
				       approved_by = CASE WHEN :state = 'APPROVED' THEN approved_by END,
				       approved_at = CASE WHEN :state = 'APPROVED' THEN approved_at END,
				       %s updated_at = :now, version = version + 1 WHERE id = :id""".formatted(extraSet),
				new MapSqlParameterSource("id", id).addValue("state", state.name())
					.addValue("content", json.writeValueAsString(content))
					.addValue("asOf", content.dataAsOf() == null ? null : Date.valueOf(content.dataAsOf()))
					.addValue("now", Timestamp.from(now)).addValue("user", me.id()));
	}

	void step(long id, String step, int revision, CurrentUser me, Instant now, String note) {
		jdbc.update("""
				INSERT INTO periodic_report_step(report_id, step, revision, actor_id, actor_name, at, note)
				VALUES (:id, :step, :rev, :actor, :name, :at, :note)""",
				new MapSqlParameterSource("id", id).addValue("step", step).addValue("rev", revision)
					.addValue("actor", me.id()).addValue("name", me.displayName()).addValue("at", Timestamp.from(now))
					.addValue("note", note));
	}

	static String stepLabel(String step) {
		return switch (step) {
			case "CREATED" -> "Lập báo cáo";
			case "EDITED_AFTER_APPROVAL" -> "Sửa sau khi thủ trưởng đã duyệt";
			case "REVISING" -> "Sửa theo ý kiến trả lại";
			case "APPROVED" -> "Thủ trưởng cơ quan duyệt";
			case "SUBMITTED" -> "Gửi Sở KH&CN";
			case "ACCEPTED" -> "Sở KH&CN tiếp nhận";
			case "RETURNED" -> "Sở KH&CN trả lại";
			case "REOPENED" -> "Sở KH&CN mở lại kỳ báo cáo";
			default -> step;
		};
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
