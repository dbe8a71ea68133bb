package vn.nq57.funding;

import org.springframework.stereotype.Component;

import vn.nq57.kernel.Money;

/** Money as the funding pages show it ({@code @fmoney} in templates): leaders' short form "1,25 tỷ đồng". */
@Component("fmoney")
class FundingFormat {

	public String short_(long dong) {
		return Money.short_(dong);
	}

	public String format(long dong) {
		return Money.format(dong);
	}
}
