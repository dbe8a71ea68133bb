package vn.nq57.notification;

import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;
import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.agency.Agency;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.officialdoc.DocxWriter;
import vn.nq57.officialdoc.OfficialDocument;
import vn.nq57.officialdoc.OfficialDocument.Align;
import vn.nq57.officialdoc.OfficialDocument.Column;
import vn.nq57.officialdoc.OfficialDocument.Row;
import vn.nq57.officialdoc.OfficialDocument.Table;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;
import vn.nq57.system.TextRules;

/**
 * Official urging letters (công văn "V/v đôn đốc thực hiện nhiệm vụ …"): DoST drafts one per agency listing its
 * overdue and soon-due assignments with their source documents, edits the text, and sends it; the .docx goes by mail
 * to the agency's head and officers and the sending is recorded on each task's timeline.
 */
@Service
public class UrgingLetters {

	private static final DateTimeFormatter D = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** One assignment the letter lists. */
	public record Line(long taskId, String title, String source, LocalDate due, int percent, boolean overdue) {
	}

	/** What DoST edits before sending. */
	public record Draft(long agencyId, String agencyName, String number, String intro, String closing,
			String signAuthority, String signTitle, String signName, List<Line> lines) {
	}

	public record AgencyDue(long agencyId, String agencyName, long overdue, long dueSoon, LocalDate oldest) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final AgencyDirectory agencies;
	private final NotificationSettings settings;
	private final AppClock clock;
	private final AuditLog audit;
	private final AccessPolicy access;
	private final ObjectMapper json;

