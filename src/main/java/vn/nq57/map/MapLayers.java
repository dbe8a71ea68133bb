package vn.nq57.map;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import vn.nq57.map.MapAccess.Audience;

/**
 * The map's layers as GeoJSON for a viewport ({@code bbox}) and a zoom level, for one audience. Geometries are
 * simplified for the zoom with JTS (half a screen pixel); below {@link #LOT_DETAIL_ZOOM} a lot is drawn as its
 * bounding rectangle, which is what a lot of a few pixels looks like anyway. The viewport is widened to a grid of
 * four tiles at the zoom so that neighbouring requests share a cached answer; every change of the map's data drops
 * the cache ({@link #invalidate}).
 * <p>
 * The public audience gets only available lots (code, zone, land use, area), zones and infrastructure: never a
 * tenant, a contract, a lease or a monitoring result.
 */
@Component
class MapLayers {

	static final int LOT_DETAIL_ZOOM = 15;

	/** At this zoom and below, zones and lines are read from their stored low-zoom outline. */
	static final int LOW_ZOOM = 12;

	static final int CACHE_ENTRIES = 400;

	enum Layer {
		zones, lots, infra, points
	}

	/** Lot filters of the map page (empty: all). */
	record Filter(String status, String landUse, Long zoneId, String kind) {

		static final Filter NONE = new Filter(null, null, null, null);

		String key() {
			return status + "|" + landUse + "|" + zoneId + "|" + kind;
		}
	}

	record Viewport(double minX, double minY, double maxX, double maxY, int zoom) {

		static Viewport parse(String bbox, Integer zoom) {
			int z = zoom == null ? 12 : Math.max(0, Math.min(22, zoom));
			if (bbox == null || bbox.isBlank()) {
				return new Viewport(-180, -90, 180, 90, z);
			}
			String[] p = bbox.split(",");
			if (p.length != 4) {
				throw new IllegalArgumentException("bbox: minLon,minLat,maxLon,maxLat");
			}
			double[] v = new double[4];
			for (int i = 0; i < 4; i++) {
				v[i] = Double.parseDouble(p[i].strip());
			}
			return new Viewport(v[0], v[1], v[2], v[3], z);
		}

		/** Widened to a grid of four tiles at this zoom (so that nearby requests share a cache entry). */
		Viewport snapped() {
			double cell = 4 * 360.0 / Math.pow(2, zoom);
			return new Viewport(Math.floor(minX / cell) * cell, Math.floor(minY / cell) * cell,
					Math.ceil(maxX / cell) * cell, Math.ceil(maxY / cell) * cell, zoom);
		}

		String key() {
			return String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f@%d", minX, minY, maxX, maxY, zoom);
		}
	}

