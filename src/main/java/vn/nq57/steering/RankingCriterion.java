package vn.nq57.steering;

import java.time.LocalDate;
import java.util.Map;

import vn.nq57.kernel.Rates;

/**
 * One criterion of the ranking of agencies: per agency a ratio (part ÷ whole), weighed by the setting
 * {@code steering.ranking.weights} under {@link #code()}. The steering module brings on-time completion, report
 * timeliness and indicator achievement; the recommendations module adds answer timeliness as a bean of this type.
 */
public interface RankingCriterion {

	String code();

	/** The criterion as printed in the formula ("Tỷ lệ hoàn thành nhiệm vụ đúng hạn"). */
	String label();

	/** How the ratio is made, one line under the table. */
	String definition();

	/** Per agency id, its ratio as of {@code day}; an agency with nothing to count is left out. */
	Map<Long, Rates.Ratio> byAgency(LocalDate day, Filter filter);
}
