package vn.nq57.agency;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The registry as JSON: names and aliases are public knowledge to every signed-in user. */
@RestController
@RequestMapping("/api/v1/agencies")
@Tag(name = "Cơ quan, đơn vị", description = "Danh mục cơ quan, đơn vị và tên gọi khác")
class AgencyApiController {

	public record AgencyView(long id, String code, String name, String shortName, AgencyKind kind,
			List<AgencyKind> memberKinds, List<String> aliases, boolean active) {
		static AgencyView of(Agency a) {
			return new AgencyView(a.getId(), a.getCode(), a.getName(), a.getShortName(), a.getKind(),
					List.copyOf(a.getMemberKinds()), a.getAliases().stream().map(AgencyAlias::getAlias).toList(),
					a.isActive());
		}
	}

	private final AgencyRepository agencies;
	private final AgencyDirectory directory;

	AgencyApiController(AgencyRepository agencies, AgencyDirectory directory) {
		this.agencies = agencies;
		this.directory = directory;
	}

	@GetMapping
	@Operation(summary = "Danh mục cơ quan, đơn vị (phân trang)")
	List<AgencyView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "200") int size) {
		var pageable = org.springframework.data.domain.PageRequest.of(vn.nq57.system.Bounds.page(page),
				vn.nq57.system.Bounds.size(size, 1000),
				org.springframework.data.domain.Sort.by("kind", "name"));
		return agencies.findAll(pageable).map(AgencyView::of).getContent();
	}

	@GetMapping("/{id}")
	AgencyView get(@PathVariable long id) {
		return AgencyView.of(directory.get(id));
	}

	@GetMapping("/resolve")
	@Operation(summary = "Tìm cơ quan theo tên gọi trong văn bản (không phân biệt hoa thường, dấu)")
	AgencyView resolve(@RequestParam String name) {
		return directory.resolve(name).map(AgencyView::of)
			.orElseThrow(() -> new vn.nq57.system.NotFoundException("Không có cơ quan nào mang tên “" + name + "”"));
	}
}
