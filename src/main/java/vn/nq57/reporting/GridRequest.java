package vn.nq57.reporting;

import java.time.LocalDate;
import java.util.List;

import vn.nq57.agency.AgencyKind;
import vn.nq57.reporting.CompletenessQueries.Filter;
import vn.nq57.system.DomainException;

/**
 * A request for the completeness grid, read the same way by its page and its API: the regime (default: the
 * first), the year (default: this year), the agency kind and the row filter; an unknown one is refused with a
 * Vietnamese message.
 */
record GridRequest(List<RegimeService.Regime> regimes, RegimeService.Regime regime, Filter filter) {

	static final List<String> ONLY = List.of("missing", "late", "returned", "urge");

	static GridRequest read(List<RegimeService.Regime> all, Long regime, Integer year, String kind, String q,
			String only, String sort, LocalDate today) {
		if (all.isEmpty()) {
			throw new DomainException("Chưa có chế độ báo cáo nào");
		}
		long regimeId = regime != null ? regime : all.get(0).id();
		RegimeService.Regime selected = all.stream().filter(r -> r.id() == regimeId).findFirst()
			.orElseThrow(() -> new DomainException("Không có chế độ báo cáo #" + regimeId));
		AgencyKind k = null;
		if (kind != null && !kind.isBlank()) {
			try {
				k = AgencyKind.valueOf(kind);
			}
			catch (IllegalArgumentException e) {
				throw new DomainException("Loại cơ quan “" + kind + "” không hợp lệ");
			}
		}
		String o = only == null || only.isBlank() ? null : only;
		if (o != null && !ONLY.contains(o)) {
			throw new DomainException("Bộ lọc “" + o + "” không hợp lệ");
		}
		int y = year == null ? today.getYear() : year;
		return new GridRequest(all, selected, new Filter(regimeId, y, k, q, o, sort));
	}
}
