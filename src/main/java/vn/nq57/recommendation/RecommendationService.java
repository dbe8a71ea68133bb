package vn.nq57.recommendation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.catalogue.Inputs;
import vn.nq57.kernel.Page;
import vn.nq57.kernel.Rates;
import vn.nq57.kernel.VnFormat;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.NotFoundException;

/**
 * Recommendations: entered by DoST's staff (or sent through the public form, {@link #submitPublic}), routed to an
 * agency with an answer deadline (default: the setting {@code recommendation.answer-days} from the routing day),
 * answered by that agency (or DoST), the answer published, the item closed. Agency staff see what was routed to
 * or sent by their agency. The timeliness rate per agency: answered by the deadline ÷ (answered + overdue).
 */
@Service
public class RecommendationService {

	public enum State {
		RECEIVED("Đã tiếp nhận"), ROUTED("Đã chuyển cơ quan xử lý"), ANSWERED("Đã trả lời"), PUBLISHED("Đã công khai trả lời"),
		CLOSED("Đã đóng");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Input(String senderKind, String senderName, String senderContact, Long senderAgencyId, String title,
			String content) {
	}

	/** What the public form sends (the outward-face issue's page calls {@link #submitPublic}). */
	public record PublicSubmission(String senderKind, String senderName, String senderContact, String title,
			String content) {
	}

	public record Recommendation(long id, String channel, String senderKind, String senderName, String senderContact,
			Long senderAgencyId, String title, String content, State state, Long agencyId, String agency,
			LocalDate receivedOn, LocalDate routedOn, LocalDate dueDate, String answer, LocalDate answeredOn,
			LocalDate publishedOn, LocalDate closedOn, String closeNote, long version) {

		public boolean overdue(LocalDate today) {
			return dueDate != null && (answeredOn == null ? today.isAfter(dueDate) : answeredOn.isAfter(dueDate));
		}
	}

	public record Filter(String q, State state, Long agencyId) {
	}

	/** One agency's answers: routed, answered on time, answered late, open past the deadline, the rate. */
	public record Timeliness(long agencyId, String agency, int routed, int onTime, int late, int overdueOpen,
			java.math.BigDecimal rate) {
	}

	public record History(String from, String to, String note, String actor, java.time.Instant at) {
	}

	private static final String SELECT = """
			SELECT r.*, a.name AS agency_name FROM recommendation r LEFT JOIN agency_view a ON a.id = r.agency_id""";

	private final NamedParameterJdbcTemplate jdbc;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;
	private final RecommendationSettings settings;

	RecommendationService(NamedParameterJdbcTemplate jdbc, AgencyDirectory agencies, AccessPolicy access, AuditLog audit,
			AppClock clock, RecommendationSettings settings) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
	}

	// ----- reading -----

	public Page<Recommendation> search(Filter f, int page, int size) {
		CurrentUser user = AccessPolicy.current();
		List<String> where = new ArrayList<>();
		MapSqlParameterSource p = new MapSqlParameterSource();
		if (!user.seesEveryAgency()) {
			where.add("(r.agency_id = :mine OR r.sender_agency_id = :mine)");
			p.addValue("mine", user.agencyId() == null ? -1L : user.agencyId());
		}
		if (f.q() != null && !f.q().isBlank()) {
			where.add("r.search LIKE '%' || search_key(:q) || '%'");
			p.addValue("q", f.q().strip());
		}
		if (f.state() != null) {
			where.add("r.state = :state");
			p.addValue("state", f.state().name());
		}
		if (f.agencyId() != null) {
			where.add("r.agency_id = :agency");
			p.addValue("agency", f.agencyId());
		}
		String w = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		Long total = jdbc.queryForObject("SELECT count(*) FROM recommendation r" + w, p, Long.class);
		p.addValue("limit", size).addValue("offset", Page.offset(page, size));
		return new Page<>(jdbc.query(SELECT + w + " ORDER BY r.id DESC LIMIT :limit OFFSET :offset", p, RecommendationService::map),
				page, size, total == null ? 0 : total);
	}

