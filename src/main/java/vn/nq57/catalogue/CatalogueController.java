package vn.nq57.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;

/**
 * The catalogue pages: big problems with their life cycle, the inventory, technology needs and offers, initiatives,
 * and the Excel export and import of every register. Each action is decided by the services (role and agency); a
 * refusal comes back as the page's message, a stale edit as 409.
 */
@Controller
class CatalogueController {

	private static final int SIZE = 20;

	private final BigProblemService problems;
	private final InventoryService inventory;
	private final TechService tech;
	private final InitiativeService initiatives;
	private final RegisterImport registers;
	private final DuplicateCheck duplicates;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;

	CatalogueController(BigProblemService problems, InventoryService inventory, TechService tech,
			InitiativeService initiatives, RegisterImport registers, DuplicateCheck duplicates, AgencyDirectory agencies,
			AccessPolicy access) {
		this.problems = problems;
		this.inventory = inventory;
		this.tech = tech;
		this.initiatives = initiatives;
		this.registers = registers;
		this.duplicates = duplicates;
		this.agencies = agencies;
		this.access = access;
	}

	private String act(RedirectAttributes redirect, Runnable work, String doneKey, String back) {
		try {
			work.run();
			Flash.done(redirect, doneKey);
		}
		catch (ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:" + back;
	}

	private void common(Model model) {
		CurrentUser user = AccessPolicy.current();
		model.addAttribute("me", user);
		model.addAttribute("isSecretariat", user.is(Role.SECRETARIAT));
		model.addAttribute("agencies", agencies.assignable());
	}

	// ----- big problems -----

	@GetMapping("/catalogue/problems")
	String problems(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page, Model model) {
		access.requireRoute("/catalogue/problems");
		common(model);
		BigProblemState s = state == null || state.isBlank() ? null : BigProblemState.valueOf(state);
		model.addAttribute("page", problems.search(new BigProblemService.Filter(q, s, null), Math.max(0, page), SIZE));
		model.addAttribute("q", q);
		model.addAttribute("state", state);
		model.addAttribute("states", BigProblemState.values());
		model.addAttribute("counter", problems.counter());
		return "catalogue/problems";
	}

	@GetMapping("/catalogue/problems/new")
	String newProblem(Model model) {
		common(model);
		model.addAttribute("p", null);
		model.addAttribute("form", new BigProblemService.Input(null, null, null, null, null,
				AccessPolicy.current().agencyId(), null, null, null));
		return "catalogue/problem-form";
	}

	@GetMapping("/catalogue/problems/{id}/edit")
	String editProblem(@PathVariable long id, Model model) {
		common(model);
		BigProblem b = problems.get(id);
		model.addAttribute("p", b);
		model.addAttribute("form", new BigProblemService.Input(b.title(), b.statement(), b.expectedProduct(), b.timeline(),
				b.costEstimate() == null ? "" : vn.nq57.kernel.Money.format(b.costEstimate()), b.proposingAgencyId(),
				b.leadAgencyId(), b.nationalProgramme(), b.sourceDocument()));
		return "catalogue/problem-form";
	}

	@PostMapping({ "/catalogue/problems", "/catalogue/problems/{id}/edit" })
	String saveProblem(@PathVariable(required = false) Long id, BigProblemService.Input form,
			@RequestParam(required = false) Long version, @RequestParam(defaultValue = "false") boolean acknowledge,
			vn.nq57.system.FieldErrors problemsFound, Model model, RedirectAttributes redirect) {
		try {
			problemsFound.throwIfAny();
			long saved;
			if (id == null) {
				saved = problems.propose(form, acknowledge);
			}
			else {
				problems.edit(id, form, version == null ? -1 : version, acknowledge);
				saved = id;
			}
			Flash.done(redirect, "flash.catalogue.saved");
			return "redirect:/catalogue/problems/" + saved;
		}
		catch (ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			common(model);
			model.addAttribute("p", id == null ? null : problems.get(id));
			model.addAttribute("form", form);
			if (e instanceof vn.nq57.system.FieldsRefused f) {
				model.addAttribute(vn.nq57.system.FieldErrors.ATTRIBUTE, f.fields());
				model.addAttribute("error", Flash.text("form.notSaved"));
			}
			else {
				model.addAttribute("error", e.getMessage());
			}
			if (e instanceof DuplicateWarning w) {
				model.addAttribute("matches", w.matches());
			}
			return "catalogue/problem-form";
		}
	}

	/** The nearest entries while typing (htmx, or a plain GET without JavaScript). */
	@GetMapping("/catalogue/duplicates")
	String nearest(@RequestParam(required = false) String title, @RequestParam(required = false) String register,
			@RequestParam(required = false) Long except, Model model) {
		AccessPolicy.current();
		model.addAttribute("matches", duplicates.nearest(title, register, except));
		return "catalogue/duplicates :: list";
	}

	@GetMapping("/catalogue/problems/{id}")
	String problem(@PathVariable long id, Model model) {
		common(model);
		BigProblem b = problems.get(id);
		model.addAttribute("p", b);
		model.addAttribute("history", problems.history(id));
		model.addAttribute("criteria", problems.criteria());
		model.addAttribute("files", problems.files(id));
		model.addAttribute("progress", problems.progress(b));
		model.addAttribute("canEdit", AccessPolicy.current().is(Role.SECRETARIAT)
				|| (b.state().editable() && access.canReport(AccessPolicy.current(), b.proposingAgencyId())));
		model.addAttribute("orderText", "Xây dựng thuyết minh, đặt hàng nhiệm vụ khoa học, công nghệ: " + b.title()
				+ " | Thuyết minh nhiệm vụ được phê duyệt | Quý I/" + (java.time.LocalDate.now().getYear() + 1) + "\n"
				+ "Triển khai thực hiện bài toán lớn: " + b.title() + " | " + (b.expectedProduct() == null ? "Sản phẩm của bài toán" : b.expectedProduct())
				+ " | " + (b.timeline() == null ? "Năm " + (java.time.LocalDate.now().getYear() + 1) : b.timeline()));
		return "catalogue/problem";
	}

	@PostMapping("/catalogue/problems/{id}/step")
	String step(@PathVariable long id, @RequestParam String action, @RequestParam long version,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String decisionNumber,
			@RequestParam(required = false) String decisionDate, @RequestParam(required = false) String acceptedOn,
			@RequestParam(required = false) String note, @RequestParam(required = false) List<String> met,
			@RequestParam(required = false) String tasks, @RequestParam(required = false) Long planId,
			@RequestParam(required = false) String planTitle, RedirectAttributes redirect) {
		return act(redirect, () -> {
			switch (action) {
				case "review" -> problems.startReview(id, version);
				case "score" -> {
					Map<String, Boolean> m = new LinkedHashMap<>();
					for (String c : problems.criteria()) {
						m.put(c, met != null && met.contains(c));
					}
					problems.review(id, version, m, note);
				}
				case "return" -> problems.returnToAgency(id, version, reason);
				case "refuse" -> problems.refuse(id, version, reason);
				case "resubmit" -> problems.resubmit(id, version);
				case "select" -> problems.select(id, version, decisionNumber, decisionDate);
				case "order" -> problems.order(id, version, new BigProblemService.OrderInput(planId, planTitle, null, taskLines(tasks)));
				case "start" -> problems.startWork(id, version);
				case "accept" -> problems.accept(id, version, acceptedOn, note);
				case "publish" -> problems.publish(id, version);
				default -> throw new DomainException("Thao tác không hợp lệ");
			}
		}, "flash.catalogue.stepDone", "/catalogue/problems/" + id);
	}

	static List<BigProblemService.TaskLine> taskLines(String text) {
		List<BigProblemService.TaskLine> out = new ArrayList<>();
		if (text == null) {
			return out;
		}
		for (String line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\\|", -1);
			out.add(new BigProblemService.TaskLine(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null,
					parts.length > 2 ? parts[2].strip() : null));
		}
		return out;
	}

	@PostMapping("/catalogue/problems/{id}/files")
	String upload(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
		return act(redirect, () -> {
			try {
				problems.addFile(id, file.getOriginalFilename(), file.getBytes());
			}
			catch (java.io.IOException e) {
				throw new DomainException("Không đọc được tệp tải lên");
			}
		}, "flash.catalogue.fileAdded", "/catalogue/problems/" + id);
	}

	@GetMapping("/catalogue/problems/{id}/files/{fileId}")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
		BigProblemService.FileData f = problems.file(id, fileId);
		return file(f.data(), f.name(), f.contentType());
	}

