package vn.nq57.intake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.task.TaskQueries;
import vn.nq57.task.TaskStatus;
import vn.nq57.system.AppClock;
import vn.nq57.kernel.VnFormat;

/**
 * The task list's filter, written out as the plan's appendix in Excel or Word (with status and latest
 * progress). Same parameters as /tasks; an agency gets only its own tasks, as on the list.
 */
@RestController
@Tag(name = "Xuất phụ lục", description = "Danh mục nhiệm vụ theo bộ lọc, dạng Excel hoặc Word")
class ExportController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final AppendixExport export;
	private final AppClock clock;

	ExportController(AppendixExport export, AppClock clock) {
		this.export = export;
		this.clock = clock;
	}

	@GetMapping({ "/tasks/export.xlsx", "/api/v1/tasks/export.xlsx" })
	@Operation(summary = "Xuất danh mục nhiệm vụ ra Excel (.xlsx)",
			description = "Tham số như danh sách nhiệm vụ: plan, group, agency, status, soon, from, to (dd/MM/yyyy hoặc yyyy-MM-dd), q")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Long plan, @RequestParam(required = false) Long group,
			@RequestParam(required = false) Long agency, @RequestParam(required = false) TaskStatus status,
			@RequestParam(defaultValue = "false") boolean soon, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) String q) {
		return file(plan, group, agency, status, soon, from, to, q, true);
	}

	@GetMapping({ "/tasks/export.docx", "/api/v1/tasks/export.docx" })
	@Operation(summary = "Xuất danh mục nhiệm vụ ra Word (.docx), theo mẫu phụ lục kế hoạch")
	ResponseEntity<byte[]> docx(@RequestParam(required = false) Long plan, @RequestParam(required = false) Long group,
			@RequestParam(required = false) Long agency, @RequestParam(required = false) TaskStatus status,
			@RequestParam(defaultValue = "false") boolean soon, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) String q) {
		return file(plan, group, agency, status, soon, from, to, q, false);
	}

	private ResponseEntity<byte[]> file(Long plan, Long group, Long agency, TaskStatus status, boolean soon,
			LocalDate from, LocalDate to, String q, boolean excel) {
		CurrentUser me = AccessPolicy.current();
		TaskQueries.Filter filter = new TaskQueries.Filter(plan, group, agency, status, soon, from, to, q, "plan");
		List<AppendixExport.Part> parts = export.parts(filter, me);
		LocalDate today = clock.today();
		String day = new VnFormat().date(today);
		String note = note(status, soon, from, to, q, me);
		byte[] body = excel ? AppendixWriter.xlsx(parts, day, note) : AppendixWriter.docx(parts, day, note);
		String name = "danh-muc-nhiem-vu-" + today + (excel ? ".xlsx" : ".docx");
		return ResponseEntity.ok()
			.contentType(excel ? XLSX : DOCX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	private static String note(TaskStatus status, boolean soon, LocalDate from, LocalDate to, String q, CurrentUser me) {
		VnFormat fmt = new VnFormat();
		List<String> parts = new ArrayList<>();
		if (!me.seesEveryAgency()) {
			parts.add("nhiệm vụ của " + me.agencyName());
		}
		if (status != null) {
			parts.add("tình trạng “" + status.label() + "”");
		}
		if (soon) {
			parts.add("sắp đến hạn");
		}
		if (from != null) {
			parts.add("hạn từ " + fmt.date(from));
		}
		if (to != null) {
			parts.add("hạn đến " + fmt.date(to));
		}
		if (q != null && !q.isBlank() && vn.nq57.system.TextRules.isSafe(q)) {
			parts.add("có “" + q.strip() + "”");
		}
		return parts.isEmpty() ? null : "lọc: " + String.join(", ", parts);
	}
}