	public Recommendation get(long id) {
		Recommendation r = find(id);
		CurrentUser user = AccessPolicy.current();
		access.require(user.seesEveryAgency() || (r.agencyId() != null && user.actsFor(r.agencyId()))
				|| (r.senderAgencyId() != null && user.actsFor(r.senderAgencyId())), "RECOMMENDATION", id,
				"xem kiến nghị chuyển cho cơ quan khác");
		return r;
	}

	Recommendation find(long id) {
		List<Recommendation> l = jdbc.query(SELECT + " WHERE r.id = :id", new MapSqlParameterSource("id", id),
				RecommendationService::map);
		if (l.isEmpty()) {
			throw new NotFoundException("Không tìm thấy kiến nghị #" + id);
		}
		return l.get(0);
	}

	public List<History> history(long id) {
		get(id);
		return jdbc.query("SELECT from_state, to_state, note, actor_name, at FROM recommendation_history WHERE recommendation_id = :id ORDER BY id",
				new MapSqlParameterSource("id", id), (rs, i) -> new History(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getTimestamp(5).toInstant()));
	}

	/** The published answers (for the public page of the outward-face issue); no contact details. */
	public List<Recommendation> publishedAnswers(int limit) {
		return jdbc.query(SELECT + " WHERE r.state IN ('PUBLISHED') ORDER BY r.published_on DESC, r.id DESC LIMIT :limit",
				new MapSqlParameterSource("limit", Math.min(limit, 500)), RecommendationService::map)
			.stream()
			.map(r -> new Recommendation(r.id(), r.channel(), r.senderKind(), "", null, null, r.title(), r.content(), r.state(),
					r.agencyId(), r.agency(), r.receivedOn(), r.routedOn(), r.dueDate(), r.answer(), r.answeredOn(),
					r.publishedOn(), r.closedOn(), null, r.version()))
			.toList();
	}

	/** Per agency that received recommendations: the timeliness of its answers on {@code today}. */
	public List<Timeliness> timeliness() {
		LocalDate today = clock.today();
		return jdbc.query("""
				SELECT r.agency_id, a.name, count(*) AS routed,
				       count(*) FILTER (WHERE r.answered_on IS NOT NULL AND r.answered_on <= r.due_date) AS on_time,
				       count(*) FILTER (WHERE r.answered_on IS NOT NULL AND r.answered_on > r.due_date) AS late,
				       count(*) FILTER (WHERE r.answered_on IS NULL AND r.state = 'ROUTED' AND r.due_date < :today) AS overdue
				FROM recommendation r JOIN agency_view a ON a.id = r.agency_id
				WHERE r.agency_id IS NOT NULL AND r.routed_on IS NOT NULL
				GROUP BY r.agency_id, a.name ORDER BY a.name""", new MapSqlParameterSource("today", today), (rs, i) -> {
			int onTime = rs.getInt(4);
			int late = rs.getInt(5);
			int overdue = rs.getInt(6);
			int due = onTime + late + overdue;
			return new Timeliness(rs.getLong(1), rs.getString(2), rs.getInt(3), onTime, late, overdue,
					due == 0 ? null : Rates.percent(onTime, due));
		});
	}

	// ----- entering -----

