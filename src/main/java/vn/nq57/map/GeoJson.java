package vn.nq57.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * GeoJSON geometries (RFC 7946) to JTS and back. Coordinates are written with 7 decimals (about 1 cm), which is
 * what the stored WGS84 geometry keeps. A geometry with more vertices than {@link #MAX_VERTICES} is refused before
 * it is built.
 */
final class GeoJson {

	static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

	/** Vertices of one geometry at most: a lot has tens, a long coastline some thousands. */
	static final int MAX_VERTICES = 100_000;

	/** A geometry the reader cannot take, with the reason in Vietnamese. */
	static final class Unreadable extends RuntimeException {

		Unreadable(String message) {
			super(message);
		}
	}

	private GeoJson() {
	}

	/** Reads a GeoJSON geometry object; a {@code transform} maps each (first, second) pair to (lon, lat). */
	static Geometry read(JsonNode g, CoordinateMapper transform) {
		if (g == null || g.isNull() || !g.has("type")) {
			throw new Unreadable("thiếu hình học (geometry)");
		}
		int vertices = countNumbers(g.get("coordinates")) / 2;
		if (vertices > MAX_VERTICES) {
			throw new Unreadable("hình học có " + grouped(vertices) + " đỉnh, vượt giới hạn " + grouped(MAX_VERTICES)
					+ " đỉnh cho một đối tượng");
		}
		JsonNode c = g.get("coordinates");
		String type = g.get("type").asString();
		return switch (type) {
			case "Point" -> FACTORY.createPoint(coord(c, transform));
			case "LineString" -> FACTORY.createLineString(coords(c, transform));
			case "Polygon" -> polygon(c, transform);
			case "MultiPoint" -> {
				List<Point> ps = new ArrayList<>();
				c.forEach(p -> ps.add(FACTORY.createPoint(coord(p, transform))));
				yield FACTORY.createMultiPoint(ps.toArray(Point[]::new));
			}
			case "MultiLineString" -> {
				List<LineString> ls = new ArrayList<>();
				c.forEach(l -> ls.add(FACTORY.createLineString(coords(l, transform))));
				yield FACTORY.createMultiLineString(ls.toArray(LineString[]::new));
			}
			case "MultiPolygon" -> {
				List<Polygon> ps = new ArrayList<>();
				c.forEach(p -> ps.add(polygon(p, transform)));
				yield FACTORY.createMultiPolygon(ps.toArray(Polygon[]::new));
			}
			default -> throw new Unreadable("kiểu hình học “" + type + "” không được hỗ trợ");
		};
	}

	/** 1.000.000 */
	static String grouped(long n) {
		return String.format(Locale.ROOT, "%,d", n).replace(',', '.');
	}

	/** Maps a file's coordinate pair to WGS84 {lon, lat}. */
	interface CoordinateMapper {

		double[] map(double first, double second);

		CoordinateMapper WGS84 = (a, b) -> new double[] { a, b };
	}

	private static int countNumbers(JsonNode n) {
		if (n == null) {
			return 0;
		}
		if (n.isNumber()) {
			return 1;
		}
		int sum = 0;
		for (JsonNode child : n) {
			sum += countNumbers(child);
		}
		return sum;
	}

	private static Polygon polygon(JsonNode rings, CoordinateMapper t) {
		if (rings == null || !rings.isArray() || rings.isEmpty()) {
			throw new Unreadable("vùng (Polygon) không có vòng nào");
		}
		LinearRing shell = ring(rings.get(0), t);
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i), t);
		}
		return FACTORY.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode c, CoordinateMapper t) {
		Coordinate[] cs = coords(c, t);
		if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) {
			throw new Unreadable("vòng của vùng phải khép kín và có ít nhất 4 điểm (có " + cs.length + ")");
		}
		return FACTORY.createLinearRing(cs);
	}

	private static Coordinate[] coords(JsonNode c, CoordinateMapper t) {
		if (c == null || !c.isArray()) {
			throw new Unreadable("thiếu tọa độ");
		}
		Coordinate[] out = new Coordinate[c.size()];
		for (int i = 0; i < c.size(); i++) {
			out[i] = coord(c.get(i), t);
		}
		return out;
	}

	private static Coordinate coord(JsonNode p, CoordinateMapper t) {
		if (p == null || !p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
			throw new Unreadable("tọa độ không phải là cặp số");
		}
		double[] ll = t.map(p.get(0).asDouble(), p.get(1).asDouble());
		return new Coordinate(ll[0], ll[1]);
	}

	/** The geometry as GeoJSON text. */
	static String write(Geometry g) {
		StringBuilder sb = new StringBuilder(64 + g.getNumPoints() * 24);
		write(g, sb);
		return sb.toString();
	}

	static void write(Geometry g, StringBuilder sb) {
		if (g instanceof Point p) {
			sb.append("{\"type\":\"Point\",\"coordinates\":");
			coord(p.getCoordinate(), sb);
		}
		else if (g instanceof LineString l) {
			sb.append("{\"type\":\"LineString\",\"coordinates\":");
			coords(l.getCoordinates(), sb);
		}
		else if (g instanceof Polygon p) {
			sb.append("{\"type\":\"Polygon\",\"coordinates\":");
			rings(p, sb);
		}
		else if (g instanceof MultiPolygon mp) {
			sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
			for (int i = 0; i < mp.getNumGeometries(); i++) {
				if (i > 0) {
					sb.append(',');
				}
				rings((Polygon) mp.getGeometryN(i), sb);
			}
			sb.append(']');
		}
		else if (g instanceof MultiLineString ml) {
			sb.append("{\"type\":\"MultiLineString\",\"coordinates\":[");
			for (int i = 0; i < ml.getNumGeometries(); i++) {
				if (i > 0) {
					sb.append(',');
				}
				coords(ml.getGeometryN(i).getCoordinates(), sb);
			}
			sb.append(']');
		}
		else if (g instanceof MultiPoint mp) {
			sb.append("{\"type\":\"MultiPoint\",\"coordinates\":");
			coords(mp.getCoordinates(), sb);
		}
		else {
			throw new IllegalArgumentException(g.getGeometryType());
		}
		sb.append('}');
	}

	private static void rings(Polygon p, StringBuilder sb) {
		sb.append('[');
		coords(p.getExteriorRing().getCoordinates(), sb);
		for (int i = 0; i < p.getNumInteriorRing(); i++) {
			sb.append(',');
			coords(p.getInteriorRingN(i).getCoordinates(), sb);
		}
		sb.append(']');
	}

	private static void coords(Coordinate[] cs, StringBuilder sb) {
		sb.append('[');
		for (int i = 0; i < cs.length; i++) {
			if (i > 0) {
				sb.append(',');
			}
			coord(cs[i], sb);
		}
		sb.append(']');
	}

	private static void coord(Coordinate c, StringBuilder sb) {
		sb.append('[').append(round7(c.x)).append(',').append(round7(c.y)).append(']');
	}

	static String round7(double v) {
		return java.math.BigDecimal.valueOf(Math.round(v * 1e7), 7).stripTrailingZeros().toPlainString();
	}

	/** A JSON string literal. */
	static void string(String s, StringBuilder sb) {
		if (s == null) {
			sb.append("null");
			return;
		}
		sb.append('"');
		for (int i = 0; i < s.length(); i++) {
			char ch = s.charAt(i);
			switch (ch) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				case '<' -> sb.append("\\u003c");
				default -> {
					if (ch < 0x20) {
						sb.append(String.format("\\u%04x", (int) ch));
					}
					else {
						sb.append(ch);
					}
				}
			}
		}
		sb.append('"');
	}
}
