package vn.nq57.indicator;

import org.springframework.stereotype.Component;

/**
 * For tests of other capabilities (the periodic report): indicators and values made through the indicator
 * services, the way DoST and the agencies make them.
 */
@Component
public class IndicatorTestValues {

	private final Fixtures fx;

	IndicatorTestValues(Fixtures fx) {
		this.fx = fx;
	}

	/**
	 * A monthly share (%, numerator and denominator) reported by the agencies with these codes, with a target
	 * for {@code targetYear}; returns its code, unique to the test.
	 */
	public String monthlyShare(String prefix, int targetYear, String target, String... reporterCodes) {
		IndicatorForm f = fx.share(Fixtures.code(prefix), reporterCodes);
		f.setFrequency("MONTHLY");
		f.setTargets(targetYear + ": " + target);
		return fx.save(f).code();
	}

	/** The officer enters {@code num}/{@code den} for {@code period} ("10/2026"); with a head, the head approves. */
	public void share(String officer, String head, String code, String period, long num, long den) {
		IndicatorEntry.Result r = fx.enterShare(officer, code, period, num, den);
		if (head != null) {
			fx.approve(head, r.id());
		}
	}
}
