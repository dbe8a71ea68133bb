package vn.nq57.map;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.kernel.VnText;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;

/**
 * Every change to the map's data: zones, enterprises and projects, lots, infrastructure and monitoring points.
 * Only the Board's staff may change it ({@link MapAccess}); each change is audited with before and after; a lot
 * edited from a stale page is refused (409) with the current version. Layer caches are dropped and the land-fund
 * indicators republished after a change.
 */
@Service
public class MapData {

	private final JdbcTemplate jdbc;

	private final MapAccess access;

	private final AuditLog audit;

	private final Vn2000 vn;

	private final MapLayers layers;

	private final MapIndicators indicators;

	MapData(JdbcTemplate jdbc, MapAccess access, AuditLog audit, Vn2000 vn, MapLayers layers,
			MapIndicators indicators) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.vn = vn;
		this.layers = layers;
		this.indicators = indicators;
	}

	record ZoneInput(String code, String name, ZoneKind kind, String parentCode, String landUse, Geometry geom,
			String sourceCrs, boolean illustrative) {
	}

	record EnterpriseInput(String name, String taxCode, String country, String sector, BigDecimal wasteTonnesYear,
			BigDecimal wastewaterM3Day, boolean illustrative) {
	}

	record ProjectInput(long enterpriseId, String name, String investor, Long capitalDong, String certificateNo,
			LocalDate certificateDate, String status, Integer jobs) {
	}

	record LotInput(String code, long zoneId, String landUse, LotStatus status, Double declaredAreaM2,
			Long enterpriseId, Long projectId, String contractNo, LocalDate leaseFrom, LocalDate leaseTo,
			Integer floors, Double heightM, Geometry geom, String sourceCrs, boolean illustrative) {
	}

	record InfraInput(InfraKind kind, String name, Long zoneId, Map<String, String> attrs, Geometry geom,
			String sourceCrs, boolean illustrative) {
	}

	record PointInput(String code, String name, String medium, Long zoneId, Long enterpriseId, long agencyId,
			double lon, double lat, String sourceCrs, boolean illustrative) {
	}

	/** What the lot form changes (the geometry is changed by an import). */
	record LotEdit(String landUse, LotStatus status, Long enterpriseId, String contractNo, LocalDate leaseFrom,
			LocalDate leaseTo, Integer floors, Double heightM) {
	}

	/** Creates the zone or, when its code exists, replaces it. */
	@Transactional
	public long saveZone(ZoneInput z) {
		access.requireEdit("MAP_ZONE", null);
		Envelope e = z.geom().getEnvelopeInternal();
		Long parent = z.parentCode() == null ? null : zoneId(z.parentCode());
		Long id = jdbc.queryForObject("""
				INSERT INTO map_zone (code, name, kind, parent_id, land_use, geom, geom_low, min_x, min_y, max_x, max_y, area_m2,
				                      source_crs, illustrative)
				VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id,
				  land_use = EXCLUDED.land_use, geom = EXCLUDED.geom, geom_low = EXCLUDED.geom_low, min_x = EXCLUDED.min_x, min_y = EXCLUDED.min_y,
				  max_x = EXCLUDED.max_x, max_y = EXCLUDED.max_y, area_m2 = EXCLUDED.area_m2,
				  source_crs = EXCLUDED.source_crs, version = map_zone.version + 1, updated_at = now()
				RETURNING id""", Long.class, z.code(), z.name(), z.kind().name(), parent, z.landUse(),
				GeoJson.write(z.geom()), GeoJson.write(Geo.simplify(z.geom(), MapLayers.LOW_ZOOM)), e.getMinX(), e.getMinY(),
				e.getMaxX(), e.getMaxY(), Geo.areaM2(z.geom(), vn),
				z.sourceCrs(), z.illustrative());
		audit.change("MAP_ZONE_SAVED", "MAP_ZONE", id, null, z.code() + " – " + z.name(), null,
				Map.of("code", z.code(), "name", z.name(), "kind", z.kind().name()));
		layers.invalidate();
		return id;
	}

	@Transactional
	public long saveEnterprise(EnterpriseInput in) {
		access.requireEdit("MAP_ENTERPRISE", null);
		String name = VnText.nfc(in.name()).strip();
		Long id = jdbc.queryForObject("""
				INSERT INTO map_enterprise (name, name_key, tax_code, country, sector, waste_tonnes_year, wastewater_m3_day,
				                            illustrative)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, name, VnText.fold(name), in.taxCode(),
				in.country(), in.sector(), in.wasteTonnesYear(), in.wastewaterM3Day(), in.illustrative());
		audit.change("MAP_ENTERPRISE_CREATED", "MAP_ENTERPRISE", id, null, name, null,
				Map.of("name", name, "taxCode", String.valueOf(in.taxCode())));
		return id;
	}

	@Transactional
	public long saveProject(ProjectInput in) {
		access.requireEdit("MAP_PROJECT", null);
		String name = VnText.nfc(in.name()).strip();
		Long id = jdbc.queryForObject("""
				INSERT INTO map_project (enterprise_id, name, name_key, investor, capital_dong, certificate_no,
				                         certificate_date, status, jobs)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, in.enterpriseId(), name,
				VnText.fold(name), in.investor(), in.capitalDong(), in.certificateNo(),
				in.certificateDate() == null ? null : Date.valueOf(in.certificateDate()), in.status(), in.jobs());
		audit.change("MAP_PROJECT_CREATED", "MAP_PROJECT", id, null, name, null,
				Map.of("name", name, "enterpriseId", in.enterpriseId()));
		return id;
	}

	/**
	 * Creates or replaces lots by code, all in this transaction (an import's commit: all or nothing), with one
	 * audit line each.
	 */
	@Transactional
	public int saveLots(List<LotInput> lots) {
		access.requireEdit("MAP_LOT", null);
		List<Object[]> rows = new ArrayList<>(lots.size());
		for (LotInput l : lots) {
			Envelope e = l.geom().getEnvelopeInternal();
			Point c = l.geom().getInteriorPoint();
			rows.add(new Object[] { l.code(), VnText.fold(l.code()), l.zoneId(), l.landUse(), l.status().name(),
					Geo.areaM2(l.geom(), vn), l.declaredAreaM2(), l.enterpriseId(), l.projectId(), l.contractNo(),
					l.leaseFrom() == null ? null : Date.valueOf(l.leaseFrom()),
					l.leaseTo() == null ? null : Date.valueOf(l.leaseTo()), l.floors(), l.heightM(),
					GeoJson.write(l.geom()), e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), c.getX(), c.getY(),
					l.sourceCrs(), l.illustrative() });
		}
		int[] types = { Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.DOUBLE,
				Types.DOUBLE, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.DATE, Types.DATE, Types.INTEGER,
				Types.DOUBLE, Types.VARCHAR, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE, Types.DOUBLE,
				Types.DOUBLE, Types.VARCHAR, Types.BOOLEAN };
		jdbc.batchUpdate("""
				INSERT INTO map_lot (code, code_key, zone_id, land_use, status, area_m2, declared_area_m2, enterprise_id,
				                     project_id, contract_no, lease_from, lease_to, floors, height_m, geom,
				                     min_x, min_y, max_x, max_y, cx, cy, source_crs, illustrative)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET zone_id = EXCLUDED.zone_id, land_use = EXCLUDED.land_use,
				  status = EXCLUDED.status, area_m2 = EXCLUDED.area_m2, declared_area_m2 = EXCLUDED.declared_area_m2,
				  enterprise_id = EXCLUDED.enterprise_id, project_id = EXCLUDED.project_id,
				  contract_no = EXCLUDED.contract_no, lease_from = EXCLUDED.lease_from, lease_to = EXCLUDED.lease_to,
				  floors = EXCLUDED.floors, height_m = EXCLUDED.height_m, geom = EXCLUDED.geom, min_x = EXCLUDED.min_x,
				  min_y = EXCLUDED.min_y, max_x = EXCLUDED.max_x, max_y = EXCLUDED.max_y, cx = EXCLUDED.cx,
				  cy = EXCLUDED.cy, source_crs = EXCLUDED.source_crs, version = map_lot.version + 1, updated_at = now()
				""", rows, types);
		List<String> codes = lots.stream().map(LotInput::code).toList();
		Map<String, Long> ids = new HashMap<>();
		jdbc.query("SELECT id, code FROM map_lot WHERE code = ANY (?)",
				ps -> ps.setArray(1, ps.getConnection().createArrayOf("varchar", codes.toArray())),
				rs -> {
					ids.put(rs.getString(2), rs.getLong(1));
				});
		List<AuditLog.Change> changes = new ArrayList<>();
		for (LotInput l : lots) {
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("code", l.code());
			after.put("landUse", l.landUse());
			after.put("status", l.status().name());
			after.put("sourceCrs", l.sourceCrs());
			changes.add(new AuditLog.Change("MAP_LOT_SAVED", "MAP_LOT", ids.get(l.code()), null, "Lô " + l.code(),
					null, after));
		}
		audit.changes(changes);
		layers.invalidate();
		indicators.publishLandFund();
		return lots.size();
	}

	/** The lot form: a stale version is refused with the current one. */
	@Transactional
	public void editLot(long id, LotEdit edit, long expectedVersion) {
		editLot(id, edit, expectedVersion, new vn.nq57.system.FieldErrors());
	}

	/**
	 * The lot form with the problems the form already found ({@code problems}, each on its field): the rules add
	 * theirs, and any problem refuses the whole edit ({@link vn.nq57.system.FieldsRefused}) with nothing changed.
	 */
	@Transactional
	public void editLot(long id, LotEdit edit, long expectedVersion, vn.nq57.system.FieldErrors problems) {
		access.requireEdit("MAP_LOT", id);
		Map<String, Object> before = lotSnapshot(id);
		if (((Number) before.get("version")).longValue() != expectedVersion) {
			throw new ConcurrentEditException("lô đất " + before.get("code") + " (phiên bản hiện tại "
					+ before.get("version") + ")");
		}
		if (edit.status() == LotStatus.LEASED && edit.enterpriseId() == null && !problems.has("enterpriseId")) {
			problems.reject("enterpriseId", "Lô đã cho thuê phải có doanh nghiệp thuê");
		}
		if (edit.enterpriseId() != null && !problems.has("enterpriseId") && jdbc.queryForObject(
				"SELECT count(*) FROM map_enterprise WHERE id = ?", Integer.class, edit.enterpriseId()) == 0) {
			problems.reject("enterpriseId", "Không có doanh nghiệp #" + edit.enterpriseId());
		}
		if (edit.leaseFrom() != null && edit.leaseTo() != null && edit.leaseTo().isBefore(edit.leaseFrom())) {
			problems.reject("leaseTo", "Thời hạn thuê: ngày kết thúc trước ngày bắt đầu");
		}
		if (edit.landUse() == null && !problems.has("landUse")) {
			problems.reject("landUse", "Chưa nhập mục đích sử dụng đất");
		}
		if (edit.status() == null && !problems.has("status")) {
			problems.reject("status", "Chưa chọn trạng thái lô đất");
		}
		problems.refuseIfAny();
		int n = jdbc.update("""
				UPDATE map_lot SET land_use = ?, status = ?, enterprise_id = ?, contract_no = ?, lease_from = ?,
				  lease_to = ?, floors = ?, height_m = ?, version = version + 1, updated_at = now()
				WHERE id = ? AND version = ?""", edit.landUse(), edit.status().name(), edit.enterpriseId(),
				edit.contractNo(), edit.leaseFrom() == null ? null : Date.valueOf(edit.leaseFrom()),
				edit.leaseTo() == null ? null : Date.valueOf(edit.leaseTo()), edit.floors(), edit.heightM(), id,
				expectedVersion);
		if (n == 0) {
			throw new ConcurrentEditException("lô đất " + before.get("code"));
		}
		audit.change("MAP_LOT_UPDATED", "MAP_LOT", id, null, "Lô " + before.get("code"), before, lotSnapshot(id));
		layers.invalidate();
		indicators.publishLandFund();
	}

	private Map<String, Object> lotSnapshot(long id) {
		List<Map<String, Object>> rows = jdbc.queryForList("""
				SELECT code, land_use AS "landUse", status, enterprise_id AS "enterpriseId", contract_no AS "contractNo",
				       lease_from AS "leaseFrom", lease_to AS "leaseTo", floors, height_m AS "heightM", version
				FROM map_lot WHERE id = ?""", id);
		if (rows.isEmpty()) {
			throw new NotFoundException("Không tìm thấy lô đất #" + id);
		}
		Map<String, Object> m = new LinkedHashMap<>(rows.get(0));
		m.replaceAll((k, v) -> v instanceof java.sql.Date d ? d.toLocalDate().toString() : v);
		return m;
	}

	@Transactional
	public long saveInfra(InfraInput in) {
		access.requireEdit("MAP_INFRA", null);
		Envelope e = in.geom().getEnvelopeInternal();
		StringBuilder attrs = new StringBuilder("{");
		in.attrs().forEach((k, v) -> {
			if (attrs.length() > 1) {
				attrs.append(',');
			}
			GeoJson.string(k, attrs);
			attrs.append(':');
			GeoJson.string(v, attrs);
		});
		attrs.append('}');
		Long id = jdbc.queryForObject("""
				INSERT INTO map_infra (kind, name, zone_id, attrs, geom, geom_low, min_x, min_y, max_x, max_y, source_crs,
				                       illustrative)
				VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, in.kind().name(),
				in.name(), in.zoneId(), attrs.toString(), GeoJson.write(in.geom()),
				GeoJson.write(Geo.simplify(in.geom(), MapLayers.LOW_ZOOM)), e.getMinX(), e.getMinY(),
				e.getMaxX(), e.getMaxY(), in.sourceCrs(), in.illustrative());
		audit.change("MAP_INFRA_CREATED", "MAP_INFRA", id, null, in.kind() + " " + in.name(), null,
				Map.of("kind", in.kind().name(), "name", in.name()));
		layers.invalidate();
		return id;
	}

	@Transactional
	public long savePoint(PointInput in) {
		access.requireEdit("MAP_POINT", null);
		Long id = jdbc.queryForObject("""
				INSERT INTO map_monitoring_point (code, name, medium, zone_id, enterprise_id, agency_id, lon, lat,
				                                  source_crs, illustrative)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, in.code(), in.name(), in.medium(),
				in.zoneId(), in.enterpriseId(), in.agencyId(), in.lon(), in.lat(), in.sourceCrs(), in.illustrative());
		audit.change("MAP_POINT_CREATED", "MAP_POINT", id, null, in.code() + " – " + in.name(), null,
				Map.of("code", in.code(), "medium", in.medium()));
		layers.invalidate();
		return id;
	}

	/**
	 * Writes the low-zoom outline of zones and infrastructure that lack one (rows written by SQL: a bulk load, the
	 * benchmark's fixture); returns how many.
	 */
	@Transactional
	public int refreshLowZoomGeometries() {
		int n = 0;
		for (String table : new String[] { "map_zone", "map_infra" }) {
			List<Object[]> rows = new ArrayList<>();
			tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
			jdbc.query("SELECT id, geom::text FROM " + table + " WHERE geom_low IS NULL", rs -> {
				Geometry g = GeoJson.read(json.readTree(rs.getString(2)), GeoJson.CoordinateMapper.WGS84);
				rows.add(new Object[] { GeoJson.write(Geo.simplify(g, MapLayers.LOW_ZOOM)), rs.getLong(1) });
			});
			jdbc.batchUpdate("UPDATE " + table + " SET geom_low = ?::jsonb WHERE id = ?", rows);
			n += rows.size();
		}
		layers.invalidate();
		return n;
	}

	Long zoneId(String code) {
		List<Long> ids = jdbc.queryForList("SELECT id FROM map_zone WHERE code = ?", Long.class, code);
		return ids.isEmpty() ? null : ids.get(0);
	}
}
