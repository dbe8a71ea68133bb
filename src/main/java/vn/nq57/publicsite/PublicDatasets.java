package vn.nq57.publicsite;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.system.AppClock;
import vn.nq57.system.Settings;

/**
 * The registry of public data sets (every {@link PublicDataset} bean of the application) and their rows, read once per
 * cache period ({@link PublicCache}) for everyone.
 */
@Component
public class PublicDatasets {

	/** A data set's rows as of a day: each row's values in the order of the columns. */
	public record Table(PublicDataset dataset, LocalDate asOf, Instant computedAt, List<Object[]> rows) {

		public int column(String name) {
			for (int i = 0; i < dataset.columns().size(); i++) {
				if (dataset.columns().get(i).name().equals(name)) {
					return i;
				}
			}
			throw new IllegalArgumentException("no column " + name + " in " + dataset.name());
		}

		/** The rows as maps (column name → value), for the pages. */
		public List<Map<String, Object>> maps() {
			List<Map<String, Object>> out = new ArrayList<>(rows.size());
			for (Object[] r : rows) {
				Map<String, Object> m = new LinkedHashMap<>();
				for (int i = 0; i < r.length; i++) {
					m.put(dataset.columns().get(i).name(), r[i]);
				}
				out.add(m);
			}
			return out;
		}
	}

	private final List<PublicDataset> datasets;
	private final NamedParameterJdbcTemplate jdbc;
	private final AppClock clock;
	private final Settings settings;
	private final PublicCache cache;

	PublicDatasets(List<PublicDataset> datasets, NamedParameterJdbcTemplate jdbc, AppClock clock, Settings settings,
			PublicCache cache) {
		Map<String, PublicDataset> byName = new LinkedHashMap<>();
		datasets.forEach(d -> {
			if (byName.put(d.name(), d) != null) {
				throw new IllegalStateException("Two public data sets are named " + d.name());
			}
		});
		this.datasets = datasets.stream().sorted(Comparator.comparing(PublicDataset::name)).toList();
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
		this.cache = cache;
	}

	public List<PublicDataset> all() {
		return datasets;
	}

	public Optional<PublicDataset> find(String name) {
		return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
	}

	/** The data set's rows today, from the cache. */
	public Table table(PublicDataset d) {
		return cache.get("dataset:" + d.name(), () -> read(d, clock.today()));
	}

	Table read(PublicDataset d, LocalDate day) {
		MapSqlParameterSource p = new MapSqlParameterSource("today", Date.valueOf(day))
			.addValue("soonDays", settings.dueSoonDays());
		List<PublicDataset.Column> cols = d.columns();
		List<Object[]> rows = jdbc.query(d.sql(), p, (rs, i) -> {
			Object[] row = new Object[cols.size()];
			Map<String, Object> read = new LinkedHashMap<>();
			for (int c = 0; c < cols.size(); c++) {
				PublicDataset.Column col = cols.get(c);
				if (!col.derived()) {
					row[c] = value(rs, col);
					read.put(col.name(), row[c]);
				}
			}
			for (int c = 0; c < cols.size(); c++) {
				PublicDataset.Column col = cols.get(c);
				if (col.derived()) {
					row[c] = col.derive().apply(read);
					read.put(col.name(), row[c]);
				}
			}
			return row;
		});
		return new Table(d, day, Instant.now(), List.copyOf(rows));
	}

	private static Object value(ResultSet rs, PublicDataset.Column col) throws SQLException {
		return switch (col.type()) {
			case TEXT -> rs.getString(col.name());
			case INTEGER -> {
				long v = rs.getLong(col.name());
				yield rs.wasNull() ? null : v;
			}
			case DECIMAL -> {
				BigDecimal v = rs.getBigDecimal(col.name());
				yield v == null ? null : v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
			}
			case DATE -> rs.getObject(col.name(), LocalDate.class);
		};
	}
}
