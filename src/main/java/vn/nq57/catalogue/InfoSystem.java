package vn.nq57.catalogue;

import java.util.List;
import java.util.Map;

/** One system of the inventory, with its owner's name and its overlap flags (filled where asked). */
public record InfoSystem(long id, String name, long ownerAgencyId, String ownerAgency, String purpose, Kind kind,
		String users, Hosting hosting, Integer securityLevel, boolean dossierApproved, boolean lgspConnected,
		boolean ndxpConnected, String nationalDatabases, Status status, Integer year, Long cost, List<Long> taskIds,
		Long bigProblemId, boolean demo, long version, List<String> overlaps) {

	public enum Kind {
		SOFTWARE("Phần mềm, ứng dụng"), DATABASE("Cơ sở dữ liệu"), PLATFORM("Nền tảng");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public enum Hosting {
		DATA_CENTRE("Trung tâm dữ liệu tỉnh"), CLOUD("Điện toán đám mây (thuê dịch vụ)"), AGENCY("Tại cơ quan");

		private final String label;

		Hosting(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public enum Status {
		OPERATING("Đang vận hành"), BUILDING("Đang xây dựng"), PLANNED("Kế hoạch"), RETIRED("Ngừng sử dụng");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public String costText() {
		return Amounts.format(cost);
	}

	InfoSystem withOverlaps(List<String> o) {
		return new InfoSystem(id, name, ownerAgencyId, ownerAgency, purpose, kind, users, hosting, securityLevel,
				dossierApproved, lgspConnected, ndxpConnected, nationalDatabases, status, year, cost, taskIds, bigProblemId,
				demo, version, o);
	}

	Map<String, Object> snapshot() {
		java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("name", name);
		m.put("ownerAgencyId", ownerAgencyId);
		m.put("kind", kind.name());
		m.put("hosting", hosting.name());
		m.put("securityLevel", securityLevel);
		m.put("dossierApproved", dossierApproved);
		m.put("lgspConnected", lgspConnected);
		m.put("ndxpConnected", ndxpConnected);
		m.put("status", status.name());
		m.put("year", year);
		m.put("cost", cost);
		return m;
	}
}
