package vn.nq57.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

/** TEMPORARY stand-in (funding branch) for the lead's IndicatorFeed; main's version wins on merge. */
@Component
public class IndicatorFeed {

	public record Definition(String code, String name, String category, String unit, boolean percent,
			boolean higherIsBetter, vn.nq57.kernel.PeriodKind frequency, String responsibleAgencyCode, String dataSource,
			Map<Integer, BigDecimal> targets) {
	}

	public void declare(Definition d) {
	}

	public void publish(String code, LocalDate day, BigDecimal value) {
	}

	public void publishRatio(String code, LocalDate day, BigDecimal numerator, BigDecimal denominator) {
	}
}
