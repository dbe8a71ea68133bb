package vn.nq57.upward;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.nq57.account.AccessPolicy;

/** The follow-up of each directive: the list, one directive's items and statuses, its report as Word and Excel. */
@Controller
class FollowupController {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Followup followup;
	private final FollowupDocuments documents;
	private final AccessPolicy policy;

	FollowupController(Followup followup, FollowupDocuments documents, AccessPolicy policy) {
		this.followup = followup;
		this.documents = documents;
		this.policy = policy;
	}

	private void require() {
		policy.require(AccessPolicy.current().seesEveryAgency(), "DIRECTIVE", null, "xem theo dõi thực hiện văn bản chỉ đạo");
	}

	@GetMapping("/upward/followup")
	String list(Model model) {
		require();
		model.addAttribute("directives", followup.directives());
		return "upward/followups";
	}

	@GetMapping("/upward/followup/{id}")
	String page(@PathVariable long id, Model model) {
		require();
		Followup.Report r = followup.report(id);
		model.addAttribute("r", r);
		model.addAttribute("name", FollowupDocuments.name(r.directive()));
		return "upward/followup";
	}

	@GetMapping("/upward/followup/{id}.docx")
	ResponseEntity<byte[]> docx(@PathVariable long id, @RequestParam(required = false) LocalDate date) {
		require();
		return file(documents.docx(followup.report(id), date), "bao-cao-ket-qua-thuc-hien-" + id + ".docx", DOCX);
	}

	@GetMapping("/upward/followup/{id}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable long id) {
		require();
		return file(documents.xlsx(followup.report(id)), "theo-doi-thuc-hien-" + id + ".xlsx", XLSX);
	}

	static ResponseEntity<byte[]> file(byte[] data, String name, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(type).body(data);
	}
}
