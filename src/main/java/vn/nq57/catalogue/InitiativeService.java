package vn.nq57.catalogue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.kernel.Page;
import vn.nq57.kernel.VnFormat;
import vn.nq57.officialdoc.DocxWriter;
import vn.nq57.officialdoc.OfficialDocument;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.NotFoundException;

/**
 * Initiatives and solutions (sáng kiến, giải pháp) of 003: submitted by agencies (or entered by DoST for firms and
 * people), evaluated by a panel (each member's score 0–100 and comment; the average is kept), selected for the
 * year, published; the selected list exported in the form a ministry portal asks for (Excel and .docx).
 */
@Service
public class InitiativeService {

	public enum State {
		SUBMITTED("Đã tiếp nhận"), UNDER_EVALUATION("Đang đánh giá"), SELECTED("Được lựa chọn"), NOT_SELECTED("Không lựa chọn"),
		PUBLISHED("Đã công bố");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Input(String year, String title, String author, String organisation, Long agencyId, String field,
			String summary, String application) {
	}

	public record Initiative(long id, int year, String title, String author, String organisation, Long agencyId,
			String field, String summary, String application, State state, BigDecimal averageScore, long version) {
	}

	public record Score(String member, BigDecimal score, String comment, java.time.Instant at) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final BigProblemService problems;
	private final DuplicateCheck duplicates;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;

