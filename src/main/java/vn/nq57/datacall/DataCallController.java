package vn.nq57.datacall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.agency.AgencyKind;
import vn.nq57.datacall.DataCall.CallInput;
import vn.nq57.datacall.DataCall.Question;
import vn.nq57.datacall.DataCall.QuestionInput;
import vn.nq57.kernel.VnText;
import vn.nq57.system.AppClock;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.Flash;

/** The pages of ad hoc data calls: the list, a call (DoST), an agency's answer, the consolidation and its files. */
@Controller
class DataCallController {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final DataCallService calls;
	private final Answers answers;
	private final Consolidation consolidation;
	private final DataCallDocuments documents;
	private final DataCallAccess access;
	private final AccessPolicy policy;
	private final AppClock clock;
	private final JdbcTemplate jdbc;

	DataCallController(DataCallService calls, Answers answers, Consolidation consolidation, DataCallDocuments documents,
			DataCallAccess access, AccessPolicy policy, AppClock clock, JdbcTemplate jdbc) {
		this.calls = calls;
		this.answers = answers;
		this.consolidation = consolidation;
		this.documents = documents;
		this.access = access;
		this.policy = policy;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@GetMapping("/datacalls")
	String list(Model model) {
		policy.requireRoute("/datacalls");
		CurrentUser u = AccessPolicy.current();
		List<DataCall> list = calls.visible(u);
		Map<Long, Consolidation.Counts> counts = new HashMap<>();
		Map<Long, String> mine = new HashMap<>();
		for (DataCall c : list) {
			if (u.seesEveryAgency()) {
				counts.put(c.id(), consolidation.counts(c));
			}
			else {
				Answers.Response r = answers.response(c.id(), u.agencyId());
				mine.put(c.id(), r == null ? "MISSING" : r.state());
			}
		}
		model.addAttribute("calls", list);
		model.addAttribute("counts", counts);
		model.addAttribute("mine", mine);
		model.addAttribute("manage", u.is(Role.SECRETARIAT));
		model.addAttribute("today", clock.today());
		return "datacall/list";
	}

	@GetMapping("/datacalls/new")
	String newCall(Model model) {
		access.requireManage();
		model.addAttribute("call", null);
		return "datacall/new";
	}

	@PostMapping("/datacalls")
	String create(@RequestParam(required = false) String title, @RequestParam(required = false) String requestNumber,
			@RequestParam(required = false) String requestDate, @RequestParam(required = false) String requestIssuer,
			@RequestParam(required = false) String requestSubject, @RequestParam(required = false) String dueDate,
			RedirectAttributes redirect) {
		// every field checked at once (a date that cannot be read too), each problem beside its field
		FieldErrors f = new FieldErrors();
		try {
			LocalDate asked = f.check("requestDate", () -> typedDay(requestDate, Flash.text("dc.field.requestDate")));
			LocalDate due = f.check("dueDate", () -> typedDay(dueDate, Flash.text("dc.field.due")));
			long id = calls.create(new CallInput(title, null, requestNumber, asked, requestIssuer, requestSubject, due), f);
			Flash.done(redirect, "flash.datacall.created");
			return "redirect:/datacalls/" + id;
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
			return "redirect:/datacalls/new";
		}
	}

	/** A day typed dd/mm/yyyy (or yyyy-mm-dd); one that cannot be read is refused naming the field. */
	static LocalDate typedDay(String typed, String what) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String t = typed.strip();
		try {
			return vn.nq57.kernel.VnFormat.typedDay(t);
		}
		catch (RuntimeException e) {
			throw new DomainException(Flash.text("form.badDate", what, t));
		}
	}

