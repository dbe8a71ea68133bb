package vn.nq57.datacall;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.kernel.VnFormat;
import vn.nq57.system.AppClock;

/**
 * Answers the system already knows: an indicator's approved value of the agency (through the indicator module's
 * published {@code indicator_value_view}) or its tasks' statuses (through {@code assignment_view} and the task
 * module's time rules), each with the source shown next to the figure.
 */
@Component
class Prefill {

	/** A suggested answer: value, or numerator and denominator for a percent, and where it comes from. */
	record Suggestion(BigDecimal value, BigDecimal numerator, BigDecimal denominator, String source) {
	}

	private final JdbcTemplate jdbc;
	private final AppClock clock;

	Prefill(JdbcTemplate jdbc, AppClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	static boolean valid(String spec) {
		return spec.matches("INDICATOR:[A-Za-z0-9_.\\-]{1,50}") || spec.equals("TASKS_DONE") || spec.equals("TASKS_OVERDUE")
				|| spec.equals("TASKS_TOTAL");
	}

	Suggestion suggest(String spec, long agencyId) {
		if (spec == null || !valid(spec)) {
			return null;
		}
		LocalDate today = clock.today();
		if (spec.startsWith("INDICATOR:")) {
			String code = spec.substring("INDICATOR:".length());
			List<Map<String, Object>> rows = jdbc.queryForList("""
					SELECT i.code, i.name, v.period_start, v.approved_value, v.approved_numerator, v.approved_denominator
					FROM indicator_view i JOIN indicator_value_view v ON v.indicator_id = i.id
					WHERE i.code = ? AND v.agency_id = ? AND v.approved_value IS NOT NULL
					ORDER BY v.period_start DESC LIMIT 1""", code, agencyId);
			if (rows.isEmpty()) {
				rows = jdbc.queryForList("""
						SELECT i.code, i.name, r.period_start, r.value AS approved_value, r.numerator AS approved_numerator,
						       r.denominator AS approved_denominator
						FROM indicator_view i JOIN indicator_rollup_view r ON r.indicator_id = i.id
						WHERE i.code = ? AND i.responsible_agency_id = ? AND r.value IS NOT NULL
						ORDER BY r.period_start DESC LIMIT 1""", code, agencyId);
				if (rows.isEmpty()) {
					return null;
				}
				Map<String, Object> r = rows.get(0);
				return new Suggestion((BigDecimal) r.get("approved_value"), (BigDecimal) r.get("approved_numerator"),
						(BigDecimal) r.get("approved_denominator"), "Chỉ số " + r.get("code") + " – " + r.get("name")
								+ ", số liệu toàn tỉnh kỳ từ " + date(r.get("period_start")));
			}
			Map<String, Object> r = rows.get(0);
			return new Suggestion((BigDecimal) r.get("approved_value"), (BigDecimal) r.get("approved_numerator"),
					(BigDecimal) r.get("approved_denominator"), "Chỉ số " + r.get("code") + " – " + r.get("name")
							+ ", số liệu đã duyệt của cơ quan, kỳ từ " + date(r.get("period_start")));
		}
		Map<String, Object> c = jdbc.queryForMap("""
				SELECT count(*) AS total, count(*) FILTER (WHERE completed_on IS NOT NULL) AS done,
				       count(*) FILTER (WHERE task_overdue(due_date, completed_on, ?)) AS overdue
				FROM assignment_view WHERE agency_id = ?""", today, agencyId);
		long total = ((Number) c.get("total")).longValue();
		long done = ((Number) c.get("done")).longValue();
		long overdue = ((Number) c.get("overdue")).longValue();
		String on = " (theo dõi nhiệm vụ trong hệ thống, ngày " + VnFormat.DATE.format(today) + ")";
		return switch (spec) {
			case "TASKS_DONE" -> total == 0 ? null
					: new Suggestion(BigDecimal.valueOf(done * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.DOWN),
							BigDecimal.valueOf(done), BigDecimal.valueOf(total),
							"Nhiệm vụ đã hoàn thành " + done + "/" + total + on);
			case "TASKS_OVERDUE" -> new Suggestion(BigDecimal.valueOf(overdue), null, null, "Nhiệm vụ quá hạn chưa hoàn thành" + on);
			default -> new Suggestion(BigDecimal.valueOf(total), null, null, "Tổng số nhiệm vụ được giao" + on);
		};
	}

	private static String date(Object d) {
		LocalDate day = d instanceof java.sql.Date s ? s.toLocalDate() : (LocalDate) d;
		return VnFormat.DATE.format(day);
	}
}
