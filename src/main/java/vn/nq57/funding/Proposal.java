package vn.nq57.funding;

import java.time.Instant;
import java.util.Map;

/** A funding proposal as stored; {@code years} the split of {@code amount} per budget year. */
public record Proposal(long id, long callId, long taskId, long agencyId, Source source, Category category, long amount,
		Long approvedAmount, String justification, String expectedOutput, ProposalState state, String reviewReason,
		Long duplicateOf, String duplicateNote, Long estimateFileId, Instant updatedAt, long version,
		Map<Integer, Long> years) {

	/** The figure that goes forward: DoST's adjusted amount, or the amount asked. */
	public long reviewedAmount() {
		return approvedAmount == null ? amount : approvedAmount;
	}
}
