package vn.nq57.publicsite;

import static vn.nq57.publicsite.PublicDataset.date;
import static vn.nq57.publicsite.PublicDataset.derived;
import static vn.nq57.publicsite.PublicDataset.integer;
import static vn.nq57.publicsite.PublicDataset.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.nq57.kernel.Rates;
import vn.nq57.publicsite.PublicDataset.Column;
import vn.nq57.publicsite.PublicDataset.Type;
import vn.nq57.task.TaskStatus;

/**
 * The task module's public data sets, read through its published views and status functions: a task's status is
 * computed for the day from its assignments' <em>confirmed</em> completions (a completion the agency claimed but DoST
 * has not confirmed is not one), so nothing unconfirmed is published. No accountable head, no progress text, no
 * obstacles, no claims, no person.
 */
@Configuration(proxyBeanMethods = false)
class TaskDatasets {

	static final String TASKS = "nhiem-vu";
	static final String BY_GROUP = "nhiem-vu-theo-nhom";
	static final String BY_AGENCY = "nhiem-vu-theo-co-quan";

	/** The counts by status: column name, status, description. */
	private static final Object[][] STATUS_COLUMNS = {
			{ "completed_on_time", TaskStatus.COMPLETED_ON_TIME, "Đã hoàn thành đúng hạn (DoST đã xác nhận)" },
			{ "completed_late", TaskStatus.COMPLETED_LATE, "Đã hoàn thành quá hạn (DoST đã xác nhận)" },
			{ "in_progress", TaskStatus.IN_PROGRESS, "Chưa hoàn thành – trong hạn" },
			{ "overdue", TaskStatus.OVERDUE, "Chưa hoàn thành – quá hạn" },
			{ "awaiting_trigger", TaskStatus.AWAITING_TRIGGER, "Chờ điều kiện (chờ văn bản của cấp trên)" },
			{ "ongoing", TaskStatus.ONGOING, "Thường xuyên" },
			{ "no_deadline", TaskStatus.NO_DEADLINE, "Chưa có thời hạn" } };

	static String countsSql(String rankExpression) {
		StringBuilder sb = new StringBuilder("count(*) AS total");
		for (Object[] c : STATUS_COLUMNS) {
			sb.append(", count(*) FILTER (WHERE ").append(rankExpression).append(" = ")
				.append(((TaskStatus) c[1]).rank()).append(") AS ").append(c[0]);
		}
		return sb.toString();
	}

	static List<Column> countsAndRates(String what) {
		List<Column> cols = new ArrayList<>();
		cols.add(integer("total", "Tổng số " + what));
		for (Object[] c : STATUS_COLUMNS) {
			cols.add(integer((String) c[0], (String) c[2]));
		}
		cols.add(derived("completion_rate_over_due", Type.DECIMAL,
				"Tỷ lệ hoàn thành trên số đã đến hạn (%) = hoàn thành ÷ (hoàn thành + quá hạn chưa hoàn thành); trống khi không có",
				r -> Rates.completionOverDue(completed(r), n(r, "overdue"))));
		cols.add(derived("completion_rate_over_all", Type.DECIMAL,
				"Tỷ lệ hoàn thành trên tổng số (%) = hoàn thành ÷ tổng số", r -> Rates.completionOverAll(completed(r), n(r, "total"))));
		cols.add(derived("overdue_rate", Type.DECIMAL, "Tỷ lệ quá hạn (%) = quá hạn chưa hoàn thành ÷ tổng số",
				r -> Rates.overdue(n(r, "overdue"), n(r, "total"))));
		return cols;
	}

	static long n(Map<String, Object> r, String col) {
		Object v = r.get(col);
		return v == null ? 0 : ((Number) v).longValue();
	}

	static long completed(Map<String, Object> r) {
		return n(r, "completed_on_time") + n(r, "completed_late");
	}

	static final String TASK_RANK = "task_status_rank(t.open_count, t.open_min_due, t.open_conditional, t.open_ongoing, t.late_count, :today)";

