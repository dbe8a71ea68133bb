package vn.nq57.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.ObjectMapper;
import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.agency.Agency;
import vn.nq57.agency.AgencyAlias;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.agency.AgencyNames;
import vn.nq57.task.Task;
import vn.nq57.task.TaskService;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;
import vn.nq57.system.TextRules;
import vn.nq57.kernel.VnFormat;

/**
 * Plans and notices in, as the pages and the API ask for them: a file or pasted text is read into a draft
 * ({@link IntakeReader}, {@link IntakeDrafts}; nothing else is written), the user sees the preview
 * ({@link IntakeAnalyzer}) and edits, keeps or drops rows and maps unknown names (saved as aliases), then
 * confirms; the whole import is written through the task module in one transaction, or not at all
 * ({@link IntakeCommit}). Who may do what and the audit trail of the drafts are here. Only DoST (SECRETARIAT)
 * imports; any signed-in user may ask for a dry run.
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

	private final IntakeReader reader;
	private final IntakeAnalyzer analyzer;
	private final IntakeDrafts drafts;
	private final IntakeCommit committer;
	private final ObjectMapper json;
	private final TaskService tasks;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;
	private final RepeatedImport repeated;

	IntakeService(IntakeReader reader, IntakeAnalyzer analyzer, IntakeDrafts drafts, IntakeCommit committer,
			ObjectMapper json, TaskService tasks, AgencyDirectory agencies, AccessPolicy access, AuditLog audit,
			AppClock clock, RepeatedImport repeated) {
		this.reader = reader;
		this.analyzer = analyzer;
		this.drafts = drafts;
		this.committer = committer;
		this.json = json;
		this.tasks = tasks;
		this.agencies = agencies;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.repeated = repeated;
	}

	public long maxBytes() {
		return reader.maxBytes();
	}

	// ----- dry runs, writing nothing -----

	/** The dry run of the API: what an appendix would give, for any signed-in user, writing nothing. */
	public Preview dryRunAppendix(String fileName, byte[] data, Long planId) {
		AccessPolicy.current();
		if (planId != null) {
			tasks.plan(planId);
		}
		return analyzer.analyse(IntakeKind.PLAN_APPENDIX, reader.appendix(fileName, data).rows(), planId);
	}

	public Preview dryRunNotice(String fileName, byte[] data, String text) {
		AccessPolicy.current();
		return analyzer.analyse(IntakeKind.NOTICE, reader.notice(fileName, data, text).rows(), null);
	}

	// ----- drafts -----

	@Transactional
	public long startAppendix(String fileName, byte[] data, IntakeSettings settings) {
		requireSecretariat(null, "nhập kế hoạch (chỉ Sở KH&CN)");
		IntakeSettings s = settings == null ? IntakeSettings.newPlan(null, null) : settings.cleaned();
		if (s.targetPlanId() != null) {
			tasks.plan(s.targetPlanId());
		}
		IntakeReader.Appendix a = reader.appendix(fileName, data);
		List<DraftRow> rows = a.rows();
		if (s.targetPlanId() == null && s.planTitle() == null) {
			String title = a.caption() != null ? a.caption() : stripExtension(fileName);
			s = new IntakeSettings(null, title, s.planYear() != null ? s.planYear() : yearIn(title), s.directiveId(),
					s.directiveNumber(), s.directiveDate(), s.directiveIssuer(), s.directiveTitle());
		}
		return insert(IntakeKind.PLAN_APPENDIX, fileName, sha256(data), s, rows);
	}

	@Transactional
	public long startNotice(String fileName, byte[] data, String text, IntakeSettings settings) {
		requireSecretariat(null, "nhập thông báo kết luận (chỉ Sở KH&CN)");
		IntakeSettings s = settings == null ? IntakeSettings.notice(null, null, null) : settings.cleaned();
		NoticeParser.Result r = reader.notice(fileName, data, text);
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
		long id = drafts.insert(kind, fileName, sha, s, rows, me.id(), clock.now());
		long tasksRead = rows.stream().filter(r -> !r.group()).count();
		audit.change("INTAKE_STARTED", "INTAKE", id, null, kind.label() + " “" + fileName + "”: đọc được "
				+ tasksRead + " nhiệm vụ", null, Map.of("file", String.valueOf(fileName), "tasks", tasksRead));
		return id;
	}

	public Batch batch(long id) {
		requireSecretariat(id, "xem bản nhập kế hoạch (chỉ Sở KH&CN)");
		return drafts.load(id);
	}

	/** Recent imports, newest first. */
	public List<Batch> recent(int limit) {
		requireSecretariat(null, "xem các lần nhập kế hoạch (chỉ Sở KH&CN)");
		return drafts.recent(limit);
	}

	/**
	 * What the import finds. A draft is analysed afresh (the registry and the tasks in the system may have
	 * changed); a written import shows the preview as it stood when the user confirmed it, not one that would
	 * now find its own tasks as duplicates.
	 */
	public Preview preview(Batch b) {
		if (!b.isDraft()) {
			Preview saved = drafts.savedPreview(b.id());
			if (saved != null) {
				return saved;
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
		drafts.save(b.id(), rows, b.settings(), version);
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
		drafts.save(b.id(), rows, b.settings(), version);
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
		drafts.save(b.id(), b.rows(), s, version);
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

	private Batch draft(long id, String what) {
		requireSecretariat(id, what + " (chỉ Sở KH&CN)");
		Batch b = drafts.load(id);
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
		drafts.discard(id);
		audit.change("INTAKE_DISCARDED", "INTAKE", id, null, b.kind().label() + " “" + b.fileName() + "” đã hủy", null,
				null);
	}

	// ----- writing -----

	/** What to do with an import that repeats what is in the system ({@link #repeats}). */
	public enum RepeatChoice {
		/** Leave out the rows whose task is already in the system; write the rest. */
		SKIP_REPEATED,
		/** Write every row as a plan of its own, repeated tasks included (a new year's plan that repeats last year's). */
		IMPORT_ALL
	}

	@Transactional
	public CommitResult commit(long id, long version, Set<Long> keepRemoved) {
		return commit(id, version, keepRemoved, null);
	}

	/**
	 * What the draft would repeat of what is already in the system (the same file committed before, rows whose task
	 * text is exactly an existing task's): the preview asks the user to choose before anything is written.
	 */
	public RepeatedImport.Repeats repeats(Batch b) {
		if (!b.isDraft()) {
			return RepeatedImport.Repeats.none(0);
		}
		return repeated.of(b.id(), b.settings().targetPlanId(), preview(b));
	}

	/**
	 * Writes the import: the plan and its groups (or the notice as a directive), every kept row as a task,
	 * changes to tasks of a revised plan, and the removal of tasks the revised plan no longer has (unless an
	 * agency has worked on them, or the user keeps them). One transaction: any refusal on the way leaves the
	 * database as it was. An import that repeats what is in the system ({@link #repeats}) is refused until the user
	 * has chosen ({@code choice}): its repeated rows left out, or every row written as a plan of its own.
	 */
	@Transactional
	public CommitResult commit(long id, long version, Set<Long> keepRemoved, RepeatChoice choice) {
		Batch b = draft(id, "ghi bản nhập");
		if (b.version() != version) {
			throw new ConcurrentEditException("bản nhập");
		}
		Preview p = preview(b);
		RepeatedImport.Repeats r = repeated.of(id, b.settings().targetPlanId(), p);
		if (r.any()) {
			if (choice == null) {
				throw new DomainException(repeatsMessage(r));
			}
			if (choice == RepeatChoice.SKIP_REPEATED && !r.rows().isEmpty()) {
				List<DraftRow> rows = new ArrayList<>(b.rows());
				for (int index : r.rows()) {
					rows.set(index, rows.get(index).withDropped(true));
				}
				drafts.save(id, rows, b.settings(), version);
				audit.change("INTAKE_REPEATS_SKIPPED", "INTAKE", id, null, "Bỏ " + r.rows().size()
						+ " dòng trùng hẳn nhiệm vụ đã có trong hệ thống", null, null);
				b = drafts.load(id);
				version = b.version();
				p = preview(b);
			}
		}
		if (!p.summary().committable()) {
			throw new DomainException(notCommittable(p));
		}
		CommitResult result = committer.write(b, p, keepRemoved);
		drafts.committed(id, version, result, p, clock.now());
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

	/**
	 * The user imports the file as a new version of the plan that holds its repeated tasks: the draft now revises
	 * that plan, and the preview shows what is added, changed and removed.
	 */
	@Transactional
	public void importAsNewVersion(long id, long version) {
		Batch b = draft(id, "sửa bản nhập");
		RepeatedImport.Repeats r = repeated.of(id, b.settings().targetPlanId(), preview(b));
		if (r.planId() == null) {
			throw new DomainException("Các nhiệm vụ trùng không thuộc kế hoạch nào; hãy bỏ qua các dòng trùng hoặc hủy bản nhập");
		}
		updateSettings(id, IntakeSettings.revise(r.planId()), version);
	}

	static String repeatsMessage(RepeatedImport.Repeats r) {
		StringBuilder m = new StringBuilder("Chưa ghi: bản nhập này lặp lại dữ liệu đã có trong hệ thống");
		if (!r.sameFile().isEmpty()) {
			RepeatedImport.PastImport last = r.sameFile().get(0);
			m.append("; tệp này đã được ghi lúc ").append(new VnFormat().dateTime(last.committedAt()));
			if (last.planTitle() != null) {
				m.append(" vào kế hoạch “").append(last.planTitle()).append("”");
			}
		}
		if (!r.rows().isEmpty()) {
			m.append("; ").append(r.rows().size()).append("/").append(r.tasks())
				.append(" nhiệm vụ trùng hẳn nhiệm vụ đã có");
		}
		m.append(". Hãy chọn: bỏ qua các dòng trùng (ghi ").append(r.fresh()).append(" nhiệm vụ mới)");
		if (r.planId() != null) {
			m.append(", nhập thành phiên bản mới của kế hoạch “").append(r.planTitle()).append("”");
		}
		return m.append(", nhập tất cả thành kế hoạch riêng (ghi ").append(r.tasks()).append(" nhiệm vụ)")
			.append(", hoặc hủy bản nhập").toString();
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

	/** The tasks a commit created, for callers that go on with them (the demo data). */
	public List<Task> created(CommitResult r) {
		return r.created().stream().map(tasks::get).toList();
	}
}
