package vn.nq57.map;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.nq57.account.RunAs;
import vn.nq57.testdata.World;

/** A zone of the test's own (a square of its own in the province) and files of lots in it. */
@Component
class MapFixtures {

	final MapData data;

	final RunAs runAs;

	final Vn2000 vn = Vn2000.quangNgai();

	MapFixtures(MapData data, RunAs runAs) {
		this.data = data;
		this.runAs = runAs;
	}

	/** A park of about 1,1 × 1,1 km at a place no other test uses. */
	record Zone(long id, String code, double lon, double lat) {

		/** A lot of the park: column i, row j of a 10 × 10 grid (about 100 m each). */
		double[] lot(int i, int j) {
			double d = 0.001;
			return new double[] { lon + i * d + 0.0001, lat + j * d + 0.0001, lon + (i + 1) * d - 0.0001,
					lat + (j + 1) * d - 0.0001 };
		}
	}

	Zone zone() {
		int n = World.seq();
		double lon = 107.9 + (n % 60) * 0.02;
		double lat = 14.2 + (n / 60 % 40) * 0.02;
		String code = "TZ-" + n;
		long id = runAs.user("cb.bql", () -> data.saveZone(new MapData.ZoneInput(code, "Khu kiểm thử " + n,
				ZoneKind.INDUSTRIAL_PARK, null, "Đất công nghiệp", MapDemoData.box(lon, lat, lon + 0.011, lat + 0.011),
				"EPSG:4326", false)));
		return new Zone(id, code, lon, lat);
	}

	/** A GeoJSON feature of a rectangle; {@code vn2000}: coordinates as VN-2000 [Y, X] on meridian 108°. */
	String rect(double[] b, boolean vn2000, String props) {
		double[][] ring = { { b[0], b[1] }, { b[2], b[1] }, { b[2], b[3] }, { b[0], b[3] }, { b[0], b[1] } };
		return feature(ring, vn2000, props);
	}

	String feature(double[][] ring, boolean vn2000, String props) {
		StringBuilder sb = new StringBuilder("{\"type\":\"Feature\",\"properties\":{" + props
				+ "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
		for (int i = 0; i < ring.length; i++) {
			double[] p = ring[i];
			if (vn2000) {
				double[] xy = vn.fromWgs84(108.0, p[0], p[1]);
				p = new double[] { xy[1], xy[0] };
			}
			sb.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "[%.4f,%.4f]", p[0], p[1]));
		}
		return sb.append("]]}}").toString();
	}

	static byte[] collection(String crs, List<String> features) {
		String c = crs == null ? "" : "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crs + "\"}},";
		return ("{\"type\":\"FeatureCollection\"," + c + "\"features\":[" + String.join(",", features) + "]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Area in m² of a lon/lat rectangle, as the application measures it. */
	double area(double[] b) {
		return Geo.areaM2(MapDemoData.box(b[0], b[1], b[2], b[3]), vn);
	}
}