	@Bean
	PublicDataset tasksDataset() {
		return new PublicDataset(TASKS, "Nhiệm vụ thực hiện Nghị quyết 57-NQ/TW và tình trạng",
				"Mỗi dòng là một nhiệm vụ do tỉnh Quảng Ngãi giao (kế hoạch, thông báo kết luận) với cơ quan chủ trì, thời hạn "
						+ "và tình trạng tại ngày số liệu theo các loại của báo cáo Chính phủ; hoàn thành chỉ tính khi Sở Khoa học "
						+ "và Công nghệ đã xác nhận.",
				List.of("GOVE", "TECH"), List.of("Nghị quyết 57", "nhiệm vụ", "chuyển đổi số", "khoa học công nghệ"), """
						SELECT t.id AS task_id, pl.title AS plan, pl.year AS plan_year, g.code AS group_code, g.title AS group_title,
						       t.stt, t.title,
						       (SELECT string_agg(ag.name, '; ' ORDER BY ag.name) FROM task_lead_view l
						          JOIN agency_view ag ON ag.id = l.agency_id WHERE l.task_id = t.id) AS lead_agencies,
						       t.expected_output, t.deadline_phrase AS deadline, t.due_date,
						       %s AS status_rank, t.assignment_count AS assignments,
						       (t.assignment_count - t.open_count) AS assignments_completed
						FROM task_view t
						LEFT JOIN plan_view pl ON pl.id = t.plan_id
						LEFT JOIN task_group_view g ON g.id = t.group_id
						ORDER BY pl.year DESC NULLS LAST, t.plan_id NULLS LAST, g.position NULLS LAST, t.position, t.id"""
					.formatted(TASK_RANK),
				List.of(integer("task_id", "Mã số nhiệm vụ trong hệ thống (ổn định)"), text("plan", "Kế hoạch"),
						integer("plan_year", "Năm của kế hoạch"), text("group_code", "Nhóm nhiệm vụ (I–VII)"),
						text("group_title", "Tên nhóm nhiệm vụ"), text("stt", "Số thứ tự trong phụ lục"),
						text("title", "Tên nhiệm vụ"), text("lead_agencies", "Cơ quan chủ trì (ngăn cách bằng ;)"),
						text("expected_output", "Kết quả, sản phẩm"), text("deadline", "Thời gian hoàn thành như văn bản ghi"),
						date("due_date", "Hạn hoàn thành (yyyy-mm-dd)"),
						integer("status_rank", "Thứ hạng tình trạng (0 hoàn thành đúng hạn … 6 quá hạn)"),
						derived("status_code", Type.TEXT,
								"Mã tình trạng: COMPLETED_ON_TIME, COMPLETED_LATE, IN_PROGRESS, OVERDUE, AWAITING_TRIGGER, ONGOING, NO_DEADLINE",
								r -> TaskStatus.ofRank(((Number) r.get("status_rank")).intValue()).name()),
						derived("status", Type.TEXT, "Tình trạng tại ngày số liệu",
								r -> TaskStatus.ofRank(((Number) r.get("status_rank")).intValue()).label()),
						integer("assignments", "Số cơ quan chịu trách nhiệm (phần việc)"),
						integer("assignments_completed", "Số phần việc đã hoàn thành (đã xác nhận)")),
				"2025-01-01");
	}

	@Bean
	PublicDataset tasksByGroupDataset() {
		List<Column> cols = new ArrayList<>(List.of(text("plan", "Kế hoạch"), integer("plan_year", "Năm của kế hoạch"),
				text("group_code", "Nhóm nhiệm vụ (I–VII)"), text("group_title", "Tên nhóm nhiệm vụ")));
		cols.addAll(countsAndRates("nhiệm vụ"));
		return new PublicDataset(BY_GROUP, "Tình trạng nhiệm vụ theo kế hoạch và nhóm nhiệm vụ",
				"Số nhiệm vụ theo tình trạng cho từng nhóm nhiệm vụ của từng kế hoạch, với hai tỷ lệ hoàn thành (trên số đã "
						+ "đến hạn và trên tổng số) và tỷ lệ quá hạn.",
				List.of("GOVE", "TECH"), List.of("Nghị quyết 57", "tỷ lệ hoàn thành"), """
						SELECT pl.title AS plan, pl.year AS plan_year, g.code AS group_code, g.title AS group_title, %s
						FROM (SELECT t.plan_id, t.group_id, %s AS r FROM task_view t) x
						LEFT JOIN plan_view pl ON pl.id = x.plan_id
						LEFT JOIN task_group_view g ON g.id = x.group_id
						GROUP BY pl.id, pl.title, pl.year, g.id, g.code, g.title, g.position
						ORDER BY pl.year DESC NULLS LAST, pl.id NULLS LAST, g.position NULLS LAST, g.id"""
					.formatted(countsSql("x.r"), TASK_RANK),
				cols, "2025-01-01");
	}

	@Bean
	PublicDataset tasksByAgencyDataset() {
		List<Column> cols = new ArrayList<>(List.of(text("agency_code", "Mã cơ quan"), text("agency", "Tên cơ quan chủ trì")));
		cols.addAll(countsAndRates("phần việc cơ quan chủ trì"));
		return new PublicDataset(BY_AGENCY, "Tình trạng nhiệm vụ theo cơ quan chủ trì",
				"Với mỗi cơ quan, đơn vị chủ trì: số phần việc (mỗi nhiệm vụ giao cho nhiều cơ quan được tính cho từng cơ quan) "
						+ "theo tình trạng, hai tỷ lệ hoàn thành và tỷ lệ quá hạn.",
				List.of("GOVE", "TECH"), List.of("Nghị quyết 57", "cơ quan", "tỷ lệ quá hạn"), """
						SELECT ag.code AS agency_code, ag.name AS agency, %s
						FROM (SELECT a.agency_id, assignment_status_rank(a.due_date, a.deadline_kind, a.completed_on, :today) AS r
						      FROM assignment_view a) x
						JOIN agency_view ag ON ag.id = x.agency_id
						GROUP BY ag.id, ag.code, ag.name
						ORDER BY ag.name, ag.code""".formatted(countsSql("x.r")),
				cols, "2025-01-01");
	}

	static BigDecimal rate(Object o) {
		return (BigDecimal) o;
	}
}