	InitiativeService(NamedParameterJdbcTemplate jdbc, BigProblemService problems, DuplicateCheck duplicates,
			AccessPolicy access, AuditLog audit, AppClock clock) {
		this.jdbc = jdbc;
		this.problems = problems;
		this.duplicates = duplicates;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/** Province roles read all; agency staff their agency's and the selected or published ones. */
	public Page<Initiative> search(String q, Integer year, State state, int page, int size) {
		CurrentUser user = AccessPolicy.current();
		List<String> where = new ArrayList<>();
		MapSqlParameterSource p = new MapSqlParameterSource();
		if (!user.seesEveryAgency()) {
			where.add("(agency_id = :mine OR state IN ('SELECTED','PUBLISHED'))");
			p.addValue("mine", user.agencyId() == null ? -1L : user.agencyId());
		}
		if (q != null && !q.isBlank()) {
			where.add("search LIKE '%' || search_key(:q) || '%'");
			p.addValue("q", q.strip());
		}
		if (year != null) {
			where.add("year = :year");
			p.addValue("year", year);
		}
		if (state != null) {
			where.add("state = :state");
			p.addValue("state", state.name());
		}
		String w = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		Long total = jdbc.queryForObject("SELECT count(*) FROM initiative" + w, p, Long.class);
		p.addValue("limit", size).addValue("offset", Page.offset(page, size));
		return new Page<>(jdbc.query("SELECT * FROM initiative" + w + " ORDER BY id DESC LIMIT :limit OFFSET :offset", p,
				InitiativeService::map), page, size, total == null ? 0 : total);
	}

	public Initiative get(long id) {
		Initiative i = find(id);
		CurrentUser user = AccessPolicy.current();
		access.require(user.seesEveryAgency() || (i.agencyId() != null && user.actsFor(i.agencyId()))
				|| i.state() == State.SELECTED || i.state() == State.PUBLISHED, "INITIATIVE", id, "xem sáng kiến của cơ quan khác");
		return i;
	}

	private Initiative find(long id) {
		List<Initiative> l = jdbc.query("SELECT * FROM initiative WHERE id = :id", new MapSqlParameterSource("id", id),
				InitiativeService::map);
		if (l.isEmpty()) {
			throw new NotFoundException("Không tìm thấy sáng kiến #" + id);
		}
		return l.get(0);
	}

	public List<Score> scores(long id) {
		get(id);
		return jdbc.query("SELECT member_name, score, comment, scored_at FROM initiative_score WHERE initiative_id = :id ORDER BY id",
				new MapSqlParameterSource("id", id),
				(rs, i) -> new Score(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
	}

	@Transactional
	public long submit(Input in, boolean acknowledgeDuplicates) {
		CurrentUser user = AccessPolicy.current();
		// every field checked at once, each problem beside its field
		FieldErrors f = new FieldErrors();
		Long agency = in.agencyId() == null ? null : f.check("agencyId", () -> problems.requireAgency(in.agencyId(), "Cơ quan, đơn vị"));
		if (!f.has("agencyId")) {
			access.require(user.is(Role.SECRETARIAT) || (agency != null && access.canReport(user, agency)), "INITIATIVE", null,
					"gửi sáng kiến thay cơ quan khác");
		}
		String title = f.check("title", () -> Inputs.required(in.title(), "tên sáng kiến, giải pháp", 500));
		Integer year = f.check("year", () -> Inputs.whole(in.year(), "năm", 2000, 2100));
		String author = f.check("author", () -> Inputs.required(in.author(), "tác giả", 300));
		String organisation = f.check("organisation", () -> Inputs.optional(in.organisation(), "tổ chức", 300));
		String field = f.check("field", () -> Inputs.required(in.field(), "lĩnh vực", 100));
		String summary = f.check("summary", () -> Inputs.required(in.summary(), "tóm tắt nội dung", 20000));
		String application = f.check("application", () -> Inputs.optional(in.application(), "phạm vi áp dụng", 2000));
		f.refuseIfAny();
		if (!acknowledgeDuplicates) {
			List<DuplicateCheck.Match> near = duplicates.nearest(title, "INITIATIVE", null);
			if (!near.isEmpty()) {
				throw new DuplicateWarning(near);
			}
		}
		Long id = jdbc.queryForObject("""
				INSERT INTO initiative(year, title, author, organisation, agency_id, field, summary, application, created_by, created_at)
				VALUES (:year, :title, :author, :org, :agency, :field, :summary, :app, :user, :now) RETURNING id""",
				new MapSqlParameterSource("year", year == null ? clock.today().getYear() : year).addValue("title", title)
					.addValue("author", author).addValue("org", organisation).addValue("agency", agency)
					.addValue("field", field).addValue("summary", summary).addValue("app", application).addValue("user", user.id())
					.addValue("now", Timestamp.from(clock.now())), Long.class);
		audit.change("INITIATIVE_SUBMITTED", "INITIATIVE", id, null, "Sáng kiến: " + title, null, Map.of("title", title));
		return id;
	}

	/** A panel member's score (0–100) and comment; the member's earlier score is replaced; DoST or a leader. */
	@Transactional
	public void score(long id, String score, String comment) {
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.SECRETARIAT) || user.is(Role.LEADER), "INITIATIVE", id, "chấm điểm sáng kiến (hội đồng)");
		Initiative i = find(id);
		if (i.state() != State.SUBMITTED && i.state() != State.UNDER_EVALUATION) {
			throw new DomainException("Sáng kiến đã " + i.state().label().toLowerCase() + ", không chấm điểm thêm");
		}
		BigDecimal s;
		try {
			s = new BigDecimal(score == null ? "" : score.strip().replace(',', '.'));
		}
		catch (NumberFormatException e) {
			throw new DomainException("Điểm “" + score + "” không phải là số; hãy nhập từ 0 đến 100");
		}
		if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw new DomainException("Điểm phải từ 0 đến 100");
		}
		jdbc.update("""
				INSERT INTO initiative_score(initiative_id, member_id, member_name, score, comment, scored_at)
				VALUES (:id, :member, :name, :score, :comment, :now)
				ON CONFLICT (initiative_id, member_id) DO UPDATE SET score = excluded.score, comment = excluded.comment,
				  scored_at = excluded.scored_at""",
				new MapSqlParameterSource("id", id).addValue("member", user.id()).addValue("name", user.displayName())
					.addValue("score", s).addValue("comment", Inputs.optional(comment, "nhận xét", 4000))
					.addValue("now", Timestamp.from(clock.now())));
		jdbc.update("""
				UPDATE initiative SET state = 'UNDER_EVALUATION', version = version + 1, updated_at = :now,
				  average_score = (SELECT round(avg(score), 2) FROM initiative_score WHERE initiative_id = :id) WHERE id = :id""",
				new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(clock.now())));
		audit.change("INITIATIVE_SCORED", "INITIATIVE", id, null, "Chấm điểm sáng kiến: " + s, null,
				Map.of("score", s, "member", user.displayName()));
	}

