package vn.nq57.intake;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.AccessPolicy;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.Flash;
import vn.nq57.task.TaskService;
import vn.nq57.system.DomainException;

/** DoST's pages: upload a plan or a notice, review the preview, fix or drop rows, map names, confirm. */
@Controller
class IntakeController {

	private final IntakeService intake;
	private final TaskService tasks;
	private final AgencyDirectory agencies;
	private final AccessPolicy access;

	IntakeController(IntakeService intake, TaskService tasks, AgencyDirectory agencies, AccessPolicy access) {
		this.intake = intake;
		this.tasks = tasks;
		this.agencies = agencies;
		this.access = access;
	}

	@GetMapping("/intake")
	String start(Model model) {
		access.require(access.canManagePlans(AccessPolicy.current()), "INTAKE", null, "nhập kế hoạch (chỉ Sở KH&CN)");
		model.addAttribute("plans", tasks.plans());
		model.addAttribute("directives", tasks.directives());
		model.addAttribute("recent", intake.recent(15));
		model.addAttribute("maxMb", intake.maxBytes() / (1024 * 1024));
		return "intake/start";
	}

	@PostMapping("/intake/appendix")
	String appendix(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Long targetPlanId,
			@RequestParam(required = false) String planTitle, @RequestParam(required = false) Integer planYear,
			@RequestParam(required = false) Long directiveId, @RequestParam(required = false) String directiveNumber,
			@RequestParam(required = false) LocalDate directiveDate, RedirectAttributes redirect) throws IOException {
		try {
			IntakeSettings s = new IntakeSettings(targetPlanId, planTitle, planYear, directiveId, directiveNumber,
					directiveDate, null, null);
			long id = intake.startAppendix(name(file), bytes(file), s);
			return "redirect:/intake/" + id;
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			return "redirect:/intake";
		}
	}

	@PostMapping("/intake/notice")
	String notice(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String text,
			@RequestParam(required = false) String directiveNumber, @RequestParam(required = false) LocalDate directiveDate,
			@RequestParam(required = false) String directiveTitle, RedirectAttributes redirect) throws IOException {
		try {
			byte[] data = file == null || file.isEmpty() ? null : bytes(file);
			long id = intake.startNotice(data == null ? null : name(file), data, text,
					new IntakeSettings(null, null, null, null, directiveNumber, directiveDate, null, directiveTitle));
			return "redirect:/intake/" + id;
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			return "redirect:/intake";
		}
	}

	@GetMapping("/intake/{id}")
	String preview(@PathVariable long id, Model model) {
		IntakeService.Batch b = intake.batch(id);
		model.addAttribute("batch", b);
		model.addAttribute("preview", intake.preview(b));
		model.addAttribute("repeats", intake.repeats(b));
		model.addAttribute("plans", tasks.plans());
		model.addAttribute("directives", tasks.directives());
		model.addAttribute("agencyOptions", agencies.active());
		model.addAttribute("codes", FindingCode.values());
		return "intake/preview";
	}

	@PostMapping("/intake/{id}/rows/{index}")
	String editRow(@PathVariable long id, @PathVariable int index, @RequestParam long version,
			@RequestParam(required = false) String stt, @RequestParam(required = false) String title,
			@RequestParam(required = false) String accountableHead, @RequestParam(required = false) String leads,
			@RequestParam(required = false) String coordinators, @RequestParam(required = false) String expectedOutput,
			@RequestParam(required = false) String deadline, RedirectAttributes redirect) {
		try {
			intake.editRow(id, index, new IntakeService.RowEdit(stt, title, accountableHead, leads, coordinators,
					expectedOutput, deadline), version);
			Flash.done(redirect, "flash.intake.rowEdited");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/intake/" + id + "#row-" + index;
	}

	@PostMapping("/intake/{id}/rows/{index}/drop")
	String drop(@PathVariable long id, @PathVariable int index, @RequestParam long version,
			@RequestParam boolean dropped, RedirectAttributes redirect) {
		try {
			intake.setDropped(id, index, dropped, version);
			Flash.done(redirect, dropped ? "flash.intake.rowDropped" : "flash.intake.rowKept");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/intake/" + id + "#row-" + index;
	}

	@PostMapping("/intake/{id}/settings")
	String settings(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) Long targetPlanId,
			@RequestParam(required = false) String planTitle, @RequestParam(required = false) Integer planYear,
			@RequestParam(required = false) Long directiveId, @RequestParam(required = false) String directiveNumber,
			@RequestParam(required = false) LocalDate directiveDate, @RequestParam(required = false) String directiveIssuer,
			@RequestParam(required = false) String directiveTitle, RedirectAttributes redirect) {
		try {
			intake.updateSettings(id, new IntakeSettings(targetPlanId, planTitle, planYear, directiveId, directiveNumber,
					directiveDate, directiveIssuer, directiveTitle), version);
			Flash.done(redirect, "flash.intake.headerSaved");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/intake/" + id;
	}

	@PostMapping("/intake/{id}/map")
	String map(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) Long agencyId,
			RedirectAttributes redirect) {
		try {
			if (agencyId == null) {
				throw new DomainException("Chưa chọn cơ quan cho tên “" + name + "”");
			}
			intake.mapName(id, name, agencyId);
			Flash.done(redirect, "flash.intake.aliasSaved", name, agencies.get(agencyId).getName());
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/intake/" + id + "#unknown-names";
	}

	@PostMapping("/intake/{id}/commit")
	String commit(@PathVariable long id, @RequestParam long version,
			@RequestParam(name = "keep", required = false) List<Long> keep,
			@RequestParam(required = false) IntakeService.RepeatChoice repeats, RedirectAttributes redirect) {
		try {
			Set<Long> keepRemoved = keep == null ? Set.of() : new HashSet<>(keep);
			IntakeService.CommitResult r = intake.commit(id, version, keepRemoved, repeats);
			Flash.done(redirect, "flash.intake.committed", String.valueOf(r.created().size()), String.valueOf(r.updated().size()),
					String.valueOf(r.unchanged().size()), String.valueOf(r.deleted().size()));
			return r.planId() != null ? "redirect:/tasks?plan=" + r.planId() + "&sort=plan" : "redirect:/tasks";
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
			return "redirect:/intake/" + id;
		}
	}

	/** The file is a new version of the plan that holds its repeated tasks: the preview becomes a comparison. */
	@PostMapping("/intake/{id}/new-version")
	String newVersion(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
		try {
			intake.importAsNewVersion(id, version);
			Flash.done(redirect, "flash.intake.newVersion");
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		return "redirect:/intake/" + id;
	}

	@PostMapping("/intake/{id}/discard")
	String discard(@PathVariable long id, RedirectAttributes redirect) {
		intake.discard(id);
		Flash.done(redirect, "flash.intake.cancelled");
		return "redirect:/intake";
	}

	private static String name(MultipartFile file) {
		return file == null || file.getOriginalFilename() == null ? "tệp tải lên" : file.getOriginalFilename();
	}

	private byte[] bytes(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new IntakeException("Chưa chọn tệp Word (.docx) hoặc Excel (.xlsx) để nhập");
		}
		try (var in = file.getInputStream()) {
			return OfficeFiles.readAll(in, intake.maxBytes(), name(file));
		}
	}
}
