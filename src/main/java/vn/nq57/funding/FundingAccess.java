package vn.nq57.funding;

import org.springframework.stereotype.Component;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.agency.AgencyDirectory;

/**
 * Who may do what with money, on the server: an agency's staff their own agency's proposals and disbursements (the
 * officer drafts, the head submits); DoST opens calls and reviews; Sở Tài chính (the agency of the setting
 * {@code funding.finance-agency}) sees the reviewed proposals only, records the decision, reallocations and budget
 * totals; leaders read everything that is no longer a draft.
 */
@Component
class FundingAccess {

	private final AccessPolicy policy;
	private final AgencyDirectory agencies;
	private final FundingSettings settings;

	FundingAccess(AccessPolicy policy, AgencyDirectory agencies, FundingSettings settings) {
		this.policy = policy;
		this.agencies = agencies;
		this.settings = settings;
	}

	Long financeAgencyId() {
		return agencies.findByCode(settings.financeAgencyCode()).map(a -> a.getId()).orElse(null);
	}

	boolean isFinance(CurrentUser u) {
		return (u.is(Role.AGENCY_HEAD) || u.is(Role.AGENCY_OFFICER)) && u.actsFor(financeAgencyId());
	}

	static boolean isDost(CurrentUser u) {
		return u.is(Role.SECRETARIAT);
	}

	static boolean isAgencyStaff(CurrentUser u, Long agencyId) {
		return (u.is(Role.AGENCY_HEAD) || u.is(Role.AGENCY_OFFICER)) && u.actsFor(agencyId);
	}

	/** Reads everything (dashboards, all proposals past the draft). */
	static boolean readsProvince(CurrentUser u) {
		return u.seesEveryAgency();
	}

	boolean canRead(CurrentUser u, Proposal p, String callState) {
		if (isAgencyStaff(u, p.agencyId()) || isDost(u) || u.is(Role.ADMIN)) {
			return true;
		}
		if (u.is(Role.LEADER)) {
			return p.state() != ProposalState.DRAFT;
		}
		return isFinance(u) && p.state().reviewedThrough() && !"OPEN".equals(callState);
	}

	void require(boolean allowed, String type, Long id, String what) {
		policy.require(allowed, type, id, what);
	}

	void requireDost(String what) {
		CurrentUser u = AccessPolicy.current();
		policy.require(isDost(u), "FUNDING", null, what);
	}

	void requireFinance(String what) {
		CurrentUser u = AccessPolicy.current();
		policy.require(isFinance(u), "FUNDING", null, what);
	}

	void requireFinanceHead(String what) {
		CurrentUser u = AccessPolicy.current();
		policy.require(isFinance(u), "FUNDING", null, what);
	}

	void requireProvinceView(String what) {
		CurrentUser u = AccessPolicy.current();
		policy.require(readsProvince(u) || isFinance(u), "FUNDING", null, what);
	}
}
