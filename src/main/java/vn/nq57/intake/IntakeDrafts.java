package vn.nq57.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.nq57.intake.IntakeService.Batch;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.NotFoundException;

/**
 * The drafts of imports in {@code intake_batch}: the rows as the document wrote them with the user's edits,
 * drops and settings, a version against two people editing at once, and what a commit wrote. Storage only:
 * who may do what, and the audit trail, are {@link IntakeService}'s.
 */
@Component
class IntakeDrafts {

	private final JdbcTemplate jdbc;
	private final ObjectMapper json;

	IntakeDrafts(JdbcTemplate jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(IntakeKind kind, String fileName, String sha, IntakeSettings s, List<DraftRow> rows, long userId,
			Instant at) {
		return jdbc.queryForObject("""
				INSERT INTO intake_batch(kind, file_name, file_sha256, settings, rows, created_by, created_at)
				VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?) RETURNING id""", Long.class, kind.name(),
				abbreviate(fileName, 300), sha, json.writeValueAsString(s), json.writeValueAsString(rows), userId,
				Timestamp.from(at));
	}

	Batch load(long id) {
		List<Batch> found = jdbc.query("""
				SELECT b.id, b.kind, b.state, b.file_name, b.settings::text, b.rows::text, u.full_name, b.created_at,
				       b.committed_at, b.result::text, b.version
				FROM intake_batch b JOIN app_user_view u ON u.id = b.created_by WHERE b.id = ?""",
				(rs, i) -> new Batch(rs.getLong(1), IntakeKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
						json.readValue(rs.getString(5), IntakeSettings.class),
						json.readValue(rs.getString(6), new TypeReference<List<DraftRow>>() {
						}), rs.getString(7), rs.getTimestamp(8).toInstant(),
						rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10),
						rs.getLong(11)),
				id);
		if (found.isEmpty()) {
			throw new NotFoundException("Không tìm thấy bản nhập #" + id);
		}
		return found.get(0);
	}

	/** Recent imports, newest first. */
	List<Batch> recent(int limit) {
		return jdbc.queryForList("SELECT id FROM intake_batch ORDER BY created_at DESC, id DESC LIMIT ?", Long.class,
				limit).stream().map(this::load).toList();
	}

	/** The preview as it stood when the user confirmed the import (null for a draft). */
	Preview savedPreview(long id) {
		String saved = jdbc.queryForObject("SELECT preview::text FROM intake_batch WHERE id = ?", String.class, id);
		return saved == null ? null : json.readValue(saved, Preview.class);
	}

	/** Stores the draft's rows and settings, if nobody changed it since {@code version}. */
	void save(long id, List<DraftRow> rows, IntakeSettings s, long version) {
		int n = jdbc.update("""
				UPDATE intake_batch SET rows = ?::jsonb, settings = ?::jsonb, version = version + 1
				WHERE id = ? AND version = ? AND state = 'DRAFT'""", json.writeValueAsString(rows),
				json.writeValueAsString(s), id, version);
		if (n == 0) {
			throw new ConcurrentEditException("bản nhập");
		}
	}

	void discard(long id) {
		jdbc.update("UPDATE intake_batch SET state = 'DISCARDED', version = version + 1 WHERE id = ?", id);
	}

	/** Marks the draft written, with what the commit wrote and the preview it wrote from. */
	void committed(long id, long version, Object result, Preview preview, Instant at) {
		int n = jdbc.update("""
				UPDATE intake_batch SET state = 'COMMITTED', committed_at = ?, result = ?::jsonb, preview = ?::jsonb,
				       version = version + 1
				WHERE id = ? AND version = ? AND state = 'DRAFT'""", Timestamp.from(at),
				json.writeValueAsString(result), json.writeValueAsString(preview), id, version);
		if (n == 0) {
			throw new ConcurrentEditException("bản nhập");
		}
	}

	static String abbreviate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}
}
