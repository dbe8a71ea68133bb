package vn.nq57.catalogue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import vn.nq57.kernel.VnFormat;
import vn.nq57.kernel.VnText;
import vn.nq57.system.DomainException;
import vn.nq57.system.TextRules;

/** What the registers do with what people type: trimmed, NFC, no markup, within a length; a clear message otherwise. */
public final class Inputs {

	private Inputs() {
	}

	/** A required text of at most {@code max} characters. */
	public static String required(String value, String label, int max) {
		String v = optional(value, label, max);
		if (v == null) {
			throw new DomainException("Chưa nhập " + label);
		}
		return v;
	}

	/** An optional text (null when blank) of at most {@code max} characters. */
	public static String optional(String value, String label, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = VnText.nfc(value.strip());
		if (v.length() > max) {
			throw new DomainException(capital(label) + " tối đa " + VnFormat.decimal(java.math.BigDecimal.valueOf(max), 0)
					+ " ký tự (đang có " + v.length() + ")");
		}
		if (!TextRules.isSafe(v)) {
			throw new DomainException(capital(label) + " " + TextRules.MESSAGE);
		}
		return v;
	}

	/** An optional day typed dd/MM/yyyy. */
	public static LocalDate date(String value, String label) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip(), VnFormat.TYPED_DATE);
		}
		catch (DateTimeParseException e) {
			try {
				return LocalDate.parse(value.strip());
			}
			catch (DateTimeParseException e2) {
				throw new DomainException(capital(label) + ": “" + value.strip() + "” không phải ngày (dd/MM/yyyy)");
			}
		}
	}

	/** An optional whole number between min and max. */
	public static Integer whole(String value, String label, int min, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			int n = Integer.parseInt(value.strip().replace(".", ""));
			if (n < min || n > max) {
				throw new NumberFormatException();
			}
			return n;
		}
		catch (NumberFormatException e) {
			throw new DomainException(capital(label) + ": “" + value.strip() + "” không hợp lệ; hãy nhập số nguyên từ " + min
					+ " đến " + max);
		}
	}

	/** An optional amount of money in đồng ("1.250.000.000", "1,25 tỷ", "850 triệu"). */
	public static Long money(String value, String label) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Amounts.parse(value);
		}
		catch (RuntimeException e) {
			throw new DomainException(capital(label) + ": " + e.getMessage());
		}
	}

	/** A value of an enum by its name, or a message naming the choices. */
	public static <E extends Enum<E>> E choice(Class<E> type, String value, String label) {
		if (value == null || value.isBlank()) {
			throw new DomainException("Chưa chọn " + label);
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new DomainException(capital(label) + ": “" + value.strip() + "” không hợp lệ");
		}
	}

	static String capital(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}
}
