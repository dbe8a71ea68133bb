package vn.nq57.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A big problem as read from {@code big_problem}, with its agencies' names. */
public record BigProblem(long id, String title, String statement, String expectedProduct, String timeline,
		Long costEstimate, long proposingAgencyId, String proposingAgency, Long leadAgencyId, String leadAgency,
		String nationalProgramme, String sourceDocument, BigProblemState state, String reason, Map<String, Object> review,
		Integer reviewScore, String decisionNumber, LocalDate decisionDate, Long planId, List<Long> taskIds,
		LocalDate acceptedOn, String acceptanceNote, LocalDate publishedOn, boolean demo, Instant createdAt, long version) {

	public String cost() {
		return Amounts.format(costEstimate);
	}

	public Map<String, Object> snapshot() {
		java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("title", title);
		m.put("statement", statement);
		m.put("expectedProduct", expectedProduct);
		m.put("timeline", timeline);
		m.put("costEstimate", costEstimate);
		m.put("proposingAgencyId", proposingAgencyId);
		m.put("leadAgencyId", leadAgencyId);
		m.put("nationalProgramme", nationalProgramme);
		m.put("state", state.name());
		m.put("decisionNumber", decisionNumber);
		m.put("decisionDate", decisionDate == null ? null : decisionDate.toString());
		m.put("taskIds", taskIds);
		return m;
	}
}
