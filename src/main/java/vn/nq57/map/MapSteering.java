package vn.nq57.map;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.account.CurrentUser;
import vn.nq57.kernel.VnFormat;
import vn.nq57.steering.BoardWidget;
import vn.nq57.steering.BriefSection;
import vn.nq57.steering.Panel;

/**
 * The Dung Quất map on the leaders' board and in the session brief (issue 20), through the steering module's
 * extension points: the land fund (total, leased, available area, occupancy) and the environment readings above
 * their limits in the 90 days before the day counted on, point by point, each with its follow-up task.
 */
final class MapSteering {

	private MapSteering() {
	}

	static final int DAYS = 90;

	static Panel panel(NamedParameterJdbcTemplate jdbc, MapQueries queries, String key, String title, LocalDate day) {
		List<MapQueries.FundLine> fund = queries.landFund(null);
		MapQueries.FundLine all = fund.stream().filter(l -> l.zoneId() == null && l.landUse() == null).findFirst().orElse(null);
		MapSqlParameterSource p = new MapSqlParameterSource("d", Date.valueOf(day)).addValue("from", Date.valueOf(day.minusDays(DAYS)));
		List<Panel.Row> rows = new ArrayList<>();
		long[] count = { 0, 0 };
		jdbc.query("""
				SELECT pt.id, pt.code, pt.name, count(*), max(r.measured_on), string_agg(DISTINCT r.parameter, ', '),
				       (SELECT f.task_id FROM map_env_followup f WHERE f.point_id = pt.id ORDER BY f.id DESC LIMIT 1)
				FROM map_env_reading r JOIN map_monitoring_point pt ON pt.id = r.point_id
				WHERE r.exceeds AND r.measured_on > :from AND r.measured_on <= :d
				GROUP BY pt.id, pt.code, pt.name ORDER BY count(*) DESC, pt.code""", p, rs -> {
					count[0] += rs.getLong(4);
					count[1]++;
					if (rows.size() < 10) {
						Long task = rs.getObject(7, Long.class);
						rows.add(new Panel.Row(List.of(rs.getString(2) + " " + rs.getString(3), rs.getString(6),
								VnFormat.decimal(BigDecimal.valueOf(rs.getLong(4)), 0),
								VnFormat.DATE.format(rs.getObject(5, LocalDate.class))),
								task == null ? "/map/points/" + rs.getLong(1) : "/tasks/" + task));
					}
				});
		List<Panel.Figure> figures = new ArrayList<>();
		if (all != null) {
			figures.add(new Panel.Figure("Quỹ đất (ha): tổng / đã cho thuê / còn trống",
					all.totalHa() + " / " + all.leasedHa() + " / " + all.availableHa(), null, null, "/map"));
			figures.add(new Panel.Figure("Tỷ lệ lấp đầy", VnFormat.percent(all.occupancy()), null, null, "/map"));
		}
		figures.add(new Panel.Figure("Kết quả quan trắc vượt giới hạn trong " + DAYS + " ngày",
				VnFormat.decimal(BigDecimal.valueOf(count[0]), 0) + " (" + VnFormat.decimal(BigDecimal.valueOf(count[1]), 0) + " điểm)",
				null, null, "/map"));
		return new Panel(key, title, figures,
				rows.isEmpty() ? List.of("Không có kết quả quan trắc vượt giới hạn từ ngày " + VnFormat.DATE.format(day.minusDays(DAYS)) + ".")
						: List.of("Mỗi điểm dẫn đến nhiệm vụ theo dõi đã mở khi vượt giới hạn."),
				new Panel.Grid(List.of("Điểm quan trắc", "Thông số vượt", "Số lần vượt", "Lần gần nhất"), rows));
	}

	/** The board's widget: DoST, leaders and the Board's staff (the readings are not public). */
	@Component
	static class Widget implements BoardWidget {

		private final NamedParameterJdbcTemplate jdbc;
		private final MapQueries queries;
		private final MapAccess access;

		Widget(NamedParameterJdbcTemplate jdbc, MapQueries queries, MapAccess access) {
			this.jdbc = jdbc;
			this.queries = queries;
			this.access = access;
		}

		@Override
		public String code() {
			return "MAP";
		}

		@Override
		public String title() {
			return "Khu kinh tế Dung Quất: quỹ đất và môi trường";
		}

		@Override
		public int order() {
			return 100;
		}

		@Override
		public boolean visibleTo(CurrentUser user) {
			return access.audience(user) != MapAccess.Audience.PUBLIC;
		}

		@Override
		public Panel render(Context ctx) {
			return panel(jdbc, queries, code(), title(), ctx.day());
		}
	}

	/** The brief's section, for the Committee's sessions and a working session with the Board. */
	@Component
	static class Section implements BriefSection {

		private final NamedParameterJdbcTemplate jdbc;
		private final MapQueries queries;
		private final MapAccess access;

		Section(NamedParameterJdbcTemplate jdbc, MapQueries queries, MapAccess access) {
			this.jdbc = jdbc;
			this.queries = queries;
			this.access = access;
		}

		@Override
		public int order() {
			return 57;
		}

		@Override
		public Optional<Panel> section(Context ctx) {
			Long one = ctx.filter().agencyId();
			if (one != null && !one.equals(access.boardAgencyId())) {
				return Optional.empty();
			}
			return Optional.of(panel(jdbc, queries, "map", "KHU KINH TẾ DUNG QUẤT: QUỸ ĐẤT VÀ MÔI TRƯỜNG", ctx.day()));
		}
	}
}