	/** DoST decides: selected for the year or not, then publishes the selected ones. */
	@Transactional
	public void decide(long id, long version, State to) {
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.SECRETARIAT), "INITIATIVE", id, "lựa chọn sáng kiến (chỉ Sở KH&CN)");
		Initiative i = find(id);
		boolean allowed = switch (to) {
			case SELECTED, NOT_SELECTED -> i.state() == State.UNDER_EVALUATION;
			case PUBLISHED -> i.state() == State.SELECTED;
			default -> false;
		};
		if (!allowed) {
			throw new DomainException("Sáng kiến đang “" + i.state().label() + "”, không chuyển sang “" + to.label()
					+ "” được" + (to == State.SELECTED ? " (cần có điểm của hội đồng)" : ""));
		}
		int n = jdbc.update("UPDATE initiative SET state = :state, version = version + 1, updated_at = :now WHERE id = :id AND version = :v",
				new MapSqlParameterSource("state", to.name()).addValue("id", id).addValue("v", version)
					.addValue("now", Timestamp.from(clock.now())));
		if (n == 0) {
			throw new ConcurrentEditException("sáng kiến");
		}
		audit.change("INITIATIVE_" + to.name(), "INITIATIVE", id, null, to.label() + ": " + i.title(),
				Map.of("state", i.state().name()), Map.of("state", to.name()));
	}

	/** The selected (and published) initiatives of a year, best score first. */
	public List<Initiative> selected(int year) {
		AccessPolicy.current();
		return jdbc.query("""
				SELECT * FROM initiative WHERE year = :year AND state IN ('SELECTED','PUBLISHED')
				ORDER BY average_score DESC NULLS LAST, id""", new MapSqlParameterSource("year", year), InitiativeService::map);
	}

	static final List<String> PORTAL_HEADERS = List.of("STT", "Tên sáng kiến, giải pháp", "Tác giả", "Tổ chức, đơn vị",
			"Lĩnh vực", "Tóm tắt nội dung", "Phạm vi, hiệu quả áp dụng", "Điểm đánh giá", "Tình trạng");

	/** The selected list as the ministry portal's sheet. */
	public byte[] selectedXlsx(int year) {
		List<List<Object>> rows = new ArrayList<>();
		int n = 1;
		for (Initiative i : selected(year)) {
			rows.add(List.of(n++, i.title(), i.author(), nz(i.organisation()), i.field(), i.summary(), nz(i.application()),
					i.averageScore() == null ? "" : i.averageScore(), i.state().label()));
		}
		return RegisterFiles.xlsx("Sáng kiến " + year, PORTAL_HEADERS, rows, null);
	}

	/** The selected list as a Decree 30 document with its table. */
	public byte[] selectedDocx(int year) {
		List<OfficialDocument.Row> rows = new ArrayList<>();
		int n = 1;
		for (Initiative i : selected(year)) {
			rows.add(OfficialDocument.Row.of(String.valueOf(n++), i.title(), i.author(), nz(i.organisation()), i.field(),
					nz(i.application()), i.averageScore() == null ? "" : VnFormat.decimal(i.averageScore(), 2)));
		}
		OfficialDocument.Table table = new OfficialDocument.Table(List.of(new OfficialDocument.Column("STT", 4),
				new OfficialDocument.Column("Tên sáng kiến, giải pháp", 28), new OfficialDocument.Column("Tác giả", 14),
				new OfficialDocument.Column("Tổ chức, đơn vị", 16), new OfficialDocument.Column("Lĩnh vực", 12),
				new OfficialDocument.Column("Phạm vi, hiệu quả áp dụng", 18), new OfficialDocument.Column("Điểm", 8)), rows);
		OfficialDocument doc = OfficialDocument.builder().issuer("UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
			.number("/DS-SKHCN").placeAndDate("Quảng Ngãi", clock.today())
			.kind("DANH SÁCH", "Sáng kiến, giải pháp được lựa chọn áp dụng năm " + year)
			.paragraph("Danh sách các sản phẩm, giải pháp được lựa chọn ứng dụng năm " + year
					+ " để công bố trên Cổng thông tin của Bộ Khoa học và Công nghệ.")
			.block(table).signature("GIÁM ĐỐC", "", "").recipients(List.of("- Bộ Khoa học và Công nghệ;", "- Lưu: VT, KH&ĐMST."))
			.build();
		return DocxWriter.write(doc);
	}

	@Transactional
	public void markDemo(long id) {
		jdbc.update("UPDATE initiative SET demo = true WHERE id = :id", new MapSqlParameterSource("id", id));
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	static Initiative map(ResultSet rs, int i) throws SQLException {
		return new Initiative(rs.getLong("id"), rs.getInt("year"), rs.getString("title"), rs.getString("author"),
				rs.getString("organisation"), (Long) rs.getObject("agency_id"), rs.getString("field"), rs.getString("summary"),
				rs.getString("application"), State.valueOf(rs.getString("state")), rs.getBigDecimal("average_score"),
				rs.getLong("version"));
	}
}
