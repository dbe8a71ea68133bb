package vn.nq57.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.kernel.VnText;
import vn.nq57.system.NotFoundException;

/** What the map's pages read: the land-fund summary, search, a lot, an enterprise, a monitoring point. */
@Component
class MapQueries {

	private final JdbcTemplate jdbc;

	MapQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One line of the land-fund summary: a zone (null: all) and a land use (null: all uses), areas in m². */
	record FundLine(Long zoneId, String zone, String landUse, long lots, double total, double leased, double available,
			double reserved, double clearance) {

		/** Occupancy: leased area ÷ total area, in percent (null for no land). */
		public java.math.BigDecimal occupancy() {
			return total <= 0 ? null
					: java.math.BigDecimal.valueOf(leased * 100 / total).setScale(2, java.math.RoundingMode.HALF_UP);
		}

		public String totalHa() {
			return ha(total);
		}

		public String leasedHa() {
			return ha(leased);
		}

		public String availableHa() {
			return ha(available);
		}

		public String otherHa() {
			return ha(reserved + clearance);
		}

		private static String ha(double m2) {
			return vn.nq57.kernel.VnFormat.decimal(java.math.BigDecimal.valueOf(m2 / 10_000), 2);
		}
	}

	/** Total, leased and available area by park (the zone a lot lies in) and land use, with subtotals, one query. */
	List<FundLine> landFund(Long zoneId) {
		List<Object> args = new ArrayList<>();
		String where = "";
		if (zoneId != null) {
			where = " WHERE (z.id = ? OR z.parent_id = ?)";
			args.add(zoneId);
			args.add(zoneId);
		}
		return jdbc.query("""
				SELECT z.id, z.name, l.land_use, count(*), sum(l.area_m2),
				       coalesce(sum(l.area_m2) FILTER (WHERE l.status = 'LEASED'), 0),
				       coalesce(sum(l.area_m2) FILTER (WHERE l.status = 'AVAILABLE'), 0),
				       coalesce(sum(l.area_m2) FILTER (WHERE l.status = 'RESERVED'), 0),
				       coalesce(sum(l.area_m2) FILTER (WHERE l.status = 'CLEARANCE'), 0),
				       GROUPING(z.id, z.name) AS gz, GROUPING(l.land_use) AS gl
				FROM map_lot l JOIN map_zone z ON z.id = l.zone_id""" + where + """
				 GROUP BY GROUPING SETS ((z.id, z.name, l.land_use), (z.id, z.name), ())
				ORDER BY gz, z.name, gl DESC, l.land_use""", (rs, i) -> new FundLine(
						rs.getInt(10) == 0 ? rs.getLong(1) : null, rs.getInt(10) == 0 ? rs.getString(2) : null,
						rs.getInt(11) == 0 ? rs.getString(3) : null, rs.getLong(4), rs.getDouble(5), rs.getDouble(6),
						rs.getDouble(7), rs.getDouble(8), rs.getDouble(9)), args.toArray());
	}

	record Hit(String type, long id, String label, String detail, double lon, double lat) {
	}

	/** Lots by code, enterprises and projects by name, accent-insensitive; the public finds available lots only. */
	List<Hit> search(String q, boolean publicOnly) {
		String k = VnText.fold(q == null ? "" : q).strip();
		if (k.length() < 2) {
			return List.of();
		}
		String like = "%" + k.replace("%", "").replace("_", "") + "%";
		List<Hit> hits = new ArrayList<>(jdbc.query("""
				SELECT l.id, l.code, z.name, l.cx, l.cy FROM map_lot l JOIN map_zone z ON z.id = l.zone_id
				WHERE l.code_key LIKE ?""" + (publicOnly ? " AND l.status = 'AVAILABLE'" : "")
				+ " ORDER BY length(l.code), l.code LIMIT 15", (rs, i) -> new Hit("lot", rs.getLong(1), rs.getString(2),
						rs.getString(3), rs.getDouble(4), rs.getDouble(5)), like));
		if (!publicOnly) {
			hits.addAll(jdbc.query("""
					SELECT e.id, e.name, count(l.id), avg(l.cx), avg(l.cy) FROM map_enterprise e
					LEFT JOIN map_lot l ON l.enterprise_id = e.id WHERE e.name_key LIKE ?
					GROUP BY e.id, e.name ORDER BY e.name LIMIT 10""", (rs, i) -> new Hit("enterprise", rs.getLong(1),
							rs.getString(2), rs.getLong(3) + " lô", rs.getDouble(4), rs.getDouble(5)), like));
			hits.addAll(jdbc.query("""
					SELECT p.id, p.name, e.name, avg(l.cx), avg(l.cy), e.id FROM map_project p
					JOIN map_enterprise e ON e.id = p.enterprise_id LEFT JOIN map_lot l ON l.project_id = p.id
					WHERE p.name_key LIKE ? GROUP BY p.id, p.name, e.name, e.id ORDER BY p.name LIMIT 10""",
					(rs, i) -> new Hit("project", rs.getLong(6), rs.getString(2), rs.getString(3), rs.getDouble(4),
							rs.getDouble(5)), like));
		}
		return hits;
	}

