package vn.nq57.indicator;

import org.springframework.stereotype.Component;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;

/**
 * Who may see and change what in the indicator set, for pages and API alike. DoST, leaders and ADMIN see
 * every indicator and every agency's values; an agency's staff see the indicators their agency is
 * responsible for (it compiles them) and their own agency's values; only an agency's officer or head
 * enters its values, only its head approves them; only DoST defines indicators and returns values. Every
 * refusal is a 403 written to the audit trail.
 */
@Component
class IndicatorAccess {

	private final AccessPolicy access;

	IndicatorAccess(AccessPolicy access) {
		this.access = access;
	}

	static CurrentUser me() {
		return AccessPolicy.current();
	}

	boolean seesAll(CurrentUser u) {
		return u.seesEveryAgency();
	}

	boolean canView(CurrentUser u, Indicator i) {
		return u.seesEveryAgency() || u.actsFor(i.responsibleAgencyId());
	}

	boolean canManage(CurrentUser u) {
		return u.is(Role.SECRETARIAT);
	}

	boolean isAgencyStaff(CurrentUser u) {
		return u.is(Role.AGENCY_OFFICER) || u.is(Role.AGENCY_HEAD);
	}

	void requireScoreboard() {
		access.require(seesAll(me()), "INDICATOR", null, "xem bảng chỉ số của toàn tỉnh");
	}

	void requireView(Indicator i) {
		access.require(canView(me(), i), "INDICATOR", i.id(), "xem chỉ số “" + i.code() + "” (chỉ số do cơ quan khác phụ trách)");
	}

	void requireManage(String what) {
		access.require(canManage(me()), "INDICATOR", null, what);
	}

	void requireAgencyStaff(String what) {
		access.require(isAgencyStaff(me()), "INDICATOR", null, what);
	}

	/** Values of this agency for this indicator: the agency's own staff, or who may view the indicator. */
	void requireReadValues(Indicator i, long agencyId) {
		CurrentUser u = me();
		access.require(canView(u, i) || u.actsFor(agencyId), "INDICATOR_VALUE", null,
				"xem số liệu chỉ số của cơ quan, đơn vị khác");
	}

	/**
	 * Whether the user sees this agency's values before its head approved them (drafts, returned values, their
	 * notes and files): the agency's own staff and the province's roles; the agency responsible for the indicator
	 * sees another agency's values only once they are approved (probe finding of issue 18).
	 */
	boolean seesUnsubmitted(CurrentUser u, long agencyId) {
		return u.seesEveryAgency() || u.actsFor(agencyId);
	}

	static boolean submitted(ValueState state) {
		return state == ValueState.APPROVED || state == ValueState.COMPUTED;
	}

	/** Refuses (403, audited) another agency's unapproved value to the staff of the responsible agency. */
	void requireSubmittedOrOwn(boolean submitted, long agencyId, Long valueId) {
		access.require(submitted || seesUnsubmitted(me(), agencyId), "INDICATOR_VALUE", valueId,
				"xem số liệu chưa được thủ trưởng duyệt của cơ quan, đơn vị khác");
	}

	/** An agency's reporting obligations: its own staff, or who sees every agency. */
	void requireAgencyWork(long agencyId) {
		CurrentUser u = me();
		access.require(u.seesEveryAgency() || u.actsFor(agencyId), "INDICATOR_VALUE", null,
				"xem số liệu phải báo cáo của cơ quan, đơn vị khác");
	}

	void requireEnter(Indicator i, long agencyId) {
		CurrentUser u = me();
		if (!isAgencyStaff(u)) {
			access.require(false, "INDICATOR_VALUE", i.id(),
					"nhập số liệu chỉ số (chỉ cán bộ đầu mối, thủ trưởng của cơ quan, đơn vị báo cáo)");
		}
		access.require(u.actsFor(agencyId), "INDICATOR_VALUE", i.id(), "nhập số liệu cho cơ quan, đơn vị khác");
	}

	void requireApprove(long valueId, long agencyId) {
		CurrentUser u = me();
		access.require(u.is(Role.AGENCY_HEAD) && u.actsFor(agencyId), "INDICATOR_VALUE", valueId,
				"duyệt số liệu chỉ số (chỉ thủ trưởng cơ quan, đơn vị đã nhập)");
	}

	void requireReturn(long valueId) {
		access.require(canManage(me()), "INDICATOR_VALUE", valueId, "trả lại số liệu chỉ số (chỉ Sở KH&CN)");
	}
}
