package vn.nq57.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.agency.Agency;
import vn.nq57.agency.AgencyAlias;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.agency.AgencyNames;
import vn.nq57.task.Directive;
import vn.nq57.task.DirectiveKind;
import vn.nq57.task.Plan;
import vn.nq57.task.Task;
import vn.nq57.task.TaskForm;
import vn.nq57.task.TaskGroup;
import vn.nq57.task.TaskService;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;
import vn.nq57.system.TextRules;
import vn.nq57.kernel.VnFormat;

/**
 * Plans and notices in: a file or pasted text is read into a draft (nothing else is written), the user sees
 * the preview and edits, keeps or drops rows and maps unknown names (saved as aliases), then confirms; the
 * whole import is written through {@link TaskService} in one transaction, or not at all. Only DoST
 * (SECRETARIAT) imports; any signed-in user may ask for a dry run.
 */
@Service
public class IntakeService {

	/** A draft import and where it stands. */
	public record Batch(long id, IntakeKind kind, String state, String fileName, IntakeSettings settings,
			List<DraftRow> rows, String createdBy, Instant createdAt, Instant committedAt, String result, long version) {

		public boolean isDraft() {
			return "DRAFT".equals(state);
		}
	}

	/** What a commit wrote. */
	public record CommitResult(Long planId, Long directiveId, List<Long> created, List<Long> updated,
			List<Long> unchanged, List<Long> deleted, List<Long> kept) {
	}

	private static final Pattern YEAR = Pattern.compile("(?<!\\d)(20\\d\\d)(?!\\d)");

	private final JdbcTemplate jdbc;
	private final ObjectMapper json;
	private final IntakeAnalyzer analyzer;
	private final TaskService tasks;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;
	private final long maxBytes;

	IntakeService(JdbcTemplate jdbc, ObjectMapper json, IntakeAnalyzer analyzer, TaskService tasks,
			AgencyDirectory agencies, AccessPolicy access, AuditLog audit, AppClock clock,
			@Value("${nq57.intake.max-bytes:10485760}") long maxBytes) {
		this.jdbc = jdbc;
		this.json = json;
		this.analyzer = analyzer;
		this.tasks = tasks;
		this.agencies = agencies;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return maxBytes;
	}

	// ----- reading, without writing anything -----

	/** The appendix rows of a Word or Excel file; refuses files that are not what they claim to be. */
	List<DraftRow> readAppendix(String fileName, byte[] data, String[] caption) {
		checkSize(fileName, data);
		OfficeFiles.Format format = OfficeFiles.detect(data, fileName);
		List<OfficeFiles.Grid> grids = format == OfficeFiles.Format.DOCX ? OfficeFiles.docxTables(data, fileName)
				: OfficeFiles.sheets(data, format, fileName);
		AppendixReader.Appendix a = AppendixReader.read(grids, fileName);
		if (caption != null) {
			caption[0] = a.caption();
		}
		return a.rows();
	}

	/** The candidate tasks of a notice, from a Word file or from pasted text. */
	NoticeParser.Result readNotice(String fileName, byte[] data, String text) {
		List<String> paragraphs;
		if (data != null && data.length > 0) {
			checkSize(fileName, data);
			OfficeFiles.Format format = OfficeFiles.detect(data, fileName);
			if (format != OfficeFiles.Format.DOCX) {
				throw new IntakeException("Thông báo kết luận cần là tài liệu Word (.docx) hoặc văn bản dán vào ô; tệp “"
						+ fileName + "” là " + format.label);
			}
			paragraphs = OfficeFiles.docxParagraphs(data, fileName);
		}
		else if (text != null && !text.isBlank()) {
			if (text.length() > 500_000) {
				throw new IntakeException("Văn bản dán vào quá dài (hơn 500.000 ký tự); hãy dán riêng phần kết luận");
			}
			paragraphs = NoticeParser.paragraphs(text);
		}
		else {
			throw new IntakeException("Chưa có nội dung thông báo: hãy chọn tệp Word (.docx) hoặc dán văn bản");
		}
		NoticeParser.Result r = NoticeParser.parse(paragraphs, analyzer.matcher());
		if (r.rows().isEmpty()) {
			throw new IntakeException("Không tìm thấy nhiệm vụ nào trong thông báo: cần các mục giao việc như "
					+ "“2. Giao Sở Khoa học và Công nghệ:” với các gạch đầu dòng hoặc các ý a), b), c)");
		}
		return r;
	}

