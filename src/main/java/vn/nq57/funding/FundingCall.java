package vn.nq57.funding;

import java.time.LocalDate;

/** A call for proposals (đợt đề xuất) for the budget years {@code yearFrom..yearTo}. */
public record FundingCall(long id, String title, int yearFrom, int yearTo, LocalDate closesOn, LocalDate reviewDue,
		String state, String letterNumber, LocalDate sentOn, String decisionNumber, LocalDate decisionDate,
		String decisionSigner, boolean decisionDemo, long version) {

	public boolean open() {
		return "OPEN".equals(state);
	}

	public boolean covers(int year) {
		return year >= yearFrom && year <= yearTo;
	}

	public String years() {
		return yearFrom == yearTo ? String.valueOf(yearFrom) : yearFrom + "–" + yearTo;
	}
}
