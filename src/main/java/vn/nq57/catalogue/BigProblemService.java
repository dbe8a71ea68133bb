package vn.nq57.catalogue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;
import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.kernel.Page;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.NotFoundException;
import vn.nq57.task.TaskImport;

/**
 * The big problems (bài toán lớn) and their life cycle: proposed by an agency → under review (DoST scores the
 * criteria checklist) → returned / refused (with reason) / selected (decision number and date) → ordered (the
 * tasks are created in a plan through {@link TaskImport}, and {@link BigProblemOrdered} is published for the
 * funding proposals) → in progress (progress from those tasks) → accepted (with result files) → results
 * published. Every step is kept in {@code big_problem_history} and audited; every change is checked against the
 * version the user saw (409 otherwise).
 */
@Service
public class BigProblemService {

	/** What an agency proposes; the cost is typed as people write money ("1,25 tỷ", "850 triệu"). */
	public record Input(String title, String statement, String expectedProduct, String timeline, String cost,
			Long proposingAgencyId, Long leadAgencyId, String nationalProgramme, String sourceDocument) {
	}

	/** The tasks to order: into an existing plan ({@code planId}) or a new one ({@code planTitle}, {@code year}). */
	public record OrderInput(Long planId, String planTitle, Integer year, List<TaskLine> tasks) {
	}

	/** One ordered task: its text, expected output and deadline phrase ("Quý IV/2026", "31/12/2027"). */
	public record TaskLine(String title, String expectedOutput, String deadline) {
	}

	public record Filter(String q, BigProblemState state, Long agencyId) {
	}

	public record History(BigProblemState from, BigProblemState to, String note, String actor, java.time.Instant at) {
	}

	/** How many are selected (or further along) against the minimum the centre asks for. */
	public record Counter(int selected, int minimum) {

		public boolean reached() {
			return selected >= minimum;
		}
	}

	private static final String SELECT = """
			SELECT b.*, pa.name AS proposing_name, la.name AS lead_name FROM big_problem b
			JOIN agency_view pa ON pa.id = b.proposing_agency_id LEFT JOIN agency_view la ON la.id = b.lead_agency_id""";

	private final NamedParameterJdbcTemplate jdbc;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;
	private final DuplicateCheck duplicates;
	private final CatalogueSettings settings;
	private final TaskImport taskImport;
	private final ApplicationEventPublisher events;
	private final ObjectMapper json;
	private final vn.nq57.system.FileStore fileStore;

	BigProblemService(NamedParameterJdbcTemplate jdbc, AgencyDirectory agencies, AccessPolicy access, AuditLog audit,
			AppClock clock, DuplicateCheck duplicates, CatalogueSettings settings, TaskImport taskImport,
			ApplicationEventPublisher events, ObjectMapper json, vn.nq57.system.FileStore fileStore) {
		this.fileStore = fileStore;
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.duplicates = duplicates;
		this.settings = settings;
		this.taskImport = taskImport;
		this.events = events;
		this.json = json;
	}

	// ----- reading -----

	/** A page of big problems the user may read: DoST, leaders and ADMIN all; agency staff their own and the chosen ones. */
	public Page<BigProblem> search(Filter f, int page, int size) {
		CurrentUser user = AccessPolicy.current();
		List<String> where = new ArrayList<>();
		MapSqlParameterSource p = new MapSqlParameterSource();
		if (!user.seesEveryAgency()) {
			where.add("(b.proposing_agency_id = :mine OR b.lead_agency_id = :mine OR b.state IN ('SELECTED','ORDERED','IN_PROGRESS','ACCEPTED','PUBLISHED'))");
			p.addValue("mine", user.agencyId() == null ? -1L : user.agencyId());
		}
		if (f.q() != null && !f.q().isBlank()) {
			where.add("b.search LIKE '%' || search_key(:q) || '%'");
			p.addValue("q", f.q().strip());
		}
		if (f.state() != null) {
			where.add("b.state = :state");
			p.addValue("state", f.state().name());
		}
		if (f.agencyId() != null) {
			where.add("(b.proposing_agency_id = :agency OR b.lead_agency_id = :agency)");
			p.addValue("agency", f.agencyId());
		}
		String w = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		Long total = jdbc.queryForObject("SELECT count(*) FROM big_problem b" + w, p, Long.class);
		p.addValue("limit", size).addValue("offset", Page.offset(page, size));
		List<BigProblem> rows = jdbc.query(SELECT + w + " ORDER BY b.id DESC LIMIT :limit OFFSET :offset", p, this::map);
		return new Page<>(rows, page, size, total == null ? 0 : total);
	}

