package vn.nq57.steering;

/**
 * What a board or a brief counts: a task group (by its code, I–VII, across plans), a kind of agency, one commune,
 * and the agency a viewer is limited to (an agency's own staff see only their agency; {@code null}: every agency).
 */
public record Filter(String groupCode, String agencyKind, Long communeId, Long scopeAgencyId) {

	public static final Filter ALL = new Filter(null, null, null, null);

	public Filter {
		groupCode = groupCode == null || groupCode.isBlank() ? null : groupCode.strip();
		agencyKind = agencyKind == null || agencyKind.isBlank() ? null : agencyKind.strip();
	}

	public Filter scopedTo(Long agencyId) {
		return new Filter(groupCode, agencyKind, communeId, agencyId);
	}

	/** The agency the figures are limited to, if one: the commune chosen or the viewer's own. */
	public Long agencyId() {
		return scopeAgencyId != null ? scopeAgencyId : communeId;
	}
}