	// ----- inventory -----

	@GetMapping("/catalogue/systems")
	String systems(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String hosting, @RequestParam(required = false) Boolean lgsp,
			@RequestParam(defaultValue = "0") int page, Model model) {
		access.requireRoute("/catalogue/systems");
		common(model);
		InfoSystem.Status st = status == null || status.isBlank() ? null : InfoSystem.Status.valueOf(status);
		InfoSystem.Hosting h = hosting == null || hosting.isBlank() ? null : InfoSystem.Hosting.valueOf(hosting);
		model.addAttribute("page", inventory.search(new InventoryService.Filter(q, st, h, lgsp, null), Math.max(0, page), SIZE));
		model.addAttribute("counts", inventory.counts());
		model.addAttribute("q", q);
		model.addAttribute("status", status);
		model.addAttribute("hosting", hosting);
		model.addAttribute("statuses", InfoSystem.Status.values());
		model.addAttribute("hostings", InfoSystem.Hosting.values());
		model.addAttribute("kinds", InfoSystem.Kind.values());
		return "catalogue/systems";
	}

	@GetMapping("/catalogue/systems/{id}")
	String system(@PathVariable long id, Model model) {
		common(model);
		InfoSystem sys = inventory.get(id);
		model.addAttribute("s", sys);
		model.addAttribute("linkedTasks", inventory.linkedTasks(sys));
		model.addAttribute("linkableProblems", inventory.linkableProblems(sys.bigProblemId()));
		model.addAttribute("statuses", InfoSystem.Status.values());
		model.addAttribute("hostings", InfoSystem.Hosting.values());
		model.addAttribute("kinds", InfoSystem.Kind.values());
		return "catalogue/system";
	}

