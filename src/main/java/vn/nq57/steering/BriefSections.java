package vn.nq57.steering;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.indicator.IndicatorStandings;
import vn.nq57.reporting.Completeness;
import vn.nq57.reporting.CompletenessQueries;

/** The brief's sections of what the system holds today: tasks, obstacles and proposals, indicators, reports, follow-up. */
final class BriefSections {

	private BriefSections() {
	}

	static Map<Long, String> names(NamedParameterJdbcTemplate jdbc, java.util.Collection<Long> ids) {
		Map<Long, String> out = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.query("SELECT id, coalesce(short_name, name), name FROM agency_view WHERE id IN (:ids)",
					new MapSqlParameterSource("ids", ids), rs -> {
						out.put(rs.getLong(1), rs.getString(3));
					});
		}
		return out;
	}

	/** The categories and both rates, now and at the previous session, with the change. */
	@Component
	static class Summary implements BriefSection {

		@Override
		public int order() {
			return 10;
		}

		@Override
		public Optional<Panel> section(Context ctx) {
			return Optional.of(summary("I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", ctx.figures(), ctx.before(), ctx.day(),
					ctx.link()));
		}
	}

	static Panel summary(String title, StatusFigures.ByAgency f, LocalDate before, LocalDate day, String link) {
		Counts now = f.now();
		Counts then = f.then();
		String tasks = link == null ? null : link;
		List<Panel.Figure> figures = List.of(
				new Panel.Figure("Tỷ lệ hoàn thành trên số đã đến hạn", Fmt.pct(now.rateOverDue()), Fmt.pct(then.rateOverDue()),
						Fmt.deltaPct(now.rateOverDue(), then.rateOverDue()), tasks),
				new Panel.Figure("Tỷ lệ hoàn thành trên tổng số", Fmt.pct(now.rateOverAll()), Fmt.pct(then.rateOverAll()),
						Fmt.deltaPct(now.rateOverAll(), then.rateOverAll()), tasks),
				new Panel.Figure("Chưa hoàn thành – quá hạn", Fmt.num(now.overdue()), Fmt.num(then.overdue()),
						Fmt.delta(now.overdue(), then.overdue()), link == null ? null : link + "status=OVERDUE"),
				new Panel.Figure("Hoàn thành từ ngày " + Fmt.date(before), Fmt.num(Math.max(0, now.completed() - then.completed())),
						null, null, link == null ? null : link + "status=COMPLETED_ON_TIME"));
		List<Panel.Row> rows = new ArrayList<>();
		rows.add(row("Đã hoàn thành – đúng hạn", now.onTime(), then.onTime(), link, "COMPLETED_ON_TIME"));
		rows.add(row("Đã hoàn thành – quá hạn", now.late(), then.late(), link, "COMPLETED_LATE"));
		rows.add(row("Chưa hoàn thành – trong hạn", now.inTime(), then.inTime(), link, "IN_PROGRESS"));
		rows.add(row("Chưa hoàn thành – quá hạn", now.overdue(), then.overdue(), link, "OVERDUE"));
		rows.add(row("Thường xuyên, chờ điều kiện, chưa có thời hạn", now.other(), then.other(), null, null));
		rows.add(row("Tổng số (nhiệm vụ × cơ quan chủ trì)", now.total(), then.total(), link, null));
		List<String> notes = List.of("Số liệu tính đến ngày " + Fmt.date(day) + ", so với ngày " + Fmt.date(before)
				+ "; mỗi cơ quan chủ trì của một nhiệm vụ tính một lượt (nhiệm vụ giao cho nhóm cơ quan tính cho từng cơ quan).",
				"Tỷ lệ hoàn thành trên số đã đến hạn = đã hoàn thành ÷ (đã hoàn thành + quá hạn chưa hoàn thành): "
						+ Fmt.num(now.completed()) + "/" + Fmt.num(now.completed() + now.overdue()) + ".");
		return new Panel("summary", title, figures, notes, new Panel.Grid(
				List.of("Phân loại", "Ngày " + Fmt.date(before), "Ngày " + Fmt.date(day), "Tăng/giảm"), rows));
	}

	private static Panel.Row row(String label, long now, long then, String link, String status) {
		String to = link == null ? null : status == null ? link : link + "status=" + status;
		return new Panel.Row(List.of(label, Fmt.num(then), Fmt.num(now), Fmt.delta(now, then)), to);
	}

	/** The agencies most behind, each with its own latest explanation from its progress updates. */
	@Component
	static class Behind implements BriefSection {

		private final NamedParameterJdbcTemplate jdbc;

		Behind(NamedParameterJdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public int order() {
			return 20;
		}

		@Override
		public Optional<Panel> section(Context ctx) {
			Long one = ctx.filter().agencyId();
			if (one != null) {
				return Optional.of(oneAgency(ctx, one));
			}
			List<Map.Entry<Long, Counts[]>> worst = ctx.figures().rows().entrySet().stream()
				.filter(e -> e.getValue()[0].overdue() > 0)
				.sorted(Comparator.<Map.Entry<Long, Counts[]>>comparingLong(e -> -e.getValue()[0].overdue())
					.thenComparing(Map.Entry::getKey))
				.limit(10).toList();
			if (worst.isEmpty()) {
				return Optional.of(new Panel("behind", "II. CÁC CƠ QUAN CÒN NHIỀU NHIỆM VỤ QUÁ HẠN", List.of(),
						List.of("Không có cơ quan nào có nhiệm vụ quá hạn."), null));
			}
			List<Long> ids = worst.stream().map(Map.Entry::getKey).toList();
			Map<Long, String> names = names(jdbc, ids);
			Map<Long, String> why = new HashMap<>();
			jdbc.query("""
					SELECT DISTINCT ON (a.agency_id) a.agency_id, p.obstacles, p.reported_on
					FROM assignment_view a JOIN progress_update_view p ON p.assignment_id = a.id
					WHERE a.agency_id IN (:ids) AND task_overdue_as_of(a.due_date, a.completed_on, :d)
					  AND coalesce(p.obstacles, '') <> ''
					ORDER BY a.agency_id, p.reported_on DESC, p.id DESC""",
					new MapSqlParameterSource("ids", ids).addValue("d", Date.valueOf(ctx.day())), rs -> {
						why.put(rs.getLong(1), Fmt.cut(rs.getString(2), 300) + " (" + Fmt.date(rs.getObject(3, LocalDate.class)) + ")");
					});
			List<Panel.Row> rows = new ArrayList<>();
			int n = 1;
			for (Map.Entry<Long, Counts[]> e : worst) {
				Counts c = e.getValue()[0];
				Counts was = e.getValue()[1];
				rows.add(new Panel.Row(List.of(String.valueOf(n++), names.getOrDefault(e.getKey(), "#" + e.getKey()),
						Fmt.num(c.overdue()), Fmt.delta(c.overdue(), was.overdue()), Fmt.pct(c.rateOverDue()),
						why.getOrDefault(e.getKey(), "Chưa có giải trình trong báo cáo tiến độ")),
						"/tasks?agency=" + e.getKey() + "&status=OVERDUE"));
			}
			return Optional.of(new Panel("behind", "II. CÁC CƠ QUAN CÒN NHIỀU NHIỆM VỤ QUÁ HẠN", List.of(),
					List.of("Giải trình là nội dung khó khăn, vướng mắc mới nhất do chính cơ quan ghi trong báo cáo tiến độ."),
					new Panel.Grid(List.of("TT", "Cơ quan, đơn vị", "Quá hạn", "So với phiên trước",
							"Tỷ lệ hoàn thành trên số đã đến hạn", "Giải trình của cơ quan"), rows)));
		}

		private Panel oneAgency(Context ctx, long agencyId) {
			List<Panel.Row> rows = new ArrayList<>();
			jdbc.query("""
					SELECT a.task_id, t.title, a.due_date,
					       (SELECT p.obstacles FROM progress_update_view p WHERE p.assignment_id = a.id
					          AND coalesce(p.obstacles, '') <> '' ORDER BY p.reported_on DESC, p.id DESC LIMIT 1)
					FROM assignment_view a JOIN task_view t ON t.id = a.task_id
					WHERE a.agency_id = :a AND task_overdue_as_of(a.due_date, a.completed_on, :d)
					ORDER BY a.due_date, a.task_id LIMIT 50""",
					new MapSqlParameterSource("a", agencyId).addValue("d", Date.valueOf(ctx.day())), rs -> {
						LocalDate due = rs.getObject(3, LocalDate.class);
						rows.add(new Panel.Row(List.of(String.valueOf(rows.size() + 1), Fmt.cut(rs.getString(2), 200),
								Fmt.date(due), Fmt.num(ChronoUnit.DAYS.between(due, ctx.day())),
								rs.getString(4) == null ? "Chưa có giải trình" : Fmt.cut(rs.getString(4), 300)),
								"/tasks/" + rs.getLong(1)));
					});
			return new Panel("behind", "II. NHIỆM VỤ QUÁ HẠN CỦA CƠ QUAN VÀ GIẢI TRÌNH", List.of(),
					rows.isEmpty() ? List.of("Cơ quan không có nhiệm vụ quá hạn.") : List.of(),
					new Panel.Grid(List.of("TT", "Nhiệm vụ", "Thời hạn", "Số ngày quá hạn", "Giải trình của cơ quan"), rows));
		}
	}

	/** Obstacles and proposals reported since the previous session on work still open: what the province must decide. */
	@Component
	static class Proposals implements BriefSection {

		private final NamedParameterJdbcTemplate jdbc;

		Proposals(NamedParameterJdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public int order() {
			return 30;
		}

		@Override
		public Optional<Panel> section(Context ctx) {
			MapSqlParameterSource p = new MapSqlParameterSource("d", Date.valueOf(ctx.day()))
				.addValue("b", Date.valueOf(ctx.before()));
			String scope = "";
			if (ctx.filter().agencyId() != null) {
				scope = " AND a.agency_id = :a";
				p.addValue("a", ctx.filter().agencyId());
			}
			// the updates with a proposal in the range through the task module's partial index on their day
			// (progress_update_proposal_day_idx, V5_1), each one's assignment by its key: a few thousand index
			// reads, not a pass over a million assignments (OFFSET 0 keeps the planner, which cannot tell how few
			// updates carry a proposal, from hashing every assignment)
			List<Panel.Row> rows = new ArrayList<>();
			jdbc.query("""
					SELECT * FROM (
					  SELECT DISTINCT ON (a.id) a.task_id, ag.name, t.title, p.obstacles, p.proposals, p.reported_on
					  FROM progress_update_view p
					  CROSS JOIN LATERAL (SELECT a.id, a.task_id, a.agency_id FROM assignment_view a
					    WHERE a.id = p.assignment_id AND task_open_as_of(a.completed_on, :d) OFFSET 0) a
					  JOIN task_view t ON t.id = a.task_id JOIN agency_view ag ON ag.id = a.agency_id
					  WHERE p.reported_on > :b AND p.reported_on <= :d AND coalesce(p.proposals, '') <> ''%s
					  ORDER BY a.id, p.reported_on DESC, p.id DESC) x
					ORDER BY reported_on DESC LIMIT 30""".formatted(scope), p, rs -> {
				rows.add(new Panel.Row(List.of(String.valueOf(rows.size() + 1), rs.getString(2), Fmt.cut(rs.getString(3), 160),
						Fmt.cut(rs.getString(4), 300), Fmt.cut(rs.getString(5), 300), Fmt.date(rs.getObject(6, LocalDate.class))),
						"/tasks/" + rs.getLong(1)));
			});
			return Optional.of(new Panel("proposals", "III. KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ CẦN CHO Ý KIẾN", List.of(),
					rows.isEmpty() ? List.of("Không có kiến nghị mới từ ngày " + Fmt.date(ctx.before()) + ".")
							: List.of("Kiến nghị ghi trong báo cáo tiến độ từ ngày " + Fmt.date(ctx.before())
									+ " của nhiệm vụ chưa hoàn thành (mới nhất của mỗi cơ quan, mỗi nhiệm vụ)."),
					new Panel.Grid(List.of("TT", "Cơ quan", "Nhiệm vụ", "Khó khăn, vướng mắc", "Kiến nghị, đề xuất", "Ngày báo cáo"),
							rows)));
		}
	}

	/** Indicators at risk or off their trajectory. */
	@Component
	static class Indicators implements BriefSection {

		private final IndicatorStandings standings;
		private final FigureCache cache;

		Indicators(IndicatorStandings standings, FigureCache cache) {
			this.standings = standings;
			this.cache = cache;
		}

		@Override
		public int order() {
			return 40;
		}

		@Override
		public Optional<Panel> section(Context ctx) {
			Long one = ctx.filter().agencyId();
			List<IndicatorStandings.Standing> behind = cache.get("indicators|" + ctx.day(), () -> standings.on(ctx.day())).stream()
				.filter(IndicatorStandings.Standing::behind)
				.filter(s -> one == null || s.responsibleAgencyId() == one).toList();
			List<Panel.Row> rows = behind.stream().map(s -> new Panel.Row(List.of(s.code(), s.name(), s.agencyName(),
					s.value() + " (" + s.period() + ")", s.expected() == null ? s.target() : s.expected(), s.statusLabel()),
					"/indicators/" + s.code())).toList();
			return Optional.of(new Panel("indicators", "IV. CHỈ SỐ CHẬM SO VỚI LỘ TRÌNH", List.of(),
					rows.isEmpty() ? List.of("Không có chỉ số nào chậm so với lộ trình.") : List.of(),
					new Panel.Grid(List.of("Mã", "Chỉ số", "Cơ quan phụ trách", "Giá trị", "Cần đạt", "Đánh giá"), rows)));
		}
	}

	/** Periodic reports: expected, received, on time, this year. */
	@Component
	static class Reports implements BriefSection {

		private final CompletenessQueries completeness;

		Reports(CompletenessQueries completeness) {
			this.completeness = completeness;
		}

		@Override
		public int order() {
			return 50;
		}

		@Override
		public Optional<Panel> section(Context ctx) {
			int year = ctx.day().getYear();
			List<Panel.Row> rows = new ArrayList<>();
			if (ctx.filter().agencyId() != null) {
				Completeness.Counts c = completeness.forAgency(ctx.filter().agencyId(), year, ctx.day().plusDays(1));
				rows.add(row("Cơ quan", c));
			}
			else {
				for (CompletenessQueries.RegimeTotals r : completeness.byRegime(year, ctx.day().plusDays(1))) {
					rows.add(row(r.name(), r.counts()));
				}
			}
			return Optional.of(new Panel("reports", "V. THỰC HIỆN CHẾ ĐỘ BÁO CÁO NĂM " + year, List.of(), List.of(),
					new Panel.Grid(List.of("Chế độ báo cáo", "Phải gửi", "Đã gửi", "Đúng hạn", "Tỷ lệ đầy đủ", "Tỷ lệ đúng hạn"),
							rows)));
		}

		static Panel.Row row(String label, Completeness.Counts c) {
			return new Panel.Row(List.of(label, Fmt.num(c.expected()), Fmt.num(c.received()), Fmt.num(c.onTime()),
					Fmt.pct(vn.nq57.kernel.Rates.percent(c.received(), c.expected())),
					Fmt.pct(vn.nq57.kernel.Rates.percent(c.onTime(), c.expected()))), "/reporting/completeness");
		}
	}

	/** How the previous session's conclusions were carried out, item by item. */
	@Component
	static class FollowUp implements BriefSection {

		private final FollowUpQueries followUp;

		FollowUp(FollowUpQueries followUp) {
			this.followUp = followUp;
		}

		@Override
		public int order() {
			return 60;
		}

		@Override
		public Optional<Panel> section(Context ctx) {
			if (ctx.previousSessionId() == null) {
				return Optional.of(new Panel("followup", "VI. KẾT QUẢ THỰC HIỆN KẾT LUẬN PHIÊN HỌP TRƯỚC", List.of(),
						List.of("Chưa có phiên họp trước được ghi trong hệ thống."), null));
			}
			List<FollowUpQueries.Line> lines = followUp.lines(ctx.previousSessionId(), ctx.day(), ctx.filter().agencyId());
			List<Panel.Row> rows = lines.stream().map(l -> new Panel.Row(List.of(String.valueOf(l.position()),
					l.addressee(), Fmt.cut(l.instruction(), 200), l.deadline(), l.statusText()),
					l.taskId() == null ? null : "/tasks/" + l.taskId())).toList();
			long done = lines.stream().filter(FollowUpQueries.Line::done).count();
			return Optional.of(new Panel("followup", "VI. KẾT QUẢ THỰC HIỆN KẾT LUẬN PHIÊN HỌP TRƯỚC",
					List.of(new Panel.Figure("Nội dung kết luận đã hoàn thành", Fmt.num(done) + "/" + Fmt.num(lines.size()),
							null, null, null)),
					List.of(), new Panel.Grid(List.of("TT", "Cơ quan", "Nội dung kết luận", "Thời hạn", "Kết quả thực hiện"),
							rows)));
		}
	}
}
