package vn.nq57.map;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.indicator.IndicatorFeed;
import vn.nq57.kernel.PeriodKind;
import vn.nq57.system.AppClock;

/**
 * The map's figures as indicators of the province's set ({@link IndicatorFeed}): the land fund of the zone's lots
 * (leased and available area in ha, occupancy rate) and the share of monitoring points within their limits in the
 * month. Declared on first publication, republished after every change of lots or readings, for the month of the
 * application's day.
 */
@Component
class MapIndicators {

	static final String OCCUPANCY = "KKT-LAP-DAY";

	static final String LEASED_HA = "KKT-DAT-DA-THUE";

	static final String AVAILABLE_HA = "KKT-DAT-CON-TRONG";

	static final String WITHIN_LIMITS = "KKT-QUAN-TRAC-DAT";

	private static final String CATEGORY = "Khu kinh tế, khu công nghiệp";

	private static final String SOURCE_LOTS = "Bản đồ số KKT Dung Quất: các lô đất";

	private final IndicatorFeed feed;

	private final JdbcTemplate jdbc;

	private final AppClock clock;

	private final MapAccess access;

	MapIndicators(IndicatorFeed feed, JdbcTemplate jdbc, AppClock clock, MapAccess access) {
		this.feed = feed;
		this.jdbc = jdbc;
		this.clock = clock;
		this.access = access;
	}

	private String board() {
		return access.boardCode();
	}

	@Transactional
	void declare() {
		feed.declare(new IndicatorFeed.Definition(OCCUPANCY, "Tỷ lệ lấp đầy đất công nghiệp KKT Dung Quất và các KCN",
				CATEGORY, "%", true, true, PeriodKind.MONTH, board(), SOURCE_LOTS, Map.of()));
		feed.declare(new IndicatorFeed.Definition(LEASED_HA, "Diện tích đất đã cho thuê trong KKT và các KCN",
				CATEGORY, "ha", false, true, PeriodKind.MONTH, board(), SOURCE_LOTS, Map.of()));
		feed.declare(new IndicatorFeed.Definition(AVAILABLE_HA, "Diện tích đất còn trống, sẵn sàng cho thuê",
				CATEGORY, "ha", false, true, PeriodKind.MONTH, board(), SOURCE_LOTS, Map.of()));
		feed.declare(new IndicatorFeed.Definition(WITHIN_LIMITS,
				"Tỷ lệ điểm quan trắc môi trường đạt quy chuẩn trong tháng", CATEGORY, "%", true, true,
				PeriodKind.MONTH, board(), "Bản đồ số KKT Dung Quất: kết quả quan trắc", Map.of()));
	}

	/** Occupancy = leased area ÷ area of all lots; leased and available area in ha. */
	@Transactional
	void publishLandFund() {
		declare();
		LocalDate day = clock.today();
		Map<String, Object> r = jdbc.queryForMap("""
				SELECT coalesce(sum(area_m2), 0) AS total,
				       coalesce(sum(area_m2) FILTER (WHERE status = 'LEASED'), 0) AS leased,
				       coalesce(sum(area_m2) FILTER (WHERE status = 'AVAILABLE'), 0) AS available
				FROM map_lot""");
		BigDecimal total = dec(r.get("total"));
		BigDecimal leased = dec(r.get("leased"));
		BigDecimal available = dec(r.get("available"));
		feed.publishRatio(OCCUPANCY, day, leased, total);
		feed.publish(LEASED_HA, day, leased.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP));
		feed.publish(AVAILABLE_HA, day, available.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP));
	}

	/** Points within limits (the month of {@code day}) = points with readings this month and none above its limit ÷ points with readings. */
	@Transactional
	void publishEnvironment(LocalDate day) {
		declare();
		LocalDate from = day.withDayOfMonth(1);
		Map<String, Object> r = jdbc.queryForMap("""
				SELECT count(*) AS measured, count(*) FILTER (WHERE NOT bad) AS within
				FROM (SELECT point_id, bool_or(exceeds) AS bad FROM map_env_reading
				      WHERE measured_on BETWEEN ? AND ? GROUP BY point_id) p""", java.sql.Date.valueOf(from),
				java.sql.Date.valueOf(from.plusMonths(1).minusDays(1)));
		feed.publishRatio(WITHIN_LIMITS, day, dec(r.get("within")), dec(r.get("measured")));
	}

	private static BigDecimal dec(Object o) {
		return o == null ? BigDecimal.ZERO : new BigDecimal(o.toString());
	}
}
