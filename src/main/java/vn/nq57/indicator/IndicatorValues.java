package vn.nq57.indicator;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.system.AppClock;

/**
 * What other capabilities may ask of the indicator set (the periodic report lists an agency's indicator
 * values due in its reporting period). It reads; it does not check who is asking, so the caller must
 * already have checked that the user may read the agency's work.
 */
@Service
public class IndicatorValues {

	/**
	 * One indicator value an agency owes for one period: the period, when it is due, the target for the
	 * period's year (the first target not before it), and what the agency has entered so far ({@code value}
	 * is {@code null} while nothing is entered; a ratio keeps its numerator and denominator so that a total
	 * is recomputed from them). {@code state} is {@code MISSING}, {@code DRAFT} (waiting for the agency head),
	 * {@code APPROVED} or {@code RETURNED} (DoST sent it back; {@code returnReason} says why).
	 * {@code overdue}: no approved value and the due date is past.
	 */
	public record DueValue(String indicatorCode, String indicatorName, String unit, String periodCode,
			String periodLabel, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate, BigDecimal value,
			BigDecimal numerator, BigDecimal denominator, String state, String returnReason, boolean overdue,
			Integer targetYear, BigDecimal target) {
	}

	private final IndicatorCatalog catalog;
	private final NamedParameterJdbcTemplate jdbc;
	private final AppClock clock;

	IndicatorValues(IndicatorCatalog catalog, NamedParameterJdbcTemplate jdbc, AppClock clock) {
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The values the agency must report for the reporting period {@code periodStart}–{@code periodEnd} (both
	 * included): for every active entered indicator it reports, each of the indicator's periods that ends
	 * within it — a monthly report of October carries October's monthly values; a quarterly report of
	 * July–September the months and the third quarter. With values due 10 days after their period, they fall
	 * due with the report. By period end, then indicator order.
	 */
	@Transactional(readOnly = true)
	public List<DueValue> dueIn(long agencyId, LocalDate periodStart, LocalDate periodEnd) {
		if (periodStart == null || periodEnd == null || periodEnd.isBefore(periodStart)) {
			return List.of();
		}
		record Due(Indicator ind, Period period) {
		}
		List<Due> due = new ArrayList<>();
		for (Indicator ind : catalog.all()) {
			if (!ind.active() || ind.computed() || !catalog.reports(ind, agencyId)) {
				continue;
			}
			// the indicator's periods that end within the reporting period
			for (Period p = Period.containing(ind.frequency(), periodStart); !p.end().isAfter(periodEnd); p = p.next()) {
				if (!p.end().isBefore(periodStart) && ind.expects(p)) {
					due.add(new Due(ind, p));
				}
			}
		}
		if (due.isEmpty()) {
			return List.of();
		}
		Map<String, Object[]> entered = new HashMap<>();
		jdbc.query("""
				SELECT indicator_id, period_start, value, numerator, denominator, state, return_reason
				FROM indicator_value WHERE agency_id = :agency AND indicator_id IN (:ids)
				  AND period_start BETWEEN :from AND :to""",
				new MapSqlParameterSource("agency", agencyId)
					.addValue("ids", due.stream().map(d -> d.ind().id()).distinct().toList())
					.addValue("from", Date.valueOf(due.stream().map(d -> d.period().start()).min(Comparator.naturalOrder()).orElseThrow()))
					.addValue("to", Date.valueOf(due.stream().map(d -> d.period().start()).max(Comparator.naturalOrder()).orElseThrow())),
				rs -> {
					entered.put(rs.getLong(1) + "@" + rs.getDate(2).toLocalDate(), new Object[] { rs.getBigDecimal(3),
							rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7) });
				});
		LocalDate today = clock.today();
		List<DueValue> out = new ArrayList<>();
		for (Due d : due) {
			Object[] v = entered.get(d.ind().id() + "@" + d.period().start());
			String state = v == null ? "MISSING" : (String) v[3];
			LocalDate dueDate = d.period().dueDate(d.ind().dueDays());
			boolean overdue = !"APPROVED".equals(state) && today.isAfter(dueDate);
			Indicator.Target target = d.ind().targetFor(d.period().year());
			out.add(new DueValue(d.ind().code(), d.ind().name(), d.ind().unit(), d.period().code(), d.period().label(),
					d.period().start(), d.period().end(), dueDate, v == null ? null : (BigDecimal) v[0],
					v == null ? null : (BigDecimal) v[1], v == null ? null : (BigDecimal) v[2], state,
					v == null ? null : (String) v[4], overdue, target == null ? null : target.year(),
					target == null ? null : target.value()));
		}
		out.sort(Comparator.comparing(DueValue::periodEnd));
		return out;
	}
}
