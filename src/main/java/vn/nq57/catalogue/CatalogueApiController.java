package vn.nq57.catalogue;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.nq57.kernel.Page;
import vn.nq57.system.DomainException;

/**
 * The catalogues as JSON, with the same rights as the pages (the services decide by role and agency): big problems
 * and their life cycle, the duplicate check, the inventory and its counts, technology needs and offers with their
 * matches, initiatives, and the Excel export / preview / commit of every register.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Danh mục", description = "Bài toán lớn, hệ thống thông tin, nhu cầu và giải pháp công nghệ, sáng kiến; xuất, nhập Excel")
class CatalogueApiController {

	@Schema(description = "Một bước của vòng đời bài toán lớn: review (bắt đầu rà soát), score, return, refuse, resubmit, select, order, start, accept, publish")
	public record StepRequest(@Schema(example = "select") String action,
			@Schema(description = "Phiên bản đang xem; 409 nếu đã khác") long version, String reason, String decisionNumber,
			@Schema(example = "01/10/2026") String decisionDate, String acceptedOn, String note, Map<String, Boolean> criteria,
			Long planId, String planTitle, List<BigProblemService.TaskLine> tasks) {
	}

	@Schema(description = "Cảnh báo trùng lặp: các mục gần giống, chưa lưu; gửi lại với acknowledgeDuplicates=true để vẫn lưu")
	public record DuplicateJson(int status, String message, List<DuplicateCheck.Match> matches) {
	}

	public record Created(long id) {
	}

	private final BigProblemService problems;
	private final InventoryService inventory;
	private final InventoryIndicators indicators;
	private final TechService tech;
	private final InitiativeService initiatives;
	private final DuplicateCheck duplicates;
	private final RegisterImport registers;

	CatalogueApiController(BigProblemService problems, InventoryService inventory, InventoryIndicators indicators,
			TechService tech, InitiativeService initiatives, DuplicateCheck duplicates, RegisterImport registers) {
		this.problems = problems;
		this.inventory = inventory;
		this.indicators = indicators;
		this.tech = tech;
		this.initiatives = initiatives;
		this.duplicates = duplicates;
		this.registers = registers;
	}

	@ExceptionHandler(DuplicateWarning.class)
	ResponseEntity<DuplicateJson> duplicate(DuplicateWarning w) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(new DuplicateJson(409, w.getMessage(), w.matches()));
	}

	// ----- big problems -----

	@GetMapping("/big-problems")
	@Operation(summary = "Danh mục bài toán lớn (tìm không dấu, lọc theo tình trạng, cơ quan)",
			description = "Sở KH&CN, lãnh đạo, quản trị xem tất cả; cán bộ cơ quan xem bài toán của cơ quan mình và các bài toán đã được lựa chọn")
	Page<BigProblem> problems(@RequestParam(required = false) String q, @RequestParam(required = false) BigProblemState state,
			@RequestParam(required = false) Long agencyId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return problems.search(new BigProblemService.Filter(q, state, agencyId), Math.max(0, page), Math.min(Math.max(1, size), 500));
	}

	@GetMapping("/big-problems/{id}")
	@Operation(summary = "Một bài toán lớn")
	BigProblem problem(@PathVariable long id) {
		return problems.get(id);
	}

	@GetMapping("/big-problems/{id}/history")
	@Operation(summary = "Lịch sử các bước của bài toán lớn")
	List<BigProblemService.History> history(@PathVariable long id) {
		return problems.history(id);
	}

	@GetMapping("/big-problems/counter")
	@Operation(summary = "Số bài toán lớn đã lựa chọn so với mức tối thiểu (mặc định 3)")
	BigProblemService.Counter counter() {
		return problems.counter();
	}

	@PostMapping("/big-problems")
	@Operation(summary = "Đề xuất bài toán lớn", description = "Kinh phí viết như thường dùng: 1.250.000.000, 1,25 tỷ, 850 triệu. "
			+ "Tên gần giống mục đã có: 409 kèm các mục gần nhất, chưa lưu; gửi lại với acknowledgeDuplicates=true")
	@ApiResponse(responseCode = "201", description = "Đã lưu")
	@ApiResponse(responseCode = "409", description = "Gần giống mục đã có, hoặc phiên bản cũ")
	@ApiResponse(responseCode = "422", description = "Dữ liệu không hợp lệ (thông báo tiếng Việt), chưa lưu")
	ResponseEntity<Created> propose(@RequestBody BigProblemService.Input in,
			@RequestParam(defaultValue = "false") boolean acknowledgeDuplicates) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(problems.propose(in, acknowledgeDuplicates)));
	}

	@PutMapping("/big-problems/{id}")
	@Operation(summary = "Sửa bài toán lớn (cơ quan khi đề xuất hoặc bị trả lại; Sở KH&CN)")
	BigProblem edit(@PathVariable long id, @RequestBody BigProblemService.Input in, @RequestParam long version,
			@RequestParam(defaultValue = "false") boolean acknowledgeDuplicates) {
		problems.edit(id, in, version, acknowledgeDuplicates);
		return problems.get(id);
	}

	@PostMapping("/big-problems/{id}/steps")
	@Operation(summary = "Một bước của vòng đời (Sở KH&CN; cơ quan chỉ gửi lại bài toán bị trả lại)",
			description = "order tạo các nhiệm vụ trong kế hoạch (planId có sẵn hoặc planTitle mới) và phát sự kiện BigProblemOrdered cho đề xuất kinh phí")
	BigProblem step(@PathVariable long id, @RequestBody StepRequest s) {
		switch (s.action() == null ? "" : s.action()) {
			case "review" -> problems.startReview(id, s.version());
			case "score" -> problems.review(id, s.version(), s.criteria() == null ? Map.of() : s.criteria(), s.note());
			case "return" -> problems.returnToAgency(id, s.version(), s.reason());
			case "refuse" -> problems.refuse(id, s.version(), s.reason());
			case "resubmit" -> problems.resubmit(id, s.version());
			case "select" -> problems.select(id, s.version(), s.decisionNumber(), s.decisionDate());
			case "order" -> problems.order(id, s.version(), new BigProblemService.OrderInput(s.planId(), s.planTitle(), null,
					s.tasks() == null ? List.of() : s.tasks()));
			case "start" -> problems.startWork(id, s.version());
			case "accept" -> problems.accept(id, s.version(), s.acceptedOn(), s.note());
			case "publish" -> problems.publish(id, s.version());
			default -> throw new DomainException("Bước “" + s.action() + "” không hợp lệ");
		}
		return problems.get(id);
	}

	@GetMapping("/catalogue/duplicates")
	@Operation(summary = "Các mục gần giống một tên (bài toán lớn, sáng kiến, hệ thống thông tin), không phân biệt dấu")
	List<DuplicateCheck.Match> nearest(@Parameter(example = "ung dung tri tue nhan tao") @RequestParam String title) {
		vn.nq57.account.AccessPolicy.current();
		return duplicates.nearest(title, null, null);
	}

	// ----- inventory -----

	@GetMapping("/information-systems")
	@Operation(summary = "Danh mục hệ thống thông tin, kèm cờ trùng lặp")
	Page<InfoSystem> systems(@RequestParam(required = false) String q, @RequestParam(required = false) InfoSystem.Status status,
			@RequestParam(required = false) InfoSystem.Hosting hosting, @RequestParam(required = false) Boolean lgsp,
			@RequestParam(required = false) Long agencyId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return inventory.search(new InventoryService.Filter(q, status, hosting, lgsp, agencyId), Math.max(0, page),
				Math.min(Math.max(1, size), 500));
	}

	@GetMapping("/information-systems/counts")
	@Operation(summary = "Số hệ thống đặt tại Trung tâm dữ liệu tỉnh, kết nối LGSP, đang sử dụng (các chỉ số tính tự động)")
	InventoryService.Counts counts() {
		vn.nq57.account.AccessPolicy.current();
		return inventory.counts();
	}

	@PostMapping("/information-systems")
	@Operation(summary = "Thêm hệ thống (cán bộ cơ quan chủ quản hoặc Sở KH&CN)")
	ResponseEntity<Created> addSystem(@RequestBody InventoryService.Input in) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(inventory.create(in)));
	}

	@PutMapping("/information-systems/{id}")
	@Operation(summary = "Sửa hệ thống; version: phiên bản đang xem (409 nếu đã khác)")
	InfoSystem editSystem(@PathVariable long id, @RequestBody InventoryService.Input in, @RequestParam long version) {
		inventory.update(id, in, version);
		return inventory.get(id);
	}

	// ----- technology -----

	@GetMapping("/technology-needs")
	@Operation(summary = "Danh mục nhu cầu công nghệ")
	Page<TechService.Need> needs(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return tech.needs(q, field, Math.max(0, page), Math.min(Math.max(1, size), 500));
	}

	@PostMapping("/technology-needs")
	@Operation(summary = "Đăng nhu cầu công nghệ (cơ quan cho chính mình; Sở KH&CN cho doanh nghiệp)")
	ResponseEntity<Created> addNeed(@RequestBody TechService.NeedInput in) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(tech.createNeed(in)));
	}

	@GetMapping("/technology-needs/{id}/matches")
	@Operation(summary = "Giải pháp phù hợp với nhu cầu: cùng lĩnh vực trước, rồi độ giống của nội dung")
	List<TechService.Match> matches(@PathVariable long id) {
		return tech.offersFor(id);
	}

	@PostMapping("/technology-needs/{id}/connections")
	@Operation(summary = "Ghi nhận kết nối nhu cầu với giải pháp (Sở KH&CN)")
	ResponseEntity<Void> connect(@PathVariable long id, @RequestParam long offerId, @RequestParam(required = false) String note) {
		tech.connect(id, offerId, note, null);
		return ResponseEntity.status(HttpStatus.CREATED).build();
	}

	@GetMapping("/technology-offers")
	@Operation(summary = "Danh mục giải pháp công nghệ của viện, trường, doanh nghiệp")
	Page<TechService.Offer> offers(@RequestParam(required = false) String q, @RequestParam(required = false) String field,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return tech.offers(q, field, Math.max(0, page), Math.min(Math.max(1, size), 500));
	}

	@PostMapping("/technology-offers")
	@Operation(summary = "Đăng giải pháp công nghệ (Sở KH&CN)")
	ResponseEntity<Created> addOffer(@RequestBody TechService.OfferInput in) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(tech.createOffer(in)));
	}

	// ----- initiatives -----

	@GetMapping("/initiatives")
	@Operation(summary = "Sáng kiến, giải pháp")
	Page<InitiativeService.Initiative> initiatives(@RequestParam(required = false) String q,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) InitiativeService.State state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return initiatives.search(q, year, state, Math.max(0, page), Math.min(Math.max(1, size), 500));
	}

	@PostMapping("/initiatives")
	@Operation(summary = "Gửi sáng kiến, giải pháp")
	ResponseEntity<Created> submit(@RequestBody InitiativeService.Input in,
			@RequestParam(defaultValue = "false") boolean acknowledgeDuplicates) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(initiatives.submit(in, acknowledgeDuplicates)));
	}

	@PostMapping("/initiatives/{id}/scores")
	@Operation(summary = "Điểm (0–100) và nhận xét của thành viên hội đồng (Sở KH&CN, lãnh đạo tỉnh)")
	InitiativeService.Initiative score(@PathVariable long id, @RequestParam String score, @RequestParam(required = false) String comment) {
		initiatives.score(id, score, comment);
		return initiatives.get(id);
	}

	@GetMapping("/initiatives/selected.xlsx")
	@Operation(summary = "Danh sách sáng kiến được chọn của năm, dạng Excel cho Cổng thông tin của Bộ")
	ResponseEntity<byte[]> selectedXlsx(@RequestParam int year) {
		return CatalogueController.file(initiatives.selectedXlsx(year), "sang-kien-" + year + ".xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	// ----- Excel of every register -----

	@GetMapping("/registers/{register}/export")
	@Operation(summary = "Xuất một danh mục ra Excel (problems, systems, needs, offers, initiatives, recommendations, obstacles)")
	ResponseEntity<byte[]> export(@PathVariable String register, @RequestParam(required = false) String q) {
		vn.nq57.account.AccessPolicy.current();
		return CatalogueController.file(registers.export(register, q), register + ".xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

	@PostMapping(path = "/registers/{register}/import/preview", consumes = "multipart/form-data")
	@Operation(summary = "Xem trước việc nhập Excel: kết quả kiểm tra từng dòng, chưa ghi gì; trả về token để nhập")
	RegisterImport.Preview preview(@PathVariable String register, @RequestPart("file") MultipartFile file) throws java.io.IOException {
		return registers.preview(register, file.getOriginalFilename(), file.getBytes());
	}

	@PostMapping("/registers/{register}/import/commit")
	@Operation(summary = "Nhập tất cả các dòng đã xem trước, hoặc không dòng nào (422 với dòng lỗi đầu tiên)")
	Map<String, Integer> commit(@PathVariable String register, @RequestParam String token,
			@RequestParam(defaultValue = "false") boolean acknowledgeDuplicates) {
		return Map.of("imported", registers.commit(register, token, acknowledgeDuplicates));
	}

	@PostMapping("/information-systems/indicators")
	@Operation(summary = "Tính lại và công bố các chỉ số của danh mục hệ thống (Sở KH&CN)")
	InventoryService.Counts republish() {
		// it publishes indicator figures: DoST only (found unprotected by the authorisation matrix)
		if (!vn.nq57.account.AccessPolicy.current().is(vn.nq57.account.Role.SECRETARIAT)) {
			throw new org.springframework.security.access.AccessDeniedException("Chỉ Sở KH&CN tính lại chỉ số của danh mục hệ thống");
		}
		return indicators.publish();
	}
}
