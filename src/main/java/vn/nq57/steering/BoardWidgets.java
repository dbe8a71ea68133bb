package vn.nq57.steering;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.account.CurrentUser;
import vn.nq57.indicator.IndicatorStandings;
import vn.nq57.reporting.Completeness;
import vn.nq57.reporting.CompletenessQueries;
import vn.nq57.system.Settings;

/** The board's widgets of what the system holds today; money, recommendations and the map come as beans of their modules. */
final class BoardWidgets {

	private BoardWidgets() {
	}

	static String tasksLink(Filter f) {
		return f.agencyId() == null ? "/tasks?" : "/tasks?agency=" + f.agencyId() + "&";
	}

	/** Both rates and the government's categories, compared with the end of the previous period. */
	@Component
	static class Rates implements BoardWidget {

		@Override
		public String code() {
			return "RATES";
		}

		@Override
		public String title() {
			return "Tỷ lệ hoàn thành và phân loại nhiệm vụ";
		}

		@Override
		public int order() {
			return 10;
		}

		@Override
		public Panel render(Context ctx) {
			Panel p = BriefSections.summary(title(), ctx.figures(), ctx.before(), ctx.day(), tasksLink(ctx.filter()));
			return new Panel(code(), title(), p.figures(), p.notes(), p.grid());
		}
	}

	/** Agencies with the most overdue work, with the change since the end of the previous period. */
	@Component
	static class OverdueByAgency implements BoardWidget {

		private final NamedParameterJdbcTemplate jdbc;

		OverdueByAgency(NamedParameterJdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String code() {
			return "OVERDUE_BY_AGENCY";
		}

		@Override
		public String title() {
			return "Nhiệm vụ quá hạn theo cơ quan";
		}

		@Override
		public int order() {
			return 20;
		}

		@Override
		public Panel render(Context ctx) {
			List<Map.Entry<Long, Counts[]>> worst = ctx.figures().rows().entrySet().stream()
				.filter(e -> e.getValue()[0].overdue() > 0 || e.getValue()[1].overdue() > 0)
				.sorted(Comparator.<Map.Entry<Long, Counts[]>>comparingLong(e -> -e.getValue()[0].overdue())
					.thenComparing(Map.Entry::getKey))
				.limit(10).toList();
			Map<Long, String> names = BriefSections.names(jdbc, worst.stream().map(Map.Entry::getKey).toList());
			List<Panel.Row> rows = new ArrayList<>();
			for (Map.Entry<Long, Counts[]> e : worst) {
				Counts c = e.getValue()[0];
				rows.add(new Panel.Row(List.of(names.getOrDefault(e.getKey(), "#" + e.getKey()), Fmt.num(c.overdue()),
						Fmt.delta(c.overdue(), e.getValue()[1].overdue()), Fmt.num(c.total()), Fmt.pct(c.rateOverDue())),
						"/tasks?agency=" + e.getKey() + "&status=OVERDUE"));
			}
			Counts all = ctx.figures().now();
			return new Panel(code(), title(),
					List.of(new Panel.Figure("Quá hạn chưa hoàn thành", Fmt.num(all.overdue()), Fmt.num(ctx.figures().then().overdue()),
							Fmt.delta(all.overdue(), ctx.figures().then().overdue()), tasksLink(ctx.filter()) + "status=OVERDUE")),
					rows.isEmpty() ? List.of("Không có nhiệm vụ quá hạn.") : List.of(),
					new Panel.Grid(List.of("Cơ quan", "Quá hạn", "Tăng/giảm so với " + ctx.beforeLabel(), "Tổng số", "Tỷ lệ hoàn thành trên số đã đến hạn"),
							rows));
		}
	}

	/** Task groups (I–VII) by the categories now. */
	@Component
	static class Groups implements BoardWidget {

		private final NamedParameterJdbcTemplate jdbc;
		private final FigureCache cache;

		Groups(NamedParameterJdbcTemplate jdbc, FigureCache cache) {
			this.jdbc = jdbc;
			this.cache = cache;
		}

		@Override
		public String code() {
			return "GROUPS";
		}

		@Override
		public String title() {
			return "Nhiệm vụ theo nhóm giải pháp";
		}

		@Override
		public int order() {
			return 30;
		}

