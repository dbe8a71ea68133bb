package vn.nq57.indicator;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.nq57.system.DomainException;

/**
 * One measuring period of an indicator: a month, a quarter, a half-year or a year, identified by its
 * frequency and its first day. Written as users write it ("Tháng 10/2026", "Quý III/2026", "6 tháng đầu
 * năm 2026", "Năm 2026") and as the API writes it ("2026-10", "2026-Q3", "2026-H1", "2026").
 *
 * <p>A value is due {@code dueDays} days after the period ends (the 2026 plan: monthly reports before the
 * 10th of the next month).
 */
record Period(Frequency frequency, LocalDate start) implements Comparable<Period> {

	static final int MIN_YEAR = 2000;
	static final int MAX_YEAR = 2100;

	private static final String[] ROMAN = { "I", "II", "III", "IV" };

	private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
	private static final Pattern VN_MONTH = Pattern.compile("(?:thang|t)?\\s*(\\d{1,2})\\s*[/.-]\\s*(\\d{4})");
	private static final Pattern ISO_QUARTER = Pattern.compile("(\\d{4})-q(\\d+)");
	private static final Pattern VN_QUARTER = Pattern.compile("(?:quy|q)\\s*([ivx]+|\\d+)\\s*(?:[/.-]|nam)?\\s*(?:nam\\s*)?(\\d{4})");
	private static final Pattern ISO_HALF = Pattern.compile("(\\d{4})-h(\\d+)");
	private static final Pattern VN_HALF = Pattern.compile("(?:6 thang (dau|cuoi) nam|h(\\d+))\\s*[/.-]?\\s*(\\d{4})");
	private static final Pattern YEAR = Pattern.compile("(?:nam\\s*)?(\\d{4})");

	Period {
		if (frequency == null || start == null) {
			throw new IllegalArgumentException("frequency and start are required");
		}
		if (start.getDayOfMonth() != 1 || (start.getMonthValue() - 1) % frequency.months() != 0) {
			throw new IllegalArgumentException(start + " does not start a " + frequency + " period");
		}
	}

	/** The period of this frequency that contains the day. */
	static Period containing(Frequency frequency, LocalDate day) {
		int m = day.getMonthValue() - 1;
		return new Period(frequency, LocalDate.of(day.getYear(), m - m % frequency.months() + 1, 1));
	}

	public LocalDate end() {
		return start.plusMonths(frequency.months()).minusDays(1);
	}

	public LocalDate dueDate(int dueDays) {
		return end().plusDays(dueDays);
	}

	public Period previous() {
		return new Period(frequency, start.minusMonths(frequency.months()));
	}

	public Period next() {
		return new Period(frequency, start.plusMonths(frequency.months()));
	}

	public int year() {
		return start.getYear();
	}

