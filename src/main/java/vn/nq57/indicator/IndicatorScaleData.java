package vn.nq57.indicator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.nq57.account.Role;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.agency.AgencyKind;
import vn.nq57.system.AppClock;

/**
 * Generated data for the benchmark ({@code bench/indicators.sh}): {@code --nq57.indicator-scale=200x1000x36}
 * makes 1,000 communes ("Xã thử tải 0001"…, through the agency registry), 200 monthly indicators broken
 * down by commune (100 counts, 40 shares entered as numerator/denominator, 20 averages, 40 computed
 * shares) through the catalog, and 36 months of approved values for every commune — about 7.2 million
 * rows, inserted with INSERT … SELECT generate_series, one indicator per transaction — then every province
 * figure through the calculator, as a change would. With {@code nq57.indicator-scale.token-file} it writes
 * API tokens for the leader and for the head of the first generated commune (the benchmark's reader and
 * writer). Runs once and resumes if interrupted: what exists (communes, indicators, an indicator's values)
 * is not generated again.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "nq57.indicator-scale")
class IndicatorScaleData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IndicatorScaleData.class);

	private final String spec;
	private final String tokenFile;
	private final IndicatorCatalog catalog;
	private final IndicatorCalculator calculator;
	private final AgencyDirectory agencies;
	private final UserService users;
	private final RunAs runAs;
	private final NamedParameterJdbcTemplate jdbc;
	private final TransactionTemplate tx;
	private final AppClock clock;

	IndicatorScaleData(@Value("${nq57.indicator-scale}") String spec,
			@Value("${nq57.indicator-scale.token-file:}") String tokenFile, IndicatorCatalog catalog,
			IndicatorCalculator calculator, AgencyDirectory agencies, UserService users, RunAs runAs,
			NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, AppClock clock) {
		this.spec = spec;
		this.tokenFile = tokenFile;
		this.catalog = catalog;
		this.calculator = calculator;
		this.agencies = agencies;
		this.users = users;
		this.runAs = runAs;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		String[] parts = spec.toLowerCase(Locale.ROOT).split("x");
		int indicators = Integer.parseInt(parts[0].strip());
		int communes = Integer.parseInt(parts[1].strip());
		int months = Integer.parseInt(parts[2].strip());
		Integer missing = jdbc.queryForObject("""
				SELECT CAST(:n AS int) - count(*) FROM indicator i
				WHERE i.code LIKE 'BENCH-%' AND EXISTS (SELECT 1 FROM indicator_rollup r WHERE r.indicator_id = i.id)""",
				new MapSqlParameterSource("n", indicators), Integer.class);
		if (missing == null || missing > 0) {
			generate(indicators, communes, months);
		}
		Long rows = jdbc.queryForObject("SELECT count(*) FROM indicator_value", new MapSqlParameterSource(), Long.class);
		String size = jdbc.queryForObject("SELECT pg_size_pretty(pg_total_relation_size('indicator_value'))",
				new MapSqlParameterSource(), String.class);
		log.info("Indicator scale data ready: {} values in indicator_value ({} with indexes)", rows, size);
		if (!tokenFile.isBlank()) {
			String leader = users.issueApiToken(users.findByUsername("lanhdao").orElseThrow().getId());
			String head = users.issueApiToken(users.findByUsername("bench.head").orElseThrow().getId());
			Files.writeString(Path.of(tokenFile), "LEADER=" + leader + "\nHEAD=" + head + "\n", StandardCharsets.UTF_8);
		}
	}

	private void generate(int indicators, int communes, int months) {
		long t0 = System.nanoTime();
		List<Long> communeIds = runAs.user("admin", () -> communes(communes));
		if (users.findByUsername("bench.head").isEmpty()) {
			users.create("bench.head", "Bench@2026", "Chủ tịch UBND xã thử tải 0001", null, Role.AGENCY_HEAD, communeIds.get(0));
		}
		log.info("Scale: {} communes in {} s", communeIds.size(), (System.nanoTime() - t0) / 1_000_000_000);
		int computed = indicators / 5;
		int counts = indicators / 2;
		int shares = indicators / 5;
		int averages = indicators - computed - counts - shares;
		List<Indicator> entered = runAs.user("sokhcn", () -> {
			List<Indicator> out = new ArrayList<>();
			for (int i = 1; i <= counts; i++) {
				out.add(define(String.format("BENCH-S%03d", i), "Số lượng thử tải " + i, "hệ thống", "SUM", i));
			}
			for (int i = 1; i <= shares; i++) {
				out.add(define(String.format("BENCH-R%03d", i), "Tỷ lệ thử tải " + i, "%", "RATIO", 1000 + i));
			}
			for (int i = 1; i <= averages; i++) {
				out.add(define(String.format("BENCH-A%03d", i), "Điểm bình quân thử tải " + i, "điểm", "AVERAGE", 2000 + i));
			}
			for (int i = 1; i <= computed; i++) {
				if (catalog.find(String.format("BENCH-C%03d", i)).isPresent()) {
					continue;
				}
				String a = String.format("BENCH-S%03d", (2 * i - 1) % counts + 1);
				String b = String.format("BENCH-S%03d", (2 * i) % counts + 1);
				IndicatorForm f = form(String.format("BENCH-C%03d", i), "Tỷ lệ tính toán thử tải " + i, "%", 3000 + i);
				f.setKind("COMPUTED");
				f.setAggregation(null);
				f.setFormulaKind("EXPRESSION");
				f.setExpression("[" + a + "] * 100 / ([" + a + "] + [" + b + "])");
				catalog.save(null, f);
			}
			return out;
		});
		log.info("Scale: {} indicators defined in {} s", indicators, (System.nanoTime() - t0) / 1_000_000_000);
		LocalDate last = Period.containing(Frequency.MONTHLY, clock.today()).start();
		LocalDate first = last.minusMonths(months - 1L);
		Timestamp now = Timestamp.from(clock.now());
		int n = 0;
		for (Indicator ind : entered) {
			Boolean has = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM indicator_value WHERE indicator_id = :id)",
					new MapSqlParameterSource("id", ind.id()), Boolean.class);
			if (Boolean.TRUE.equals(has)) {
				continue;
			}
			MapSqlParameterSource p = new MapSqlParameterSource("id", ind.id()).addValue("from", Date.valueOf(first))
				.addValue("to", Date.valueOf(last)).addValue("now", now).addValue("seed", ind.id() % 17);
			String values = switch (ind.aggregation()) {
				// counts that grow a little every month; shares that creep up; scores around 60
				case SUM -> "round(10 + g.seed + a.k % 13 + m.i * 0.3 + random() * 4) AS v, NULL::numeric AS num, NULL::numeric AS den";
				case RATIO -> "NULL::numeric AS v, floor((20 + a.k % 30) * least(1, 0.25 + m.i * 0.012 + random() * 0.15))::numeric AS num, (20 + a.k % 30)::numeric AS den";
				default -> "round((45 + g.seed + m.i * 0.4 + random() * 10)::numeric, 2) AS v, NULL::numeric AS num, NULL::numeric AS den";
			};
			tx.executeWithoutResult(s -> jdbc.update("""
					INSERT INTO indicator_value(indicator_id, agency_id, period_start, value, numerator, denominator, state,
					  approved_value, approved_numerator, approved_denominator, entered_at, approved_at)
					SELECT :id, x.agency_id, x.d, x.value, x.num, x.den, 'APPROVED', x.value, x.num, x.den, :now, :now
					FROM (SELECT a.id AS agency_id, m.d, CASE WHEN y.den IS NULL THEN y.v ELSE round(y.num * 100 / y.den, 6) END AS value,
					             y.num, y.den, m.d >= CAST(:to AS date) - interval '1 month' AS newest
					      FROM (SELECT id, row_number() OVER (ORDER BY id) AS k FROM agency_view WHERE code LIKE 'TT-%%') a
					      CROSS JOIN (SELECT d::date AS d, row_number() OVER (ORDER BY d) AS i
					                  FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 month') d) m
					      CROSS JOIN (SELECT CAST(:seed AS int) AS seed) g
					      CROSS JOIN LATERAL (SELECT %s) y) x
					WHERE NOT (x.newest AND random() < 0.03)""".formatted(values), p));
			if (++n % 20 == 0) {
				log.info("Scale: values of {} of {} entered indicators ({} s)", n, entered.size(), (System.nanoTime() - t0) / 1_000_000_000);
			}
		}
		tx.executeWithoutResult(s -> calculator.recomputeAll(catalog.byCode()));
		jdbc.getJdbcTemplate().execute("ANALYZE indicator_value");
		jdbc.getJdbcTemplate().execute("ANALYZE indicator_rollup");
		log.info("Scale: values, computed indicators and province figures in {} s", (System.nanoTime() - t0) / 1_000_000_000);
	}

	private List<Long> communes(int count) {
		List<Long> ids = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			String code = String.format("TT-%04d", i);
			Long id = agencies.findByCode(code).map(a -> a.getId()).orElse(null);
			if (id == null) {
				id = agencies.save(null, new AgencyDirectory.AgencyForm(code, String.format("Xã thử tải %04d", i), null,
						AgencyKind.COMMUNE, Set.of(), List.of(), null, true), null).getId();
			}
			ids.add(id);
		}
		return ids;
	}

	private Indicator define(String code, String name, String unit, String aggregation, int position) {
		java.util.Optional<Indicator> existing = catalog.find(code);
		if (existing.isPresent()) {
			return existing.get();
		}
		IndicatorForm f = form(code, name, unit, position);
		f.setAggregation(aggregation);
		if ("%".equals(unit)) {
			f.setMaxValue("100");
		}
		return catalog.save(null, f);
	}

	private IndicatorForm form(String code, String name, String unit, int position) {
		IndicatorForm f = IndicatorForms.blankForm();
		f.setCode(code);
		f.setName(name);
		f.setCategory("Thử tải " + (position % 5 + 1));
		f.setUnit(unit);
		f.setKind("ENTERED");
		f.setFrequency("MONTHLY");
		f.setBreakdown("COMMUNE");
		f.setResponsibleAgencyId(agencies.findByCode("SKHCN").orElseThrow().getId());
		f.setDataSource("Dữ liệu sinh tự động để đo hiệu năng");
		f.setBaselineValue("%".equals(unit) ? "30" : "50");
		f.setBaselineYear("2023");
		f.setTargets("%".equals(unit) ? "2026: 60\n2030: 90" : "2026: 30\n2030: 45");
		f.setDecimals("%".equals(unit) || "điểm".equals(unit) ? "2" : "0");
		f.setPosition(String.valueOf(10_000 + position));
		return f;
	}
}
