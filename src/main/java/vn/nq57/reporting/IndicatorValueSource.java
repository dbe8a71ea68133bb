package vn.nq57.reporting;

import java.util.List;

/**
 * Where the indicator values in periodic reports come from. {@link IndicatorValuesDue} implements it over the
 * indicator set (bộ chỉ số): each agency's report lists the values due from it in the period, and the consolidated
 * report lists them by indicator. The dependency points from reporting to the indicators, never back.
 */
public interface IndicatorValueSource {

	/**
	 * The values {@code agencyId} owes for the period whose data window is {@code period.windowStart()} to
	 * {@code period.windowEnd()}, as entered up to now; an indicator without a value yet is returned with a
	 * {@code null} value so that the report shows it as missing.
	 */
	List<IndicatorValue> valuesDue(long agencyId, ReportingPeriod period);
}
