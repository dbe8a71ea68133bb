package vn.nq57.agency;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.agency.AgencyDirectory.AgencyForm;
import vn.nq57.system.DomainException;
import vn.nq57.system.Flash;
import vn.nq57.system.TextRules;

/** ADMIN: the agency registry, its aliases and collectives, and CSV in and out. */
@Controller
@RequestMapping("/admin/agencies")
class AgencyAdminController {

	private final AgencyDirectory directory;
	private final AgencyRepository agencies;
	private final AgencyCsv csv;

	AgencyAdminController(AgencyDirectory directory, AgencyRepository agencies, AgencyCsv csv) {
		this.directory = directory;
		this.agencies = agencies;
		this.csv = csv;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, Model model) {
		String key = AgencyNames.key(q);
		List<Agency> all = agencies.findAll(org.springframework.data.domain.Sort.by("kind", "name"));
		model.addAttribute("agencies", key.isEmpty() ? all
				: all.stream().filter(a -> AgencyNames.key(a.getName() + " " + a.getCode() + " "
						+ a.getAliases().stream().map(AgencyAlias::getAlias).toList()).contains(key)).toList());
		model.addAttribute("q", q);
		return "agency/list";
	}

	@GetMapping({ "/new", "/{id}" })
	String form(@PathVariable(required = false) Long id, Model model) {
		if (!model.containsAttribute("agency")) {
			model.addAttribute("agency", id == null ? null : directory.get(id));
		}
		Agency a = (Agency) model.getAttribute("agency");
		model.addAttribute("aliasText", a == null ? "" : String.join("\n", a.getAliases().stream()
			.map(AgencyAlias::getAlias).filter(x -> !x.equals(a.getName()) && !x.equals(a.getShortName())).toList()));
		model.addAttribute("kinds", AgencyKind.values());
		return "agency/form";
	}

	@PostMapping({ "/new", "/{id}" })
	String save(@PathVariable(required = false) Long id, @RequestParam(required = false) String code,
			@RequestParam(required = false) String name, @RequestParam(required = false) String shortName,
			@RequestParam AgencyKind kind, @RequestParam(required = false) List<AgencyKind> memberKinds,
			@RequestParam(required = false) String aliases, @RequestParam(required = false) String email,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) Long version,
			vn.nq57.system.FieldErrors problems, Model model, RedirectAttributes redirect) {
		// every problem at once, each beside its field; the form shows what was typed (param.*)
		if (code == null || code.isBlank()) {
			problems.reject("code", "Chưa nhập mã cơ quan");
		}
		if (name == null || name.isBlank()) {
			problems.reject("name", "Chưa nhập tên cơ quan");
		}
		if (email != null && !email.isBlank() && !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			problems.reject("email", "Địa chỉ thư điện tử không hợp lệ");
		}
		try {
			TextRules.requireSafe(code, name, shortName, aliases, email);
			problems.throwIfAny();
			Set<AgencyKind> members = memberKinds == null ? EnumSet.noneOf(AgencyKind.class) : EnumSet.copyOf(memberKinds);
			List<String> aliasList = aliases == null ? List.of()
					: Arrays.stream(aliases.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
			directory.save(id, new AgencyForm(code, name, blank(shortName), kind, members, aliasList, blank(email), active),
					version);
			Flash.done(redirect, "flash.agency.saved", name);
			return "redirect:/admin/agencies";
		}
		catch (vn.nq57.system.ConcurrentEditException e) {
			throw e;
		}
		catch (DomainException e) {
			if (e.field() != null) {
				problems.reject(e.field(), e.getMessage());
			}
			model.addAttribute("error", e.field() != null ? Flash.text("form.notSaved") : e.getMessage());
			return form(id, model);
		}
	}

	@GetMapping("/export.csv")
	ResponseEntity<byte[]> export() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"co-quan-don-vi.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.export().getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/import")
	String importCsv(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
		if (file.isEmpty()) {
			Flash.errorKey(redirect, "flash.agency.noFile");
			return "redirect:/admin/agencies";
		}
		if (file.getSize() > 2 * 1024 * 1024) {
			Flash.error(redirect, "Tệp danh mục “" + vn.nq57.system.UploadChecks.cleanName(file.getOriginalFilename())
					+ "” quá lớn (" + vn.nq57.system.UploadChecks.size(file.getSize())
					+ "); tệp CSV danh mục cơ quan tối đa 2 MB. Chưa nạp dòng nào");
			return "redirect:/admin/agencies";
		}
		try (var reader = new java.io.StringReader(vn.nq57.system.TextFiles.decode(file.getBytes()))) {
			AgencyCsv.Parsed parsed = csv.parse(reader);
			int n = csv.load(parsed);
			Flash.done(redirect, "flash.agency.imported", String.valueOf(n));
		}
		catch (DomainException e) {
			Flash.error(redirect, e.getMessage());
		}
		catch (IOException e) {
			Flash.errorKey(redirect, "flash.agency.unreadable");
		}
		return "redirect:/admin/agencies";
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
