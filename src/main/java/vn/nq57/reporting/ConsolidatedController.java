package vn.nq57.reporting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.Role;
import vn.nq57.reporting.ConsolidatedReportService.Consolidated;
import vn.nq57.reporting.ConsolidatedReportService.DocSection;
import vn.nq57.reporting.ConsolidatedReportService.Header;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;

/** DoST's consolidated report: the draft to edit, its release, and the Word and Excel files. */
@Controller
class ConsolidatedController {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ConsolidatedReportService consolidated;

	ConsolidatedController(ConsolidatedReportService consolidated) {
		this.consolidated = consolidated;
	}

	@GetMapping("/reporting/consolidated/{id}")
	String page(@PathVariable long id, Model model) {
		Consolidated c = consolidated.get(id);
		model.addAttribute("c", c);
		model.addAttribute("d", c.data());
		model.addAttribute("t", c.data().statusCounts());
		model.addAttribute("canEdit", !c.released() && AccessPolicy.current().is(Role.SECRETARIAT));
		return "reporting/consolidated";
	}

	@PostMapping("/reporting/consolidated/{id}")
	String save(@PathVariable long id, @RequestParam(required = false) Long version,
			@RequestParam(required = false) LocalDate docDate, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			consolidated.edit(id, header(request, docDate), sections(request), version);
			Flash.done(redirect, "flash.consolidated.saved");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/reporting/consolidated/" + id;
	}

	@PostMapping("/reporting/consolidated/{id}/release")
	String release(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes redirect) {
		try {
			consolidated.release(id, version);
			Flash.done(redirect, "flash.consolidated.released");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/reporting/consolidated/" + id;
	}

	@GetMapping("/reporting/consolidated/{id}.docx")
	ResponseEntity<byte[]> docx(@PathVariable long id) {
		return file(consolidated.docx(id), consolidated.fileName(id, "docx"), DOCX);
	}

	@GetMapping("/reporting/consolidated/{id}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id) {
		return file(consolidated.xlsx(id), consolidated.fileName(id, "xlsx"), XLSX);
	}

	private static ResponseEntity<byte[]> file(byte[] bytes, String name, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(type)
			.body(bytes);
	}

	private static Header header(HttpServletRequest r, LocalDate docDate) {
		String recipients = r.getParameter("recipients");
		List<String> lines = recipients == null ? null
				: Arrays.stream(recipients.split("\\r?\\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		return new Header(r.getParameter("number"), docDate, r.getParameter("issuerParent"), r.getParameter("issuer"),
				r.getParameter("place"), r.getParameter("subject"), lines, r.getParameter("signerAuthority"),
				r.getParameter("signerTitle"), r.getParameter("signerName"));
	}

	private static List<DocSection> sections(HttpServletRequest r) {
		String[] levels = r.getParameterValues("level");
		String[] headings = r.getParameterValues("heading");
		String[] bodies = r.getParameterValues("body");
		if (levels == null || headings == null || bodies == null || levels.length != headings.length
				|| levels.length != bodies.length) {
			throw new DomainException("Nội dung gửi lên không đầy đủ; hãy tải lại trang và sửa lại");
		}
		List<DocSection> out = new ArrayList<>();
		for (int i = 0; i < levels.length; i++) {
			int level;
			try {
				level = Integer.parseInt(levels[i]);
			}
			catch (NumberFormatException e) {
				throw new DomainException("Cấp của mục thứ " + (i + 1) + " không hợp lệ");
			}
			out.add(new DocSection(level, headings[i], bodies[i]));
		}
		return out;
	}
}