	private void checkSize(String fileName, byte[] data) {
		if (data != null && data.length > maxBytes) {
			throw new IntakeException("Tệp “" + fileName + "” lớn " + new VnFormat().num(data.length / 1024)
					+ " KB, vượt quá " + new VnFormat().num(maxBytes / (1024 * 1024)) + " MB cho phép; không có gì được ghi");
		}
	}

	/** The dry run of the API: what an appendix would give, for any signed-in user, writing nothing. */
	public Preview dryRunAppendix(String fileName, byte[] data, Long planId) {
		AccessPolicy.current();
		if (planId != null) {
			tasks.plan(planId);
		}
		return analyzer.analyse(IntakeKind.PLAN_APPENDIX, readAppendix(fileName, data, null), planId);
	}

	public Preview dryRunNotice(String fileName, byte[] data, String text) {
		AccessPolicy.current();
		return analyzer.analyse(IntakeKind.NOTICE, readNotice(fileName, data, text).rows(), null);
	}

	// ----- drafts -----

	@Transactional
	public long startAppendix(String fileName, byte[] data, IntakeSettings settings) {
		requireSecretariat(null, "nhập kế hoạch (chỉ Sở KH&CN)");
		IntakeSettings s = settings == null ? IntakeSettings.newPlan(null, null) : settings.cleaned();
		if (s.targetPlanId() != null) {
			tasks.plan(s.targetPlanId());
		}
		String[] caption = new String[1];
		List<DraftRow> rows = readAppendix(fileName, data, caption);
		if (s.targetPlanId() == null && s.planTitle() == null) {
			String title = caption[0] != null ? caption[0] : stripExtension(fileName);
			s = new IntakeSettings(null, title, s.planYear() != null ? s.planYear() : yearIn(title), s.directiveId(),
					s.directiveNumber(), s.directiveDate(), s.directiveIssuer(), s.directiveTitle());
		}
		return insert(IntakeKind.PLAN_APPENDIX, fileName, sha256(data), s, rows);
	}

	@Transactional
	public long startNotice(String fileName, byte[] data, String text, IntakeSettings settings) {
		requireSecretariat(null, "nhập thông báo kết luận (chỉ Sở KH&CN)");
		IntakeSettings s = settings == null ? IntakeSettings.notice(null, null, null) : settings.cleaned();
		NoticeParser.Result r = readNotice(fileName, data, text);
		java.time.LocalDate date = s.directiveDate() != null ? s.directiveDate() : r.date();
		String number = s.directiveNumber() != null ? s.directiveNumber()
				: "Thông báo kết luận" + (date == null ? "" : " ngày " + new VnFormat().date(date));
		String title = s.directiveTitle() != null ? s.directiveTitle()
				: r.title() != null ? r.title() : "Thông báo kết luận" + (date == null ? "" : " ngày " + new VnFormat().date(date));
		String issuer = s.directiveIssuer() != null ? s.directiveIssuer() : r.issuer();
		IntakeSettings filled = new IntakeSettings(null, null, null, s.directiveId(), number, date, issuer, title);
		byte[] content = data != null && data.length > 0 ? data : text.getBytes(StandardCharsets.UTF_8);
		return insert(IntakeKind.NOTICE, fileName == null || fileName.isBlank() ? "văn bản dán vào" : fileName,
				sha256(content), filled, r.rows());
	}

