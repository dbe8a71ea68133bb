package vn.nq57.task;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Posting progress and deciding completion claims from scripts, with the rights of the token's user. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tiến độ", description = "Cập nhật tiến độ, đề nghị và xác nhận hoàn thành")
class ProgressApiController {

	private final ProgressService progress;

	ProgressApiController(ProgressService progress) {
		this.progress = progress;
	}

	@PostMapping("/assignments/{id}/progress")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Cập nhật tiến độ phần việc của cơ quan mình")
	Map<String, Object> post(@PathVariable long id, @Valid @RequestBody ProgressInput in) {
		return Map.of("id", progress.postProgress(id, in, null));
	}

	@PostMapping("/assignments/{id}/claims")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Đề nghị xác nhận hoàn thành")
	Map<String, Object> claim(@PathVariable long id, @Valid @RequestBody ClaimInput in) {
		return Map.of("id", progress.claimCompletion(id, in, null));
	}

	@PostMapping("/claims/{id}/approve")
	@Operation(summary = "Thủ trưởng cơ quan duyệt đề nghị")
	Map<String, Object> approve(@PathVariable long id) {
		progress.approveClaim(id);
		return Map.of("id", id, "state", progress.claim(id).state());
	}

	@PostMapping("/claims/{id}/confirm")
	@Operation(summary = "Sở KH&CN xác nhận hoàn thành")
	Map<String, Object> confirm(@PathVariable long id) {
		progress.confirmClaim(id);
		return Map.of("id", id, "state", progress.claim(id).state());
	}

	public record ReturnRequest(String reason) {
	}

	@PostMapping("/claims/{id}/return")
	@Operation(summary = "Trả lại đề nghị, nêu lý do")
	Map<String, Object> giveBack(@PathVariable long id, @RequestBody ReturnRequest body) {
		progress.returnClaim(id, body.reason());
		return Map.of("id", id, "state", progress.claim(id).state());
	}
}