	/**
	 * The link form of a system's page: the tasks kept (ticked), task numbers added (typed, separated by commas or
	 * spaces) and the big problem.
	 */
	@PostMapping("/catalogue/systems/{id}/links")
	String linkSystem(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) List<Long> keep, @RequestParam(required = false) String add,
			@RequestParam(required = false) Long bigProblemId, RedirectAttributes redirect) {
		return act(redirect, () -> {
			List<Long> tasks = new java.util.ArrayList<>(keep == null ? List.of() : keep);
			for (String part : (add == null ? "" : add).split("[,;\\s]+")) {
				String t = part.strip().replaceFirst("^#", "");
				if (t.isEmpty()) {
					continue;
				}
				if (!t.matches("\\d{1,18}")) {
					throw new DomainException("“" + part.strip() + "” không phải số hiệu nhiệm vụ (chỉ gồm chữ số)");
				}
				tasks.add(Long.parseLong(t));
			}
			inventory.link(id, version, tasks, bigProblemId);
		}, "flash.catalogue.saved", "/catalogue/systems/" + id);
	}

	@PostMapping({ "/catalogue/systems", "/catalogue/systems/{id}" })
	String saveSystem(@PathVariable(required = false) Long id, InventoryService.Input form,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		try {
			long saved = id == null ? inventory.create(form) : id;
			if (id != null) {
				inventory.update(id, form, version == null ? -1 : version);
			}
			Flash.done(redirect, "flash.catalogue.saved");
			return "redirect:/catalogue/systems/" + saved;
		}
		catch (ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
			return "redirect:" + (id == null ? "/catalogue/systems" : "/catalogue/systems/" + id);
		}
	}

	// ----- technology needs and offers -----

	@GetMapping("/catalogue/tech")
	String tech(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
			@RequestParam(defaultValue = "0") int page, Model model) {
		access.requireRoute("/catalogue/tech");
		common(model);
		model.addAttribute("needs", tech.needs(q, field, Math.max(0, page), SIZE));
		model.addAttribute("offers", tech.offers(q, field, 0, SIZE));
		model.addAttribute("fields", tech.fields());
		model.addAttribute("q", q);
		model.addAttribute("field", field);
		return "catalogue/tech";
	}

	@PostMapping("/catalogue/tech/needs")
	String addNeed(TechService.NeedInput form, RedirectAttributes redirect) {
		return act(redirect, () -> tech.createNeed(form), "flash.catalogue.saved", "/catalogue/tech");
	}

	@PostMapping("/catalogue/tech/offers")
	String addOffer(TechService.OfferInput form, RedirectAttributes redirect) {
		return act(redirect, () -> tech.createOffer(form), "flash.catalogue.saved", "/catalogue/tech");
	}

	@GetMapping("/catalogue/tech/needs/{id}")
	String need(@PathVariable long id, Model model) {
		common(model);
		model.addAttribute("n", tech.need(id));
		model.addAttribute("agencyName", agencies.find(tech.need(id).agencyId() == null ? -1 : tech.need(id).agencyId())
			.map(a -> a.getName()).orElse(""));
		model.addAttribute("matches", tech.offersFor(id));
		TechService.Need shown = tech.need(id);
		CurrentUser viewer = AccessPolicy.current();
		model.addAttribute("canEdit", viewer.is(Role.SECRETARIAT)
				|| (shown.agencyId() != null && access.canReport(viewer, shown.agencyId())));
		model.addAttribute("connections", tech.connections(id, null));
		return "catalogue/need";
	}

	/** The edit and close page of a need: its agency's staff and DoST. */
	@GetMapping("/catalogue/tech/needs/{id}/edit")
	String editNeed(@PathVariable long id, Model model) {
		common(model);
		TechService.Need n = tech.need(id);
		CurrentUser user = AccessPolicy.current();
		if (!(user.is(Role.SECRETARIAT) || (n.agencyId() != null && access.canReport(user, n.agencyId())))) {
			throw new org.springframework.security.access.AccessDeniedException("sửa nhu cầu công nghệ của cơ quan khác");
		}
		model.addAttribute("n", n);
		return "catalogue/need-edit";
	}

	@PostMapping("/catalogue/tech/needs/{id}")
	String saveNeed(@PathVariable long id, TechService.NeedInput form, @RequestParam long version,
			RedirectAttributes redirect) {
		try {
			tech.updateNeed(id, form, version);
			Flash.done(redirect, "flash.catalogue.saved");
			return "redirect:/catalogue/tech/needs/" + id;
		}
		catch (ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			return "redirect:/catalogue/tech/needs/" + id + "/edit";
		}
	}

	@PostMapping("/catalogue/tech/needs/{id}/close")
	String closeNeed(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(redirect, () -> tech.setNeedOpen(id, version, false, reason), "flash.catalogue.saved",
				"/catalogue/tech/needs/" + id);
	}

	@PostMapping("/catalogue/tech/needs/{id}/reopen")
	String reopenNeed(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		return act(redirect, () -> tech.setNeedOpen(id, version, true, null), "flash.catalogue.saved",
				"/catalogue/tech/needs/" + id);
	}

	@PostMapping("/catalogue/tech/needs/{id}/connect")
	String connect(@PathVariable long id, @RequestParam long offerId, @RequestParam(required = false) String note,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		return act(redirect, () -> tech.connect(id, offerId, note, version), "flash.catalogue.connected",
				"/catalogue/tech/needs/" + id);
	}

	// ----- initiatives -----

	@GetMapping("/catalogue/initiatives")
	String initiatives(@RequestParam(required = false) String q, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page, Model model) {
		access.requireRoute("/catalogue/initiatives");
		common(model);
		InitiativeService.State s = state == null || state.isBlank() ? null : InitiativeService.State.valueOf(state);
		model.addAttribute("page", initiatives.search(q, year, s, Math.max(0, page), SIZE));
		model.addAttribute("q", q);
		model.addAttribute("year", year == null ? java.time.Year.now().getValue() : year);
		model.addAttribute("state", state);
		model.addAttribute("states", InitiativeService.State.values());
		return "catalogue/initiatives";
	}

	@PostMapping("/catalogue/initiatives")
	String submitInitiative(InitiativeService.Input form, @RequestParam(defaultValue = "false") boolean acknowledge,
			RedirectAttributes redirect) {
		return act(redirect, () -> initiatives.submit(form, acknowledge), "flash.catalogue.saved", "/catalogue/initiatives");
	}

	@GetMapping("/catalogue/initiatives/{id}")
	String initiative(@PathVariable long id, Model model) {
		common(model);
		model.addAttribute("i", initiatives.get(id));
		model.addAttribute("scores", initiatives.scores(id));
		model.addAttribute("canScore", AccessPolicy.current().is(Role.SECRETARIAT) || AccessPolicy.current().is(Role.LEADER));
		return "catalogue/initiative";
	}

	@PostMapping("/catalogue/initiatives/{id}/score")
	String score(@PathVariable long id, @RequestParam(required = false) String score,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		return act(redirect, () -> initiatives.score(id, score, comment), "flash.catalogue.scored", "/catalogue/initiatives/" + id);
	}

	@PostMapping("/catalogue/initiatives/{id}/decide")
	String decide(@PathVariable long id, @RequestParam long version, @RequestParam String to, RedirectAttributes redirect) {
		return act(redirect, () -> initiatives.decide(id, version, InitiativeService.State.valueOf(to)),
				"flash.catalogue.stepDone", "/catalogue/initiatives/" + id);
	}

	@GetMapping("/catalogue/initiatives/selected.xlsx")
	ResponseEntity<byte[]> selectedXlsx(@RequestParam int year) {
		return file(initiatives.selectedXlsx(year), "sang-kien-duoc-chon-" + year + ".xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@GetMapping("/catalogue/initiatives/selected.docx")
	ResponseEntity<byte[]> selectedDocx(@RequestParam int year) {
		return file(initiatives.selectedDocx(year), "sang-kien-duoc-chon-" + year + ".docx",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	}

	// ----- Excel of every register -----

	@GetMapping("/catalogue/export/{register}")
	ResponseEntity<byte[]> export(@PathVariable String register, @RequestParam(required = false) String q) {
		AccessPolicy.current();
		return file(registers.export(register, q), register + ".xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@GetMapping("/catalogue/import/{register}")
	String importPage(@PathVariable String register, Model model) {
		common(model);
		model.addAttribute("register", registers.register(register));
		return "catalogue/import";
	}

	@GetMapping("/catalogue/import/{register}/template.xlsx")
	ResponseEntity<byte[]> importTemplate(@PathVariable String register) {
		AccessPolicy.current();
		return file(registers.template(register), register + "-mau.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@PostMapping("/catalogue/import/{register}")
	String preview(@PathVariable String register, @RequestParam("file") MultipartFile file, Model model) {
		common(model);
		model.addAttribute("register", registers.register(register));
		try {
			model.addAttribute("preview", registers.preview(register, file.getOriginalFilename(), file.getBytes()));
		}
		catch (DomainException e) {
			model.addAttribute("error", e.getMessage());
		}
		catch (java.io.IOException e) {
			model.addAttribute("error", "Không đọc được tệp tải lên");
		}
		return "catalogue/import";
	}

	@PostMapping("/catalogue/import/{register}/commit")
	String commit(@PathVariable String register, @RequestParam String token,
			@RequestParam(defaultValue = "false") boolean acknowledge, RedirectAttributes redirect) {
		try {
			int n = registers.commit(register, token, acknowledge);
			Flash.done(redirect, "flash.catalogue.imported", n);
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			return "redirect:/catalogue/import/" + register;
		}
		return "redirect:" + switch (register) {
			case "problems" -> "/catalogue/problems";
			case "systems" -> "/catalogue/systems";
			case "needs", "offers" -> "/catalogue/tech";
			case "initiatives" -> "/catalogue/initiatives";
			default -> "/recommendations";
		};
	}

	static ResponseEntity<byte[]> file(byte[] data, String name, String type) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(type))
			.body(data);
	}

}