	public BigProblem get(long id) {
		BigProblem b = find(id);
		CurrentUser user = AccessPolicy.current();
		access.require(mayRead(user, b), "BIG_PROBLEM", id, "xem bài toán lớn của cơ quan khác");
		return b;
	}

	boolean mayRead(CurrentUser user, BigProblem b) {
		return user.seesEveryAgency() || user.actsFor(b.proposingAgencyId())
				|| (b.leadAgencyId() != null && user.actsFor(b.leadAgencyId())) || !BigProblemState.DRAFT.contains(b.state());
	}

	BigProblem find(long id) {
		List<BigProblem> l = jdbc.query(SELECT + " WHERE b.id = :id", new MapSqlParameterSource("id", id), this::map);
		if (l.isEmpty()) {
			throw new NotFoundException("Không tìm thấy bài toán lớn #" + id);
		}
		return l.get(0);
	}

	public List<History> history(long id) {
		get(id);
		return jdbc.query("SELECT from_state, to_state, note, actor_name, at FROM big_problem_history WHERE problem_id = :id ORDER BY id",
				new MapSqlParameterSource("id", id),
				(rs, i) -> new History(rs.getString(1) == null ? null : BigProblemState.valueOf(rs.getString(1)),
						BigProblemState.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5).toInstant()));
	}

	public Counter counter() {
		Integer n = jdbc.queryForObject(
				"SELECT count(*) FROM big_problem WHERE state IN ('SELECTED','ORDERED','IN_PROGRESS','ACCEPTED','PUBLISHED')",
				new MapSqlParameterSource(), Integer.class);
		return new Counter(n == null ? 0 : n, settings.minimumSelected());
	}

	/** The criteria DoST scores (the setting), in order. */
	public List<String> criteria() {
		return settings.criteria();
	}

	/** Average percent of the ordered tasks' assignments (null before ordering or without assignments). */
	public Integer progress(BigProblem b) {
		if (b.taskIds().isEmpty()) {
			return null;
		}
		Double avg = jdbc.queryForObject("SELECT avg(percent) FROM assignment_view WHERE task_id IN (:ids)",
				new MapSqlParameterSource("ids", b.taskIds()), Double.class);
		return avg == null ? null : (int) Math.round(avg);
	}

	// ----- proposing and editing -----

	@Transactional
	public long propose(Input in, boolean acknowledgeDuplicates) {
		CurrentUser user = AccessPolicy.current();
		Clean c = clean(in);
		access.require(user.is(Role.SECRETARIAT) || access.canReport(user, c.proposing), "BIG_PROBLEM", null,
				"đề xuất bài toán lớn cho cơ quan khác");
		warnDuplicates(c.title, null, acknowledgeDuplicates);
		Long id = jdbc.queryForObject("""
				INSERT INTO big_problem(title, statement, expected_product, timeline, cost_estimate, proposing_agency_id,
				  lead_agency_id, national_programme, source_document, created_by, created_at)
				VALUES (:title, :statement, :product, :timeline, :cost, :proposing, :lead, :programme, :source, :user, :now)
				RETURNING id""", c.params().addValue("user", user.id()).addValue("now", Timestamp.from(clock.now())), Long.class);
		step(id, null, BigProblemState.PROPOSED, "Đề xuất");
		audit.change("BIG_PROBLEM_PROPOSED", "BIG_PROBLEM", id, null, "Đề xuất bài toán lớn: " + c.title, null, find(id).snapshot());
		return id;
	}

	/** Marks the problem as a demo entry (demo data only). */
	@Transactional
	public void markDemo(long id) {
		jdbc.update("UPDATE big_problem SET demo = true WHERE id = :id", new MapSqlParameterSource("id", id));
	}

	@Transactional
	public void edit(long id, Input in, long version, boolean acknowledgeDuplicates) {
		BigProblem before = find(id);
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.SECRETARIAT) || access.canReport(user, before.proposingAgencyId()), "BIG_PROBLEM", id,
				"sửa bài toán lớn của cơ quan khác");
		if (!before.state().editable() && !user.is(Role.SECRETARIAT)) {
			throw new DomainException("Bài toán lớn đang ở bước “" + before.state().label() + "”: cơ quan chỉ sửa khi đề xuất hoặc bị trả lại");
		}
		Clean c = clean(in);
		if (!c.title.equals(before.title())) {
			warnDuplicates(c.title, id, acknowledgeDuplicates);
		}
		int n = jdbc.update("""
				UPDATE big_problem SET title = :title, statement = :statement, expected_product = :product, timeline = :timeline,
				  cost_estimate = :cost, proposing_agency_id = :proposing, lead_agency_id = :lead, national_programme = :programme,
				  source_document = :source, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""",
				c.params().addValue("id", id).addValue("version", version).addValue("now", Timestamp.from(clock.now())));
		if (n == 0) {
			throw new ConcurrentEditException("bài toán lớn");
		}
		audit.change("BIG_PROBLEM_EDITED", "BIG_PROBLEM", id, null, "Sửa bài toán lớn: " + c.title, before.snapshot(),
				find(id).snapshot());
	}

	private void warnDuplicates(String title, Long exceptId, boolean acknowledged) {
		if (acknowledged) {
			return;
		}
		List<DuplicateCheck.Match> near = duplicates.nearest(title, "BIG_PROBLEM", exceptId);
		if (!near.isEmpty()) {
			throw new DuplicateWarning(near);
		}
	}

	private record Clean(String title, String statement, String product, String timeline, Long cost, long proposing,
			Long lead, String programme, String source) {

		MapSqlParameterSource params() {
			return new MapSqlParameterSource("title", title).addValue("statement", statement).addValue("product", product)
				.addValue("timeline", timeline).addValue("cost", cost).addValue("proposing", proposing).addValue("lead", lead)
				.addValue("programme", programme).addValue("source", source);
		}
	}

	/** Every field checked at once; each problem beside its field ({@link vn.nq57.system.FieldsRefused}). */
	private Clean clean(Input in) {
		FieldErrors f = new FieldErrors();
		String title = f.check("title", () -> Inputs.required(in.title(), "tên bài toán", 500));
		String statement = f.check("statement", () -> Inputs.required(in.statement(), "nội dung vấn đề cần giải quyết", 20000));
		String product = f.check("expectedProduct", () -> Inputs.optional(in.expectedProduct(), "sản phẩm dự kiến", 2000));
		String timeline = f.check("timeline", () -> Inputs.optional(in.timeline(), "thời gian thực hiện", 300));
		Long cost = f.check("cost", () -> Inputs.money(in.cost(), "kinh phí dự kiến"));
		Long proposing = null;
		if (in.proposingAgencyId() == null) {
			f.reject("proposingAgencyId", "Chưa chọn cơ quan đề xuất");
		}
		else {
			proposing = f.check("proposingAgencyId", () -> requireAgency(in.proposingAgencyId(), "Cơ quan đề xuất"));
		}
		Long lead = in.leadAgencyId() == null ? null
				: f.check("leadAgencyId", () -> requireAgency(in.leadAgencyId(), "Cơ quan chủ trì"));
		String programme = f.check("nationalProgramme", () -> Inputs.optional(in.nationalProgramme(), "chương trình quốc gia liên quan", 500));
		String source = f.check("sourceDocument", () -> Inputs.optional(in.sourceDocument(), "văn bản đề xuất", 300));
		f.refuseIfAny();
		return new Clean(title, statement, product, timeline, cost, proposing, lead, programme, source);
	}

	long requireAgency(long id, String label) {
		if (agencies.find(id).isEmpty()) {
			throw new DomainException(label + " #" + id + " không có trong danh mục cơ quan, đơn vị");
		}
		return id;
	}

	// ----- the life cycle -----

	@Transactional
	public void startReview(long id, long version) {
		BigProblem b = secretariatStep(id, version, "rà soát bài toán lớn", BigProblemState.PROPOSED);
		move(b, BigProblemState.UNDER_REVIEW, "Sở KH&CN bắt đầu rà soát", "", new MapSqlParameterSource());
	}

	/** DoST's checklist: for each criterion of the setting, met or not, with a note; the score is the number met. */
	@Transactional
	public void review(long id, long version, Map<String, Boolean> met, String note) {
		BigProblem b = secretariatStep(id, version, "chấm tiêu chí bài toán lớn", BigProblemState.UNDER_REVIEW);
		Map<String, Object> review = new LinkedHashMap<>();
		int score = 0;
		for (String c : settings.criteria()) {
			boolean ok = Boolean.TRUE.equals(met.get(c));
			review.put(c, ok);
			score += ok ? 1 : 0;
		}
		String n = Inputs.optional(note, "nhận xét", 4000);
		review.put("_note", n);
		int updated = jdbc.update("""
				UPDATE big_problem SET review = CAST(:review AS jsonb), review_score = :score, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""",
				new MapSqlParameterSource("review", json.writeValueAsString(review)).addValue("score", score)
					.addValue("now", Timestamp.from(clock.now())).addValue("id", id).addValue("version", version));
		if (updated == 0) {
			throw new ConcurrentEditException("bài toán lớn");
		}
		audit.change("BIG_PROBLEM_REVIEWED", "BIG_PROBLEM", id, null,
				"Chấm tiêu chí: đạt " + score + "/" + settings.criteria().size(), Map.of("review", String.valueOf(b.review())),
				review);
	}

	@Transactional
	public void returnToAgency(long id, long version, String reason) {
		BigProblem b = secretariatStep(id, version, "trả lại bài toán lớn", BigProblemState.UNDER_REVIEW, BigProblemState.PROPOSED);
		String r = Inputs.required(reason, "lý do trả lại", 2000);
		move(b, BigProblemState.RETURNED, "Trả lại: " + r, ", reason = :reason", new MapSqlParameterSource("reason", r));
	}

	@Transactional
	public void refuse(long id, long version, String reason) {
		BigProblem b = secretariatStep(id, version, "không chọn bài toán lớn", BigProblemState.UNDER_REVIEW);
		String r = Inputs.required(reason, "lý do không chọn", 2000);
		move(b, BigProblemState.REFUSED, "Không chọn: " + r, ", reason = :reason", new MapSqlParameterSource("reason", r));
	}

	/** The agency sends a returned problem again after editing it. */
	@Transactional
	public void resubmit(long id, long version) {
		BigProblem b = find(id);
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.SECRETARIAT) || access.canReport(user, b.proposingAgencyId()), "BIG_PROBLEM", id,
				"gửi lại bài toán lớn của cơ quan khác");
		requireState(b, BigProblemState.RETURNED);
		requireVersion(b, version);
		move(b, BigProblemState.PROPOSED, "Cơ quan gửi lại sau khi chỉnh sửa", "", new MapSqlParameterSource());
	}

	@Transactional
	public void select(long id, long version, String decisionNumber, String decisionDate) {
		BigProblem b = secretariatStep(id, version, "lựa chọn bài toán lớn", BigProblemState.UNDER_REVIEW);
		String number = Inputs.optional(decisionNumber, "số quyết định", 100);
		LocalDate day = Inputs.date(decisionDate, "ngày quyết định");
		if (number == null || day == null) {
			throw new DomainException("Lựa chọn bài toán lớn cần số và ngày của quyết định (thiếu "
					+ (number == null && day == null ? "cả số và ngày" : number == null ? "số quyết định" : "ngày quyết định")
					+ "); chưa thay đổi gì");
		}
		if (day.isAfter(clock.today())) {
			throw new DomainException("Ngày quyết định " + vn.nq57.kernel.VnFormat.DATE.format(day) + " ở sau hôm nay");
		}
		move(b, BigProblemState.SELECTED, "Lựa chọn theo Quyết định số " + number + " ngày " + vn.nq57.kernel.VnFormat.DATE.format(day),
				", decision_number = :number, decision_date = :day",
				new MapSqlParameterSource("number", number).addValue("day", day));
	}

	/**
	 * Orders the selected problem: creates its tasks in the plan (lead: the problem's lead agency, or the proposing
	 * one) through the task module, records them on the problem and publishes {@link BigProblemOrdered}.
	 */
	@Transactional
	public List<Long> order(long id, long version, OrderInput in) {
		BigProblem b = secretariatStep(id, version, "đặt hàng bài toán lớn", BigProblemState.SELECTED);
		if (in.tasks() == null || in.tasks().isEmpty()) {
			throw new DomainException("Chưa có nhiệm vụ nào để đặt hàng");
		}
		long lead = b.leadAgencyId() != null ? b.leadAgencyId() : b.proposingAgencyId();
		List<TaskImport.TaskSpec> specs = new ArrayList<>();
		int i = 1;
		for (TaskLine t : in.tasks()) {
			String title = Inputs.required(t.title(), "tên nhiệm vụ " + i, 2000);
			specs.add(new TaskImport.TaskSpec(null, String.valueOf(i++), title, null, List.of(lead), List.of(), null,
					Inputs.optional(t.expectedOutput(), "sản phẩm của nhiệm vụ", 2000),
					Inputs.optional(t.deadline(), "thời hạn", 200)));
		}
		TaskImport.PlanSpec plan;
		if (in.planId() != null) {
			plan = TaskImport.PlanSpec.existing(in.planId());
		}
		else {
			String title = Inputs.required(in.planTitle(), "tên kế hoạch", 500);
			plan = TaskImport.PlanSpec.newPlan(null, title, in.year() == null ? clock.today().getYear() : in.year());
		}
		TaskImport.Written written = taskImport.intoPlan(plan, List.of(), specs);
		move(b, BigProblemState.ORDERED, "Đặt hàng " + written.taskIds().size() + " nhiệm vụ",
				", plan_id = :plan, task_ids = CAST(:tasks AS bigint[])",
				new MapSqlParameterSource("plan", written.planId()).addValue("tasks", arrayLiteral(written.taskIds())));
		events.publishEvent(new BigProblemOrdered(id, b.title(), written.planId(), written.taskIds(), lead, b.costEstimate()));
		return written.taskIds();
	}

	@Transactional
	public void startWork(long id, long version) {
		BigProblem b = secretariatStep(id, version, "chuyển bài toán lớn sang thực hiện", BigProblemState.ORDERED);
		move(b, BigProblemState.IN_PROGRESS, "Bắt đầu thực hiện", "", new MapSqlParameterSource());
	}

	@Transactional
	public void accept(long id, long version, String acceptedOn, String note) {
		BigProblem b = secretariatStep(id, version, "nghiệm thu bài toán lớn", BigProblemState.IN_PROGRESS, BigProblemState.ORDERED);
		LocalDate day = Inputs.date(acceptedOn, "ngày nghiệm thu");
		if (day == null) {
			throw new DomainException("Chưa nhập ngày nghiệm thu");
		}
		if (day.isAfter(clock.today())) {
			throw new DomainException("Ngày nghiệm thu ở sau hôm nay");
		}
		String n = Inputs.optional(note, "kết quả nghiệm thu", 4000);
		move(b, BigProblemState.ACCEPTED, "Nghiệm thu ngày " + vn.nq57.kernel.VnFormat.DATE.format(day) + (n == null ? "" : ": " + n),
				", accepted_on = :day, acceptance_note = :note", new MapSqlParameterSource("day", day).addValue("note", n));
	}

	@Transactional
	public void publish(long id, long version) {
		BigProblem b = secretariatStep(id, version, "công bố kết quả bài toán lớn", BigProblemState.ACCEPTED);
		move(b, BigProblemState.PUBLISHED, "Công bố kết quả", ", published_on = :day",
				new MapSqlParameterSource("day", clock.today()));
	}

	// ----- result files -----

	public record FileInfo(long id, String name, String contentType, long size, java.time.Instant at) {
	}

	public record FileData(String name, String contentType, byte[] data) {
	}

	@Transactional
	public long addFile(long id, String fileName, byte[] data) {
		BigProblem b = find(id);
		access.require(AccessPolicy.current().is(Role.SECRETARIAT), "BIG_PROBLEM", id, "đính kèm hồ sơ nghiệm thu");
		if (b.state().ordinal() < BigProblemState.ORDERED.ordinal() || BigProblemState.DRAFT.contains(b.state())) {
			throw new DomainException("Hồ sơ kết quả chỉ đính kèm sau khi đặt hàng");
		}
		RegisterFiles.Checked f = RegisterFiles.checkAttachment(fileName, data);
		Long fid = jdbc.queryForObject("""
				INSERT INTO big_problem_file(problem_id, file_name, content_type, size_bytes, sha256, data, uploaded_by, uploaded_at)
				VALUES (:p, :name, :type, :size, :sha, :data, :user, :now) RETURNING id""",
				new MapSqlParameterSource("p", id).addValue("name", f.name()).addValue("type", f.contentType())
					.addValue("size", data.length).addValue("sha", f.sha256())
					// the bytes, or nothing when a shared store (nq57.files.store: directory or s3) keeps them
					.addValue("data", fileStore.keep(data, f.sha256()))
					.addValue("user", AccessPolicy.current().id()).addValue("now", Timestamp.from(clock.now())),
				Long.class);
		audit.change("BIG_PROBLEM_FILE", "BIG_PROBLEM", id, null, "Đính kèm " + f.name(), null,
				Map.of("file", f.name(), "sha256", f.sha256(), "size", data.length));
		return fid;
	}

	public List<FileInfo> files(long id) {
		get(id);
		return jdbc.query("SELECT id, file_name, content_type, size_bytes, uploaded_at FROM big_problem_file WHERE problem_id = :id ORDER BY id",
				new MapSqlParameterSource("id", id), (rs, i) -> new FileInfo(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getLong(4), rs.getTimestamp(5).toInstant()));
	}

	public FileData file(long id, long fileId) {
		get(id);
		List<FileData> l = jdbc.query(
				"SELECT file_name, content_type, data, sha256, size_bytes FROM big_problem_file WHERE id = :f AND problem_id = :id",
				new MapSqlParameterSource("id", id).addValue("f", fileId),
				(rs, i) -> new FileData(rs.getString(1), rs.getString(2), fileStore.read(rs.getBytes(3), rs.getString(4),
						rs.getLong(5))));
		if (l.isEmpty()) {
			throw new NotFoundException("Không tìm thấy tệp #" + fileId);
		}
		return l.get(0);
	}

	// ----- helpers -----

	private BigProblem secretariatStep(long id, long version, String what, BigProblemState... from) {
		BigProblem b = find(id);
		access.require(AccessPolicy.current().is(Role.SECRETARIAT), "BIG_PROBLEM", id, what + " (chỉ Sở KH&CN)");
		requireState(b, from);
		requireVersion(b, version);
		return b;
	}

	private static void requireState(BigProblem b, BigProblemState... from) {
		for (BigProblemState s : from) {
			if (b.state() == s) {
				return;
			}
		}
		throw new DomainException("Bài toán lớn đang ở bước “" + b.state().label() + "”, không thực hiện được thao tác này; chưa thay đổi gì");
	}

	private static void requireVersion(BigProblem b, long version) {
		if (b.version() != version) {
			throw new ConcurrentEditException("bài toán lớn");
		}
	}

	private void move(BigProblem b, BigProblemState to, String note, String extraSet, MapSqlParameterSource p) {
		p.addValue("id", b.id()).addValue("version", b.version()).addValue("state", to.name())
			.addValue("now", Timestamp.from(clock.now()));
		int n = jdbc.update("UPDATE big_problem SET state = :state, updated_at = :now, version = version + 1" + extraSet
				+ " WHERE id = :id AND version = :version", p);
		if (n == 0) {
			throw new ConcurrentEditException("bài toán lớn");
		}
		step(b.id(), b.state(), to, note);
		audit.change("BIG_PROBLEM_" + to.name(), "BIG_PROBLEM", b.id(), null, to.label() + ": " + b.title() + " — " + note,
				b.snapshot(), find(b.id()).snapshot());
	}

	private void step(long id, BigProblemState from, BigProblemState to, String note) {
		CurrentUser user = AccessPolicy.current();
		jdbc.update("""
				INSERT INTO big_problem_history(problem_id, from_state, to_state, note, actor_id, actor_name, at)
				VALUES (:id, :from, :to, :note, :actor, :name, :now)""",
				new MapSqlParameterSource("id", id).addValue("from", from == null ? null : from.name()).addValue("to", to.name())
					.addValue("note", note).addValue("actor", user.id()).addValue("name", user.displayName())
					.addValue("now", Timestamp.from(clock.now())));
	}

	static String arrayLiteral(List<Long> ids) {
		return "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
	}

	static List<Long> longs(Array a) throws SQLException {
		if (a == null) {
			return List.of();
		}
		Object[] arr = (Object[]) a.getArray();
		List<Long> out = new ArrayList<>();
		for (Object o : arr) {
			out.add(((Number) o).longValue());
		}
		return out;
	}

	@SuppressWarnings("unchecked")
	private BigProblem map(ResultSet rs, int i) throws SQLException {
		String review = rs.getString("review");
		return new BigProblem(rs.getLong("id"), rs.getString("title"), rs.getString("statement"),
				rs.getString("expected_product"), rs.getString("timeline"), (Long) rs.getObject("cost_estimate"),
				rs.getLong("proposing_agency_id"), rs.getString("proposing_name"), (Long) rs.getObject("lead_agency_id"),
				rs.getString("lead_name"), rs.getString("national_programme"), rs.getString("source_document"),
				BigProblemState.valueOf(rs.getString("state")), rs.getString("reason"),
				review == null ? Map.of() : json.readValue(review, LinkedHashMap.class), (Integer) rs.getObject("review_score"),
				rs.getString("decision_number"), rs.getObject("decision_date", LocalDate.class), (Long) rs.getObject("plan_id"),
				longs(rs.getArray("task_ids")), rs.getObject("accepted_on", LocalDate.class), rs.getString("acceptance_note"),
				rs.getObject("published_on", LocalDate.class), rs.getBoolean("demo"), rs.getTimestamp("created_at").toInstant(),
				rs.getLong("version"));
	}
}
