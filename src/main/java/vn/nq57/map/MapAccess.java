package vn.nq57.map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.agency.AgencyDirectory;

/**
 * Who sees what on the map. The Board's officers and head ({@code nq57.map.board-agency}, BQLKKT) edit; DoST,
 * leaders and administrators view everything read-only; officers of other agencies and anonymous visitors get the
 * public investor view (available lots, land use, area, infrastructure) and nothing confidential.
 */
@Component
class MapAccess {

	enum Audience {
		/** the Board's staff: everything, and edit */
		STAFF,
		/** DoST, leaders, administrators: everything, read only */
		VIEWER,
		/** investors and everyone else: available lots, land use, area, infrastructure */
		PUBLIC
	}

	private final AgencyDirectory agencies;

	private final AccessPolicy access;

	private final String boardCode;

	private volatile Long boardId;

	MapAccess(AgencyDirectory agencies, AccessPolicy access,
			@Value("${nq57.map.board-agency:BQLKKT}") String boardCode) {
		this.agencies = agencies;
		this.access = access;
		this.boardCode = boardCode;
	}

	/** An anonymous visitor is sent to the login page (Spring Security's answer to this exception). */
	private static void signedIn() {
		if (currentOrNull() == null) {
			throw new org.springframework.security.access.AccessDeniedException("Cần đăng nhập");
		}
	}

	static CurrentUser currentOrNull() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser u ? u : null;
	}

	String boardCode() {
		return boardCode;
	}

	Long boardAgencyId() {
		if (boardId == null) {
			boardId = agencies.findByCode(boardCode).map(a -> a.getId()).orElse(null);
		}
		return boardId;
	}

	Audience audience(CurrentUser user) {
		if (user == null) {
			return Audience.PUBLIC;
		}
		if ((user.is(Role.AGENCY_OFFICER) || user.is(Role.AGENCY_HEAD)) && user.agencyId() != null
				&& user.agencyId().equals(boardAgencyId())) {
			return Audience.STAFF;
		}
		if (user.is(Role.SECRETARIAT) || user.is(Role.LEADER) || user.is(Role.ADMIN)) {
			return Audience.VIEWER;
		}
		return Audience.PUBLIC;
	}

	Audience audience() {
		return audience(currentOrNull());
	}

	/** Refuses (403, audited) anyone but the Board's staff. */
	void requireEdit(String entityType, Long id) {
		signedIn();
		access.require(audience() == Audience.STAFF, entityType, id,
				"sửa dữ liệu bản đồ (chỉ cán bộ Ban Quản lý KKT Dung Quất)");
	}

	/** Refuses (403, audited) the public: confidential pages (enterprises, contracts, readings). */
	void requireInternal(String entityType, Long id) {
		signedIn();
		access.require(audience() != Audience.PUBLIC, entityType, id, "xem dữ liệu nội bộ của bản đồ");
	}
}