		@Override
		public Panel render(Context ctx) {
			MapSqlParameterSource p = new MapSqlParameterSource("d", Date.valueOf(ctx.day()));
			StringBuilder from = new StringBuilder("FROM assignment_view a");
			StringBuilder where = new StringBuilder(" WHERE true");
			Filter f = ctx.filter();
			StatusFigures.where(new Filter(null, f.agencyKind(), f.communeId(), f.scopeAgencyId()), from, where, p);
			from.append(" JOIN task_view tg ON tg.id = a.task_id JOIN task_group_view gg ON gg.id = tg.group_id");
			if (f.groupCode() != null) {
				where.append(" AND gg.code = :gc");
				p.addValue("gc", f.groupCode());
			}
			boolean byTask = f.agencyKind() == null && f.agencyId() == null;
			List<Panel.Row> rows = cache.get("groups|" + f + "|" + ctx.day(),
					() -> byTask ? tasks(f, ctx.day()) : groups(from, where, p, f));
			return new Panel(code(), title(), List.of(), List.of(rows.isEmpty() ? "Chưa có nhiệm vụ thuộc nhóm."
					: byTask ? "Đếm theo nhiệm vụ (một nhiệm vụ quá hạn khi còn cơ quan chủ trì chưa hoàn thành đã quá hạn)."
							: "Đếm theo lượt giao cho cơ quan (nhiệm vụ × cơ quan chủ trì) của các cơ quan đã lọc."),
					new Panel.Grid(List.of("Nhóm", "Tổng số", "Đã hoàn thành", "Quá hạn", "Tỷ lệ hoàn thành trên số đã đến hạn"), rows));
		}

		/** Tasks by group from the task module's roll-up (an index-only scan), as the overview counts them. */
		List<Panel.Row> tasks(Filter f, java.time.LocalDate day) {
			MapSqlParameterSource p = new MapSqlParameterSource("d", Date.valueOf(day));
			String where = "";
			if (f.groupCode() != null) {
				where = " WHERE gg.code = :gc";
				p.addValue("gc", f.groupCode());
			}
			List<Panel.Row> rows = new ArrayList<>();
			// counted per group first (integers), then per code (I–VII recur in every plan): the groups' titles are
			// compared once per group, not once per task (40.000 text comparisons took half the query's time)
			jdbc.query("""
					SELECT gg.code, min(gg.title), sum(t.n)::bigint, sum(t.done)::bigint, sum(t.overdue)::bigint
					FROM (SELECT t.group_id, count(*) AS n,
					        count(*) FILTER (WHERE t.open_count = 0 AND t.assignment_count > 0) AS done,
					        count(*) FILTER (WHERE t.open_min_due < :d) AS overdue
					      FROM task_view t GROUP BY t.group_id) t
					JOIN task_group_view gg ON gg.id = t.group_id""" + where
					+ " GROUP BY gg.code ORDER BY min(gg.position), gg.code", p, rs -> {
						long done = rs.getLong(4);
						long overdue = rs.getLong(5);
						rows.add(new Panel.Row(List.of(rs.getString(1) + ". " + Fmt.cut(rs.getString(2), 90),
								Fmt.num(rs.getLong(3)), Fmt.num(done), Fmt.num(overdue),
								Fmt.pct(vn.nq57.kernel.Rates.completionOverDue(done, overdue))), "/tasks?status=OVERDUE"));
					});
			return rows;
		}

		private List<Panel.Row> groups(StringBuilder from, StringBuilder where, MapSqlParameterSource p, Filter f) {
			List<Panel.Row> rows = new ArrayList<>();
			jdbc.query("""
					SELECT gg.code, min(gg.title), count(*),
					  count(*) FILTER (WHERE a.completed_on IS NOT NULL AND a.completed_on <= :d),
					  count(*) FILTER (WHERE task_overdue_as_of(a.due_date, a.completed_on, :d))
					""" + from + where + " GROUP BY gg.code ORDER BY min(gg.position), gg.code", p, rs -> {
				long total = rs.getLong(3);
				long done = rs.getLong(4);
				long overdue = rs.getLong(5);
				rows.add(new Panel.Row(List.of(rs.getString(1) + ". " + Fmt.cut(rs.getString(2), 90), Fmt.num(total),
						Fmt.num(done), Fmt.num(overdue), Fmt.pct(vn.nq57.kernel.Rates.completionOverDue(done, overdue))),
						tasksLink(f) + "status=OVERDUE"));
			});
			return rows;
		}
	}

	/** Work due within the "sắp đến hạn" days. */
	@Component
	static class DueSoon implements BoardWidget {

		private final NamedParameterJdbcTemplate jdbc;
		private final Settings settings;

		DueSoon(NamedParameterJdbcTemplate jdbc, Settings settings) {
			this.jdbc = jdbc;
			this.settings = settings;
		}

		@Override
		public String code() {
			return "DUE_SOON";
		}

		@Override
		public String title() {
			return "Nhiệm vụ sắp đến hạn";
		}

		@Override
		public int order() {
			return 40;
		}

