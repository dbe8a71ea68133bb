package vn.nq57.funding;

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
import vn.nq57.kernel.Money;
import vn.nq57.kernel.Rates;
import vn.nq57.kernel.VnFormat;
import vn.nq57.steering.BoardWidget;
import vn.nq57.steering.BriefSection;
import vn.nq57.steering.Panel;

/**
 * Money allocated and disbursed on the leaders' board and in the session brief (issue 20): the steering module's
 * extension points, implemented here so that steering knows nothing of funding. The year's allocations (current
 * figure: original + moved in − moved out) and what has been disbursed by the day counted on and by the day compared
 * with (disbursements by their period's end), in total and for the agencies with the most allocated, scoped to one
 * agency when the board or the brief is (an agency's own staff, a working session).
 */
final class FundingSteering {

	private FundingSteering() {
	}

	static final String TITLE = "Kinh phí phân bổ và giải ngân";

	/** Two aggregate queries over the year's allocations and their disbursements (indexed by year and allocation). */
	static Panel panel(NamedParameterJdbcTemplate jdbc, String key, String title, LocalDate day, LocalDate before,
			String beforeLabel, Long agencyId, String link) {
		int year = day.getYear();
		MapSqlParameterSource p = new MapSqlParameterSource("y", year).addValue("d", Date.valueOf(day))
			.addValue("b", Date.valueOf(before));
		String scope = "";
		if (agencyId != null) {
			scope = " AND v.agency_id = :a";
			p.addValue("a", agencyId);
		}
		String perAllocation = """
				SELECT v.agency_id, v.current_amount,
				       coalesce((SELECT sum(d.amount) FROM funding_disbursement d WHERE d.allocation_id = v.id AND d.period_end <= :d), 0) AS d_now,
				       coalesce((SELECT sum(d.amount) FROM funding_disbursement d WHERE d.allocation_id = v.id AND d.period_end <= :b), 0) AS d_then
				FROM funding_allocation_view v WHERE v.year = :y""" + scope;
		long[] t = jdbc.queryForObject("SELECT count(*), coalesce(sum(current_amount), 0), coalesce(sum(d_now), 0), coalesce(sum(d_then), 0) FROM ("
				+ perAllocation + ") x", p, (rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) });
		List<Panel.Row> rows = new ArrayList<>();
		if (agencyId == null) {
			jdbc.query("SELECT x.agency_id, ag.name, count(*), sum(x.current_amount), sum(x.d_now) FROM (" + perAllocation
					+ ") x JOIN agency_view ag ON ag.id = x.agency_id GROUP BY x.agency_id, ag.name ORDER BY 4 DESC, 2 LIMIT 10", p,
					rs -> {
						long current = rs.getLong(4);
						long disbursed = rs.getLong(5);
						rows.add(new Panel.Row(List.of(rs.getString(2), VnFormat.decimal(BigDecimal.valueOf(rs.getLong(3)), 0),
								Money.format(current), Money.format(disbursed), VnFormat.percent(Rates.percent(disbursed, current))),
								link));
					});
		}
		BigDecimal rate = Rates.percent(t[2], t[1]);
		BigDecimal rateBefore = Rates.percent(t[3], t[1]);
		List<Panel.Figure> figures = List.of(
				new Panel.Figure("Kinh phí phân bổ năm " + year, Money.short_(t[1]), null, null, link),
				new Panel.Figure("Đã giải ngân", Money.short_(t[2]), Money.short_(t[3]),
						(t[2] >= t[3] ? "+" : "−") + Money.short_(Math.abs(t[2] - t[3])), link),
				new Panel.Figure("Tỷ lệ giải ngân", VnFormat.percent(rate), VnFormat.percent(rateBefore), null, link));
		List<String> notes = t[0] == 0 ? List.of("Chưa có quyết định phân bổ kinh phí năm " + year + ".")
				: List.of(VnFormat.decimal(BigDecimal.valueOf(t[0]), 0) + " khoản phân bổ; giải ngân tính theo kỳ đã báo cáo đến ngày "
						+ VnFormat.DATE.format(day) + ", so với " + beforeLabel + ".");
		return new Panel(key, title, figures, notes, rows.isEmpty() ? null
				: new Panel.Grid(List.of("Cơ quan", "Số khoản", "Phân bổ", "Đã giải ngân", "Tỷ lệ giải ngân"), rows));
	}

	static String link(CurrentUser user, int year) {
		return user != null && FundingAccess.readsProvince(user) ? "/funding/dashboard?year=" + year : "/funding/money?year=" + year;
	}

	/** The board's money widget: every reader of the board; an agency's own staff see their agency's figures. */
	@Component
	static class Widget implements BoardWidget {

		private final NamedParameterJdbcTemplate jdbc;

		Widget(NamedParameterJdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String code() {
			return "MONEY";
		}

		@Override
		public String title() {
			return TITLE;
		}

		@Override
		public int order() {
			return 90;
		}

		@Override
		public Panel render(Context ctx) {
			return panel(jdbc, code(), title(), ctx.day(), ctx.before(), ctx.beforeLabel(), ctx.filter().agencyId(),
					link(ctx.user(), ctx.day().getYear()));
		}
	}

	/** The brief's section on money, after the reports' section. */
	@Component
	static class Section implements BriefSection {

		private final NamedParameterJdbcTemplate jdbc;

		Section(NamedParameterJdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public int order() {
			return 55;
		}

		@Override
		public Optional<Panel> section(Context ctx) {
			return Optional.of(panel(jdbc, "money", "KINH PHÍ PHÂN BỔ VÀ GIẢI NGÂN NĂM " + ctx.day().getYear(), ctx.day(),
					ctx.before(), "phiên trước (" + VnFormat.DATE.format(ctx.before()) + ")", ctx.filter().agencyId(),
					"/funding/dashboard?year=" + ctx.day().getYear()));
		}
	}
}
