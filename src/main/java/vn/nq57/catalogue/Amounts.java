package vn.nq57.catalogue;

import vn.nq57.kernel.Money;

/** Money typed in the registers, through the kernel's parser. */
final class Amounts {

	private Amounts() {
	}

	static long parse(String typed) {
		return Money.parse(typed);
	}

	static String format(Long dong) {
		return dong == null ? "" : Money.format(dong);
	}
}