		@Override
		public Panel render(Context ctx) {
			int days = settings.dueSoonDays();
			MapSqlParameterSource p = new MapSqlParameterSource("d", Date.valueOf(ctx.day())).addValue("n", days);
			StringBuilder from = new StringBuilder("FROM assignment_view a");
			StringBuilder where = new StringBuilder(" WHERE a.completed_on IS NULL AND a.due_date >= :d AND a.due_date <= CAST(:d AS date) + CAST(:n AS int)");
			StatusFigures.where(ctx.filter(), from, where, p);
			Long n = jdbc.queryForObject("SELECT count(*) " + from + where, p, Long.class);
			return new Panel(code(), title(), List.of(new Panel.Figure("Đến hạn trong " + days + " ngày tới",
					Fmt.num(n == null ? 0 : n), null, null, tasksLink(ctx.filter()) + "soon=true")), List.of(), null);
		}
	}

	/** The ranking's first ten (or the viewer's own agency). */
	@Component
	static class Ranking implements BoardWidget {

		private final RankingService ranking;

		Ranking(RankingService ranking) {
			this.ranking = ranking;
		}

		@Override
		public String code() {
			return "RANKING";
		}

		@Override
		public String title() {
			return "Xếp hạng cơ quan";
		}

		@Override
		public int order() {
			return 50;
		}

		@Override
		public Panel render(Context ctx) {
			RankingService.Ranking r = ranking.live(ctx.day(), ctx.filter(), ctx::figures);
			List<RankingService.Line> lines = r.lines();
			List<RankingService.Line> top = lines.stream().limit(10).toList();
			List<RankingService.Line> bottom = lines.size() > 10 ? lines.subList(Math.max(10, lines.size() - 5), lines.size())
					: List.of();
			List<Panel.Row> rows = new ArrayList<>();
			for (RankingService.Line l : top) {
				rows.add(row(l));
			}
			if (!bottom.isEmpty()) {
				rows.add(new Panel.Row(List.of("…", "", "", ""), null));
				bottom.forEach(l -> rows.add(row(l)));
			}
			return new Panel(code(), title(), List.of(), List.of(r.formula()),
					new Panel.Grid(List.of("Hạng", "Cơ quan", "Điểm", "Hạng quý trước"), rows));
		}

		private static Panel.Row row(RankingService.Line l) {
			return new Panel.Row(List.of(String.valueOf(l.rank()), l.name(), vn.nq57.kernel.VnFormat.decimal(l.score(), 2),
					l.previousRank() == null ? "–" : String.valueOf(l.previousRank())), "/tasks?agency=" + l.agencyId());
		}
	}

	/** Indicators by where they stand; only for those who see every agency (the indicator pages are theirs). */
	@Component
	static class Indicators implements BoardWidget {

		private final IndicatorStandings standings;
		private final FigureCache cache;

		Indicators(IndicatorStandings standings, FigureCache cache) {
			this.standings = standings;
			this.cache = cache;
		}

		@Override
		public String code() {
			return "INDICATORS";
		}

		@Override
		public String title() {
			return "Chỉ số theo lộ trình";
		}

		@Override
		public int order() {
			return 60;
		}

		@Override
		public boolean visibleTo(CurrentUser user) {
			return user.seesEveryAgency();
		}

		@Override
		public Panel render(Context ctx) {
			List<IndicatorStandings.Standing> all = cache.get("indicators|" + ctx.day(), () -> standings.on(ctx.day()));
			long onCourse = all.stream().filter(IndicatorStandings.Standing::onCourse).count();
			long behind = all.stream().filter(IndicatorStandings.Standing::behind).count();
			List<Panel.Row> rows = all.stream().filter(IndicatorStandings.Standing::behind).limit(10)
				.map(s -> new Panel.Row(List.of(s.code() + " " + Fmt.cut(s.name(), 80), s.value(),
						s.expected() == null ? s.target() : s.expected(), s.statusLabel()), "/indicators/" + s.code()))
				.toList();
			return new Panel(code(), title(), List.of(
					new Panel.Figure("Đạt hoặc đúng lộ trình", Fmt.num(onCourse) + "/" + Fmt.num(all.size()), null, null, "/indicators"),
					new Panel.Figure("Có nguy cơ hoặc chậm", Fmt.num(behind), null, null, "/indicators")),
					List.of(), new Panel.Grid(List.of("Chỉ số", "Giá trị", "Cần đạt", "Đánh giá"), rows));
		}
	}

	/** Periodic reports this year: owed, received, on time (the viewer's own agency for its staff). */
	@Component
	static class Reports implements BoardWidget {

