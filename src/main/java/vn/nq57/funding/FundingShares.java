package vn.nq57.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.indicator.IndicatorFeed;
import vn.nq57.kernel.PeriodKind;

/**
 * The province's two floors (Kế hoạch 2026, part III): allocated state-budget money for science, technology,
 * innovation and digital transformation over total local budget spending (at least 3%), and allocated money for
 * research, transfer and application over the science budget (at least 15%). Computed as numerator / denominator in
 * SQL from the current allocations and Sở Tài chính's budget totals, and published as indicators of the indicator set,
 * so the scoreboard, the trajectory and the consolidated report show them.
 */
@Component
class FundingShares {

	static final String BUDGET_SHARE = "KP-TL-NS-KHCN-DMST-CDS";
	static final String RESEARCH_SHARE = "KP-TL-NC-UD-KHCN";

	/** One year's two shares; a denominator is null until Sở Tài chính enters the budget totals. */
	record Shares(int year, long stiAllocated, Long localSpending, long researchAllocated, Long scienceBudget) {

		public BigDecimal budgetShare() {
			return ratio(stiAllocated, localSpending);
		}

		public boolean budgetBelow() {
			return budgetShare() != null && budgetShare().compareTo(BigDecimal.valueOf(3)) < 0;
		}

		public boolean researchBelow() {
			return researchShare() != null && researchShare().compareTo(BigDecimal.valueOf(15)) < 0;
		}

		public BigDecimal researchShare() {
			return ratio(researchAllocated, scienceBudget);
		}

		private static BigDecimal ratio(long n, Long d) {
			return d == null || d == 0 ? null
					: BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(d), 2, RoundingMode.DOWN);
		}
	}

	private final JdbcTemplate jdbc;
	private final IndicatorFeed feed;
	private final FundingSettings settings;

	FundingShares(JdbcTemplate jdbc, IndicatorFeed feed, FundingSettings settings) {
		this.jdbc = jdbc;
		this.feed = feed;
		this.settings = settings;
	}

	Shares of(int year) {
		return jdbc.queryForObject("""
				SELECT COALESCE((SELECT sum(current_amount) FROM funding_allocation_view
				                 WHERE year = ? AND source = 'STATE_BUDGET'), 0),
				       (SELECT local_spending FROM funding_budget WHERE year = ?),
				       COALESCE((SELECT sum(current_amount) FROM funding_allocation_view
				                 WHERE year = ? AND source = 'STATE_BUDGET' AND category = 'SCIENCE_RESEARCH'), 0),
				       (SELECT science_budget FROM funding_budget WHERE year = ?)""",
				(rs, i) -> new Shares(year, rs.getLong(1), FundingStore.nullableLong(rs, 2), rs.getLong(3),
						FundingStore.nullableLong(rs, 4)), year, year, year, year);
	}

	/** Declares the two indicators (idempotent) and publishes the year's figures when its budget totals exist. */
	void publishYear(int year) {
		declare();
		Shares s = of(year);
		if (s.localSpending() == null) {
			return;
		}
		LocalDate day = LocalDate.of(year, 12, 31);
		feed.publishRatio(BUDGET_SHARE, day, BigDecimal.valueOf(s.stiAllocated()), BigDecimal.valueOf(s.localSpending()));
		feed.publishRatio(RESEARCH_SHARE, day, BigDecimal.valueOf(s.researchAllocated()), BigDecimal.valueOf(s.scienceBudget()));
	}

	void declare() {
		String stc = settings.financeAgencyCode();
		Map<Integer, BigDecimal> three = Map.of(2026, BigDecimal.valueOf(3), 2030, BigDecimal.valueOf(3));
		Map<Integer, BigDecimal> fifteen = Map.of(2026, BigDecimal.valueOf(15), 2030, BigDecimal.valueOf(15));
		feed.declare(new IndicatorFeed.Definition(BUDGET_SHARE,
				"Tỷ lệ kinh phí ngân sách phân bổ cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên tổng chi ngân sách địa phương",
				"Kinh phí", "%", true, true, PeriodKind.YEAR, stc,
				"Tính từ quyết định phân bổ và số liệu ngân sách trong phân hệ Kinh phí", three));
		feed.declare(new IndicatorFeed.Definition(RESEARCH_SHARE,
				"Tỷ lệ kinh phí cho nghiên cứu, chuyển giao, ứng dụng trên tổng chi ngân sách cho khoa học",
				"Kinh phí", "%", true, true, PeriodKind.YEAR, stc,
				"Tính từ quyết định phân bổ và số liệu ngân sách trong phân hệ Kinh phí", fifteen));
	}
}
