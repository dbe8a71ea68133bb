package vn.nq57.map;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostGIS when the configured PostgreSQL has it, the bounding-box columns otherwise.
 * <p>
 * {@code nq57.map.postgis=auto} (the default): at start-up, if the server offers the {@code postgis} extension
 * ({@code pg_available_extensions}), it is created when missing (this needs the right to create it; without that
 * right, or when it fails, the map goes on without it, with a warning in the log) and each geometry table of the map
 * gets a {@code geom_pg geometry(Geometry, 4326)} column generated from the stored GeoJSON
 * ({@code ST_GeomFromGeoJSON}), with a GiST index. The viewport queries then use {@code ST_Intersects} (through the
 * index's {@code &&}) and an import's overlap and zone containment checks are answered in SQL. {@code off}: never
 * (the columns, if an earlier start made them, are left alone and unused). The embedded PostgreSQL of the default
 * run and the tests has no PostGIS: everything works on the four bbox columns and their {@code box} GiST index
 * (migration V100).
 * <p>
 * The columns are made here rather than in a migration so that a migration never fails on a server without PostGIS
 * and the setting decides; every statement is idempotent ({@code IF NOT EXISTS}) and runs under an advisory lock, so
 * several instances starting together do it once.
 */
@Component
class MapPostgis {

	private static final Logger log = LoggerFactory.getLogger(MapPostgis.class);

	/** Advisory lock key for the set-up ("MAPPGIS" in ASCII, fits in a bigint). */
	private static final long LOCK = 0x4d41504750474953L;

	static final String[] TABLES = { "map_zone", "map_lot", "map_infra" };

	private final boolean active;

	private final String version;

	MapPostgis(JdbcTemplate jdbc, TransactionTemplate tx, @Value("${nq57.map.postgis:auto}") String mode) {
		String m = mode == null ? "auto" : mode.strip().toLowerCase(Locale.ROOT);
		if (!m.equals("auto") && !m.equals("off")) {
			throw new IllegalStateException("nq57.map.postgis phải là auto hoặc off (đang là “" + mode + "”)");
		}
		String v = null;
		if (m.equals("auto")) {
			v = setUp(jdbc, tx);
		}
		this.active = v != null;
		this.version = v;
		log.info(active ? "Map: PostGIS {} in use (geometry columns with GiST indexes)"
				: "Map: PostGIS {}; viewport and overlap queries use the bounding-box columns", active ? v
						: m.equals("off") ? "switched off (nq57.map.postgis=off)" : "not available on this server");
	}

	/** True when the map's spatial queries go through PostGIS. */
	boolean active() {
		return active;
	}

	/** The PostGIS version in use, or null. */
	String version() {
		return version;
	}

	private static String setUp(JdbcTemplate jdbc, TransactionTemplate tx) {
		List<String> available = jdbc.queryForList(
				"SELECT coalesce(installed_version, default_version) FROM pg_available_extensions WHERE name = 'postgis'",
				String.class);
		if (available.isEmpty()) {
			return null;
		}
		try {
			return tx.execute(status -> {
				jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)", Object.class, LOCK);
				Integer installed = jdbc.queryForObject(
						"SELECT count(*)::int FROM pg_extension WHERE extname = 'postgis'", Integer.class);
				if (installed == 0) {
					jdbc.execute("CREATE EXTENSION IF NOT EXISTS postgis");
				}
				String schema = jdbc.queryForObject(
						"SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'postgis'",
						String.class);
				if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT ? = ANY (current_schemas(false))", Boolean.class, schema))) {
					// the queries name PostGIS's functions without a schema
					log.warn("Map: PostGIS is installed in schema {}, which is not on the search_path; going on without it",
							schema);
					return null;
				}
				for (String table : TABLES) {
					jdbc.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS geom_pg " + schema
							+ ".geometry(Geometry, 4326) GENERATED ALWAYS AS (" + schema + ".ST_SetSRID(" + schema
							+ ".ST_GeomFromGeoJSON(geom), 4326)) STORED");
					jdbc.execute("CREATE INDEX IF NOT EXISTS " + table + "_geom_pg ON " + table + " USING gist (geom_pg)");
				}
				jdbc.execute("ALTER TABLE map_monitoring_point ADD COLUMN IF NOT EXISTS geom_pg " + schema
						+ ".geometry(Point, 4326) GENERATED ALWAYS AS (" + schema + ".ST_SetSRID(" + schema
						+ ".ST_MakePoint(lon, lat), 4326)) STORED");
				jdbc.execute("CREATE INDEX IF NOT EXISTS map_monitoring_point_geom_pg ON map_monitoring_point USING gist (geom_pg)");
				return jdbc.queryForObject("SELECT " + schema + ".postgis_lib_version()", String.class);
			});
		}
		catch (RuntimeException e) {
			log.warn("Map: PostGIS is offered by the server but could not be set up ({}); going on without it",
					e.getMessage());
			return null;
		}
	}
}
