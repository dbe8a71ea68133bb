package vn.nq57.map;

import java.util.List;

import org.springframework.stereotype.Component;

/** A lot and a monitoring point of the test's own, for the form tests outside the map's package. */
@Component
public class MapFormFixtures {

	private final MapFixtures fx;

	private final MapAccess access;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	MapFormFixtures(MapFixtures fx, MapAccess access, org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.fx = fx;
		this.access = access;
		this.jdbc = jdbc;
	}

	/** A lot available for lease in a zone of its own; its id. */
	public long lot() {
		MapFixtures.Zone z = fx.zone();
		double[] b = z.lot(0, 0);
		fx.runAs.user("cb.bql", () -> fx.data.saveLots(List.of(new MapData.LotInput(z.code() + "-F", z.id(), "Đất công nghiệp",
				LotStatus.AVAILABLE, null, null, null, null, null, null, null, null, MapDemoData.box(b[0], b[1], b[2], b[3]),
				"EPSG:4326", false))));
		return jdbc.queryForObject("SELECT id FROM map_lot WHERE code = ?", Long.class, z.code() + "-F");
	}

	/** A monitoring point of {@code medium} (WASTEWATER, AIR, …) kept by the Board; its id. */
	public long point(String medium) {
		MapFixtures.Zone z = fx.zone();
		return fx.runAs.user("cb.bql", () -> fx.data.savePoint(new MapData.PointInput(z.code() + "-P-" + medium, "Điểm kiểm thử",
				medium, z.id(), null, access.boardAgencyId(), z.lon() + 0.005, z.lat() + 0.005, "EPSG:4326", false)));
	}
}
