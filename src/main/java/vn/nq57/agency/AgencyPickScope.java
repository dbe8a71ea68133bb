package vn.nq57.agency;

/** Which agencies a picker offers: every kind an assignment can go to, or also the collectives that lead. */
public enum AgencyPickScope {
	/** Active agencies that can be assigned work or act (no collective). */
	ASSIGNABLE,
	/** Active agencies and the collectives ("Các sở, ban, ngành…") a task may name as lead. */
	LEADS,
	/**
	 * Any active agency (no collective), for every role: a field that names another agency as a fact (the lead of a
	 * proposed problem, the agency a technology need comes from), where the service checks what may be saved.
	 */
	REGISTRY;

	/** The scope a form names, ASSIGNABLE when absent or unknown. */
	public static AgencyPickScope of(String s) {
		String t = s == null ? "" : s.strip().toUpperCase(java.util.Locale.ROOT);
		return "LEADS".equals(t) ? LEADS : "REGISTRY".equals(t) ? REGISTRY : ASSIGNABLE;
	}

	/** Whether the search is limited to the agency a person acts for, when they do not see every agency. */
	public boolean ownOnlyForAgencyStaff() {
		return this != REGISTRY;
	}
}
