package vn.nq57.indicator;

import java.math.BigDecimal;

import vn.nq57.kernel.VnFormat;
import vn.nq57.system.TypedNumbers;

/**
 * Numbers as Vietnamese users type and read them: a dot groups thousands, a comma starts the decimals
 * ({@code 1.526}, {@code 99,30}). Text that is not such a number is refused with a message, never read as 0.
 */
final class VnNumber {

	/** At most this many digits before the decimal comma, and {@value Formula#SCALE} after it. */
	static final int MAX_INTEGER_DIGITS = TypedNumbers.MAX_INTEGER_DIGITS;

	private VnNumber() {
	}

	/** The number in {@code text}, or {@code null} for an empty field; {@code field} names it in messages. */
	static BigDecimal parse(String text, String field) {
		return TypedNumbers.parse(text, field, Formula.SCALE);
	}

	/** A number that came as a number (JSON, a spreadsheet cell): the same limits as typed ones. */
	static BigDecimal check(BigDecimal v, String field) {
		return TypedNumbers.check(v, field, Formula.SCALE);
	}

	/** {@code 1.526}, {@code 99,30}: grouped thousands and exactly {@code decimals} decimals. */
	static String format(BigDecimal v, int decimals) {
		return VnFormat.decimal(v, decimals);
	}

	/** As few decimals as needed, at most {@code max}: {@code 80}, {@code 71,43}, {@code 1.526}. */
	static String compact(BigDecimal v, int max) {
		return VnFormat.compact(v, max);
	}
}
