package vn.nq57.system;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;

/**
 * The audit trail: who did what, when, and the state before and after. Changes are written in the
 * transaction of the change (so a rolled-back change leaves no line); refusals are written in their own
 * transaction, because the request that was refused rolls back.
 */
@Component
public class AuditLog {

	private final JdbcTemplate jdbc;
	private final ObjectMapper json;
	private final AppClock clock;

	AuditLog(JdbcTemplate jdbc, ObjectMapper json, AppClock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	public record Entry(long id, java.time.Instant occurredAt, Long actorId, String actorName, String action,
			String entityType, Long entityId, Long taskId, String summary, String before, String after) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void change(String action, String entityType, Long entityId, Long taskId, String summary,
			Map<String, ?> before, Map<String, ?> after) {
		insert(action, entityType, entityId, taskId, summary, before, after);
	}

	/** One change of many records (an import's tasks), as in {@link #change}. */
	public record Change(String action, String entityType, Long entityId, Long taskId, String summary,
			Map<String, ?> before, Map<String, ?> after) {
	}

	/** Records many changes with one statement, all by the current actor at the same moment. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void changes(List<Change> changes) {
		if (changes.isEmpty()) {
			return;
		}
		Actor actor = currentActor();
		int n = changes.size();
		String[] action = new String[n];
		String[] type = new String[n];
		Long[] entity = new Long[n];
		Long[] task = new Long[n];
		String[] summary = new String[n];
		String[] before = new String[n];
		String[] after = new String[n];
		for (int i = 0; i < n; i++) {
			Change c = changes.get(i);
			action[i] = c.action();
			type[i] = c.entityType();
			entity[i] = c.entityId();
			task[i] = c.taskId();
			summary[i] = truncate(c.summary());
			before[i] = toJson(c.before());
			after[i] = toJson(c.after());
		}
		jdbc.update(con -> {
			var ps = con.prepareStatement("""
					INSERT INTO audit_event(occurred_at, actor_id, actor_name, action, entity_type, entity_id, task_id,
					                        summary, before_state, after_state)
					SELECT ?, ?, ?, x.action, x.type, x.entity, x.task, x.summary, x.before::jsonb, x.after::jsonb
					FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[])
					     WITH ORDINALITY AS x(action, type, entity, task, summary, before, after, ord)
					ORDER BY x.ord""");
			ps.setTimestamp(1, Timestamp.from(clock.now()));
			ps.setObject(2, actor == null ? null : actor.id(), java.sql.Types.BIGINT);
			ps.setString(3, actor == null ? "hệ thống" : actor.displayName());
			ps.setArray(4, con.createArrayOf("text", action));
			ps.setArray(5, con.createArrayOf("text", type));
			ps.setArray(6, con.createArrayOf("bigint", entity));
			ps.setArray(7, con.createArrayOf("bigint", task));
			ps.setArray(8, con.createArrayOf("text", summary));
			ps.setArray(9, con.createArrayOf("text", before));
			ps.setArray(10, con.createArrayOf("text", after));
			return ps;
		});
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void denied(String entityType, Long entityId, String summary) {
		insert("ACCESS_DENIED", entityType, entityId, null, summary, null, null);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void event(String action, String entityType, Long entityId, String summary) {
		insert(action, entityType, entityId, null, summary, null, null);
	}

	public List<Entry> forTask(long taskId) {
		return jdbc.query("""
				SELECT id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, task_id, summary,
				       before_state::text, after_state::text
				FROM audit_event WHERE task_id = ? ORDER BY occurred_at, id""", (rs, i) -> new Entry(rs.getLong(1),
				rs.getTimestamp(2).toInstant(), (Long) rs.getObject(3), rs.getString(4), rs.getString(5),
				rs.getString(6), (Long) rs.getObject(7), (Long) rs.getObject(8), rs.getString(9), rs.getString(10),
				rs.getString(11)), taskId);
	}

	/** The trail of one record (a report, a regime…), oldest first. */
	public List<Entry> forEntity(String entityType, long entityId) {
		return jdbc.query("""
				SELECT id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, task_id, summary,
				       before_state::text, after_state::text
				FROM audit_event WHERE entity_type = ? AND entity_id = ? ORDER BY occurred_at, id""", (rs, i) -> new Entry(
				rs.getLong(1), rs.getTimestamp(2).toInstant(), (Long) rs.getObject(3), rs.getString(4), rs.getString(5),
				rs.getString(6), (Long) rs.getObject(7), (Long) rs.getObject(8), rs.getString(9), rs.getString(10),
				rs.getString(11)), entityType, entityId);
	}

	/**
	 * The newest entries of these records whose action starts with {@code actionPrefix}, newest first, at most
	 * {@code limit}: the history of a group of records (an indicator's values of one period).
	 */
	public List<Entry> latest(String entityType, Collection<Long> entityIds, String actionPrefix, int limit) {
		if (entityIds.isEmpty()) {
			return List.of();
		}
		return jdbc.query(con -> {
			PreparedStatement ps = con.prepareStatement("""
					SELECT id, occurred_at, actor_id, actor_name, action, entity_type, entity_id, task_id, summary,
					       before_state::text, after_state::text
					FROM audit_event WHERE entity_type = ? AND entity_id = ANY (?) AND starts_with(action, ?)
					ORDER BY occurred_at DESC, id DESC LIMIT ?""");
			ps.setString(1, entityType);
			ps.setArray(2, con.createArrayOf("bigint", entityIds.toArray()));
			ps.setString(3, actionPrefix);
			ps.setInt(4, limit);
			return ps;
		}, (rs, i) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), (Long) rs.getObject(3),
				rs.getString(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7), (Long) rs.getObject(8),
				rs.getString(9), rs.getString(10), rs.getString(11)));
	}

	/**
	 * Demo and training data only: moves the k-th entry (oldest first) of each record, among those whose action
	 * starts with {@code actionPrefix}, to the k-th time given for it, so a story loaded in one go reads as if it
	 * had happened over months.
	 */
	public void retime(String entityType, String actionPrefix, Map<Long, List<Instant>> times) {
		List<Long> ids = new ArrayList<>();
		List<Long> ks = new ArrayList<>();
		List<Timestamp> ats = new ArrayList<>();
		times.forEach((id, at) -> {
			for (int k = 0; k < at.size(); k++) {
				ids.add(id);
				ks.add(k + 1L);
				ats.add(Timestamp.from(at.get(k)));
			}
		});
		if (ids.isEmpty()) {
			return;
		}
		jdbc.update(con -> {
			PreparedStatement ps = con.prepareStatement("""
					UPDATE audit_event e SET occurred_at = s.at
					FROM (SELECT id, entity_id, row_number() OVER (PARTITION BY entity_id ORDER BY occurred_at, id) AS k
					      FROM audit_event WHERE entity_type = ? AND starts_with(action, ?) AND entity_id = ANY (?)) x
					JOIN unnest(?::bigint[], ?::bigint[], ?::timestamptz[]) AS s(entity_id, k, at)
					  ON s.entity_id = x.entity_id AND s.k = x.k
					WHERE e.id = x.id""");
			Array entities = con.createArrayOf("bigint", times.keySet().toArray());
			ps.setString(1, entityType);
			ps.setString(2, actionPrefix);
			ps.setArray(3, entities);
			ps.setArray(4, con.createArrayOf("bigint", ids.toArray()));
			ps.setArray(5, con.createArrayOf("bigint", ks.toArray()));
			ps.setArray(6, con.createArrayOf("timestamptz", ats.toArray()));
			return ps;
		});
	}

	public long count(String action, String entityType, Long entityId) {
		Long n = jdbc.queryForObject(
				"SELECT count(*) FROM audit_event WHERE action = ? AND entity_type = ? AND entity_id IS NOT DISTINCT FROM ?",
				Long.class, action, entityType, entityId);
		return n == null ? 0 : n;
	}

	private void insert(String action, String entityType, Long entityId, Long taskId, String summary,
			Map<String, ?> before, Map<String, ?> after) {
		Actor actor = currentActor();
		jdbc.update("""
				INSERT INTO audit_event(occurred_at, actor_id, actor_name, action, entity_type, entity_id, task_id,
				                        summary, before_state, after_state)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""", Timestamp.from(clock.now()),
				actor == null ? null : actor.id(), actor == null ? "hệ thống" : actor.displayName(), action, entityType,
				entityId, taskId, truncate(summary), toJson(before), toJson(after));
	}

	private String toJson(Map<String, ?> state) {
		return state == null ? null : json.writeValueAsString(state);
	}

	private static String truncate(String s) {
		return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
	}

	private static Actor currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof Actor a ? a : null;
	}
}
