package vn.nq57.notification;

import java.util.List;

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
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;

/** DoST's urging desk: who to urge, the letter, and the reprimand list (leaders may read the list). */
@Controller
class UrgingController {

	private static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final UrgingLetters letters;
	private final Reprimands reprimands;

	private final NotificationSettings settings;

	UrgingController(UrgingLetters letters, Reprimands reprimands, NotificationSettings settings) {
		this.settings = settings;
		this.letters = letters;
		this.reprimands = reprimands;
	}

	@GetMapping("/urging")
	String desk(Model model) {
		boolean secretariat = AccessPolicy.current().is(Role.SECRETARIAT);
		model.addAttribute("agencies", secretariat ? letters.agenciesToUrge(200) : List.of());
		model.addAttribute("candidates", reprimands.candidates());
		model.addAttribute("reprimandDays", settings.reprimandOverdueDays());
		model.addAttribute("reprimandReports", settings.reprimandLateReports());
		model.addAttribute("secretariat", secretariat);
		return "notification/urging";
	}

	@GetMapping("/urging/letters/new")
	String form(@RequestParam long agency, Model model) {
		model.addAttribute("d", letters.draft(agency));
		return "notification/letter";
	}

	@PostMapping("/urging/letters")
	Object submit(@RequestParam long agency, @RequestParam String number, @RequestParam String intro,
			@RequestParam String closing, @RequestParam(required = false) String signAuthority,
			@RequestParam String signTitle, @RequestParam(required = false) String signName, @RequestParam String action,
			Model model, RedirectAttributes ra) {
		UrgingLetters.Draft base = letters.draft(agency);
		UrgingLetters.Draft d = new UrgingLetters.Draft(agency, base.agencyName(), number, intro, closing,
				signAuthority == null ? "" : signAuthority, signTitle, signName == null ? "" : signName, base.lines());
		try {
			if ("download".equals(action)) {
				return docx(letters.docx(d), "Du-thao-cong-van-don-doc.docx");
			}
			long id = letters.send(d);
			Flash.done(ra, "flash.urging.sent", d.agencyName(), String.valueOf(d.lines().size()));
			ra.addFlashAttribute("sentLetter", id);
			return "redirect:/urging";
		}
		catch (DomainException e) {
			model.addAttribute("d", d);
			model.addAttribute("error", e.getMessage());
			return "notification/letter";
		}
	}

	@GetMapping("/urging/letters/{id}.docx")
	ResponseEntity<byte[]> sent(@PathVariable long id) {
		return docx(letters.sentDocx(id), "Cong-van-don-doc-" + id + ".docx");
	}

	private static ResponseEntity<byte[]> docx(byte[] body, String name) {
		return ResponseEntity.ok()
			.contentType(DOCX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}
}