	Map<String, Object> lot(long id) {
		List<Map<String, Object>> r = jdbc.queryForList("""
				SELECT l.*, z.name AS zone_name, e.name AS enterprise_name, p.name AS project_name
				FROM map_lot l JOIN map_zone z ON z.id = l.zone_id LEFT JOIN map_enterprise e ON e.id = l.enterprise_id
				LEFT JOIN map_project p ON p.id = l.project_id WHERE l.id = ?""", id);
		if (r.isEmpty()) {
			throw new NotFoundException("Không tìm thấy lô đất #" + id);
		}
		return r.get(0);
	}

	Map<String, Object> enterprise(long id) {
		List<Map<String, Object>> r = jdbc.queryForList("SELECT * FROM map_enterprise WHERE id = ?", id);
		if (r.isEmpty()) {
			throw new NotFoundException("Không tìm thấy doanh nghiệp #" + id);
		}
		return r.get(0);
	}

	List<Map<String, Object>> projects(long enterpriseId) {
		return jdbc.queryForList("SELECT * FROM map_project WHERE enterprise_id = ? ORDER BY certificate_date, id",
				enterpriseId);
	}

	List<Map<String, Object>> lotsOf(long enterpriseId) {
		return jdbc.queryForList("""
				SELECT l.id, l.code, l.land_use, l.status, l.area_m2, l.lease_from, l.lease_to, z.name AS zone_name
				FROM map_lot l JOIN map_zone z ON z.id = l.zone_id WHERE l.enterprise_id = ? ORDER BY l.code""",
				enterpriseId);
	}

	List<Map<String, Object>> enterprises() {
		return jdbc.queryForList("SELECT id, name FROM map_enterprise ORDER BY name");
	}

	List<Map<String, Object>> zones() {
		return jdbc.queryForList("SELECT id, code, name, kind FROM map_zone ORDER BY kind, name");
	}

	List<String> landUses() {
		return jdbc.queryForList("SELECT DISTINCT land_use FROM map_lot ORDER BY land_use", String.class);
	}

	Map<String, Object> point(long id) {
		List<Map<String, Object>> r = jdbc.queryForList("""
				SELECT p.*, a.name AS agency_name, e.name AS enterprise_name FROM map_monitoring_point p
				JOIN agency_view a ON a.id = p.agency_id LEFT JOIN map_enterprise e ON e.id = p.enterprise_id
				WHERE p.id = ?""", id);
		if (r.isEmpty()) {
			throw new NotFoundException("Không tìm thấy điểm quan trắc #" + id);
		}
		return r.get(0);
	}

	List<Map<String, Object>> points(Long enterpriseId) {
		return jdbc.queryForList("SELECT id, code, name, medium FROM map_monitoring_point WHERE "
				+ (enterpriseId == null ? "TRUE" : "enterprise_id = " + enterpriseId) + " ORDER BY code");
	}

	List<Map<String, Object>> readings(long pointId) {
		return jdbc.queryForList("""
				SELECT id, parameter, measured_on, value, unit, limit_min, limit_max, exceeds, illustrative
				FROM map_env_reading WHERE point_id = ? ORDER BY measured_on DESC, id DESC LIMIT 200""", pointId);
	}

	List<Map<String, Object>> followUps(long pointId) {
		return jdbc.queryForList("""
				SELECT f.task_id, f.opened_on, f.exceedances, t.title, t.open_count > 0 AS open, t.due_date
				FROM map_env_followup f JOIN task_view t ON t.id = f.task_id WHERE f.point_id = ? ORDER BY f.id DESC""",
				pointId);
	}

	List<Map<String, Object>> followUpsOfEnterprise(long enterpriseId) {
		return jdbc.queryForList("""
				SELECT f.task_id, f.opened_on, f.exceedances, t.title, t.open_count > 0 AS open, p.code
				FROM map_env_followup f JOIN map_monitoring_point p ON p.id = f.point_id JOIN task_view t ON t.id = f.task_id
				WHERE p.enterprise_id = ? ORDER BY f.id DESC""", enterpriseId);
	}
}
