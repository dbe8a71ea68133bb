package vn.nq57.task;

import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Synthetic plans, tasks, assignments, progress updates and claims for load tests and the benchmark (driven by
 * {@code vn.nq57.demo.ScaleData}, which documents the proportions), never for production. Generated in the
 * database by {@code INSERT … SELECT generate_series}; a hash of a row's key stands for chance. The parameters
 * are those of ScaleData: today, plans, perPlan, departments, tasks, collective (share), and per plan: plan, planNo.
 * Agencies and accounts come from the agency and account modules' generators, read here through their views.
 */
@Component
public class SyntheticTasks {

	/** The seven groups of solutions of Resolution 57, as every plan has them. */
	private static final List<String> GROUPS = List.of(
			"Nâng cao nhận thức, đột phá về đổi mới tư duy, quyết tâm chính trị về phát triển KHCN, ĐMST và CĐS",
			"Hoàn thiện, triển khai thực hiện có hiệu quả các thể chế; xóa bỏ rào cản phát triển",
			"Tăng cường đầu tư, hoàn thiện hạ tầng cho KHCN, ĐMST và CĐS",
			"Phát triển, trọng dụng nhân lực chất lượng cao, nhân tài",
			"Đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan trong hệ thống chính trị; bảo đảm quốc phòng, an ninh",
			"Thúc đẩy mạnh mẽ hoạt động KHCN, ĐMST và CĐS trong doanh nghiệp",
			"Tăng cường hợp tác quốc tế trong phát triển KHCN, ĐMST và CĐS");

	private static final String[] ROMAN = { "I", "II", "III", "IV", "V", "VI", "VII" };

	/** Task wordings; two in ten speak of "chuyển đổi số", which the benchmark searches for. */
	private static final String TITLES = """
			ARRAY['Triển khai chuyển đổi số trong hoạt động quản lý nhà nước của đơn vị',
			      'Xây dựng cơ sở dữ liệu chuyên ngành phục vụ chuyển đổi số',
			      'Đào tạo, bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức',
			      'Ứng dụng trí tuệ nhân tạo trong giải quyết thủ tục hành chính',
			      'Phát triển hạ tầng số, mở rộng vùng phủ sóng 5G',
			      'Hỗ trợ doanh nghiệp đổi mới sáng tạo, chuyển giao công nghệ',
			      'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
			      'Truyền thông nâng cao nhận thức về khoa học, công nghệ và đổi mới sáng tạo',
			      'Rà soát, hoàn thiện cơ chế, chính sách phát triển khoa học, công nghệ',
			      'Bảo đảm an toàn, an ninh mạng cho các hệ thống thông tin']""";

	private static final String OUTPUTS = "ARRAY['Kế hoạch', 'Báo cáo kết quả', 'Đề án', 'Cơ sở dữ liệu', 'Quyết định', 'Hệ thống phần mềm']";

	private final NamedParameterJdbcTemplate jdbc;

