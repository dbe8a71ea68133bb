package vn.nq57.steering;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;

/** Sessions, their brief, the drafting of their conclusions and the notice. */
@Controller
class SessionController {

	static final String ROUTE = "/steering/sessions";
	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final SessionService sessions;
	private final BriefService briefs;
	private final FollowUpQueries followUp;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;

	SessionController(SessionService sessions, BriefService briefs, FollowUpQueries followUp, AgencyDirectory agencies,
			AccessPolicy access) {
		this.sessions = sessions;
		this.briefs = briefs;
		this.followUp = followUp;
		this.agencies = agencies;
		this.access = access;
	}

	@GetMapping(ROUTE)
	String list(Model model) {
		access.requireRoute(ROUTE);
		model.addAttribute("sessions", sessions.sessions());
		model.addAttribute("kinds", SessionKind.values());
		model.addAttribute("agencies", agencies.assignableUpTo(400));
		return "steering/sessions";
	}

	@PostMapping(ROUTE)
	String create(@RequestParam(required = false) SessionKind kind, @RequestParam(name = "heldOn", required = false) String heldOnTyped,
			@RequestParam(required = false) String title, @RequestParam(required = false) String chair,
			@RequestParam(required = false) String place, @RequestParam(required = false) Long focusAgencyId,
			@RequestParam(required = false) String agenda, @RequestParam(required = false) List<Long> attendeeIds,
			vn.nq57.system.FieldErrors problems, RedirectAttributes redirect) {
		access.requireRoute(ROUTE);
		LocalDate heldOn = null;
		if (heldOnTyped != null && !heldOnTyped.isBlank()) {
			try {
				String t = heldOnTyped.strip();
				heldOn = vn.nq57.kernel.VnFormat.typedDay(t);
			}
			catch (java.time.format.DateTimeParseException e) {
				problems.reject("heldOn", "Ngày họp “" + heldOnTyped.strip() + "” không hợp lệ; hãy nhập theo dạng dd/MM/yyyy");
			}
		}
		try {
			problems.throwIfAny();
			long id = sessions.saveSession(null, new SessionService.SessionInput(kind, heldOn, title, chair, place,
					focusAgencyId, agenda, attendeeIds), null);
			Flash.done(redirect, "steering.flash.sessionCreated");
			return "redirect:" + ROUTE + "/" + id;
		}
		catch (DomainException e) {
			if (e instanceof ConcurrentEditException) {
				throw e;
			}
			if (e instanceof vn.nq57.system.FieldsRefused f) {
				f.fields().all().forEach((field, messages) -> {
					if (!problems.has(field)) {
						messages.forEach(m -> problems.reject(field, m));
					}
				});
			}
			// the typed date's own message when it could not be read; the other fields checked all the same
			if (!problems.isEmpty() && !(e instanceof vn.nq57.system.FieldsRefused)) {
				try {
					sessions.saveSession(null, new SessionService.SessionInput(kind, null, title, chair, place, focusAgencyId,
							agenda, attendeeIds), null);
				}
				catch (vn.nq57.system.FieldsRefused f) {
					f.fields().all().forEach((field, messages) -> {
						if (!problems.has(field)) {
							messages.forEach(m -> problems.reject(field, m));
						}
					});
				}
			}
			Flash.refused(redirect, problems.isEmpty() ? e : new vn.nq57.system.FieldsRefused(e.getMessage(), problems));
			return "redirect:" + ROUTE;
		}
	}

	@GetMapping(ROUTE + "/{id}")
	String page(@PathVariable long id, @RequestParam(required = false) Long edit, Model model) {
		access.requireRoute(ROUTE);
		SessionService.Session s = sessions.get(id);
		model.addAttribute("s", s);
		model.addAttribute("items", sessions.items(id));
		model.addAttribute("lines", followUp.lines(id, sessions.today(), null));
		model.addAttribute("names", sessions.jdbcNames(sessions.items(id)));
		model.addAttribute("attendees", sessions.agencyNames(s.attendeeIds()));
		model.addAttribute("previous", sessions.previous(s).orElse(null));
		if (edit != null && !model.containsAttribute("input")) {
			SessionService.Item it = sessions.item(edit);
			if (it.sessionId() != id) {
				throw new vn.nq57.system.NotFoundException("Không tìm thấy nội dung kết luận #" + edit + " của phiên họp này");
			}
			model.addAttribute("editing", it);
			model.addAttribute("input", new SessionService.ItemInput(it.addressee(), it.instruction(),
					it.expectedOutput(), it.deadlinePhrase(), it.reportBack()));
			model.addAttribute("check", sessions.check((SessionService.ItemInput) model.getAttribute("input")));
		}
		return "steering/session";
	}

