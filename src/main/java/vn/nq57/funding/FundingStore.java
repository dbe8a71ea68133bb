package vn.nq57.funding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.system.NotFoundException;

/** Reads of the funding tables shared by the services. */
@Component
class FundingStore {

	private final JdbcTemplate jdbc;

	FundingStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	static final String CALL_COLUMNS = "id, title, year_from, year_to, closes_on, review_due, state, letter_number, sent_on, "
			+ "decision_number, decision_date, decision_signer, decision_demo, version";

	static FundingCall call(ResultSet rs, int i) throws SQLException {
		return new FundingCall(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getDate(5).toLocalDate(),
				rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8),
				rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(), rs.getString(10),
				rs.getDate(11) == null ? null : rs.getDate(11).toLocalDate(), rs.getString(12), rs.getBoolean(13),
				rs.getLong(14));
	}

	FundingCall call(long id) {
		return findCall(id).orElseThrow(() -> new NotFoundException("Không có đợt đề xuất số " + id));
	}

	Optional<FundingCall> findCall(long id) {
		return jdbc.query("SELECT " + CALL_COLUMNS + " FROM funding_call WHERE id = ?", FundingStore::call, id).stream()
			.findFirst();
	}

	List<FundingCall> calls() {
		return jdbc.query("SELECT " + CALL_COLUMNS + " FROM funding_call ORDER BY year_from DESC, id DESC", FundingStore::call);
	}

	static final String PROPOSAL_COLUMNS = "p.id, p.call_id, p.task_id, p.agency_id, p.source, p.category, p.amount, "
			+ "p.approved_amount, p.justification, p.expected_output, p.state, p.review_reason, p.duplicate_of, "
			+ "p.duplicate_note, p.estimate_file_id, p.updated_at, p.version";

	Proposal proposal(long id) {
		return findProposal(id).orElseThrow(() -> new NotFoundException("Không có đề xuất kinh phí số " + id));
	}

	Optional<Proposal> findProposal(long id) {
		List<Proposal> found = jdbc.query("SELECT " + PROPOSAL_COLUMNS + " FROM funding_proposal p WHERE p.id = ?",
				(rs, i) -> proposal(rs, years(rs.getLong(1))), id);
		return found.stream().findFirst();
	}

	List<Proposal> proposalsWithFile(long fileId) {
		return jdbc.query("SELECT " + PROPOSAL_COLUMNS + " FROM funding_proposal p WHERE p.estimate_file_id = ?",
				(rs, i) -> proposal(rs, Map.of()), fileId);
	}

	Map<Integer, Long> years(long proposalId) {
		Map<Integer, Long> m = new LinkedHashMap<>();
		jdbc.query("SELECT year, amount FROM funding_proposal_year WHERE proposal_id = ? ORDER BY year",
				rs -> {
					m.put(rs.getInt(1), rs.getLong(2));
				}, proposalId);
		return m;
	}

	static Proposal proposal(ResultSet rs, Map<Integer, Long> years) throws SQLException {
		Timestamp updated = rs.getTimestamp(16);
		return new Proposal(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), Source.valueOf(rs.getString(5)),
				Category.valueOf(rs.getString(6)), rs.getLong(7), (Long) nullableLong(rs, 8), rs.getString(9),
				rs.getString(10), ProposalState.valueOf(rs.getString(11)), rs.getString(12), nullableLong(rs, 13),
				rs.getString(14), nullableLong(rs, 15), updated == null ? null : updated.toInstant(), rs.getLong(17), years);
	}

	static Long nullableLong(ResultSet rs, int col) throws SQLException {
		long v = rs.getLong(col);
		return rs.wasNull() ? null : v;
	}

	/** The task is the agency's: it leads it, or has an assignment of it (a collective's task fanned out to it). */
	boolean taskOfAgency(long taskId, long agencyId) {
		Boolean b = jdbc.queryForObject("""
				SELECT EXISTS (SELECT 1 FROM task_lead_view WHERE task_id = ? AND agency_id = ?)
				    OR EXISTS (SELECT 1 FROM assignment_view WHERE task_id = ? AND agency_id = ?)""", Boolean.class,
				taskId, agencyId, taskId, agencyId);
		return Boolean.TRUE.equals(b);
	}

	Optional<String> taskTitle(long taskId) {
		return jdbc.query("SELECT title FROM task_view WHERE id = ?", (rs, i) -> rs.getString(1), taskId).stream().findFirst();
	}

	String agencyName(long agencyId) {
		return jdbc.query("SELECT name FROM agency_view WHERE id = ?", (rs, i) -> rs.getString(1), agencyId).stream()
			.findFirst().orElse("#" + agencyId);
	}
}
