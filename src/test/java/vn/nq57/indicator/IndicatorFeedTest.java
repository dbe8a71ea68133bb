package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.kernel.PeriodKind;

/** Figures fed by a capability of the system: declared once, published per period, never asked of an agency. */
@IntegrationTest
class IndicatorFeedTest {

	@Autowired IndicatorFeed feed;
	@Autowired IndicatorCatalog catalog;
	@Autowired IndicatorValues values;
	@Autowired Fixtures fx;
	@Autowired JdbcTemplate jdbc;

	@Test
	@DisplayName("a fed share: declared with its target, published from its parts into the province's figure of the year, republished only when it changes; Sở Tài chính is not asked to enter it")
	void fedShare() {
		String code = Fixtures.code("FEED-P");
		IndicatorFeed.Definition d = new IndicatorFeed.Definition(code, "Tỷ lệ chi ngân sách cho KH,CN,ĐMST và CĐS",
				"Kinh phí", "%", true, true, PeriodKind.YEAR, "STC", "Phân bổ kinh phí (funding)",
				Map.of(2026, new BigDecimal("3")));
		feed.declare(d);
		Indicator ind = catalog.get(code);
		assertThat(ind.percent()).isTrue();
		assertThat(ind.targetFor(2026).value()).isEqualByComparingTo("3");
		assertThat(catalog.fed(ind)).isTrue();
		assertThat(catalog.reports(ind, fx.agency("STC"))).as("nobody enters a fed indicator").isFalse();
		assertThat(values.dueIn(fx.agency("STC"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
			.extracting(IndicatorValues.DueValue::indicatorCode).doesNotContain(code);

		feed.publishRatio(code, LocalDate.of(2026, 11, 22), new BigDecimal("3150"), new BigDecimal("100000"));
		assertThat(rollup(ind, "2026-01-01")).isEqualByComparingTo("3.15");
		int history = history(ind);
		feed.publishRatio(code, LocalDate.of(2026, 12, 31), new BigDecimal("3150"), new BigDecimal("100000"));
		assertThat(history(ind)).as("the same figure again changes nothing").isEqualTo(history);
		feed.publishRatio(code, LocalDate.of(2026, 12, 31), new BigDecimal("2900"), new BigDecimal("100000"));
		assertThat(rollup(ind, "2026-01-01")).isEqualByComparingTo("2.9");
		assertThat(history(ind)).isEqualTo(history + 1);

		// DoST renames it; the feed's next declaration leaves the edit alone
		jdbc.update("UPDATE indicator SET name = 'Tỷ lệ chi (đã sửa)', version = version + 1 WHERE id = ?", ind.id());
		feed.declare(d);
		assertThat(catalog.get(code).name()).isEqualTo("Tỷ lệ chi (đã sửa)");
	}

	@Test
	@DisplayName("a fed count: published per quarter as the responsible agency's approved value")
	void fedCount() {
		String code = Fixtures.code("FEED-N");
		feed.declare(new IndicatorFeed.Definition(code, "Số hệ thống thông tin đặt tại Trung tâm dữ liệu tỉnh", "Hạ tầng số",
				"hệ thống", false, true, PeriodKind.QUARTER, "SKHCN", "Danh mục hệ thống thông tin", Map.of()));
		feed.publish(code, LocalDate.of(2026, 11, 22), new BigDecimal("24"));
		Indicator ind = catalog.get(code);
		assertThat(rollup(ind, "2026-10-01")).isEqualByComparingTo("24");
		assertThat(jdbc.queryForObject("SELECT state FROM indicator_value WHERE indicator_id = ?", String.class, ind.id()))
			.isEqualTo("APPROVED");
	}

	private BigDecimal rollup(Indicator ind, String period) {
		return jdbc.queryForObject("SELECT value FROM indicator_rollup WHERE indicator_id = ? AND period_start = ?::date",
				BigDecimal.class, ind.id(), period);
	}

	private int history(Indicator ind) {
		return jdbc.queryForObject("""
				SELECT count(*) FROM indicator_value_history h JOIN indicator_value v ON v.id = h.value_id
				WHERE v.indicator_id = ?""", Integer.class, ind.id());
	}
}
