package vn.nq57.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;

import vn.nq57.kernel.Rates;

/**
 * Completeness and timeliness of periodic reports, after DHIS2's reporting rates. Plain Java; the aggregate
 * SQL of {@link CompletenessQueries} counts by the same rules, and CompletenessQueriesTest keeps the two equal.
 *
 * <ul>
 * <li><b>expected</b>: reports an agency owes for a period whose due date (last on-time day) has passed. Reports
 * of periods not yet due are shown but not counted, so that the current month does not read as missing;</li>
 * <li><b>received</b>: of those, reports submitted to DoST and not returned (submitted or accepted). A returned
 * report counts again once it is submitted again;</li>
 * <li><b>on time</b>: received, and first submitted on or before the due date (a report returned for correction
 * and sent again keeps the day it first arrived);</li>
 * <li>completeness = received ÷ expected; timeliness = on time ÷ expected (DHIS2's "reporting rate on time").
 * A rate with nothing expected is {@code null}, shown "–".</li>
 * </ul>
 */
public final class Completeness {

	private Completeness() {
	}

	/** What one cell of the agency × period grid shows. */
	public enum Cell {
		/** Not due yet and not received: nothing to urge. */
		PENDING("Chưa đến hạn", "pending"),
		/** Due date passed, nothing received. */
		MISSING("Chưa gửi", "missing"),
		/** DoST returned it; the agency is revising. */
		RETURNED("Bị trả lại", "returned"),
		/** Received after the due date. */
		LATE("Gửi muộn", "late"),
		/** Received by the due date. */
		ON_TIME("Đúng hạn", "on-time");

		private final String label;
		private final String css;

		Cell(String label, String css) {
			this.label = label;
			this.css = css;
		}

		public String label() {
			return label;
		}

		public String css() {
			return css;
		}

		public boolean isReceived() {
			return this == LATE || this == ON_TIME;
		}

		/** The agency should be reminded (đôn đốc). */
		public boolean needsUrging() {
			return this == MISSING || this == RETURNED;
		}
	}

	/** The cell of an expected report in {@code state}, first submitted on {@code firstSubmittedOn}. */
	public static Cell cell(ReportState state, LocalDate firstSubmittedOn, LocalDate dueDate, LocalDate today) {
		if (state.isReceived()) {
			return firstSubmittedOn != null && !firstSubmittedOn.isAfter(dueDate) ? Cell.ON_TIME : Cell.LATE;
		}
		if (state == ReportState.RETURNED) {
			return Cell.RETURNED;
		}
		return today.isAfter(dueDate) ? Cell.MISSING : Cell.PENDING;
	}

	/** Expected, received and on-time counts, with the two rates. */
	public record Counts(long expected, long received, long onTime) {

		public static final Counts NONE = new Counts(0, 0, 0);

		public Counts {
			if (received > expected || onTime > received || onTime < 0) {
				throw new IllegalArgumentException("on time ≤ received ≤ expected: " + onTime + ", " + received + ", " + expected);
			}
		}

		/** Adds one expected report whose cell is {@code c}; periods not yet due are not counted, even if received. */
		public Counts plus(Cell c, boolean periodPastDue) {
			return periodPastDue ? plus(c) : this;
		}

		/** Adds one expected report of a period already due, whose cell is {@code c}. */
		public Counts plus(Cell c) {
			if (c == Cell.PENDING) {
				return this;
			}
			return new Counts(expected + 1, received + (c.isReceived() ? 1 : 0), onTime + (c == Cell.ON_TIME ? 1 : 0));
		}

		public Counts plus(Counts o) {
			return new Counts(expected + o.expected, received + o.received, onTime + o.onTime);
		}

		public long missing() {
			return expected - received;
		}

		public long late() {
			return received - onTime;
		}

		/** Tỷ lệ báo cáo đầy đủ: received ÷ expected. */
		public BigDecimal completeness() {
			return Rates.percent(received, expected);
		}

		/** Tỷ lệ báo cáo đúng hạn: on time ÷ expected. */
		public BigDecimal timeliness() {
			return Rates.percent(onTime, expected);
		}
	}
}