	SyntheticTasks(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public long tasks() {
		return count("SELECT count(*) FROM task");
	}

	/** The generated plans, in order. */
	public List<Long> planIds() {
		return jdbc.getJdbcTemplate().queryForList("SELECT id FROM plan WHERE title LIKE 'Kế hoạch mô phỏng%' ORDER BY id",
				Long.class);
	}

	/** Counts for the log: tasks, assignments, progress updates, claims. */
	public String counts() {
		return count("SELECT count(*) FROM task") + " tasks, " + count("SELECT count(*) FROM assignment") + " assignments, "
				+ count("SELECT count(*) FROM progress_update") + " progress updates, "
				+ count("SELECT count(*) FROM completion_claim") + " claims";
	}

	public void analyze(boolean vacuum) {
		for (String table : vacuum ? List.of("plan", "task_group", "task", "task_lead", "task_coordinator", "assignment",
				"progress_update", "completion_claim") : List.of("task", "task_lead", "assignment")) {
			jdbc.getJdbcTemplate().execute((vacuum ? "VACUUM ANALYZE " : "ANALYZE ") + table);
		}
	}

	/** Uniform in [0, 1), the same for the same key and salt: chance, reproducibly. */
	static String rnd(String key, int salt) {
		return "((hashint8((" + key + ")::bigint * 64 + " + salt + ") & 2147483647)::float8 / 2147483648.0)";
	}

	public void plans(MapSqlParameterSource p) {
		jdbc.update("""
				INSERT INTO directive(kind, number, issued_on, issuer, title)
				SELECT 'PLAN', 'MP-KH-' || lpad(k::text, 2, '0') || '/' || extract(year FROM :today::date),
				       :today::date - 330, 'Đơn vị mô phỏng (dữ liệu thử tải)',
				       'Kế hoạch mô phỏng số ' || lpad(k::text, 2, '0') || ' thực hiện Nghị quyết số 57-NQ/TW'
				FROM generate_series(1, :plans) k""", p);
		jdbc.update("""
				INSERT INTO plan(directive_id, title, year)
				SELECT d.id, 'Kế hoạch mô phỏng số ' || lpad(k::text, 2, '0')
				       || ' thực hiện Nghị quyết số 57-NQ/TW (dữ liệu thử tải)', extract(year FROM :today::date)::int
				FROM generate_series(1, :plans) k
				JOIN directive d ON d.number = 'MP-KH-' || lpad(k::text, 2, '0') || '/' || extract(year FROM :today::date)
				ORDER BY k""", p);
		StringBuilder groups = new StringBuilder();
		for (int i = 0; i < GROUPS.size(); i++) {
			groups.append(i == 0 ? "" : ", ").append("('").append(ROMAN[i]).append("', '")
				.append(GROUPS.get(i).replace("'", "''")).append("', ").append(i + 1).append(")");
		}
		jdbc.update("""
				INSERT INTO task_group(plan_id, code, title, position)
				SELECT pl.id, g.code, g.title, g.position
				FROM plan pl CROSS JOIN (VALUES %s) g(code, title, position)
				WHERE pl.title LIKE 'Kế hoạch mô phỏng%%'""".formatted(groups), p);
	}

	/** One plan's tasks, leads, coordinators and assignments (with their completions and progress). */
	public void tasks(MapSqlParameterSource p) {
		// gi: the task's number across all plans, the key of its chances
		String gi = "((:planNo - 1) * :tasks + i)";
		jdbc.update("""
				INSERT INTO task(plan_id, group_id, directive_id, stt, position, title, accountable_head, expected_output,
				                 deadline_phrase, deadline_kind, deadline_precision, recurrence, due_date)
				SELECT pl.id, g.id, pl.directive_id, s.i::text, s.i,
				       (%s)[1 + (%s * 10)::int %% 10] || ' (nhiệm vụ mô phỏng số ' || lpad(%s::text, 5, '0') || ')',
				       'Thủ trưởng đơn vị chủ trì', (%s)[1 + (%s * 6)::int %% 6],
				       d.phrase, d.kind, d.precision, d.recurrence, d.due
				FROM plan pl
				CROSS JOIN generate_series(1, :tasks) s(i)
				CROSS JOIN LATERAL (SELECT %s AS k, %s AS offs, %s AS exact) h
				CROSS JOIN LATERAL (SELECT (:today::date + (h.offs * 540)::int - 330) AS day) x
				CROSS JOIN LATERAL (SELECT CASE
				    WHEN h.k < 0.78 AND h.exact < 0.5 THEN x.day
				    WHEN h.k < 0.78 THEN (date_trunc('month', x.day) + interval '1 month - 1 day')::date END AS due) dd
				CROSS JOIN LATERAL (SELECT dd.due,
				    CASE WHEN h.k < 0.78 THEN 'DATE' WHEN h.k < 0.86 THEN 'ONGOING' WHEN h.k < 0.92 THEN 'CONDITIONAL'
				         WHEN h.k < 0.97 THEN 'RECURRING' ELSE 'NONE' END AS kind,
				    CASE WHEN h.k < 0.78 AND h.exact < 0.5 THEN 'DAY' WHEN h.k < 0.78 THEN 'MONTH' END AS precision,
				    CASE WHEN h.k >= 0.92 AND h.k < 0.97 THEN 'YEARLY' END AS recurrence,
				    CASE WHEN h.k < 0.78 AND h.exact < 0.5 THEN 'ngày ' || to_char(dd.due, 'FMDD/FMMM/YYYY')
				         WHEN h.k < 0.78 THEN 'Tháng ' || to_char(dd.due, 'FMMM/YYYY')
				         WHEN h.k < 0.86 THEN 'Thường xuyên'
				         WHEN h.k < 0.92 THEN 'Sau khi có văn bản của Trung ương'
				         WHEN h.k < 0.97 THEN 'Hằng năm' ELSE '' END AS phrase) d
				LEFT JOIN task_group g ON g.plan_id = pl.id AND %s >= 0.04 AND g.position = 1 + (%s * 7)::int %% 7
				WHERE pl.id = :plan""".formatted(TITLES, rnd(gi, 1), gi, OUTPUTS, rnd(gi, 2), rnd(gi, 3), rnd(gi, 4),
				rnd(gi, 5), rnd(gi, 6), rnd(gi, 7)), p);

		// leads: the plan's collective for a share of tasks, else one to three of the plan's agencies
		String tgi = "((:planNo - 1) * :tasks + t.position)";
		jdbc.update("""
				INSERT INTO task_lead(task_id, agency_id)
				SELECT t.id, c.id FROM task t
				JOIN agency_view c ON c.code = 'MP-NHOM-' || lpad(:planNo::text, 2, '0')
				WHERE t.plan_id = :plan AND %s < :collective""".formatted(rnd(tgi, 8)), p);
		jdbc.update("""
				INSERT INTO task_lead(task_id, agency_id)
				SELECT t.id, a.id FROM task t
				CROSS JOIN LATERAL generate_series(0, (%s < 0.25)::int + (%s < 0.05)::int) j
				JOIN agency_view a ON a.code = 'MP' || lpad(((:planNo - 1) * :perPlan + 1
				     + ((%s * :perPlan)::int + j * 37) %% :perPlan)::text, 4, '0')
				WHERE t.plan_id = :plan AND %s >= :collective""".formatted(rnd(tgi, 9), rnd(tgi, 9), rnd(tgi, 10),
				rnd(tgi, 8)), p);
		jdbc.update("""
				INSERT INTO task_coordinator(task_id, agency_id)
				SELECT t.id, a.id FROM task t
				JOIN agency_view a ON a.code = 'MP' || lpad(((:planNo - 1) * :perPlan + 1 + (%s * :perPlan)::int %% :perPlan)::text, 4, '0')
				WHERE t.plan_id = :plan AND %s < 0.3""".formatted(rnd(tgi, 11), rnd(tgi, 12)), p);

		// assignments: one per lead, a collective's members each get theirs. q is the task's record (all on
		// time, on time or late, or mixed), u and v the assignment's own chances.
		String key = "(t.id * 10007 + m.agency_id)";
		jdbc.update("""
				INSERT INTO assignment(task_id, agency_id, via_agency_id, period_label, deadline_kind, due_date, percent,
				                       state, completed_on, last_progress_at)
				SELECT x.task_id, x.agency_id, x.via, x.period, x.kind, x.due,
				       CASE WHEN x.done IS NOT NULL THEN 100 WHEN x.progress THEN x.pct ELSE 0 END,
				       CASE WHEN x.done IS NOT NULL THEN 'COMPLETED' WHEN x.w < 0.015 THEN 'CLAIMED'
				            WHEN x.w < 0.03 THEN 'HEAD_APPROVED' ELSE 'OPEN' END,
				       x.done,
				       CASE WHEN x.progress THEN (coalesce(x.done, :today::date - (x.w / 0.3 * 75)::int) + time '09:00')
				            AT TIME ZONE 'Asia/Ho_Chi_Minh' END
				FROM (
				  SELECT t.id AS task_id, m.agency_id, m.via,
				         CASE WHEN t.deadline_kind = 'RECURRING' THEN extract(year FROM :today::date)::text ELSE '' END AS period,
				         t.deadline_kind AS kind, r.due,
				         CASE
				           WHEN r.due IS NULL THEN NULL
				           WHEN r.due < :today AND (r.q < 0.30 OR (r.q < 0.45 AND r.u < 0.5) OR (r.q >= 0.45 AND r.u < 0.50))
				             THEN r.due - (r.v * 45)::int
				           WHEN r.due < :today AND (r.q < 0.45 OR r.u < 0.72)
				             THEN least(:today::date, r.due + 1 + (r.v * 60)::int)
				           WHEN r.due >= :today AND (r.q < 0.12 OR r.u < 0.10)
				             THEN :today::date - (r.v * 30)::int
				         END AS done,
				         (r.p < 0.30) AS progress, ((r.v * 10)::int %% 10) * 10 AS pct, r.p AS w
				  FROM task t
				  JOIN (SELECT l.task_id, coalesce(cm.member_id, l.agency_id) AS agency_id,
				               CASE WHEN cm.member_id IS NOT NULL THEN l.agency_id END AS via
				        FROM task_lead l JOIN task lt ON lt.id = l.task_id AND lt.plan_id = :plan
				        LEFT JOIN agency_member_view cm ON cm.collective_id = l.agency_id) m ON m.task_id = t.id
				  CROSS JOIN LATERAL (SELECT
				         CASE WHEN t.deadline_kind = 'RECURRING' THEN make_date(extract(year FROM :today::date)::int, 12, 31)
				              ELSE t.due_date END AS due,
				         %s AS q, %s AS u, %s AS v, %s AS p) r
				  WHERE t.plan_id = :plan) x""".formatted(rnd("t.id", 13), rnd(key, 14), rnd(key, 15), rnd(key, 16)), p);
	}

	/** A few progress updates (one to four, a month or more apart) for the assignments that report. */
	public void progress(MapSqlParameterSource p) {
		String key = "a.id";
		jdbc.update("""
				INSERT INTO progress_update(assignment_id, reported_on, percent, results, obstacles, proposals, author_id, created_at)
				SELECT a.id, r.day, (a.percent * s.i / n.n)::int,
				       'Cập nhật tiến độ lần ' || s.i || ': đã triển khai các nội dung theo kế hoạch (dữ liệu mô phỏng).',
				       CASE WHEN %s < 0.15 THEN 'Thiếu kinh phí, nhân lực thực hiện (dữ liệu mô phỏng).' END,
				       CASE WHEN %s < 0.08 THEN 'Đề nghị bổ sung kinh phí (dữ liệu mô phỏng).' END,
				       u.id, (r.day + time '10:00') AT TIME ZONE 'Asia/Ho_Chi_Minh'
				FROM assignment a
				JOIN agency_view ag ON ag.id = a.agency_id AND ag.code LIKE 'MP____'
				JOIN app_user_view u ON u.username = lower(ag.code)
				CROSS JOIN LATERAL (SELECT 1 + (%s * 4)::int %% 4 AS n, 30 + (%s * 60)::int AS gap) n
				CROSS JOIN LATERAL generate_series(1, n.n) s(i)
				CROSS JOIN LATERAL (SELECT greatest(:today::date - 365,
				       (a.last_progress_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date - (n.n - s.i) * n.gap) AS day) r
				WHERE a.last_progress_at IS NOT NULL""".formatted(rnd(key, 17), rnd(key, 18), rnd(key, 19),
				rnd(key, 20)), p);
	}

	/** Confirmed claims behind every completion, and the pending ones of claimed assignments. */
	public void claims(MapSqlParameterSource p) {
		jdbc.update("""
				INSERT INTO completion_claim(assignment_id, completed_on, evidence, state, claimed_by, claimed_at,
				                             approved_by, approved_at, reviewed_by, reviewed_at)
				SELECT a.id, coalesce(a.completed_on, :today::date - 3),
				       'Báo cáo kết quả thực hiện nhiệm vụ kèm sản phẩm (dữ liệu mô phỏng).',
				       CASE a.state WHEN 'COMPLETED' THEN 'CONFIRMED' ELSE a.state END,
				       o.id, (coalesce(a.completed_on, :today::date - 3) + time '15:00') AT TIME ZONE 'Asia/Ho_Chi_Minh',
				       CASE WHEN a.state <> 'CLAIMED' THEN h.id END,
				       CASE WHEN a.state <> 'CLAIMED' THEN (coalesce(a.completed_on, :today::date - 3) + 1 + time '09:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' END,
				       CASE WHEN a.state = 'COMPLETED' THEN r.id END,
				       CASE WHEN a.state = 'COMPLETED' THEN (least(:today::date, a.completed_on + 3) + time '14:00') AT TIME ZONE 'Asia/Ho_Chi_Minh' END
				FROM assignment a
				JOIN agency_view ag ON ag.id = a.agency_id AND ag.code LIKE 'MP____'
				JOIN app_user_view o ON o.username = lower(ag.code)
				JOIN app_user_view h ON h.username = lower(ag.code) || '.gd'
				LEFT JOIN LATERAL (SELECT id FROM app_user_view WHERE role = 'SECRETARIAT' ORDER BY id LIMIT 1) r ON true
				WHERE a.state <> 'OPEN'""", p);
	}

	private long count(String sql) {
		Long n = jdbc.getJdbcTemplate().queryForObject(sql, Long.class);
		return n == null ? 0 : n;
	}
}
