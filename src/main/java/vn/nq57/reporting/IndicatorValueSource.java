package vn.nq57.reporting;

import java.util.List;

/**
 * Extension point for indicator values in periodic reports. The indicators capability (bộ chỉ số) does not
 * exist yet; when it does, it implements this interface as a Spring bean and each agency's report lists the
 * values due from it in the period, and the consolidated report adds them up. Until then no bean exists and
 * the reports have no indicator section. The dependency points from indicators to reporting, never back.
 */
public interface IndicatorValueSource {

	/**
	 * The values {@code agencyId} owes for the period whose data window is {@code period.windowStart()} to
	 * {@code period.windowEnd()}, as entered up to now; an indicator without a value yet is returned with a
	 * {@code null} value so that the report shows it as missing.
	 */
	List<IndicatorValue> valuesDue(long agencyId, ReportingPeriod period);
}
