package vn.nq57.map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/** Measures and simplifications on WGS84 geometries, with JTS. */
final class Geo {

	private Geo() {
	}

	/** Area in m², measured in the VN-2000 TM-3 zone of the geometry (as the province's cadastre measures it). */
	static double areaM2(Geometry wgs, Vn2000 vn) {
		if (!(wgs instanceof Polygonal) || wgs.isEmpty()) {
			return 0;
		}
		double meridian = vn.meridianFor(wgs.getEnvelopeInternal().centre().x);
		Geometry projected = wgs.copy();
		projected.apply((CoordinateFilter) c -> {
			double[] xy = vn.fromWgs84(meridian, c.x, c.y);
			c.x = xy[1];
			c.y = xy[0];
		});
		projected.geometryChanged();
		return projected.getArea();
	}

	/** Length in metres of a line, measured the same way. */
	static double lengthM(Geometry wgs, Vn2000 vn) {
		if (!(wgs instanceof Lineal) || wgs.isEmpty()) {
			return 0;
		}
		double meridian = vn.meridianFor(wgs.getEnvelopeInternal().centre().x);
		Geometry projected = wgs.copy();
		projected.apply((CoordinateFilter) c -> {
			double[] xy = vn.fromWgs84(meridian, c.x, c.y);
			c.x = xy[1];
			c.y = xy[0];
		});
		projected.geometryChanged();
		return projected.getLength();
	}

	/** Null when valid; otherwise JTS's reason in Vietnamese words, with where. */
	static String invalidity(Geometry g) {
		TopologyValidationError e = new IsValidOp(g).getValidationError();
		if (e == null) {
			return null;
		}
		String what = switch (e.getErrorType()) {
			case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
				"tự cắt nhau";
			case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "lỗ nằm ngoài vùng";
			case TopologyValidationError.NESTED_HOLES -> "lỗ lồng nhau";
			case TopologyValidationError.DISCONNECTED_INTERIOR -> "phần trong bị tách rời";
			case TopologyValidationError.NESTED_SHELLS -> "vùng lồng nhau";
			case TopologyValidationError.DUPLICATE_RINGS -> "vòng trùng nhau";
			case TopologyValidationError.TOO_FEW_POINTS -> "quá ít điểm";
			case TopologyValidationError.INVALID_COORDINATE -> "tọa độ không hợp lệ";
			case TopologyValidationError.RING_NOT_CLOSED -> "vòng không khép kín";
			default -> "không hợp lệ";
		};
		Coordinate c = e.getCoordinate();
		return c == null ? what + " (" + e.getMessage() + ")"
				: String.format(java.util.Locale.ROOT, "%s tại %.6f, %.6f (JTS: %s)", what, c.y, c.x, e.getMessage());
	}

	/** Degrees per screen pixel at a web-map zoom level (256-pixel tiles). */
	static double degreesPerPixel(int zoom) {
		return 360.0 / (256.0 * Math.pow(2, zoom));
	}

	/** The geometry simplified to half a pixel at the zoom: polygons keep their topology, lines lose detail. */
	static Geometry simplify(Geometry g, int zoom) {
		double tolerance = degreesPerPixel(zoom) / 2;
		if (g.getNumPoints() <= 4) {
			return g;
		}
		return g instanceof Polygonal ? TopologyPreservingSimplifier.simplify(g, tolerance)
				: DouglasPeuckerSimplifier.simplify(g, tolerance);
	}

	static Envelope envelope(double minX, double minY, double maxX, double maxY) {
		return new Envelope(minX, maxX, minY, maxY);
	}
}
