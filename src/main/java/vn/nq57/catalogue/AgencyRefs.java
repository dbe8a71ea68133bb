package vn.nq57.catalogue;

import org.springframework.stereotype.Component;

import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.DomainException;

/** Agencies named in imported rows and forms: by code ("SKHCN") or by any of their names and aliases. */
@Component
public class AgencyRefs {

	private final AgencyDirectory agencies;

	AgencyRefs(AgencyDirectory agencies) {
		this.agencies = agencies;
	}

	/** The agency's id, or null when blank; a clear message when no agency has that code or name. */
	public Long resolve(String typed, String label) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String t = typed.strip();
		return agencies.findByCode(t.toUpperCase(java.util.Locale.ROOT)).or(() -> agencies.resolve(t))
			.map(a -> a.getId())
			.orElseThrow(() -> new DomainException(label + " “" + t + "” không có trong danh mục cơ quan, đơn vị"));
	}

	public String name(Long id) {
		return id == null ? "" : agencies.find(id).map(a -> a.getName()).orElse("");
	}
}
