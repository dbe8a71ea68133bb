package vn.nq57.intake;

import java.time.LocalDate;

/**
 * Where an import goes.
 *
 * <p>
 * A plan appendix goes into an existing plan ({@code targetPlanId}: a revised version, compared with what is
 * there) or a new one ({@code planTitle}, {@code planYear}, and the directive that issues it: an existing
 * {@code directiveId} or a new {@code directiveNumber}). A conclusion notice becomes, or is found as, the
 * directive its tasks cite ({@code directiveId}, or {@code directiveNumber} with date, issuer and title).
 */
public record IntakeSettings(Long targetPlanId, String planTitle, Integer planYear, Long directiveId,
		String directiveNumber, LocalDate directiveDate, String directiveIssuer, String directiveTitle) {

	public static IntakeSettings newPlan(String title, Integer year) {
		return new IntakeSettings(null, title, year, null, null, null, null, null);
	}

	public static IntakeSettings revise(long planId) {
		return new IntakeSettings(planId, null, null, null, null, null, null, null);
	}

	public static IntakeSettings notice(String number, LocalDate date, String title) {
		return new IntakeSettings(null, null, null, null, number, date, null, title);
	}

	IntakeSettings cleaned() {
		return new IntakeSettings(targetPlanId, DraftRow.blankToNull(VnText.oneLine(planTitle)), planYear, directiveId,
				DraftRow.blankToNull(VnText.oneLine(directiveNumber)), directiveDate,
				DraftRow.blankToNull(VnText.oneLine(directiveIssuer)), DraftRow.blankToNull(VnText.oneLine(directiveTitle)));
	}
}