	UrgingLetters(NamedParameterJdbcTemplate jdbc, AgencyDirectory agencies, NotificationSettings settings, AppClock clock,
			AuditLog audit, AccessPolicy access, ObjectMapper json) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.settings = settings;
		this.clock = clock;
		this.audit = audit;
		this.access = access;
		this.json = json;
	}

	/** Agencies with overdue or soon-due assignments, most overdue first (one aggregate query). */
	public List<AgencyDue> agenciesToUrge(int limit) {
		requireSecretariat("xem danh sách đơn vị cần đôn đốc");
		LocalDate today = clock.today();
		MapSqlParameterSource p = new MapSqlParameterSource("today", Date.valueOf(today))
			.addValue("days", settings.letterDueWithinDays()).addValue("limit", limit);
		return jdbc.query("""
				SELECT a.agency_id, ag.name,
				       count(*) FILTER (WHERE task_overdue(a.due_date, a.completed_on, CAST(:today AS date))) AS overdue,
				       count(*) FILTER (WHERE task_due_soon(a.due_date, a.completed_on, CAST(:today AS date), :days)) AS soon,
				       min(a.due_date) AS oldest
				FROM assignment_view a JOIN agency_view ag ON ag.id = a.agency_id
				WHERE task_overdue_or_due_soon(a.due_date, a.completed_on, CAST(:today AS date), :days)
				GROUP BY a.agency_id, ag.name
				ORDER BY overdue DESC, soon DESC, ag.name LIMIT :limit""", p,
				(rs, i) -> new AgencyDue(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
						rs.getDate(5).toLocalDate()));
	}

	public Draft draft(long agencyId) {
		requireSecretariat("soạn công văn đôn đốc");
		Agency agency = agencies.get(agencyId);
		List<Line> lines = lines(agencyId);
		String intro = "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị và chỉ đạo của Ủy ban nhân dân tỉnh tại các "
				+ "Thông báo kết luận của Ban Chỉ đạo, Sở Khoa học và Công nghệ (cơ quan thường trực Ban Chỉ đạo) tổng hợp "
				+ "tình hình thực hiện nhiệm vụ của " + agency.getName() + " đến ngày " + D.format(clock.today())
				+ " như sau: " + count(lines, true) + " nhiệm vụ đã quá hạn nhưng chưa hoàn thành và "
				+ count(lines, false) + " nhiệm vụ sắp đến hạn (danh sách kèm theo).";
		String closing = "Đề nghị " + agency.getName() + " khẩn trương chỉ đạo triển khai, hoàn thành các nhiệm vụ nêu "
				+ "trên; cập nhật tiến độ, kết quả thực hiện trên Hệ thống theo dõi, đôn đốc thực hiện Nghị quyết số "
				+ "57-NQ/TW; trường hợp có khó khăn, vướng mắc, kịp thời báo cáo, đề xuất gửi Sở Khoa học và Công nghệ "
				+ "để tổng hợp, tham mưu Ủy ban nhân dân tỉnh xem xét, giải quyết.";
		return new Draft(agencyId, agency.getName(), "     /SKHCN-KH&ĐMST", intro, closing, "KT. GIÁM ĐỐC",
				"PHÓ GIÁM ĐỐC", "", lines);
	}

	/** The letter as a Decree 30 .docx (a draft download, or the letter sent). */
	public byte[] docx(Draft d) {
		requireSecretariat("soạn công văn đôn đốc");
		check(d);
		return DocxWriter.write(document(d));
	}

	/** Records the letter, mails it to the agency's head and officers, and writes it on each task's timeline. */
	@Transactional
	public long send(Draft d) {
		requireSecretariat("gửi công văn đôn đốc");
		check(d);
		if (d.lines().isEmpty()) {
			throw new DomainException("Đơn vị không có nhiệm vụ quá hạn hoặc sắp đến hạn để đôn đốc.");
		}
		LocalDate today = clock.today();
		byte[] docx = DocxWriter.write(document(d));
		CurrentUser me = AccessPolicy.current();
		Long[] taskIds = d.lines().stream().map(Line::taskId).distinct().toArray(Long[]::new);
		MapSqlParameterSource p = new MapSqlParameterSource("agency", d.agencyId()).addValue("number", d.number().trim())
			.addValue("subject", subject()).addValue("today", Date.valueOf(today))
			.addValue("content", json.writeValueAsString(d)).addValue("docx", docx).addValue("tasks", taskIds)
			.addValue("me", me.id());
		Long id = jdbc.queryForObject("""
				INSERT INTO urging_letter(agency_id, number, subject, issued_on, content, docx, task_ids, created_by)
				VALUES (:agency, :number, :subject, :today, CAST(:content AS jsonb), :docx, :tasks, :me) RETURNING id""",
				p, Long.class);
		p.addValue("id", id)
			.addValue("title", "Công văn đôn đốc thực hiện nhiệm vụ Nghị quyết 57 (" + count(d.lines(), true)
					+ " nhiệm vụ quá hạn, " + count(d.lines(), false) + " sắp đến hạn)")
			.addValue("body", "Sở Khoa học và Công nghệ gửi " + d.agencyName() + " công văn số " + d.number().trim()
					+ " ngày " + D.format(today) + " " + subject() + " (tệp Word đính kèm).\n" + d.closing())
			.addValue("file", "Cong-van-don-doc-" + id + ".docx");
		int recipients = jdbc.update("""
				INSERT INTO notification(user_id, kind, subject_type, subject_id, due_moment, agency_id, title, body, link,
				                         mail_state, mail_to, attachment_name, attachment)
				SELECT u.id, 'URGING_LETTER', 'LETTER', :id, :today, :agency, :title, :body, '/my',
				       %s, :file, :docx
				FROM app_user_view u WHERE u.enabled AND u.agency_id = :agency AND u.role IN %s
				ON CONFLICT ON CONSTRAINT notification_once DO NOTHING""".formatted(
				ReminderEngine.mailColumns(NotificationKind.URGING_LETTER), ReminderEngine.AGENCY_ROLES), p);
		for (Line l : d.lines()) {
			audit.change("URGING_LETTER_SENT", "URGING_LETTER", id, l.taskId(), "Sở KH&CN gửi công văn đôn đốc số "
					+ d.number().trim() + " ngày " + D.format(today) + " tới " + d.agencyName() + " (hạn nhiệm vụ "
					+ D.format(l.due()) + (l.overdue() ? ", đã quá hạn" : ", sắp đến hạn") + ")", null,
					Map.of("letterId", id, "agencyId", d.agencyId(), "recipients", recipients));
		}
		return id;
	}

	public byte[] sentDocx(long id) {
		requireSecretariat("xem công văn đôn đốc");
		byte[] docx = jdbc.query("SELECT docx FROM urging_letter WHERE id = :id", Map.of("id", id),
				rs -> rs.next() ? rs.getBytes(1) : null);
		return docx != null ? docx : throwMissing(id);
	}

	private static byte[] throwMissing(long id) {
		throw new vn.nq57.system.NotFoundException("Không tìm thấy công văn đôn đốc số " + id);
	}

	List<Line> lines(long agencyId) {
		LocalDate today = clock.today();
		MapSqlParameterSource p = new MapSqlParameterSource("agency", agencyId).addValue("today", Date.valueOf(today))
			.addValue("days", settings.letterDueWithinDays());
		return jdbc.query("""
				SELECT t.id, t.title, coalesce(d.number, '') AS source, a.due_date, a.percent
				FROM assignment_view a JOIN task_view t ON t.id = a.task_id LEFT JOIN directive_view d ON d.id = t.directive_id
				WHERE a.agency_id = :agency AND task_overdue_or_due_soon(a.due_date, a.completed_on, CAST(:today AS date), :days)
				ORDER BY a.due_date, t.id""", p, (rs, i) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3),
				rs.getDate(4).toLocalDate(), rs.getInt(5), rs.getDate(4).toLocalDate().isBefore(today)));
	}

	OfficialDocument document(Draft d) {
		List<Row> rows = new ArrayList<>();
		int i = 0;
		for (boolean overdue : new boolean[] { true, false }) {
			List<Line> part = d.lines().stream().filter(l -> l.overdue() == overdue).toList();
			if (part.isEmpty()) {
				continue;
			}
			rows.add(Row.group(overdue ? "Nhiệm vụ đã quá hạn, chưa hoàn thành" : "Nhiệm vụ sắp đến hạn"));
			for (Line l : part) {
				rows.add(Row.of(String.valueOf(++i), l.title(), l.source().isEmpty() ? "–" : l.source(),
						D.format(l.due()), l.percent() + "%"));
			}
		}
		Table table = new Table(List.of(new Column("STT", 5, Align.CENTER), new Column("Nhiệm vụ", 50),
				new Column("Văn bản giao", 17, Align.CENTER), new Column("Thời hạn", 14, Align.CENTER),
				new Column("Tiến độ", 10, Align.CENTER)), rows);
		OfficialDocument.Builder b = OfficialDocument.builder()
			.issuer("UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
			.number(d.number())
			.placeAndDate("Quảng Ngãi", clock.today())
			.letter(subject(), List.of(d.agencyName()));
		for (String para : d.intro().split("\\R+")) {
			if (!para.isBlank()) {
				b.paragraph(para.trim());
			}
		}
		b.block(table);
		for (String para : d.closing().split("\\R+")) {
			if (!para.isBlank()) {
				b.paragraph(para.trim());
			}
		}
		b.paragraph("Sở Khoa học và Công nghệ đề nghị " + d.agencyName() + " quan tâm thực hiện./.");
		return b.signature(blankToNull(d.signAuthority()), d.signTitle(), d.signName())
			.recipients(List.of("Như trên;", "UBND tỉnh (báo cáo);", "Giám đốc Sở (báo cáo);", "Lưu: VT, KH&ĐMST."))
			.build();
	}

	static String subject() {
		return "Đôn đốc thực hiện nhiệm vụ triển khai Nghị quyết số 57-NQ/TW của Bộ Chính trị";
	}

	private static long count(List<Line> lines, boolean overdue) {
		return lines.stream().filter(l -> l.overdue() == overdue).count();
	}

	private static void check(Draft d) {
		for (String s : new String[] { d.number(), d.intro(), d.closing(), d.signAuthority(), d.signTitle(), d.signName() }) {
			if (s != null && !TextRules.isSafe(s)) {
				throw new DomainException("Nội dung công văn " + TextRules.MESSAGE);
			}
		}
		if (d.number() == null || d.number().isBlank()) {
			throw new DomainException("Chưa nhập số, ký hiệu công văn.");
		}
		if (d.signTitle() == null || d.signTitle().isBlank()) {
			throw new DomainException("Chưa nhập chức vụ người ký.");
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	private void requireSecretariat(String what) {
		CurrentUser me = AccessPolicy.current();
		access.require(me.is(Role.SECRETARIAT), "URGING_LETTER", null, what);
	}
}
