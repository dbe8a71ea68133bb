package vn.nq57.reporting;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.nq57.indicator.IndicatorValues;

/**
 * The indicator values an agency owes in a reporting period, read from the indicator set: every period of the
 * indicators it reports that ends within the report's data window (October's report: October's monthly values),
 * with what was entered so far, its state and the year's target. The caller has already checked that the user may
 * read the agency's report.
 */
@Component
class IndicatorValuesDue implements IndicatorValueSource {

	private final IndicatorValues values;

	IndicatorValuesDue(IndicatorValues values) {
		this.values = values;
	}

	@Override
	public List<IndicatorValue> valuesDue(long agencyId, ReportingPeriod period) {
		return values.dueIn(agencyId, period.windowStart(), period.windowEnd()).stream()
			.map(d -> new IndicatorValue(d.indicatorCode(), d.indicatorName(), d.unit(), d.periodLabel(), d.dueDate(),
					d.value(), d.numerator(), d.denominator(), d.targetYear(), d.target(), d.state()))
			.toList();
	}
}
