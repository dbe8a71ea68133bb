package vn.nq57.recommendation;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.account.CurrentUser;
import vn.nq57.kernel.Rates;
import vn.nq57.kernel.VnFormat;
import vn.nq57.steering.BoardWidget;
import vn.nq57.steering.BriefSection;
import vn.nq57.steering.Filter;
import vn.nq57.steering.Panel;
import vn.nq57.steering.RankingCriterion;

/**
 * Recommendations and obstacles waiting for a decision on the leaders' board and in the session brief, and the
 * ranking's criterion "recommendations answered on time" (issue 20): the steering module's extension points,
 * implemented here so that steering knows nothing of this module.
 */
final class RecommendationSteering {

	private RecommendationSteering() {
	}

	private static String n(long v) {
		return VnFormat.decimal(BigDecimal.valueOf(v), 0);
	}

	/**
	 * One aggregate query per register: the obstacles and proposals collected from the agencies' reports not yet
	 * answered (by the level that must decide), the recommendations not yet answered and those past their due day;
	 * then the oldest waiting items, scoped to one agency if given.
	 */
	static Panel panel(NamedParameterJdbcTemplate jdbc, String key, String title, LocalDate day, Long agencyId, int list) {
		MapSqlParameterSource p = new MapSqlParameterSource("d", Date.valueOf(day));
		String scope = "";
		if (agencyId != null) {
			scope = " AND agency_id = :a";
			p.addValue("a", agencyId);
		}
		long[] o = jdbc.queryForObject("""
				SELECT count(*), count(*) FILTER (WHERE level = 'PROVINCE'), count(*) FILTER (WHERE level = 'CENTRE'),
				       count(*) FILTER (WHERE level IS NULL)
				FROM obstacle_item WHERE state IN ('NEW', 'ROUTED') AND raised_on <= :d""" + scope, p,
				(rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) });
		long[] r = jdbc.queryForObject("""
				SELECT count(*) FILTER (WHERE state = 'RECEIVED'), count(*) FILTER (WHERE state = 'ROUTED'),
				       count(*) FILTER (WHERE state = 'ROUTED' AND due_date < :d)
				FROM recommendation WHERE state IN ('RECEIVED', 'ROUTED') AND received_on <= :d""" + scope, p,
				(rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) });
		List<Panel.Row> rows = new ArrayList<>();
		p.addValue("n", list);
		jdbc.query("""
				SELECT o.id, o.kind, ag.name, o.text, o.raised_on, o.level, o.state FROM obstacle_item o
				LEFT JOIN agency_view ag ON ag.id = o.agency_id
				WHERE o.state IN ('NEW', 'ROUTED') AND o.raised_on <= :d""" + scope.replace("agency_id", "o.agency_id")
				+ " ORDER BY o.raised_on, o.id LIMIT :n", p, rs -> {
					String level = rs.getString(6);
					rows.add(new Panel.Row(List.of("OBSTACLE".equals(rs.getString(2)) ? "Vướng mắc" : "Kiến nghị",
							rs.getString(3) == null ? "" : rs.getString(3), cut(rs.getString(4), 240),
							VnFormat.DATE.format(rs.getObject(5, LocalDate.class)),
							level == null ? "Chưa chuyển" : "CENTRE".equals(level) ? "Trung ương" : "Tỉnh"),
							"/recommendations/obstacles?state=" + rs.getString(7)));
				});
		List<Panel.Figure> figures = List.of(
				new Panel.Figure("Khó khăn, vướng mắc, kiến nghị chờ trả lời", n(o[0]), null, null, "/recommendations/obstacles"),
				new Panel.Figure("Thuộc thẩm quyền tỉnh / Trung ương / chưa chuyển",
						n(o[1]) + " / " + n(o[2]) + " / " + n(o[3]), null, null, "/recommendations/obstacles"),
				new Panel.Figure("Phản ánh, kiến nghị chưa chuyển xử lý", n(r[0]), null, null, "/recommendations?state=RECEIVED"),
				new Panel.Figure("Đã chuyển, chờ trả lời (quá hạn)", n(r[1]) + " (" + n(r[2]) + ")", null, null,
						"/recommendations?state=ROUTED"));
		return new Panel(key, title, figures,
				rows.isEmpty() ? List.of("Không có khó khăn, vướng mắc nào chờ trả lời.")
						: List.of("Các mục chờ lâu nhất, theo ngày cơ quan nêu."),
				new Panel.Grid(List.of("Loại", "Cơ quan", "Nội dung", "Ngày nêu", "Cấp giải quyết"), rows));
	}

	private static String cut(String s, int max) {
		if (s == null) {
			return "";
		}
		String t = s.strip().replaceAll("\\s+", " ");
		return t.length() <= max ? t : t.substring(0, max - 1) + "…";
	}

	/** The board's widget; the queue is the province's (DoST, leaders), so an agency's staff do not see it. */
	@Component
	static class Widget implements BoardWidget {

		private final NamedParameterJdbcTemplate jdbc;

		Widget(NamedParameterJdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String code() {
			return "RECOMMENDATIONS";
		}

		@Override
		public String title() {
			return "Kiến nghị, vướng mắc chờ quyết định";
		}

		@Override
		public int order() {
			return 95;
		}

		@Override
		public boolean visibleTo(CurrentUser user) {
			return user.seesEveryAgency();
		}

		@Override
		public Panel render(Context ctx) {
			return panel(jdbc, code(), title(), ctx.day(), ctx.filter().agencyId(), 10);
		}
	}

	/** The brief's section, right after the proposals read from the progress updates. */
	@Component
	static class Section implements BriefSection {

		private final NamedParameterJdbcTemplate jdbc;

		Section(NamedParameterJdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public int order() {
			return 35;
		}

		@Override
		public Optional<Panel> section(Context ctx) {
			return Optional.of(panel(jdbc, "recommendations", "KIẾN NGHỊ, VƯỚNG MẮC CHỜ QUYẾT ĐỊNH", ctx.day(),
					ctx.filter().agencyId(), 20));
		}
	}

	/**
	 * Recommendations answered on time ÷ those due: answered by their due day, against answered (on time or late)
	 * plus those still unanswered past it, as of the day ranked.
	 */
	@Component
	static class AnswersOnTime implements RankingCriterion {

		private final NamedParameterJdbcTemplate jdbc;

		AnswersOnTime(NamedParameterJdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String code() {
			return "ANSWERS";
		}

		@Override
		public String label() {
			return "Tỷ lệ trả lời kiến nghị đúng hạn";
		}

		@Override
		public String definition() {
			return "số phản ánh, kiến nghị được trả lời đúng hạn ÷ (số đã trả lời + số quá hạn chưa trả lời), tính đến ngày xếp hạng";
		}

		@Override
		public Map<Long, Rates.Ratio> byAgency(LocalDate day, Filter filter) {
			Map<Long, Rates.Ratio> out = new HashMap<>();
			jdbc.query("""
					SELECT agency_id,
					       count(*) FILTER (WHERE answered_on <= :d AND answered_on <= due_date),
					       count(*) FILTER (WHERE answered_on <= :d OR due_date < :d)
					FROM recommendation
					WHERE agency_id IS NOT NULL AND routed_on IS NOT NULL AND routed_on <= :d AND due_date IS NOT NULL
					GROUP BY agency_id""", new MapSqlParameterSource("d", Date.valueOf(day)), rs -> {
				if (rs.getLong(3) > 0) {
					out.put(rs.getLong(1), new Rates.Ratio(rs.getLong(2), rs.getLong(3)));
				}
			});
			return out;
		}
	}
}
