package vn.nq57.funding;

/**
 * A proposal's way: the officer drafts, the head submits, DoST accepts, adjusts the amount, returns it for revision or
 * refuses it; after the province's decision an accepted or adjusted proposal is allocated.
 */
public enum ProposalState {
	DRAFT, SUBMITTED, ACCEPTED, ADJUSTED, RETURNED, REFUSED, ALLOCATED;

	/** The agency may still change it. */
	boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

	/** DoST has let it through: it goes to Sở Tài chính. */
	boolean reviewedThrough() {
		return this == ACCEPTED || this == ADJUSTED || this == ALLOCATED;
	}
}
