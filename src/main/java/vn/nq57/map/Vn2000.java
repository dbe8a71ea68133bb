package vn.nq57.map;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * <b>The one place that defines the VN-2000 national coordinate system</b> and turns its coordinates into WGS84
 * (EPSG:4326, stored and displayed) and back, with Proj4J.
 * <p>
 * VN-2000 (Decision 83/2000/QĐ-TTg; Circular 973/2001/TT-TCĐC for the local zones) is a Transverse Mercator
 * projection on the WGS84 ellipsoid: for large-scale maps a 3° zone (TM-3) with scale factor k = 0,9999 on the
 * central meridian that the province uses, false easting 500 000 m, false northing 0. The datum is shifted to
 * WGS84 by the 7 parameters the Ministry published (position-vector Helmert, as PROJ's {@code +towgs84}).
 * VN-2000 names the northing <b>X</b> and the easting <b>Y</b>; this class takes and gives them by name.
 * <p>
 * The defaults are those of Quảng Ngãi: central meridian 108°00′ (the former Quảng Ngãi, where Dung Quất lies) and
 * 107°30′ (the former Kon Tum, part of the province since 2025). Another province sets, in
 * {@code application.properties}:
 * <pre>
 * nq57.map.vn2000.meridians=108.0,107.5            # the first is the default for an import
 * nq57.map.vn2000.scale=0.9999
 * nq57.map.vn2000.false-easting=500000
 * nq57.map.vn2000.towgs84=-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278
 * </pre>
 * {@link #proj4(double)} gives the same definition as a PROJ string, so that {@code cs2cs} and {@code ogr2ogr}
 * use exactly what the application uses ({@code Vn2000AgainstCs2csTest}).
 */
@Component
public class Vn2000 {

	/** The ministry's published shift from VN-2000 to WGS84 (dX, dY, dZ in m; rX, rY, rZ in ″; scale in ppm). */
	public static final String MINISTRY_TOWGS84 =
			"-191.90441429,-39.30318279,-111.45032835,-0.00928836,0.01975479,-0.00427372,0.252906278";

	private static final CRSFactory CRS = new CRSFactory();

	private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

	private static final CoordinateReferenceSystem WGS84 = CRS.createFromParameters("WGS84",
			"+proj=longlat +datum=WGS84 +no_defs");

	private final List<Double> meridians;

	private final double scale;

	private final double falseEasting;

	private final String towgs84;

	private final Map<Double, CoordinateTransform[]> transforms = new ConcurrentHashMap<>();

	public Vn2000(@Value("${nq57.map.vn2000.meridians:108.0,107.5}") List<Double> meridians,
			@Value("${nq57.map.vn2000.scale:0.9999}") double scale,
			@Value("${nq57.map.vn2000.false-easting:500000}") double falseEasting,
			@Value("${nq57.map.vn2000.towgs84:" + MINISTRY_TOWGS84 + "}") String towgs84) {
		if (meridians.isEmpty()) {
			throw new IllegalArgumentException("nq57.map.vn2000.meridians: name at least one central meridian");
		}
		this.meridians = List.copyOf(meridians);
		this.scale = scale;
		this.falseEasting = falseEasting;
		this.towgs84 = towgs84.strip();
	}

	/** The defaults of Quảng Ngãi (for plain Java use and tests). */
	public static Vn2000 quangNgai() {
		return new Vn2000(List.of(108.0, 107.5), 0.9999, 500000, MINISTRY_TOWGS84);
	}

	/** The configured central meridians, the default first. */
	public List<Double> meridians() {
		return meridians;
	}

	public double defaultMeridian() {
		return meridians.get(0);
	}

	/** The PROJ definition of the TM-3 zone on this central meridian (degrees). */
	public String proj4(double meridian) {
		return String.format(Locale.ROOT,
				"+proj=tmerc +lat_0=0 +lon_0=%s +k=%s +x_0=%s +y_0=0 +ellps=WGS84 +towgs84=%s +units=m +no_defs",
				plain(meridian), plain(scale), plain(falseEasting), towgs84);
	}

	/** The label users read: "VN-2000, KTT 108°00′, múi 3°". */
	public static String label(double meridian) {
		int deg = (int) Math.floor(meridian);
		int min = (int) Math.round((meridian - deg) * 60);
		return String.format(Locale.ROOT, "VN-2000, KTT %d°%02d′, múi 3°", deg, min);
	}

	/** VN-2000 X (northing) and Y (easting) in metres to WGS84; returns {lon, lat}. */
	public double[] toWgs84(double meridian, double x, double y) {
		ProjCoordinate out = new ProjCoordinate();
		CoordinateTransform t = pair(meridian)[0];
		synchronized (t) { // Proj4J's transforms keep scratch state
			t.transform(new ProjCoordinate(y, x), out);
		}
		return new double[] { out.x, out.y };
	}

	/** WGS84 longitude and latitude to VN-2000; returns {X (northing), Y (easting)}. */
	public double[] fromWgs84(double meridian, double lon, double lat) {
		ProjCoordinate out = new ProjCoordinate();
		CoordinateTransform t = pair(meridian)[1];
		synchronized (t) {
			t.transform(new ProjCoordinate(lon, lat), out);
		}
		return new double[] { out.y, out.x };
	}

	/** The configured central meridian nearest to a longitude (the zone a point is measured in). */
	public double meridianFor(double lon) {
		double best = meridians.get(0);
		for (double m : meridians) {
			if (Math.abs(lon - m) < Math.abs(lon - best)) {
				best = m;
			}
		}
		return best;
	}

	/** Whether the meridian is one of the configured zones. */
	public boolean knows(double meridian) {
		return meridians.stream().anyMatch(m -> Math.abs(m - meridian) < 1e-9);
	}

	private CoordinateTransform[] pair(double meridian) {
		return transforms.computeIfAbsent(meridian, m -> {
			CoordinateReferenceSystem vn = CRS.createFromParameters("VN2000-" + plain(m), proj4(m));
			return new CoordinateTransform[] { TRANSFORMS.createTransform(vn, WGS84),
					TRANSFORMS.createTransform(WGS84, vn) };
		});
	}

	private static String plain(double v) {
		return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
	}
}