	public String label() {
		int y = start.getYear();
		int m = start.getMonthValue();
		return switch (frequency) {
			case MONTHLY -> "Tháng " + m + "/" + y;
			case QUARTERLY -> "Quý " + ROMAN[(m - 1) / 3] + "/" + y;
			case HALF_YEARLY -> (m == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + y;
			case YEARLY -> "Năm " + y;
		};
	}

	/** Short label for charts: "10/2026", "III/2026", "H1/2026", "2026". */
	public String shortLabel() {
		int y = start.getYear();
		int m = start.getMonthValue();
		return switch (frequency) {
			case MONTHLY -> String.format("%02d/%d", m, y);
			case QUARTERLY -> ROMAN[(m - 1) / 3] + "/" + y;
			case HALF_YEARLY -> "H" + (m == 1 ? 1 : 2) + "/" + y;
			case YEARLY -> String.valueOf(y);
		};
	}

	public String code() {
		int y = start.getYear();
		int m = start.getMonthValue();
		return switch (frequency) {
			case MONTHLY -> String.format("%d-%02d", y, m);
			case QUARTERLY -> y + "-Q" + ((m - 1) / 3 + 1);
			case HALF_YEARLY -> y + "-H" + (m == 1 ? 1 : 2);
			case YEARLY -> String.valueOf(y);
		};
	}

	@Override
	public int compareTo(Period o) {
		return start.compareTo(o.start);
	}

	/**
	 * The period the text names, for an indicator of this frequency. A period that does not exist (month 13,
	 * "Quý V", a quarter typed for a monthly indicator, a year outside 2000–2100) is refused with a message
	 * that says what to type instead.
	 */
	static Period parse(Frequency frequency, String text) {
		if (text == null || text.isBlank()) {
			throw new DomainException("Chưa chọn kỳ số liệu (ví dụ " + frequency.example() + ")");
		}
		String shown = text.strip();
		String t = Labels.key(shown).replace("năm", "nam");
		Matcher m;
		Period p = null;
		switch (frequency) {
			case MONTHLY -> {
				if ((m = ISO_MONTH.matcher(t)).matches()) {
					p = month(shown, num(m.group(1)), num(m.group(2)));
				}
				else if ((m = VN_MONTH.matcher(t)).matches()) {
					p = month(shown, num(m.group(2)), num(m.group(1)));
				}
			}
			case QUARTERLY -> {
				if ((m = ISO_QUARTER.matcher(t)).matches()) {
					p = quarter(shown, num(m.group(1)), num(m.group(2)));
				}
				else if ((m = VN_QUARTER.matcher(t)).matches()) {
					p = quarter(shown, num(m.group(2)), roman(shown, m.group(1)));
				}
			}
			case HALF_YEARLY -> {
				if ((m = ISO_HALF.matcher(t)).matches()) {
					p = half(shown, num(m.group(1)), num(m.group(2)));
				}
				else if ((m = VN_HALF.matcher(t)).matches()) {
					int h = m.group(1) != null ? ("dau".equals(m.group(1)) ? 1 : 2) : num(m.group(2));
					p = half(shown, num(m.group(3)), h);
				}
			}
			case YEARLY -> {
				if ((m = YEAR.matcher(t)).matches()) {
					p = new Period(frequency, LocalDate.of(year(shown, num(m.group(1))), 1, 1));
				}
			}
		}
		if (p == null) {
			throw new DomainException("Kỳ “" + shown + "” không tồn tại đối với chỉ số " + frequency.label().toLowerCase(Locale.ROOT)
					+ " (nhập dạng " + frequency.example() + ")");
		}
		return p;
	}

	private static Period month(String shown, int year, int month) {
		if (month < 1 || month > 12) {
			throw new DomainException("Kỳ “" + shown + "” không tồn tại: tháng phải từ 1 đến 12");
		}
		return new Period(Frequency.MONTHLY, LocalDate.of(year(shown, year), month, 1));
	}

	private static Period quarter(String shown, int year, int quarter) {
		if (quarter < 1 || quarter > 4) {
			throw new DomainException("Kỳ “" + shown + "” không tồn tại: một năm chỉ có Quý I đến Quý IV");
		}
		return new Period(Frequency.QUARTERLY, LocalDate.of(year(shown, year), (quarter - 1) * 3 + 1, 1));
	}

	private static Period half(String shown, int year, int half) {
		if (half < 1 || half > 2) {
			throw new DomainException("Kỳ “" + shown + "” không tồn tại: chỉ có 6 tháng đầu năm và 6 tháng cuối năm");
		}
		return new Period(Frequency.HALF_YEARLY, LocalDate.of(year(shown, year), half == 1 ? 1 : 7, 1));
	}

	private static int year(String shown, int year) {
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new DomainException("Kỳ “" + shown + "” không tồn tại: năm phải từ " + MIN_YEAR + " đến " + MAX_YEAR);
		}
		return year;
	}

	private static int roman(String shown, String r) {
		return switch (r) {
			case "i" -> 1;
			case "ii" -> 2;
			case "iii" -> 3;
			case "iv" -> 4;
			default -> r.chars().allMatch(Character::isDigit) ? num(r) : 99;
		};
	}

	private static int num(String digits) {
		return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
	}
}
