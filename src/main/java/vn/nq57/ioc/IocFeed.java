package vn.nq57.ioc;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.nq57.system.AppClock;

/**
 * The change detector: compares the current figures with those last seen, writes one {@code ioc_change} row per
 * figure that moved (its id is the feed's cursor), keeps today's snapshot up to date and freezes the days that have
 * closed, and queues a webhook notification for every active client with a webhook address whose scopes see a change.
 */
@Service
public class IocFeed {

	record Change(long id, Instant at, String key, String oldValue, String newValue) {
	}

	record Snapshot(LocalDate day, Map<String, String> figures, String sha256, Instant takenAt, boolean closed) {
	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;
	private final IocFigures figures;
	private final AppClock clock;

	IocFeed(JdbcTemplate jdbc, IocFigures figures, AppClock clock) {
		this.jdbc = jdbc;
		this.figures = figures;
		this.clock = clock;
	}

	/** One run of the detector; returns the number of changes recorded. */
	@Transactional
	public int detect() {
		jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('ioc.detect'))::text", String.class);
		IocFigures.Current current = figures.current();
		Instant now = clock.now();
		Map<String, String> seen = new HashMap<>();
		jdbc.query("SELECT key, value FROM ioc_figure", rs -> {
			seen.put(rs.getString(1), rs.getString(2));
		});
		List<Object[]> changes = new ArrayList<>();
		current.figures().forEach((k, v) -> {
			if (!seen.containsKey(k) || !Objects.equals(seen.get(k), v)) {
				changes.add(new Object[] { Timestamp.from(now), k, seen.get(k), v });
			}
		});
		seen.keySet().stream().filter(k -> !current.figures().containsKey(k))
			.forEach(k -> changes.add(new Object[] { Timestamp.from(now), k, seen.get(k), null }));
		long first = 0;
		long last = 0;
		if (!changes.isEmpty()) {
			List<Long> ids = new ArrayList<>();
			for (Object[] c : changes) {
				ids.add(jdbc.queryForObject("INSERT INTO ioc_change(at, key, old_value, new_value) VALUES (?, ?, ?, ?) RETURNING id",
						Long.class, c));
			}
			first = ids.get(0);
			last = ids.get(ids.size() - 1);
			jdbc.update("DELETE FROM ioc_figure WHERE NOT (key = ANY (?))",
					(Object) current.figures().keySet().toArray(String[]::new));
			for (var e : current.figures().entrySet()) {
				jdbc.update("""
						INSERT INTO ioc_figure(key, value, updated_at) VALUES (?, ?, ?)
						ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
						WHERE ioc_figure.value IS DISTINCT FROM excluded.value""", e.getKey(), e.getValue(), Timestamp.from(now));
			}
			queueWebhooks(first, last, now);
		}
		snapshot(current, now);
		return changes.size();
	}

	/** Today's snapshot rewritten with the current figures (while the day is open); earlier days frozen. */
	void snapshot(IocFigures.Current current, Instant now) {
		LocalDate today = clock.today();
		jdbc.update("UPDATE ioc_snapshot SET closed = true WHERE day < ? AND NOT closed", today);
		String body = JSON.writeValueAsString(current.figures());
		jdbc.update("""
				INSERT INTO ioc_snapshot(day, figures, sha256, taken_at, closed) VALUES (?, ?, ?, ?, false)
				ON CONFLICT (day) DO UPDATE SET figures = excluded.figures, sha256 = excluded.sha256, taken_at = excluded.taken_at
				WHERE NOT ioc_snapshot.closed AND ioc_snapshot.sha256 <> excluded.sha256""", today, body,
				IocClients.sha256(body), Timestamp.from(now));
	}

	private void queueWebhooks(long first, long last, Instant now) {
		List<Change> changes = changesAfter(first - 1, (int) (last - first + 1));
		jdbc.query("SELECT id, scopes FROM ioc_client WHERE revoked_at IS NULL AND webhook_url IS NOT NULL", rs -> {
			long client = rs.getLong(1);
			Set<IocScope> scopes = IocScope.parse(rs.getString(2));
			List<Map<String, Object>> seen = changes.stream().filter(c -> IocScope.allows(scopes, c.key()))
				.map(IocFeed::json).toList();
			if (seen.isEmpty()) {
				return;
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("event", "figures.changed");
			body.put("occurredAt", now.toString());
			body.put("cursor", last);
			body.put("changes", seen);
			jdbc.update("""
					INSERT INTO ioc_delivery(client_id, first_change, last_change, body, state, attempts, next_attempt_at, created_at)
					VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)""", client, first, last, JSON.writeValueAsString(body),
					Timestamp.from(now), Timestamp.from(now));
		});
	}

	static Map<String, Object> json(Change c) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("at", c.at().toString());
		m.put("key", c.key());
		m.put("old", c.oldValue());
		m.put("new", c.newValue());
		return m;
	}

	List<Change> changesAfter(long cursor, int limit) {
		return jdbc.query("SELECT id, at, key, old_value, new_value FROM ioc_change WHERE id > ? ORDER BY id LIMIT ?",
				(rs, i) -> new Change(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
						rs.getString(5)), cursor, limit);
	}

	long lastChangeId() {
		Long v = jdbc.queryForObject("SELECT max(id) FROM ioc_change", Long.class);
		return v == null ? 0 : v;
	}

	List<LocalDate> snapshotDays() {
		return jdbc.queryForList("SELECT day FROM ioc_snapshot ORDER BY day DESC LIMIT 400", LocalDate.class);
	}

	Optional<Snapshot> snapshot(LocalDate day) {
		return jdbc.query("SELECT day, figures, sha256, taken_at, closed FROM ioc_snapshot WHERE day = ?",
				(rs, i) -> new Snapshot(rs.getObject(1, LocalDate.class),
						JSON.readValue(rs.getString(2), new TypeReference<LinkedHashMap<String, String>>() {
						}), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getBoolean(5)), day).stream().findFirst();
	}
}
