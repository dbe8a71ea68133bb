package vn.nq57.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.agency.AgencyDirectory;
import vn.nq57.kernel.PeriodKind;
import vn.nq57.system.AppClock;
import vn.nq57.system.NotFoundException;

/**
 * Figures that come from a capability of the system, not typed by agencies: the funding shares (3% / 15%), the
 * information-systems inventory's counts, the land fund of the economic zone, the monitoring points within limits.
 * The feeding capability {@link #declare declares} its indicator once (it joins the indicator set like any other,
 * DoST may edit its name, targets and place afterwards) and {@link #publish publishes} the province's figure of a
 * period whenever it changes; the figure is stored as the responsible agency's approved value of that period, so
 * the scoreboard, the trajectory, the consolidated report and the API show it with the others. No agency is asked
 * to enter a fed indicator and no reminder is sent for it ({@link IndicatorCatalog#fed}).
 */
@Service
public class IndicatorFeed {

	/**
	 * A fed indicator. {@code percent}: a share computed from a numerator and a denominator (unit "%", published
	 * with {@link #publishRatio}); otherwise a count or an amount (published with {@link #publish}).
	 * {@code targets}: year → target, may be empty.
	 */
	public record Definition(String code, String name, String category, String unit, boolean percent,
			boolean higherIsBetter, PeriodKind frequency, String responsibleAgencyCode, String dataSource,
			Map<Integer, BigDecimal> targets) {

		public Definition {
			Objects.requireNonNull(code, "code");
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(frequency, "frequency");
			Objects.requireNonNull(responsibleAgencyCode, "responsibleAgencyCode");
			targets = targets == null ? Map.of() : Map.copyOf(targets);
		}
	}

	private static final MathContext MC = MathContext.DECIMAL64;

	private final IndicatorCatalog catalog;
	private final IndicatorCalculator calculator;
	private final AgencyDirectory agencies;
	private final NamedParameterJdbcTemplate jdbc;
	private final AppClock clock;

	IndicatorFeed(IndicatorCatalog catalog, IndicatorCalculator calculator, AgencyDirectory agencies,
			NamedParameterJdbcTemplate jdbc, AppClock clock) {
		this.catalog = catalog;
		this.calculator = calculator;
		this.agencies = agencies;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Creates the indicator on the first call (later calls leave DoST's edits alone) and marks it as fed. */
	@Transactional
	public void declare(Definition d) {
		long agencyId = agencies.findByCode(d.responsibleAgencyCode())
			.orElseThrow(() -> new NotFoundException("Không có cơ quan mã " + d.responsibleAgencyCode()
					+ " để giao theo dõi chỉ số " + d.code()))
			.getId();
		IndicatorForm f = new IndicatorForm();
		f.setCode(d.code());
		f.setName(d.name());
		f.setCategory(d.category());
		f.setUnit(d.percent() ? "%" : d.unit());
		f.setKind(IndicatorKind.ENTERED.name());
		f.setAggregation(d.percent() ? Aggregation.RATIO.name() : Aggregation.SUM.name());
		f.setDirection(d.higherIsBetter() ? Direction.HIGHER.name() : Direction.LOWER.name());
		f.setFrequency(frequency(d.frequency()).name());
		f.setResponsibleAgencyId(agencyId);
		f.setDataSource(d.dataSource());
		f.setBreakdown(Breakdown.PROVINCE.name());
		StringBuilder t = new StringBuilder();
		new TreeMap<>(d.targets()).forEach((year, value) -> t.append(year).append(": ")
			.append(VnNumber.compact(value, 6)).append('\n'));
		f.setTargets(t.toString().strip());
		f.setDecimals(d.percent() ? "2" : "0");
		f.setMinValue("0");
		if (d.percent()) {
			f.setMaxValue("100");
		}
		catalog.declareFed(f, d.dataSource() == null ? d.code() : d.dataSource());
	}

	/** The figure (a count, an amount) of the period containing {@code day}. */
	@Transactional
	public void publish(String code, LocalDate day, BigDecimal value) {
		store(code, day, value, null, null);
	}

	/** A share of the period containing {@code day}, from its parts; no denominator (zero): no figure yet. */
	@Transactional
	public void publishRatio(String code, LocalDate day, BigDecimal numerator, BigDecimal denominator) {
		Indicator ind = fedIndicator(code);
		BigDecimal value = numerator == null || denominator == null || denominator.signum() == 0 ? null
				: numerator.multiply(ind.scale()).divide(denominator, MC);
		store(code, day, value, numerator, denominator);
	}

	private Indicator fedIndicator(String code) {
		Indicator ind = catalog.find(code).orElseThrow(() -> new NotFoundException("Chưa khai báo chỉ số " + code));
		if (!catalog.fed(ind)) {
			throw new IllegalStateException("Indicator " + code + " is entered by agencies, not fed by the system");
		}
		return ind;
	}

	private void store(String code, LocalDate day, BigDecimal value, BigDecimal num, BigDecimal den) {
		Indicator ind = fedIndicator(code);
		Period period = Period.containing(ind.frequency(), day);
		MapSqlParameterSource p = new MapSqlParameterSource("ind", ind.id()).addValue("agency", ind.responsibleAgencyId())
			.addValue("p", Date.valueOf(period.start())).addValue("value", value).addValue("num", num)
			.addValue("den", den).addValue("now", Timestamp.from(clock.now()))
			.addValue("note", "Tính tự động từ dữ liệu của hệ thống" + (ind.dataSource() == null ? "" : ": " + ind.dataSource()));
		Long id = jdbc.query("""
				INSERT INTO indicator_value(indicator_id, agency_id, period_start, value, numerator, denominator, state,
				                            approved_value, approved_numerator, approved_denominator, source_note,
				                            entered_at, approved_at)
				VALUES (:ind, :agency, :p, :value, :num, :den, 'APPROVED', :value, :num, :den, :note, :now, :now)
				ON CONFLICT ON CONSTRAINT indicator_value_cell DO UPDATE
				  SET value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
				      state = 'APPROVED', approved_value = excluded.value, approved_numerator = excluded.numerator,
				      approved_denominator = excluded.denominator, source_note = excluded.source_note,
				      entered_at = excluded.entered_at, approved_at = excluded.approved_at,
				      version = indicator_value.version + 1
				  WHERE indicator_value.approved_value IS DISTINCT FROM excluded.value
				     OR indicator_value.approved_numerator IS DISTINCT FROM excluded.numerator
				     OR indicator_value.approved_denominator IS DISTINCT FROM excluded.denominator
				     OR indicator_value.state <> 'APPROVED'
				RETURNING id""", p, rs -> rs.next() ? rs.getLong(1) : null);
		if (id == null) {
			return; // the same figure as before: nothing changed
		}
		jdbc.update("""
				INSERT INTO indicator_value_history(value_id, action, state, value, numerator, denominator, note,
				                                    actor_id, actor_name, occurred_at)
				VALUES (:id, 'APPROVED', 'APPROVED', :value, :num, :den, :note, NULL, 'Hệ thống', :now)""",
				p.addValue("id", id));
		calculator.afterValueChange(ind, ind.responsibleAgencyId(), period.start(), catalog.byCode());
	}

	private static Frequency frequency(PeriodKind kind) {
		for (Frequency f : Frequency.values()) {
			if (f.kind() == kind) {
				return f;
			}
		}
		throw new IllegalArgumentException("No indicator frequency for " + kind);
	}
}