	private long insert(IntakeKind kind, String fileName, String sha, IntakeSettings s, List<DraftRow> rows) {
		CurrentUser me = AccessPolicy.current();
		Long id = jdbc.queryForObject("""
				INSERT INTO intake_batch(kind, file_name, file_sha256, settings, rows, created_by, created_at)
				VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?) RETURNING id""", Long.class, kind.name(),
				abbreviate(fileName, 300), sha, json.writeValueAsString(s), json.writeValueAsString(rows), me.id(),
				Timestamp.from(clock.now()));
		long tasksRead = rows.stream().filter(r -> !r.group()).count();
		audit.change("INTAKE_STARTED", "INTAKE", id, null, kind.label() + " “" + fileName + "”: đọc được "
				+ tasksRead + " nhiệm vụ", null, Map.of("file", String.valueOf(fileName), "tasks", tasksRead));
		return id;
	}

	public Batch batch(long id) {
		requireSecretariat(id, "xem bản nhập kế hoạch (chỉ Sở KH&CN)");
		return load(id);
	}

	private Batch load(long id) {
		List<Batch> found = jdbc.query("""
				SELECT b.id, b.kind, b.state, b.file_name, b.settings::text, b.rows::text, u.full_name, b.created_at,
				       b.committed_at, b.result::text, b.version
				FROM intake_batch b JOIN app_user u ON u.id = b.created_by WHERE b.id = ?""",
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
	public List<Batch> recent(int limit) {
		requireSecretariat(null, "xem các lần nhập kế hoạch (chỉ Sở KH&CN)");
		List<Long> ids = jdbc.queryForList("SELECT id FROM intake_batch ORDER BY created_at DESC, id DESC LIMIT ?",
				Long.class, limit);
		return ids.stream().map(this::load).toList();
	}

	/**
	 * What the import finds. A draft is analysed afresh (the registry and the tasks in the system may have
	 * changed); a written import shows the preview as it stood when the user confirmed it, not one that would
	 * now find its own tasks as duplicates.
	 */
	public Preview preview(Batch b) {
		if (!b.isDraft()) {
			String saved = jdbc.queryForObject("SELECT preview::text FROM intake_batch WHERE id = ?", String.class, b.id());
			if (saved != null) {
				return json.readValue(saved, Preview.class);
			}
		}
		return analyzer.analyse(b.kind(), b.rows(), b.settings().targetPlanId());
	}

	/** The user's changes to one row in the preview. */
	public record RowEdit(String stt, String title, String accountableHead, String leads, String coordinators,
			String expectedOutput, String deadline) {
	}

	@Transactional
	public void editRow(long id, int index, RowEdit edit, long version) {
		Batch b = draft(id, "sửa bản nhập");
		List<DraftRow> rows = new ArrayList<>(b.rows());
		DraftRow row = row(rows, index);
		DraftRow edited = row.edit(edit.stt(), edit.title(), edit.accountableHead(), edit.leads(), edit.coordinators(),
				edit.expectedOutput(), edit.deadline());
		rows.set(index, edited);
		save(b, rows, b.settings(), version);
		audit.change("INTAKE_ROW_EDITED", "INTAKE", id, null, "Sửa dòng " + row.source(), rowState(row),
				rowState(edited));
	}

	private static Map<String, Object> rowState(DraftRow r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("stt", r.stt());
		m.put("title", r.title());
		m.put("accountableHead", r.accountableHead());
		m.put("leads", r.leads());
		m.put("coordinators", r.coordinators());
		m.put("expectedOutput", r.expectedOutput());
		m.put("deadline", r.deadline());
		m.put("dropped", r.dropped());
		return m;
	}

	@Transactional
	public void setDropped(long id, int index, boolean dropped, long version) {
		Batch b = draft(id, "sửa bản nhập");
		List<DraftRow> rows = new ArrayList<>(b.rows());
		DraftRow row = row(rows, index);
		rows.set(index, row.withDropped(dropped));
		save(b, rows, b.settings(), version);
		audit.change(dropped ? "INTAKE_ROW_DROPPED" : "INTAKE_ROW_KEPT", "INTAKE", id, null,
				(dropped ? "Bỏ dòng " : "Giữ lại dòng ") + row.source(), null, null);
	}

	@Transactional
	public void updateSettings(long id, IntakeSettings settings, long version) {
		Batch b = draft(id, "sửa bản nhập");
		IntakeSettings s = settings.cleaned();
		TextRules.requireSafe(s.planTitle(), s.directiveNumber(), s.directiveIssuer(), s.directiveTitle());
		if (s.targetPlanId() != null) {
			tasks.plan(s.targetPlanId());
		}
		save(b, b.rows(), s, version);
		audit.change("INTAKE_SETTINGS", "INTAKE", id, null, "Sửa thông tin kế hoạch, văn bản của bản nhập",
				json.convertValue(b.settings(), Map.class), json.convertValue(s, Map.class));
	}

	private DraftRow row(List<DraftRow> rows, int index) {
		if (index < 0 || index >= rows.size()) {
			throw new NotFoundException("Không có dòng #" + (index + 1) + " trong bản nhập");
		}
		DraftRow r = rows.get(index);
		if (r.group()) {
			throw new DomainException("Dòng nhóm nhiệm vụ không sửa hoặc bỏ riêng được");
		}
		return r;
	}

	private void save(Batch b, List<DraftRow> rows, IntakeSettings s, long version) {
		int n = jdbc.update("""
				UPDATE intake_batch SET rows = ?::jsonb, settings = ?::jsonb, version = version + 1
				WHERE id = ? AND version = ? AND state = 'DRAFT'""", json.writeValueAsString(rows),
				json.writeValueAsString(s), b.id(), version);
		if (n == 0) {
			throw new ConcurrentEditException("bản nhập");
		}
	}

	private Batch draft(long id, String what) {
		requireSecretariat(id, what + " (chỉ Sở KH&CN)");
		Batch b = load(id);
		if (!b.isDraft()) {
			throw new DomainException("Bản nhập #" + id + " đã " + ("COMMITTED".equals(b.state()) ? "được ghi" : "bị hủy")
					+ ", không sửa được nữa");
		}
		return b;
	}

	/**
	 * The user says which agency an unknown name means; it is saved as an alias of that agency (audited by the
	 * registry), so the next import resolves it by itself.
	 */
	@Transactional
	public void mapName(long batchId, String name, long agencyId) {
		draft(batchId, "chọn cơ quan cho tên chưa có trong danh mục");
		String alias = AgencyNames.nfc(VnText.oneLine(name));
		if (alias == null || alias.isBlank() || alias.length() > 300) {
			throw new DomainException("Tên cơ quan cần lưu không hợp lệ");
		}
		TextRules.requireSafe(alias);
		Agency agency = agencies.get(agencyId);
		agencies.resolve(alias).ifPresent(other -> {
			throw new DomainException("Tên “" + alias + "” đã là tên gọi của " + other.getName());
		});
		List<String> aliases = new ArrayList<>(agency.getAliases().stream().map(AgencyAlias::getAlias).toList());
		aliases.add(alias);
		agencies.save(agency.getId(), new AgencyDirectory.AgencyForm(agency.getCode(), agency.getName(),
				agency.getShortName(), agency.getKind(), agency.getMemberKinds(), aliases, agency.getEmail(),
				agency.isActive()), agency.getVersion());
	}

	@Transactional
	public void discard(long id) {
		Batch b = draft(id, "hủy bản nhập");
		jdbc.update("UPDATE intake_batch SET state = 'DISCARDED', version = version + 1 WHERE id = ?", id);
		audit.change("INTAKE_DISCARDED", "INTAKE", id, null, b.kind().label() + " “" + b.fileName() + "” đã hủy", null,
				null);
	}

	// ----- writing -----

	/**
	 * Writes the import: the plan and its groups (or the notice as a directive), every kept row as a task,
	 * changes to tasks of a revised plan, and the removal of tasks the revised plan no longer has (unless an
	 * agency has worked on them, or the user keeps them). One transaction: any refusal on the way leaves the
	 * database as it was.
	 */
	@Transactional
	public CommitResult commit(long id, long version, Set<Long> keepRemoved) {
		Batch b = draft(id, "ghi bản nhập");
		if (b.version() != version) {
			throw new ConcurrentEditException("bản nhập");
		}
		Preview p = preview(b);
		if (!p.summary().committable()) {
			throw new DomainException(notCommittable(p));
		}
		CommitResult result = b.kind() == IntakeKind.PLAN_APPENDIX ? writePlan(b, p, keepRemoved) : writeNotice(b, p);
		int n = jdbc.update("""
				UPDATE intake_batch SET state = 'COMMITTED', committed_at = ?, result = ?::jsonb, preview = ?::jsonb,
				       version = version + 1
				WHERE id = ? AND version = ? AND state = 'DRAFT'""", Timestamp.from(clock.now()),
				json.writeValueAsString(result), json.writeValueAsString(p), id, version);
		if (n == 0) {
			throw new ConcurrentEditException("bản nhập");
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("planId", result.planId());
		after.put("directiveId", result.directiveId());
		after.put("created", result.created().size());
		after.put("updated", result.updated().size());
		after.put("unchanged", result.unchanged().size());
		after.put("deleted", result.deleted().size());
		after.put("kept", result.kept().size());
		audit.change("INTAKE_COMMITTED", "INTAKE", id, null, b.kind().label() + " “" + b.fileName() + "”: thêm "
				+ result.created().size() + ", sửa " + result.updated().size() + ", xóa " + result.deleted().size()
				+ " nhiệm vụ", null, after);
		return result;
	}

	private static String notCommittable(Preview p) {
		if (p.summary().tasks() == 0) {
			return "Không còn nhiệm vụ nào để ghi (mọi dòng đã bị bỏ)";
		}
		List<String> rows = p.rows().stream().filter(r -> !r.draft().group() && !r.draft().dropped() && r.hasErrors())
			.map(r -> "#" + r.number()).limit(12).toList();
		return "Chưa ghi được: còn " + p.summary().errors() + " lỗi ở " + (rows.size() == 1 ? "dòng " : "các dòng ")
				+ String.join(", ", rows) + ". Hãy sửa, chọn cơ quan cho tên chưa có trong danh mục, hoặc bỏ các dòng "
				+ "đó; không có gì được ghi";
	}

	private CommitResult writePlan(Batch b, Preview p, Set<Long> keepRemoved) {
		IntakeSettings s = b.settings();
		Plan plan;
		List<String[]> groupLines = new ArrayList<>();
		Map<String, String> seen = new LinkedHashMap<>();
		for (Preview.Row r : p.rows()) {
			if (r.draft().group() && seen.putIfAbsent(r.draft().groupCode(), r.draft().groupTitle()) == null) {
				groupLines.add(new String[] { r.draft().groupCode(), Objects.requireNonNullElse(r.draft().groupTitle(),
						r.draft().groupCode()) });
			}
		}
		if (s.targetPlanId() == null) {
			if (s.planTitle() == null) {
				throw new DomainException("Chưa nhập tên kế hoạch");
			}
			Long directiveId = s.directiveId();
			if (directiveId == null && s.directiveNumber() != null) {
				directiveId = directive(DirectiveKind.PLAN, s.directiveNumber(), s.directiveDate(), s.directiveIssuer(),
						s.directiveTitle() != null ? s.directiveTitle() : s.planTitle()).getId();
			}
			plan = tasks.savePlan(null, directiveId, s.planTitle(), s.planYear(), groupLines, null);
		}
		else {
			Plan current = tasks.plan(s.targetPlanId());
			plan = tasks.savePlan(current.getId(), current.getDirectiveId(), current.getTitle(), current.getYear(),
					groupLines, current.getVersion());
		}
		Map<String, Long> groupIds = new LinkedHashMap<>();
		for (TaskGroup g : plan.getGroups()) {
			groupIds.put(g.getCode(), g.getId());
		}
		List<Long> created = new ArrayList<>();
		List<Long> updated = new ArrayList<>();
		List<Long> unchanged = new ArrayList<>();
		for (Preview.Row r : p.rows()) {
			if (r.draft().group() || r.draft().dropped()) {
				continue;
			}
			if ("UNCHANGED".equals(r.change())) {
				unchanged.add(r.taskId());
				continue;
			}
			TaskForm f = form(r, plan.getId(), r.draft().groupCode() == null ? null : groupIds.get(r.draft().groupCode()),
					plan.getDirectiveId());
			if ("CHANGED".equals(r.change())) {
				f.setVersion(tasks.get(r.taskId()).getVersion());
				updated.add(tasks.save(r.taskId(), f).getId());
			}
			else {
				created.add(tasks.save(null, f).getId());
			}
		}
		List<Long> deleted = new ArrayList<>();
		List<Long> kept = new ArrayList<>();
		if (p.diff() != null) {
			for (Preview.RemovedTask t : p.diff().removed()) {
				if (t.hasProgress() || keepRemoved != null && keepRemoved.contains(t.taskId())) {
					kept.add(t.taskId());
				}
				else {
					tasks.delete(t.taskId());
					deleted.add(t.taskId());
				}
			}
		}
		return new CommitResult(plan.getId(), plan.getDirectiveId(), created, updated, unchanged, deleted, kept);
	}

	private CommitResult writeNotice(Batch b, Preview p) {
		IntakeSettings s = b.settings();
		Directive d = s.directiveId() != null ? tasks.directive(s.directiveId())
				: directive(DirectiveKind.CONCLUSION_NOTICE, s.directiveNumber(), s.directiveDate(), s.directiveIssuer(),
						s.directiveTitle());
		List<Long> created = new ArrayList<>();
		for (Preview.Row r : p.rows()) {
			if (!r.draft().group() && !r.draft().dropped()) {
				created.add(tasks.save(null, form(r, null, null, d.getId())).getId());
			}
		}
		return new CommitResult(null, d.getId(), created, List.of(), List.of(), List.of(), List.of());
	}

	/** The directive with this number, or a new one. */
	private Directive directive(DirectiveKind kind, String number, java.time.LocalDate date, String issuer, String title) {
		if (number == null) {
			throw new DomainException("Chưa nhập số ký hiệu văn bản");
		}
		return tasks.directiveByNumber(number)
			.orElseGet(() -> tasks.saveDirective(null, kind, number, date, issuer,
					title == null ? number : abbreviate(title, 1000), null));
	}

	private static TaskForm form(Preview.Row r, Long planId, Long groupId, Long directiveId) {
		DraftRow d = r.draft();
		TaskForm f = new TaskForm();
		f.setPlanId(planId);
		f.setGroupId(groupId);
		f.setDirectiveId(directiveId);
		f.setStt(d.stt());
		f.setTitle(d.title());
		f.setAccountableHead(d.accountableHead());
		Set<Long> leads = new LinkedHashSet<>();
		r.leads().stream().filter(a -> a.agencyId() != null).forEach(a -> leads.add(a.agencyId()));
		f.setLeadAgencyIds(leads);
		Set<Long> coords = new LinkedHashSet<>();
		r.coordinators().stream().filter(a -> a.agencyId() != null && !leads.contains(a.agencyId()))
			.forEach(a -> coords.add(a.agencyId()));
		f.setCoordinatorAgencyIds(coords);
		boolean unresolved = r.coordinators().stream().anyMatch(a -> a.agencyId() == null);
		f.setCoordinatorsNote(unresolved ? d.coordinators() : null);
		f.setExpectedOutput(d.expectedOutput());
		f.setDeadlinePhrase(d.deadline() == null ? "" : d.deadline());
		return f;
	}

	// ----- helpers -----

	private void requireSecretariat(Long id, String what) {
		access.require(access.canManagePlans(AccessPolicy.current()), "INTAKE", id, what);
	}

	static Integer yearIn(String title) {
		if (title == null) {
			return null;
		}
		Matcher m = YEAR.matcher(title);
		Integer year = null;
		while (m.find()) {
			year = Integer.valueOf(m.group(1));
		}
		return year;
	}

	private static String stripExtension(String fileName) {
		if (fileName == null) {
			return "Kế hoạch nhập từ tệp";
		}
		int dot = fileName.lastIndexOf('.');
		return dot > 0 ? fileName.substring(0, dot) : fileName;
	}

	private static String sha256(byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data == null ? new byte[0] : data));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String abbreviate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

	/** The tasks a commit created, for callers that go on with them (the demo data). */
	public List<Task> created(CommitResult r) {
		return r.created().stream().map(tasks::get).toList();
	}
}
