/**
 * Money: funding calls, proposals per task, DoST's review, the province's allocation, reallocations, disbursement
 * reports and the 3% / 15% shares. Owns the {@code funding_*} tables; publishes {@link vn.nq57.funding.FundingProposals}
 * (draft a proposal for a task from another capability) and the view {@code funding_allocation_view}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "steering", "catalogue", "indicator", "notification", "account", "agency",
		"officialdoc", "system", "kernel" })
package vn.nq57.funding;
