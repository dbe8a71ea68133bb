package vn.nq57.datacall;

import org.springframework.stereotype.Component;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;

/**
 * Who may do what with a call: DoST creates, runs and consolidates; leaders and administrators read everything;
 * an agency's staff see the calls addressed to their agency and only their own answers until DoST consolidates.
 */
@Component
class DataCallAccess {

	private final AccessPolicy policy;

	DataCallAccess(AccessPolicy policy) {
		this.policy = policy;
	}

	CurrentUser user() {
		return AccessPolicy.current();
	}

	boolean manages() {
		return user().is(Role.SECRETARIAT);
	}

	void requireManage() {
		policy.require(manages(), DataCallService.ENTITY, null, "quản lý đợt báo cáo đột xuất");
	}

	void requireSeeAll(long callId) {
		policy.require(user().seesEveryAgency(), DataCallService.ENTITY, callId, "xem trả lời của mọi cơ quan");
	}

	void requireAnswerFor(long callId, long agencyId) {
		CurrentUser u = user();
		policy.require((u.is(Role.AGENCY_OFFICER) || u.is(Role.AGENCY_HEAD)) && u.actsFor(agencyId),
				DataCallService.ENTITY, callId, "trả lời thay cơ quan khác");
	}

	void requireReadResponse(long callId, long agencyId) {
		CurrentUser u = user();
		policy.require(u.seesEveryAgency() || u.actsFor(agencyId), DataCallService.ENTITY, callId,
				"xem trả lời của cơ quan khác");
	}

	void require(boolean allowed, long callId, String what) {
		policy.require(allowed, DataCallService.ENTITY, callId, what);
	}
}