	@Transactional
	public long create(Input in) {
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.SECRETARIAT), "RECOMMENDATION", null, "nhập kiến nghị (chỉ Sở KH&CN)");
		// every field checked, each problem beside its own field
		FieldErrors problems = new FieldErrors();
		String kind = problems.check("senderKind", () -> senderKind(in.senderKind()));
		Long senderAgency = in.senderAgencyId() == null ? null
				: problems.check("senderAgencyId", () -> requireAgency(in.senderAgencyId(), "Cơ quan gửi kiến nghị"));
		String name = problems.check("senderName", () -> Inputs.required(in.senderName(), "tên người, tổ chức kiến nghị", 300));
		String contact = problems.check("senderContact", () -> Inputs.optional(in.senderContact(), "địa chỉ liên hệ", 300));
		String title = problems.check("title", () -> Inputs.required(in.title(), "tiêu đề kiến nghị", 500));
		String content = problems.check("content", () -> Inputs.required(in.content(), "nội dung kiến nghị", 20000));
		problems.refuseIfAny();
		return insert("STAFF", kind, name, contact, senderAgency, title, content, user.id());
	}

	/**
	 * A recommendation from the public form (no login): name, contact, title and content required; no markup or
	 * script, no control characters, at most 300 / 5.000 characters; returns its number for follow-up.
	 */
	@Transactional
	public long submitPublic(PublicSubmission s) {
		String kind = senderKind(s.senderKind());
		if (kind.equals("AGENCY")) {
			throw new DomainException("Cơ quan nhà nước gửi kiến nghị qua tài khoản của cơ quan, không qua biểu mẫu công khai");
		}
		String name = Inputs.required(s.senderName(), "họ tên (tên tổ chức)", 200);
		String contact = Inputs.required(s.senderContact(), "số điện thoại hoặc thư điện tử", 200);
		String title = Inputs.required(s.title(), "tiêu đề", 300);
		String content = Inputs.required(s.content(), "nội dung kiến nghị", 5000);
		for (String v : List.of(name, contact, title, content)) {
			if (v.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
				throw new DomainException("Nội dung có ký tự điều khiển không hợp lệ; chưa gửi");
			}
		}
		if (content.codePoints().noneMatch(Character::isLetter)) {
			throw new DomainException("Nội dung kiến nghị cần có chữ; chưa gửi");
		}
		return insert("PUBLIC", kind, name, contact, null, title, content, null);
	}

	/**
	 * Takes over one recommendation of the public form's inbox ({@link PublicInbox}): kept as the citizen typed it
	 * (markup is shown escaped everywhere), with the receipt number they were given; returns its id, or empty when
	 * that receipt was taken over already.
	 */
	@Transactional
	java.util.Optional<Long> takePublic(long receipt, java.time.Instant receivedAt, String formKind, String topic,
			String content, String name, String contact) {
		String kind = "CITIZEN".equals(formKind) ? "CITIZEN" : "FIRM";
		String sender = name == null || name.isBlank() ? "(không ghi tên)" : name.strip();
		String title = topic.length() > 500 ? topic.substring(0, 500) : topic;
		List<Long> ids = jdbc.queryForList("""
				INSERT INTO recommendation(channel, sender_kind, sender_name, sender_contact, title, content, received_on,
				  public_receipt, created_at)
				VALUES ('PUBLIC', :kind, :name, :contact, :title, :content, :received, :receipt, :now)
				ON CONFLICT (public_receipt) WHERE public_receipt IS NOT NULL DO NOTHING RETURNING id""",
				new MapSqlParameterSource("kind", kind).addValue("name", sender.length() > 300 ? sender.substring(0, 300) : sender)
					.addValue("contact", contact == null || contact.isBlank() ? null : contact.strip())
					.addValue("title", title).addValue("content", content)
					.addValue("received", LocalDate.ofInstant(receivedAt, AppClock.ZONE_ID)).addValue("receipt", receipt)
					.addValue("now", Timestamp.from(clock.now())), Long.class);
		if (ids.isEmpty()) {
			return java.util.Optional.empty();
		}
		long id = ids.get(0);
		step(id, null, State.RECEIVED, "Gửi qua biểu mẫu công khai, số tiếp nhận " + receipt);
		audit.change("RECOMMENDATION_RECEIVED", "RECOMMENDATION", id, null, "Kiến nghị (biểu mẫu công khai): " + title, null,
				Map.of("title", title, "channel", "PUBLIC", "receipt", receipt));
		return java.util.Optional.of(id);
	}

	private long insert(String channel, String kind, String name, String contact, Long senderAgency, String title,
			String content, Long userId) {
		Long id = jdbc.queryForObject("""
				INSERT INTO recommendation(channel, sender_kind, sender_name, sender_contact, sender_agency_id, title, content,
				  received_on, created_by, created_at)
				VALUES (:channel, :kind, :name, :contact, :sagency, :title, :content, :today, :user, :now) RETURNING id""",
				new MapSqlParameterSource("channel", channel).addValue("kind", kind).addValue("name", name)
					.addValue("contact", contact).addValue("sagency", senderAgency).addValue("title", title)
					.addValue("content", content).addValue("today", clock.today()).addValue("user", userId)
					.addValue("now", Timestamp.from(clock.now())), Long.class);
		step(id, null, State.RECEIVED, channel.equals("PUBLIC") ? "Gửi qua biểu mẫu công khai" : "Tiếp nhận");
		audit.change("RECOMMENDATION_RECEIVED", "RECOMMENDATION", id, null, "Kiến nghị: " + title, null,
				Map.of("title", title, "channel", channel));
		return id;
	}

	private static String senderKind(String v) {
		String k = v == null || v.isBlank() ? "CITIZEN" : v.strip().toUpperCase(java.util.Locale.ROOT);
		if (!List.of("CITIZEN", "FIRM", "AGENCY").contains(k)) {
			throw new DomainException("Người kiến nghị phải là người dân (CITIZEN), doanh nghiệp (FIRM) hoặc cơ quan (AGENCY)");
		}
		return k;
	}

	private long requireAgency(long id, String label) {
		if (agencies.find(id).isEmpty()) {
			throw new DomainException(label + " #" + id + " không có trong danh mục cơ quan, đơn vị; chưa thay đổi gì");
		}
		return id;
	}

	// ----- the life cycle -----

	/** DoST routes (or re-routes) to an agency; the deadline is typed or the setting's days from today. */
	@Transactional
	public void route(long id, long version, Long agencyId, String dueDate) {
		Recommendation r = secretariat(id, version, "chuyển kiến nghị");
		if (r.state() != State.RECEIVED && r.state() != State.ROUTED) {
			throw new DomainException("Kiến nghị " + r.state().label().toLowerCase() + ", không chuyển lại được");
		}
		if (agencyId == null) {
			throw new DomainException("Chưa chọn cơ quan xử lý");
		}
		long agency = requireAgency(agencyId, "Cơ quan xử lý");
		LocalDate due = Inputs.date(dueDate, "hạn trả lời");
		if (due == null) {
			due = clock.today().plusDays(settings.answerDays());
		}
		if (due.isBefore(clock.today())) {
			throw new DomainException("Hạn trả lời " + VnFormat.DATE.format(due) + " đã qua");
		}
		update(r, State.ROUTED, "Chuyển " + agencies.get(agency).getName() + ", hạn trả lời " + VnFormat.DATE.format(due),
				", agency_id = :agency, routed_on = :today, due_date = :due",
				new MapSqlParameterSource("agency", agency).addValue("due", due));
	}

	/** The routed agency's staff (or DoST) answer; never after the item is published or closed. */
	@Transactional
	public void answer(long id, long version, String answer) {
		Recommendation r = find(id);
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.SECRETARIAT) || (r.agencyId() != null && access.canReport(user, r.agencyId())),
				"RECOMMENDATION", id, "trả lời kiến nghị chuyển cho cơ quan khác");
		if (r.state() == State.CLOSED || r.state() == State.PUBLISHED) {
			throw new DomainException("Kiến nghị " + r.state().label().toLowerCase() + ", không nhận trả lời thêm; chưa thay đổi gì");
		}
		if (r.state() == State.RECEIVED) {
			throw new DomainException("Kiến nghị chưa được chuyển cho cơ quan xử lý");
		}
		checkVersion(r, version);
		String a = Inputs.required(answer, "nội dung trả lời", 20000);
		update(r, State.ANSWERED, "Trả lời" + (r.overdue(clock.today()) ? " (quá hạn)" : ""),
				", answer = :answer, answered_on = :today, answered_by = :user",
				new MapSqlParameterSource("answer", a).addValue("user", user.id()));
	}

	@Transactional
	public void publish(long id, long version) {
		Recommendation r = secretariat(id, version, "công khai trả lời kiến nghị");
		if (r.state() != State.ANSWERED) {
			throw new DomainException("Chỉ công khai được kiến nghị đã có trả lời");
		}
		update(r, State.PUBLISHED, "Công khai trả lời", ", published_on = :today", new MapSqlParameterSource());
	}

	@Transactional
	public void close(long id, long version, String note) {
		Recommendation r = secretariat(id, version, "đóng kiến nghị");
		if (r.state() == State.CLOSED) {
			throw new DomainException("Kiến nghị đã đóng");
		}
		String n = Inputs.optional(note, "ghi chú", 2000);
		update(r, State.CLOSED, "Đóng" + (n == null ? "" : ": " + n), ", closed_on = :today, close_note = :note",
				new MapSqlParameterSource("note", n));
	}

	/** Demo data only: moves the item's days back so that demo states read naturally. */
	@Transactional
	void backdate(long id, int days) {
		jdbc.update("""
				UPDATE recommendation SET received_on = received_on - :d, routed_on = routed_on - :d, due_date = due_date - :d,
				  answered_on = answered_on - :d, published_on = published_on - :d, closed_on = closed_on - :d, demo = true
				WHERE id = :id""", new MapSqlParameterSource("id", id).addValue("d", days));
	}

	private Recommendation secretariat(long id, long version, String what) {
		Recommendation r = find(id);
		access.require(AccessPolicy.current().is(Role.SECRETARIAT), "RECOMMENDATION", id, what + " (chỉ Sở KH&CN)");
		checkVersion(r, version);
		return r;
	}

	private static void checkVersion(Recommendation r, long version) {
		if (r.version() != version) {
			throw new ConcurrentEditException("kiến nghị");
		}
	}

	private void update(Recommendation r, State to, String note, String extraSet, MapSqlParameterSource p) {
		p.addValue("id", r.id()).addValue("version", r.version()).addValue("state", to.name())
			.addValue("today", clock.today()).addValue("now", Timestamp.from(clock.now()));
		int n = jdbc.update("UPDATE recommendation SET state = :state, updated_at = :now, version = version + 1" + extraSet
				+ " WHERE id = :id AND version = :version", p);
		if (n == 0) {
			throw new ConcurrentEditException("kiến nghị");
		}
		step(r.id(), r.state(), to, note);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("state", to.name());
		p.getValues().forEach((k, v) -> {
			if (!List.of("id", "version", "now", "today", "state").contains(k)) {
				after.put(k, v == null ? null : String.valueOf(v));
			}
		});
		audit.change("RECOMMENDATION_" + to.name(), "RECOMMENDATION", r.id(), null, to.label() + ": " + r.title() + " — " + note,
				Map.of("state", r.state().name()), after);
	}

	private void step(long id, State from, State to, String note) {
		String actor;
		try {
			actor = AccessPolicy.current().displayName();
		}
		catch (RuntimeException e) {
			actor = "Biểu mẫu công khai";
		}
		jdbc.update("""
				INSERT INTO recommendation_history(recommendation_id, from_state, to_state, note, actor_name, at)
				VALUES (:id, :from, :to, :note, :actor, :now)""",
				new MapSqlParameterSource("id", id).addValue("from", from == null ? null : from.name()).addValue("to", to.name())
					.addValue("note", note).addValue("actor", actor).addValue("now", Timestamp.from(clock.now())));
	}

	static Recommendation map(ResultSet rs, int i) throws SQLException {
		return new Recommendation(rs.getLong("id"), rs.getString("channel"), rs.getString("sender_kind"),
				rs.getString("sender_name"), rs.getString("sender_contact"), (Long) rs.getObject("sender_agency_id"),
				rs.getString("title"), rs.getString("content"), State.valueOf(rs.getString("state")),
				(Long) rs.getObject("agency_id"), rs.getString("agency_name"), rs.getObject("received_on", LocalDate.class),
				rs.getObject("routed_on", LocalDate.class), rs.getObject("due_date", LocalDate.class), rs.getString("answer"),
				rs.getObject("answered_on", LocalDate.class), rs.getObject("published_on", LocalDate.class),
				rs.getObject("closed_on", LocalDate.class), rs.getString("close_note"), rs.getLong("version"));
	}
}
