package vn.nq57.agency;

/** Which agencies a picker offers: every kind an assignment can go to, or also the collectives that lead. */
public enum AgencyPickScope {
	/** Active agencies that can be assigned work or act (no collective). */
	ASSIGNABLE,
	/** Active agencies and the collectives ("Các sở, ban, ngành…") a task may name as lead. */
	LEADS;

	/** The scope a form names, ASSIGNABLE when absent or unknown. */
	public static AgencyPickScope of(String s) {
		return "LEADS".equalsIgnoreCase(s == null ? "" : s.strip()) ? LEADS : ASSIGNABLE;
	}
}
