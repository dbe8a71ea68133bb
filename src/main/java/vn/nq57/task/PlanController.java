package vn.nq57.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.account.AccessPolicy;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;

/** DoST: directive documents and plans with their task groups. */
@Controller
class PlanController {

	private final TaskService tasks;
	private final AccessPolicy access;

	PlanController(TaskService tasks, AccessPolicy access) {
		this.tasks = tasks;
		this.access = access;
	}

	@GetMapping("/plans")
	String plans(Model model) {
		access.require(AccessPolicy.current().seesEveryAgency(), "PLAN", null, "xem danh mục kế hoạch, văn bản");
		model.addAttribute("plans", tasks.plans());
		model.addAttribute("directives", tasks.directives());
		model.addAttribute("kinds", DirectiveKind.values());
		return "task/plans";
	}

	@PostMapping("/directives")
	String saveDirective(@RequestParam(required = false) DirectiveKind kind, @RequestParam(required = false) String number,
			@RequestParam(name = "issuedOn", required = false) String issuedOnTyped, @RequestParam(required = false) String issuer,
			@RequestParam(required = false) String title, RedirectAttributes redirect) {
		LocalDate issuedOn = null;
		String badDate = null;
		if (issuedOnTyped != null && !issuedOnTyped.isBlank()) {
			String t = issuedOnTyped.strip();
			try {
				issuedOn = vn.nq57.kernel.VnFormat.typedDay(t);
			}
			catch (java.time.format.DateTimeParseException e) {
				badDate = "Ngày ban hành “" + t + "” không hợp lệ; hãy nhập theo dạng dd/MM/yyyy";
			}
		}
		try {
			if (badDate != null) {
				// the other fields checked all the same: the date's message beside it, theirs beside them
				vn.nq57.system.FieldErrors f = new vn.nq57.system.FieldErrors().reject("issuedOn", badDate);
				try {
					tasks.checkDirective(kind, number, issuer, title);
				}
				catch (vn.nq57.system.FieldsRefused r) {
					r.fields().all().forEach((k, v) -> v.forEach(m -> f.reject(k, m)));
				}
				f.refuseIfAny();
			}
			tasks.saveDirective(null, kind, number, issuedOn, issuer, title, null);
			Flash.done(redirect, "flash.directive.added", number);
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/plans";
	}

	/** Groups are typed one per line as "I. Title" (or "I | Title"). */
	@PostMapping("/plans")
	String savePlan(@RequestParam(required = false) Long directiveId, @RequestParam String title,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String groups,
			RedirectAttributes redirect) {
		try {
			List<String[]> lines = new ArrayList<>();
			if (groups != null) {
				for (String line : groups.split("\\R")) {
					String l = line.strip();
					if (l.isEmpty()) {
						continue;
					}
					String[] parts = l.split("\\s*(\\||\\.)\\s*", 2);
					if (parts.length < 2 || parts[1].isBlank()) {
						throw new vn.nq57.system.FieldsRefused("Dòng nhóm “" + l + "” cần dạng “I. Tên nhóm”",
								new vn.nq57.system.FieldErrors().reject("groups", "Dòng nhóm “" + l + "” cần dạng “I. Tên nhóm”"));
					}
					lines.add(new String[] { parts[0], parts[1] });
				}
			}
			tasks.savePlan(null, directiveId, title, year, lines, null);
			Flash.done(redirect, "flash.plan.created");
		}
		catch (DomainException e) {
			Flash.refused(redirect, e);
		}
		return "redirect:/plans";
	}
}