	@GetMapping("/datacalls/{id}")
	String call(@PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) String only, @RequestParam(defaultValue = "0") int page, Model model) {
		DataCall c = calls.get(id);
		CurrentUser u = AccessPolicy.current();
		if (!u.seesEveryAgency()) {
			return "redirect:/datacalls/" + id + "/answer";
		}
		model.addAttribute("call", c);
		model.addAttribute("questions", calls.questions(id));
		model.addAttribute("kinds", QuestionKind.values());
		model.addAttribute("grid", consolidation.grid(c, q, only, Math.max(page, 0), 200));
		model.addAttribute("q", q);
		model.addAttribute("only", only);
		model.addAttribute("chosen", calls.chosenTargets(id));
		model.addAttribute("agencies", calls.pickable());
		model.addAttribute("manage", u.is(Role.SECRETARIAT));
		return "datacall/call";
	}

	@PostMapping("/datacalls/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) String title, @RequestParam(required = false) String requestNumber,
			@RequestParam(required = false) String requestDate, @RequestParam(required = false) String requestIssuer,
			@RequestParam(required = false) String requestSubject, @RequestParam(required = false) String dueDate,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		// every field checked at once, each problem beside its field in the call's form
		return fields(id, redirect, "flash.datacall.saved", () -> {
			FieldErrors f = new FieldErrors();
			LocalDate asked = f.check("requestDate", () -> typedDay(requestDate, Flash.text("dc.field.requestDate")));
			LocalDate due = f.check("dueDate", () -> typedDay(dueDate, Flash.text("dc.field.due")));
			calls.update(id, new CallInput(title, null, requestNumber, asked, requestIssuer, requestSubject, due), version, f);
		});
	}

	@PostMapping("/datacalls/{id}/questions")
	String addQuestion(@PathVariable long id, @RequestParam(required = false) String code,
			@RequestParam(required = false) String section, @RequestParam(required = false) String text,
			@RequestParam(required = false) QuestionKind kind, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String choices, @RequestParam(defaultValue = "false") boolean required,
			@RequestParam(required = false) String prefill, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		// every field of the question checked at once, each problem beside its field in the question form
		return fields(id, redirect, "flash.datacall.questionAdded", () -> calls.addQuestion(id,
				new QuestionInput(code, section, text, kind, unit, choices, required, prefill), version));
	}

	/** {@link #act} for a form of the call's page: a refusal of fields goes beside them, typed values kept. */
	private String fields(long id, RedirectAttributes redirect, String done, Runnable work) {
		try {
			work.run();
			Flash.done(redirect, done);
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/datacalls/" + id;
	}

	@PostMapping("/datacalls/{id}/questions/{qid}/delete")
	String removeQuestion(@PathVariable long id, @PathVariable long qid, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		return act(id, redirect, "flash.datacall.questionRemoved", () -> calls.removeQuestion(id, qid, version));
	}

	@PostMapping("/datacalls/{id}/targets")
	String targets(@PathVariable long id, @RequestParam(name = "agency", required = false) List<Long> agencies,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(id, redirect, "flash.datacall.targets", () -> calls.setTargets(id, agencies, version));
	}

	@PostMapping("/datacalls/{id}/open")
	String open(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(id, redirect, "flash.datacall.opened", () -> calls.open(id, version));
	}

	@PostMapping("/datacalls/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(id, redirect, "flash.datacall.closed", () -> calls.close(id, version));
	}

	@PostMapping("/datacalls/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return fields(id, redirect, "flash.datacall.reopened", () -> calls.reopen(id, reason, version));
	}

	@PostMapping("/datacalls/{id}/consolidate")
	String consolidate(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		try {
			calls.markConsolidated(id, version);
			Flash.done(redirect, "flash.datacall.consolidated");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/datacalls/" + id + "/consolidated";
	}

	@PostMapping("/datacalls/{id}/copy")
	String copy(@PathVariable long id, RedirectAttributes redirect) {
		long copy = calls.copyForNextYear(id);
		Flash.done(redirect, "flash.datacall.copied");
		return "redirect:/datacalls/" + copy;
	}

	private String act(long id, RedirectAttributes redirect, String done, Runnable work) {
		try {
			work.run();
			Flash.done(redirect, done);
		}
		catch (DomainException e) {
			if (e instanceof vn.nq57.system.ConcurrentEditException) {
				throw e;
			}
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/datacalls/" + id;
	}

	// ----- the question template -----

	@GetMapping("/datacalls/question-template.xlsx")
	ResponseEntity<byte[]> questionTemplate() {
		access.requireManage();
		return file(documents.questionTemplate(), "mau-cau-hoi-bao-cao-dot-xuat.xlsx", XLSX);
	}

	@PostMapping("/datacalls/{id}/questions/import")
	String importPreview(@PathVariable long id, @RequestParam("file") MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		access.requireManage();
		DataCall c = calls.get(id);
		byte[] data = file.getBytes();
		List<DataCallDocuments.QuestionRow> rows;
		try {
			rows = documents.readQuestions(data, file.getOriginalFilename());
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			return "redirect:/datacalls/" + id;
		}
		long fileId = answers.storeFile(id, null, "QUESTIONS", String.valueOf(file.getOriginalFilename()),
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data);
		model.addAttribute("call", c);
		model.addAttribute("rows", rows);
		model.addAttribute("fileId", fileId);
		model.addAttribute("ok", rows.stream().allMatch(r -> r.problems().isEmpty()));
		return "datacall/import";
	}

	@PostMapping("/datacalls/{id}/questions/import/{fileId}")
	String importCommit(@PathVariable long id, @PathVariable long fileId, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		access.requireManage();
		Answers.StoredFile f = answers.file(fileId);
		if (f.callId() != id) {
			throw new vn.nq57.system.NotFoundException("Không có tệp này trong đợt báo cáo");
		}
		return act(id, redirect, "flash.datacall.questionsImported", () -> {
			List<DataCallDocuments.QuestionRow> rows = documents.readQuestions(f.data(), f.filename());
			List<String> problems = rows.stream().filter(r -> !r.problems().isEmpty())
				.map(r -> "Dòng " + r.line() + ": " + String.join(", ", r.problems())).toList();
			if (!problems.isEmpty()) {
				throw new DomainException(String.join("; ", problems));
			}
			calls.addQuestions(id, rows.stream().map(DataCallDocuments.QuestionRow::input).toList(), version);
		});
	}

	// ----- answering -----

	private long agencyFor(CurrentUser u, Long agency) {
		if (agency != null && u.seesEveryAgency()) {
			return agency;
		}
		if (u.agencyId() == null) {
			throw new DomainException("Tài khoản chưa gắn với cơ quan, đơn vị nào");
		}
		return agency == null ? u.agencyId() : agency;
	}

	List<Map<String, Object>> communes() {
		return jdbc.queryForList("SELECT id, name FROM agency_view WHERE kind = 'COMMUNE' AND active ORDER BY name");
	}

	@GetMapping("/datacalls/{id}/answer")
	String answer(@PathVariable long id, @RequestParam(required = false) Long agency,
			@RequestParam(defaultValue = "false") boolean prefill, Model model) {
		CurrentUser u = AccessPolicy.current();
		long agencyId = agencyFor(u, agency);
		access.requireReadResponse(id, agencyId);
		DataCall c = calls.get(id);
		boolean targeted = calls.targets(id, agencyId);
		access.require(targeted || u.seesEveryAgency(), id, "xem đợt báo cáo không gửi cho cơ quan mình");
		if (c.state() == CallState.DRAFT && !u.seesEveryAgency()) {
			throw new vn.nq57.system.NotFoundException("Không có đợt báo cáo đột xuất số " + id);
		}
		List<Question> questions = calls.questions(id);
		Answers.Response r = answers.response(id, agencyId);
		model.addAttribute("call", c);
		model.addAttribute("questions", questions);
		model.addAttribute("response", r);
		model.addAttribute("answers", r == null ? Map.of() : answers.answers(r.id()));
		model.addAttribute("suggestions", prefill ? answers.suggestions(id, agencyId) : Map.of());
		model.addAttribute("prefill", prefill);
		model.addAttribute("agencyId", agencyId);
		model.addAttribute("agencyName", calls.agency(agencyId).getName());
		model.addAttribute("canAnswer", c.acceptsAnswers() && targeted && (u.is(Role.AGENCY_OFFICER) || u.is(Role.AGENCY_HEAD))
				&& u.actsFor(agencyId));
		model.addAttribute("communes", questions.stream().anyMatch(q -> q.kind() == QuestionKind.PER_COMMUNE) ? communes() : List.of());
		model.addAttribute("consolidatedVisible", c.state() == CallState.CONSOLIDATED || u.seesEveryAgency());
		return "datacall/answer";
	}

	@PostMapping("/datacalls/{id}/answer")
	String saveAnswer(@PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(defaultValue = "save") String action, HttpServletRequest request, RedirectAttributes redirect) {
		CurrentUser u = AccessPolicy.current();
		long agencyId = agencyFor(u, null);
		Map<Long, Answers.Input> typed = typed(calls.questions(id), request);
		try {
			answers.save(id, agencyId, typed, version, "submit".equals(action));
			Flash.done(redirect, "submit".equals(action) ? "flash.datacall.submitted" : "flash.datacall.answerSaved");
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/datacalls/" + id + "/answer";
	}

	static Map<Long, Answers.Input> typed(List<Question> questions, HttpServletRequest request) {
		Map<Long, Answers.Input> out = new LinkedHashMap<>();
		for (Question q : questions) {
			String p = "q" + q.id();
			if (q.kind() == QuestionKind.FILE) {
				continue;
			}
			if (q.kind() == QuestionKind.PER_COMMUNE) {
				Map<Long, String> m = new LinkedHashMap<>();
				String prefix = p + "_c";
				request.getParameterMap().forEach((k, v) -> {
					if (k.startsWith(prefix) && v.length > 0) {
						try {
							m.put(Long.parseLong(k.substring(prefix.length())), v[0]);
						}
						catch (NumberFormatException e) {
							// not one of ours
						}
					}
				});
				if (request.getParameter(p + "_present") != null || !m.isEmpty()) {
					out.put(q.id(), new Answers.Input(null, null, null, m, request.getParameter(p + "_source"), null));
				}
				continue;
			}
			if (request.getParameter(p) == null && request.getParameter(p + "_n") == null) {
				continue;
			}
			out.put(q.id(), new Answers.Input(request.getParameter(p), request.getParameter(p + "_n"),
					request.getParameter(p + "_d"), Map.of(), request.getParameter(p + "_source"), null));
		}
		return out;
	}

	@PostMapping("/datacalls/{id}/answer/file/{qid}")
	String attach(@PathVariable long id, @PathVariable long qid, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) throws IOException {
		CurrentUser u = AccessPolicy.current();
		long agencyId = agencyFor(u, null);
		access.requireAnswerFor(id, agencyId);
		try {
			byte[] data = file.getBytes();
			if (data.length == 0 || data.length > SafeUpload.MAX_BYTES) {
				throw new DomainException("Tệp đính kèm rỗng hoặc lớn quá 10 MB");
			}
			String type = new org.apache.tika.Tika().detect(data, file.getOriginalFilename());
			if (type.contains("macroEnabled") || type.contains("x-msdownload") || type.contains("executable")) {
				throw new DomainException("Không nhận tệp chương trình hoặc tệp có macro");
			}
			Answers.Response r = answers.response(id, agencyId);
			DataCall c = calls.get(id);
			Answers.requireOpen(c);
			long fid = answers.storeFile(id, agencyId, "ANSWER_FILE", String.valueOf(file.getOriginalFilename()), type, data);
			answers.save(id, agencyId, Map.of(qid, new Answers.Input(null, null, null, Map.of(), null, fid)),
					version != null ? version : r == null ? null : r.version(), false);
			Flash.done(redirect, "flash.datacall.answerSaved");
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/datacalls/" + id + "/answer";
	}

	@GetMapping("/datacalls/{id}/files/{fid}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fid) {
		Answers.StoredFile f = answers.file(fid);
		if (f.callId() != id) {
			throw new vn.nq57.system.NotFoundException("Không có tệp này trong đợt báo cáo");
		}
		DataCall c = calls.get(id);
		CurrentUser u = AccessPolicy.current();
		access.require(u.seesEveryAgency() || f.agencyId() != null && u.actsFor(f.agencyId())
				|| c.state() == CallState.CONSOLIDATED && calls.targets(id, u.agencyId()), id, "tải tệp của cơ quan khác");
		return file(f.data(), f.filename(), MediaType.APPLICATION_OCTET_STREAM);
	}

	@GetMapping("/datacalls/{id}/answer.xlsx")
	ResponseEntity<byte[]> answerTemplate(@PathVariable long id, @RequestParam(required = false) Long agency) {
		CurrentUser u = AccessPolicy.current();
		long agencyId = agencyFor(u, agency);
		access.requireReadResponse(id, agencyId);
		DataCall c = calls.get(id);
		List<Question> qs = calls.questions(id);
		Answers.Response r = answers.response(id, agencyId);
		List<String> names = qs.stream().anyMatch(q -> q.kind() == QuestionKind.PER_COMMUNE)
				? communes().stream().map(m -> (String) m.get("name")).toList() : List.of();
		return file(documents.answerTemplate(c, qs, r == null ? Map.of() : answers.answers(r.id()), names),
				"tra-loi-bao-cao-dot-xuat-" + id + ".xlsx", XLSX);
	}

	@PostMapping("/datacalls/{id}/answer/upload")
	String uploadAnswers(@PathVariable long id, @RequestParam("file") MultipartFile file, Model model,
			RedirectAttributes redirect) throws IOException {
		CurrentUser u = AccessPolicy.current();
		long agencyId = agencyFor(u, null);
		access.requireAnswerFor(id, agencyId);
		DataCall c = calls.get(id);
		List<Question> qs = calls.questions(id);
		byte[] data = file.getBytes();
		Map<Long, Answers.Input> typed;
		try {
			Answers.requireOpen(c);
			typed = documents.readAnswers(data, file.getOriginalFilename(), qs, communeKeys());
			for (Question q : qs) {
				if (typed.containsKey(q.id())) {
					answers.check(q, typed.get(q.id()));
				}
			}
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			return "redirect:/datacalls/" + id + "/answer";
		}
		long fileId = answers.storeFile(id, agencyId, "UPLOAD", String.valueOf(file.getOriginalFilename()),
				XLSX.toString(), data);
		Map<Long, String> shown = new LinkedHashMap<>();
		for (Question q : qs) {
			Answers.Input in = typed.get(q.id());
			if (in != null) {
				Answers.Checked k = answers.check(q, in);
				shown.put(q.id(), q.kind() == QuestionKind.PER_COMMUNE ? k.communes().size() + " xã"
						: Consolidation.text(q, k.number(), k.numerator(), k.denominator(), k.text(), k.yes(), k.fileId()));
			}
		}
		Answers.Response r = answers.response(id, agencyId);
		model.addAttribute("call", c);
		model.addAttribute("questions", qs);
		model.addAttribute("shown", shown);
		model.addAttribute("fileId", fileId);
		model.addAttribute("version", r == null ? null : r.version());
		return "datacall/upload";
	}

	@PostMapping("/datacalls/{id}/answer/upload/{fileId}")
	String uploadCommit(@PathVariable long id, @PathVariable long fileId, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		CurrentUser u = AccessPolicy.current();
		long agencyId = agencyFor(u, null);
		access.requireAnswerFor(id, agencyId);
		Answers.StoredFile f = answers.file(fileId);
		access.require(f.callId() == id && f.agencyId() != null && f.agencyId() == agencyId, id, "dùng tệp của cơ quan khác");
		try {
			Map<Long, Answers.Input> typed = documents.readAnswers(f.data(), f.filename(), calls.questions(id), communeKeys());
			answers.save(id, agencyId, typed, version, false);
			Flash.done(redirect, "flash.datacall.uploaded");
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/datacalls/" + id + "/answer";
	}

	Map<String, Long> communeKeys() {
		Map<String, Long> m = new HashMap<>();
		for (Map<String, Object> c : communes()) {
			m.put(VnText.fold((String) c.get("name")), ((Number) c.get("id")).longValue());
		}
		return m;
	}

	// ----- consolidation -----

	void requireConsolidatedView(DataCall c) {
		CurrentUser u = AccessPolicy.current();
		access.require(u.seesEveryAgency() || c.state() == CallState.CONSOLIDATED && calls.targets(c.id(), u.agencyId()),
				c.id(), "xem tổng hợp trước khi Sở Khoa học và Công nghệ tổng hợp");
	}

	@GetMapping("/datacalls/{id}/consolidated")
	String consolidated(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		DataCall c = calls.get(id);
		requireConsolidatedView(c);
		List<Question> qs = calls.questions(id);
		CurrentUser u = AccessPolicy.current();
		model.addAttribute("call", c);
		model.addAttribute("counts", consolidation.counts(c));
		model.addAttribute("results", consolidation.results(c, qs));
		model.addAttribute("side", u.seesEveryAgency() ? consolidation.sideBySide(c, qs, Math.max(0, page), 100) : null);
		model.addAttribute("page", page);
		model.addAttribute("manage", u.is(Role.SECRETARIAT));
		return "datacall/consolidated";
	}

	@GetMapping("/datacalls/{id}/consolidated.docx")
	ResponseEntity<byte[]> docx(@PathVariable long id, @RequestParam(required = false) LocalDate date) {
		DataCall c = calls.get(id);
		requireConsolidatedView(c);
		return file(documents.consolidatedDocx(c, calls.questions(id), date), "bao-cao-tong-hop-" + id + ".docx", DOCX);
	}

	@GetMapping("/datacalls/{id}/consolidated.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id) {
		DataCall c = calls.get(id);
		requireConsolidatedView(c);
		return file(documents.consolidatedXlsx(c, calls.questions(id)), "tong-hop-" + id + ".xlsx", XLSX);
	}

	static ResponseEntity<byte[]> file(byte[] data, String name, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(type).body(data);
	}

	static List<AgencyKind> kinds() {
		return new ArrayList<>(List.of(AgencyKind.values()));
	}
}