	private final JdbcTemplate jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, String> cache = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > CACHE_ENTRIES;
		}
	};

	private final MapPostgis postgis;

	MapLayers(JdbcTemplate jdbc, MapPostgis postgis) {
		this.jdbc = jdbc;
		this.postgis = postgis;
	}

	/**
	 * The condition "the row's geometry meets the viewport" for the table under {@code alias}, taking minX, minY, maxX,
	 * maxY. With PostGIS: {@code ST_Intersects} on the generated geometry when {@code exact} (its GiST index answers
	 * the {@code &&} part, then the outline is tested), else the index's {@code &&} alone (the bounding boxes: at the
	 * zooms where a lot is drawn as its rectangle and a line is a few pixels, the exact test costs and changes nothing
	 * seen). Without PostGIS: the bounding-box columns against the viewport through their {@code box} GiST index.
	 */
	String inView(String alias, boolean exact) {
		if (postgis.active()) {
			return exact ? "ST_Intersects(" + alias + ".geom_pg, ST_MakeEnvelope(?, ?, ?, ?, 4326))"
					: alias + ".geom_pg && ST_MakeEnvelope(?, ?, ?, ?, 4326)";
		}
		return "box(point(" + alias + ".min_x, " + alias + ".min_y), point(" + alias + ".max_x, " + alias
				+ ".max_y)) && box(point(?, ?), point(?, ?))";
	}

	/** Exact (outline) tests from the zoom where lots are drawn with their own outline. */
	private static boolean exact(Viewport v) {
		return v.zoom() >= LOT_DETAIL_ZOOM;
	}

	void invalidate() {
		synchronized (cache) {
			cache.clear();
		}
	}

	/** The layer's features in (a widening of) the viewport, as a GeoJSON FeatureCollection. */
	String layer(Layer layer, Viewport requested, Filter filter, Audience audience) {
		Viewport v = requested.snapped();
		String key = layer + "|" + audience + "|" + v.key() + "|" + filter.key();
		synchronized (cache) {
			String hit = cache.get(key);
			if (hit != null) {
				return hit;
			}
		}
		String answer = switch (layer) {
			case zones -> zones(v, audience);
			case lots -> lots(v, filter, audience, false);
			case infra -> infra(v, filter);
			case points -> audience == Audience.PUBLIC ? empty() : points(v);
		};
		synchronized (cache) {
			cache.put(key, answer);
		}
		return answer;
	}

	private static String geom(String alias, Viewport v) {
		return v.zoom() <= LOW_ZOOM ? "coalesce(" + alias + ".geom_low, " + alias + ".geom)::text" : alias + ".geom::text";
	}

	static String empty() {
		return "{\"type\":\"FeatureCollection\",\"features\":[]}";
	}

	private String zones(Viewport v, Audience audience) {
		StringBuilder sb = start();
		jdbc.query("SELECT z.id, z.code, z.name, z.kind, z.land_use, z.area_m2, z.illustrative, " + geom("z", v) + " FROM map_zone z WHERE "
				+ inView("z", exact(v)) + " ORDER BY CASE z.kind WHEN 'ECONOMIC_ZONE' THEN 0 WHEN 'INDUSTRIAL_PARK' THEN 1 ELSE 2 END, z.id",
				(ResultSet rs) -> {
					Geometry g = Geo.simplify(parse(rs.getString(8)), v.zoom());
					feature(sb, rs.getLong(1), g, p -> {
						p.put("code", rs.getString(2));
						p.put("name", rs.getString(3));
						p.put("kind", rs.getString(4));
						p.put("landUse", rs.getString(5));
						p.put("areaHa", Math.round(rs.getDouble(6) / 100.0) / 100.0);
						p.put("illustrative", rs.getBoolean(7));
					});
				}, v.minX(), v.minY(), v.maxX(), v.maxY());
		return end(sb);
	}

	/** The lots in the viewport (or everywhere, for an export: {@code full} keeps the stored geometry). */
	String lots(Viewport v, Filter f, Audience audience, boolean full) {
		List<Object> args = new ArrayList<>(List.of(v.minX(), v.minY(), v.maxX(), v.maxY()));
		StringBuilder where = new StringBuilder(inView("l", full || exact(v)));
		if (audience == Audience.PUBLIC) {
			where.append(" AND l.status = 'AVAILABLE'");
		}
		else if (f.status() != null && !f.status().isBlank()) {
			where.append(" AND l.status = ?");
			args.add(f.status());
		}
		if (f.landUse() != null && !f.landUse().isBlank()) {
			where.append(" AND l.land_use = ?");
			args.add(f.landUse());
		}
		if (f.zoneId() != null) {
			where.append(" AND (l.zone_id = ? OR z.parent_id = ?)");
			args.add(f.zoneId());
			args.add(f.zoneId());
		}
		boolean detail = full || v.zoom() >= LOT_DETAIL_ZOOM;
		StringBuilder sb = start();
		jdbc.query("""
				SELECT l.id, l.code, z.name, l.land_use, l.status, l.area_m2, l.enterprise_id, e.name, l.project_id, p.name,
				       l.contract_no, l.lease_from, l.lease_to, l.floors, l.height_m, l.illustrative,
				       l.min_x, l.min_y, l.max_x, l.max_y, """ + (detail ? "l.geom::text" : "NULL") + " " + """
				FROM map_lot l JOIN map_zone z ON z.id = l.zone_id
				LEFT JOIN map_enterprise e ON e.id = l.enterprise_id LEFT JOIN map_project p ON p.id = l.project_id
				WHERE\s""" + where + " ORDER BY l.id", (ResultSet rs) -> {
			Geometry g = detail ? parse(rs.getString(21))
					: rectangle(rs.getDouble(17), rs.getDouble(18), rs.getDouble(19), rs.getDouble(20));
			if (detail && !full) {
				g = Geo.simplify(g, v.zoom());
			}
			feature(sb, rs.getLong(1), g, p -> {
				p.put("code", rs.getString(2));
				p.put("zone", rs.getString(3));
				p.put("landUse", rs.getString(4));
				p.put("status", rs.getString(5));
				p.put("areaM2", Math.round(rs.getDouble(6)));
				p.put("illustrative", rs.getBoolean(16));
				if (audience != Audience.PUBLIC) {
					p.put("enterpriseId", (Long) rs.getObject(7));
					p.put("enterprise", rs.getString(8));
					p.put("projectId", (Long) rs.getObject(9));
					p.put("project", rs.getString(10));
					p.put("contractNo", rs.getString(11));
					p.put("leaseFrom", rs.getDate(12) == null ? null : rs.getDate(12).toLocalDate().toString());
					p.put("leaseTo", rs.getDate(13) == null ? null : rs.getDate(13).toLocalDate().toString());
					p.put("floors", (Integer) rs.getObject(14));
					p.put("heightM", (Double) rs.getObject(15));
				}
			});
		}, args.toArray());
		return end(sb);
	}

	private String infra(Viewport v, Filter f) {
		List<Object> args = new ArrayList<>(List.of(v.minX(), v.minY(), v.maxX(), v.maxY()));
		String kind = "";
		if (f.kind() != null && !f.kind().isBlank()) {
			kind = " AND kind = ?";
			args.add(f.kind());
		}
		StringBuilder sb = start();
		jdbc.query("SELECT id, kind, name, attrs::text, illustrative, " + geom("map_infra", v) + " FROM map_infra WHERE " + inView("map_infra", exact(v)) + kind
				+ " ORDER BY id", (ResultSet rs) -> {
					Geometry g = Geo.simplify(parse(rs.getString(6)), v.zoom());
					feature(sb, rs.getLong(1), g, p -> {
						p.put("kind", rs.getString(2));
						p.put("name", rs.getString(3));
						p.put("attrs", new Raw(rs.getString(4)));
						p.put("illustrative", rs.getBoolean(5));
					});
				}, args.toArray());
		return end(sb);
	}

	private String points(Viewport v) {
		StringBuilder sb = start();
		jdbc.query("""
				SELECT p.id, p.code, p.name, p.medium, p.lon, p.lat, p.illustrative,
				       (SELECT bool_or(r.exceeds) FROM map_env_reading r WHERE r.point_id = p.id
				          AND r.measured_on = (SELECT max(measured_on) FROM map_env_reading WHERE point_id = p.id)),
				       (SELECT f.task_id FROM map_env_followup f WHERE f.point_id = p.id ORDER BY f.id DESC LIMIT 1)
				FROM map_monitoring_point p
				WHERE\s""" + (postgis.active() ? "p.geom_pg && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
				: "box(point(p.lon, p.lat), point(p.lon, p.lat)) && box(point(?, ?), point(?, ?))") + " ORDER BY p.id",
				(ResultSet rs) -> {
					Geometry g = GeoJson.FACTORY.createPoint(
							new org.locationtech.jts.geom.Coordinate(rs.getDouble(5), rs.getDouble(6)));
					feature(sb, rs.getLong(1), g, p -> {
						p.put("code", rs.getString(2));
						p.put("name", rs.getString(3));
						p.put("medium", rs.getString(4));
						p.put("illustrative", rs.getBoolean(7));
						p.put("exceeds", (Boolean) rs.getObject(8));
						p.put("taskId", (Long) rs.getObject(9));
					});
				}, v.minX(), v.minY(), v.maxX(), v.maxY());
		return end(sb);
	}

	/** A JSON value written as it is (an attribute object read from the database). */
	record Raw(String json) {
	}

	interface Props {

		void fill(Map<String, Object> p) throws SQLException;
	}

	private static StringBuilder start() {
		return new StringBuilder(4096).append("{\"type\":\"FeatureCollection\",\"features\":[");
	}

	private static String end(StringBuilder sb) {
		return sb.append("]}").toString();
	}

	static void feature(StringBuilder sb, long id, Geometry g, Props props) throws SQLException {
		if (sb.charAt(sb.length() - 1) != '[') {
			sb.append(',');
		}
		sb.append("{\"type\":\"Feature\",\"id\":").append(id).append(",\"geometry\":");
		GeoJson.write(g, sb);
		sb.append(",\"properties\":{");
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", id);
		props.fill(p);
		boolean first = true;
		for (var e : p.entrySet()) {
			if (e.getValue() == null) {
				continue;
			}
			if (!first) {
				sb.append(',');
			}
			first = false;
			GeoJson.string(e.getKey(), sb);
			sb.append(':');
			Object val = e.getValue();
			if (val instanceof Raw r) {
				sb.append(r.json());
			}
			else if (val instanceof Number || val instanceof Boolean) {
				sb.append(val);
			}
			else {
				GeoJson.string(val.toString(), sb);
			}
		}
		sb.append("}}");
	}

	Geometry parse(String geojson) {
		return GeoJson.read(json.readTree(geojson), GeoJson.CoordinateMapper.WGS84);
	}

	static Geometry rectangle(double minX, double minY, double maxX, double maxY) {
		return GeoJson.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(minX, maxX, minY, maxY));
	}
}
