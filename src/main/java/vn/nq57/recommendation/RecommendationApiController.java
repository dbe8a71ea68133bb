package vn.nq57.recommendation;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.nq57.kernel.Page;

/** Recommendations and the obstacles queue as JSON, with the rights of the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Kiến nghị", description = "Kiến nghị của người dân, doanh nghiệp; khó khăn, vướng mắc, đề xuất của các cơ quan")
class RecommendationApiController {

	public record Created(long id) {
	}

	private final RecommendationService service;
	private final ObstacleQueue queue;

	RecommendationApiController(RecommendationService service, ObstacleQueue queue) {
		this.service = service;
		this.queue = queue;
	}

	@GetMapping("/recommendations")
	@Operation(summary = "Kiến nghị (cán bộ cơ quan: kiến nghị chuyển cho hoặc do cơ quan mình gửi)")
	Page<RecommendationService.Recommendation> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) RecommendationService.State state, @RequestParam(required = false) Long agencyId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return service.search(new RecommendationService.Filter(q, state, agencyId), Math.max(0, page), Math.min(Math.max(1, size), 500));
	}

	@GetMapping("/recommendations/{id}")
	@Operation(summary = "Một kiến nghị")
	RecommendationService.Recommendation get(@PathVariable long id) {
		return service.get(id);
	}

	@PostMapping("/recommendations")
	@Operation(summary = "Nhập kiến nghị (Sở KH&CN)")
	ResponseEntity<Created> create(@RequestBody RecommendationService.Input in) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(service.create(in)));
	}

	@PostMapping("/recommendations/{id}/route")
	@Operation(summary = "Chuyển cơ quan xử lý; hạn trả lời để trống: theo cài đặt recommendation.answer-days")
	RecommendationService.Recommendation route(@PathVariable long id, @RequestParam long version, @RequestParam Long agencyId,
			@RequestParam(required = false) String dueDate) {
		service.route(id, version, agencyId, dueDate);
		return service.get(id);
	}

	@PostMapping("/recommendations/{id}/answer")
	@Operation(summary = "Trả lời (cơ quan được chuyển hoặc Sở KH&CN); không nhận sau khi đã công khai hoặc đóng")
	RecommendationService.Recommendation answer(@PathVariable long id, @RequestParam long version, @RequestParam String answer) {
		service.answer(id, version, answer);
		return service.get(id);
	}

	@PostMapping("/recommendations/{id}/publish")
	@Operation(summary = "Công khai trả lời (Sở KH&CN)")
	RecommendationService.Recommendation publish(@PathVariable long id, @RequestParam long version) {
		service.publish(id, version);
		return service.get(id);
	}

	@GetMapping("/recommendations/timeliness")
	@Operation(summary = "Tỷ lệ trả lời đúng hạn theo cơ quan")
	List<RecommendationService.Timeliness> timeliness() {
		vn.nq57.account.AccessPolicy.current();
		return service.timeliness();
	}

	@GetMapping("/obstacles")
	@Operation(summary = "Khó khăn, vướng mắc, đề xuất tổng hợp từ cập nhật tiến độ và báo cáo định kỳ (Sở KH&CN, lãnh đạo)")
	Page<ObstacleQueue.Item> obstacles(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String level,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return queue.search(new ObstacleQueue.Filter(q, state, kind, level, null), Math.max(0, page), Math.min(Math.max(1, size), 500));
	}

	@PostMapping("/obstacles/{id}/answer")
	@Operation(summary = "Trả lời một khó khăn, đề xuất; câu trả lời được ghi lên nhiệm vụ")
	ObstacleQueue.Item answerObstacle(@PathVariable long id, @RequestParam long version, @RequestParam String answer) {
		queue.answer(id, version, answer);
		return queue.get(id);
	}
}
