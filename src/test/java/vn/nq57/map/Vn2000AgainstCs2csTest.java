package vn.nq57.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The VN-2000 transform of the application (Proj4J, {@link Vn2000}) agrees with PROJ's own {@code cs2cs} (Debian
 * {@code proj-bin}, installed by {@code .ci/run}) to 1 cm on a grid of points across the whole province, for both
 * central meridians (108°00′ and 107°30′), in both directions, and a point taken there and back comes home.
 * Without {@code cs2cs} the test fails: the agreement is what it proves.
 */
class Vn2000AgainstCs2csTest {

	static final double TOLERANCE_M = 0.01;

	/** Metres per degree of latitude (and of longitude at the equator), for comparing positions in degrees. */
	static final double M_PER_DEG = 111_320;

	final Vn2000 vn = Vn2000.quangNgai();

	/** Longitudes 107,30–109,20 and latitudes 13,90–15,50: the merged province, Lý Sơn and Kon Tum included. */
	static List<double[]> grid() {
		List<double[]> points = new ArrayList<>();
		for (int i = 0; i <= 9; i++) {
			for (int j = 0; j <= 8; j++) {
				points.add(new double[] { 107.30 + i * 0.2111, 13.90 + j * 0.2 });
			}
		}
		return points;
	}

	@Test
	void wgs84ToVn2000AgreesWithCs2csWithinOneCentimetre() throws Exception {
		for (double meridian : vn.meridians()) {
			List<double[]> points = grid();
			List<double[]> reference = cs2cs(points, "+proj=longlat +datum=WGS84 +no_defs", vn.proj4(meridian));
			double worst = 0;
			for (int i = 0; i < points.size(); i++) {
				double[] xy = vn.fromWgs84(meridian, points.get(i)[0], points.get(i)[1]);
				// cs2cs writes easting then northing; VN-2000 X is the northing
				double d = Math.hypot(xy[1] - reference.get(i)[0], xy[0] - reference.get(i)[1]);
				worst = Math.max(worst, d);
			}
			assertThat(worst).as("worst difference (m) on meridian %s", meridian).isLessThanOrEqualTo(TOLERANCE_M);
		}
	}

	@Test
	void vn2000ToWgs84AgreesWithCs2csWithinOneCentimetre() throws Exception {
		for (double meridian : vn.meridians()) {
			List<double[]> en = new ArrayList<>();
			for (double[] p : grid()) {
				double[] xy = vn.fromWgs84(meridian, p[0], p[1]);
				en.add(new double[] { xy[1], xy[0] });
			}
			List<double[]> reference = cs2cs(en, vn.proj4(meridian), "+proj=longlat +datum=WGS84 +no_defs");
			double worst = 0;
			for (int i = 0; i < en.size(); i++) {
				double[] ll = vn.toWgs84(meridian, en.get(i)[1], en.get(i)[0]);
				double dLon = (ll[0] - reference.get(i)[0]) * M_PER_DEG * Math.cos(Math.toRadians(ll[1]));
				double dLat = (ll[1] - reference.get(i)[1]) * M_PER_DEG;
				worst = Math.max(worst, Math.hypot(dLon, dLat));
			}
			assertThat(worst).as("worst difference (m) on meridian %s", meridian).isLessThanOrEqualTo(TOLERANCE_M);
		}
	}

	@Test
	void aPointTakenToVn2000AndBackComesHome() {
		for (double meridian : vn.meridians()) {
			for (double[] p : grid()) {
				double[] xy = vn.fromWgs84(meridian, p[0], p[1]);
				double[] back = vn.toWgs84(meridian, xy[0], xy[1]);
				double d = Math.hypot((back[0] - p[0]) * M_PER_DEG * Math.cos(Math.toRadians(p[1])),
						(back[1] - p[1]) * M_PER_DEG);
				assertThat(d).isLessThanOrEqualTo(TOLERANCE_M);
			}
		}
	}

	@Test
	void xIsTheNorthingAndTheDungQuatPortLiesWhereItShould() {
		// the Dung Quất port area, about 15,4° N 108,8° E: X ≈ 1,7 million m north, Y east of the 500 km line
		double[] xy = vn.fromWgs84(108.0, 108.8, 15.4);
		assertThat(xy[0]).isBetween(1_690_000.0, 1_720_000.0);
		assertThat(xy[1]).isBetween(580_000.0, 600_000.0);
		assertThat(vn.proj4(108.0)).contains("+lon_0=108 ").contains("+k=0.9999 ").contains("+x_0=500000 ")
			.contains("+towgs84=" + Vn2000.MINISTRY_TOWGS84);
		assertThat(Vn2000.label(107.5)).isEqualTo("VN-2000, KTT 107°30′, múi 3°");
	}

	/** Runs cs2cs from one definition to another; returns the first two output columns of each point. */
	static List<double[]> cs2cs(List<double[]> points, String from, String to) throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>(List.of("cs2cs", "-f", "%.10f"));
		cmd.addAll(List.of(from.split(" ")));
		cmd.add("+to");
		cmd.addAll(List.of(to.split(" ")));
		Process p;
		try {
			p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		}
		catch (IOException e) {
			fail("cs2cs (Debian package proj-bin) is needed for this test: apt-get install proj-bin (.ci/run does)");
			return List.of();
		}
		StringBuilder in = new StringBuilder();
		for (double[] pt : points) {
			in.append(String.format(Locale.ROOT, "%.10f %.10f%n", pt[0], pt[1]));
		}
		p.getOutputStream().write(in.toString().getBytes(StandardCharsets.UTF_8));
		p.getOutputStream().close();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(out).isZero();
		List<double[]> result = new ArrayList<>();
		for (String line : out.strip().split("\\R")) {
			String[] f = line.trim().split("\\s+");
			result.add(new double[] { Double.parseDouble(f[0]), Double.parseDouble(f[1]) });
		}
		assertThat(result).hasSize(points.size());
		return result;
	}
}