		private final CompletenessQueries completeness;
		private final FigureCache cache;

		Reports(CompletenessQueries completeness, FigureCache cache) {
			this.completeness = completeness;
			this.cache = cache;
		}

		@Override
		public String code() {
			return "REPORTS";
		}

		@Override
		public String title() {
			return "Chế độ báo cáo định kỳ";
		}

		/**
		 * The year's reports by agency and by regime in one query, asked for by this widget (by regime) and by the
		 * ranking's report criterion (by agency) of the same board: counted once when both ask at once.
		 */
		static CompletenessQueries.AgencyAndRegime figures(FigureCache cache, CompletenessQueries completeness, int year,
				java.time.LocalDate today) {
			return cache.get("reports|" + year + "|" + today, () -> completeness.byAgencyAndRegime(year, today));
		}

		@Override
		public int order() {
			return 70;
		}

		@Override
		public Panel render(Context ctx) {
			int year = ctx.day().getYear();
			List<Panel.Row> rows = new ArrayList<>();
			Completeness.Counts total;
			if (ctx.filter().agencyId() != null) {
				total = completeness.forAgency(ctx.filter().agencyId(), year, ctx.day().plusDays(1));
				rows.add(BriefSections.Reports.row("Cơ quan", total));
			}
			else {
				long e = 0, r = 0, o = 0;
				for (CompletenessQueries.RegimeTotals t : figures(cache, completeness, year, ctx.day().plusDays(1)).byRegime()) {
					rows.add(BriefSections.Reports.row(t.name(), t.counts()));
					e += t.counts().expected();
					r += t.counts().received();
					o += t.counts().onTime();
				}
				total = new Completeness.Counts(e, r, o);
			}
			String link = ctx.user().seesEveryAgency() ? "/reporting/completeness" : "/reporting";
			List<Panel.Row> linked = rows.stream().map(x -> new Panel.Row(x.cells(), link)).toList();
			return new Panel(code(), title(), List.of(
					new Panel.Figure("Tỷ lệ báo cáo đầy đủ", Fmt.pct(vn.nq57.kernel.Rates.percent(total.received(), total.expected())),
							null, null, link),
					new Panel.Figure("Tỷ lệ báo cáo đúng hạn", Fmt.pct(vn.nq57.kernel.Rates.percent(total.onTime(), total.expected())),
							null, null, link)),
					List.of(), new Panel.Grid(List.of("Chế độ báo cáo", "Phải gửi", "Đã gửi", "Đúng hạn", "Tỷ lệ đầy đủ", "Tỷ lệ đúng hạn"),
							linked));
		}
	}

	/** The conclusions of the latest issued session, item by item. */
	@Component
	static class FollowUp implements BoardWidget {

		private final NamedParameterJdbcTemplate jdbc;
		private final FollowUpQueries followUp;

		FollowUp(NamedParameterJdbcTemplate jdbc, FollowUpQueries followUp) {
			this.jdbc = jdbc;
			this.followUp = followUp;
		}

		@Override
		public String code() {
			return "FOLLOW_UP";
		}

		@Override
		public String title() {
			return "Thực hiện kết luận phiên họp gần nhất";
		}

		@Override
		public int order() {
			return 80;
		}

		@Override
		public Panel render(Context ctx) {
			List<Long> last = jdbc.queryForList("""
					SELECT id FROM steering_session WHERE notice_issued_on IS NOT NULL AND focus_agency_id IS NULL
					ORDER BY held_on DESC, id DESC LIMIT 1""", new MapSqlParameterSource(), Long.class);
			if (last.isEmpty()) {
				return new Panel(code(), title(), List.of(), List.of("Chưa có thông báo kết luận nào được ban hành trong hệ thống."), null);
			}
			List<FollowUpQueries.Line> lines = followUp.lines(last.get(0), ctx.day(), ctx.filter().agencyId());
			long done = lines.stream().filter(FollowUpQueries.Line::done).count();
			List<Panel.Row> rows = lines.stream().filter(l -> l.total() > 0)
				.map(l -> new Panel.Row(List.of(String.valueOf(l.position()), Fmt.cut(l.instruction(), 120), l.deadline(),
						l.statusText()), l.taskId() == null ? null : "/tasks/" + l.taskId())).toList();
			return new Panel(code(), title(), List.of(new Panel.Figure("Đã hoàn thành", Fmt.num(done) + "/" + Fmt.num(lines.size()),
					null, null, ctx.user().seesEveryAgency() ? "/steering/sessions/" + last.get(0) : null)), List.of(),
					new Panel.Grid(List.of("TT", "Nội dung", "Thời hạn", "Kết quả"), rows));
		}
	}
}