	/** The live reading of an item while it is typed (htmx): agencies found, nearest names, the deadline read. */
	@PostMapping(ROUTE + "/{id}/items/check")
	String check(@PathVariable long id, @RequestParam(required = false) String addressee,
			@RequestParam(required = false) String instruction, @RequestParam(required = false) String expectedOutput,
			@RequestParam(required = false) String deadline, @RequestParam(defaultValue = "false") boolean reportBack,
			Model model) {
		access.requireRoute(ROUTE);
		model.addAttribute("check",
				sessions.check(new SessionService.ItemInput(addressee, instruction, expectedOutput, deadline, reportBack)));
		return "steering/session :: check";
	}

	@PostMapping(ROUTE + "/{id}/items")
	String saveItem(@PathVariable long id, @RequestParam(required = false) Long itemId,
			@RequestParam(required = false) Long version, @RequestParam(required = false) String addressee,
			@RequestParam(required = false) String instruction, @RequestParam(required = false) String expectedOutput,
			@RequestParam(required = false) String deadline, @RequestParam(defaultValue = "false") boolean reportBack,
			Model model, RedirectAttributes redirect) {
		access.requireRoute(ROUTE);
		SessionService.ItemInput in = new SessionService.ItemInput(addressee, instruction, expectedOutput, deadline,
				reportBack);
		try {
			SessionService.Item it = sessions.saveItem(id, itemId, in, version);
			if (it.draft()) {
				Flash.warning(redirect, "steering.flash.itemDraft", it.position(), it.problem());
			}
			else {
				Flash.done(redirect, "steering.flash.itemSaved", it.position());
			}
			return "redirect:" + ROUTE + "/" + id + "#items";
		}
		catch (DomainException e) {
			if (e instanceof ConcurrentEditException) {
				throw e;
			}
			if (e instanceof vn.nq57.system.FieldsRefused f) {
				model.addAttribute(vn.nq57.system.FieldErrors.ATTRIBUTE, f.fields());
				model.addAttribute("error", Flash.text("form.notSaved"));
			}
			else {
				model.addAttribute("error", e.getMessage());
			}
			model.addAttribute("input", in);
			model.addAttribute("check", sessions.check(in));
			if (itemId != null) {
				model.addAttribute("editing", sessions.item(itemId));
			}
			return page(id, null, model);
		}
	}

	@PostMapping(ROUTE + "/{id}/items/{itemId}/delete")
	String deleteItem(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) Long version,
			RedirectAttributes redirect) {
		access.requireRoute(ROUTE);
		try {
			sessions.deleteItem(id, itemId, version);
			Flash.done(redirect, "steering.flash.itemDeleted");
		}
		catch (DomainException e) {
			if (e instanceof ConcurrentEditException) {
				throw e;
			}
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:" + ROUTE + "/" + id + "#items";
	}

	@PostMapping(ROUTE + "/{id}/issue")
	String issue(@PathVariable long id, @RequestParam(required = false) String number,
			@RequestParam(required = false) LocalDate issuedOn, @RequestParam(required = false) String signer,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		access.requireRoute(ROUTE);
		try {
			SessionService.Session s = sessions.issue(id, number, issuedOn, signer, version);
			Flash.done(redirect, "steering.flash.issued", s.noticeNumber(), sessions.items(id).size());
		}
		catch (DomainException e) {
			if (e instanceof ConcurrentEditException) {
				throw e;
			}
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:" + ROUTE + "/" + id;
	}

	@GetMapping(ROUTE + "/{id}/brief")
	String brief(@PathVariable long id, Model model) {
		access.requireRoute(ROUTE);
		model.addAttribute("b", briefs.brief(id));
		return "steering/brief";
	}

	@GetMapping(ROUTE + "/{id}/brief.docx")
	ResponseEntity<byte[]> briefDocx(@PathVariable long id) {
		access.requireRoute(ROUTE);
		BriefService.Brief b = briefs.brief(id);
		return file(briefs.docx(b), "bao-cao-phuc-vu-phien-hop-" + b.session().heldOn() + ".docx", DOCX);
	}

	@GetMapping(ROUTE + "/{id}/notice.docx")
	ResponseEntity<byte[]> notice(@PathVariable long id) {
		access.requireRoute(ROUTE);
		SessionService.Session s = sessions.get(id);
		byte[] doc = s.issued() ? sessions.noticeDocx(id) : sessions.draftDocx(id);
		return file(doc, (s.issued() ? "thong-bao-ket-luan-" : "du-thao-thong-bao-ket-luan-") + s.heldOn() + ".docx", DOCX);
	}

	static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(type).body(body);
	}
}
