package vn.nq57.upward;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.nq57.upward.Upstream.SubjectType;

/** The national systems, the codes mapped, what was sent, and the follow-up of a directive, as JSON. */
@RestController
@RequestMapping("/api/v1/upward")
@Tag(name = "Báo cáo lên Trung ương", description = "Mã nhiệm vụ, chỉ tiêu, cơ quan trên các hệ thống theo dõi của Trung ương; theo dõi thực hiện văn bản chỉ đạo")
class UpwardApiController {

	public record CodeJson(String type, long subjectId, String code, String centralName, String localName) {
	}

	@Schema(description = "Gán mã trên hệ thống cho một bản ghi của tỉnh")
	public record MapInput(@Schema(description = "TASK, INDICATOR, AGENCY") String type, long subjectId, String code,
			String centralName) {
	}

	public record ItemJson(long taskId, String stt, String title, String leads, LocalDate dueDate, String status,
			String statusLabel, Integer percent, LocalDate lastReportedOn, String results, String obstacles) {
	}

	public record FollowupJson(long directiveId, String name, LocalDate asOf, int total, long completed, long overdue,
			List<ItemJson> items) {
	}

	private final Upstream upstream;
	private final Followup followup;

	UpwardApiController(Upstream upstream, Followup followup) {
		this.upstream = upstream;
		this.followup = followup;
	}

	@GetMapping("/systems")
	@Operation(summary = "Các hệ thống theo dõi của Trung ương", description = "Sở KH&CN, lãnh đạo, quản trị.")
	List<Upstream.System> systems() {
		upstream.requireRead();
		return upstream.systems();
	}

	@GetMapping("/systems/{code}/codes")
	@Operation(summary = "Mã đã gán trên một hệ thống")
	List<CodeJson> codes(@PathVariable String code) {
		upstream.requireRead();
		Upstream.System s = upstream.system(code);
		return java.util.Arrays.stream(SubjectType.values()).flatMap(t -> upstream.codes(s.id(), t).stream())
			.map(c -> new CodeJson(c.type().name(), c.subjectId(), c.code(), c.centralName(), c.localName())).toList();
	}

	@PutMapping("/systems/{code}/codes")
	@Operation(summary = "Gán (hoặc thay) mã của một nhiệm vụ, chỉ tiêu, cơ quan", description = "Chỉ Sở KH&CN. Mã đã dùng cho bản ghi khác: 422.")
	@ApiResponse(responseCode = "422", description = "Mã đã được dùng cho bản ghi khác, hoặc bản ghi không tồn tại")
	List<CodeJson> map(@PathVariable String code, @RequestBody MapInput in) {
		upstream.map(code, SubjectType.valueOf(in.type()), in.subjectId(), in.code(), in.centralName());
		return codes(code);
	}

	@DeleteMapping("/systems/{code}/codes/{type}/{subjectId}")
	@Operation(summary = "Bỏ mã của một bản ghi trên hệ thống")
	void unmap(@PathVariable String code, @PathVariable SubjectType type, @PathVariable long subjectId) {
		upstream.unmap(code, type, subjectId);
	}

	@GetMapping("/systems/{code}/submissions")
	@Operation(summary = "Các lần gửi gần nhất (tệp hoặc gửi trực tiếp)")
	List<Upstream.Submission> submissions(@PathVariable String code) {
		upstream.requireRead();
		return upstream.submissions(upstream.system(code).id(), 50);
	}

	@GetMapping("/followup/{directiveId}")
	@Operation(summary = "Kết quả thực hiện một văn bản chỉ đạo: từng nhiệm vụ, tình trạng, tiến độ gần nhất, khó khăn")
	FollowupJson followup(@PathVariable long directiveId) {
		upstream.requireRead();
		Followup.Report r = followup.report(directiveId);
		return new FollowupJson(directiveId, FollowupDocuments.name(r.directive()), r.asOf(), r.total(), r.completed(),
				r.overdue(), r.items().stream().map(i -> new ItemJson(i.taskId(), i.stt(), i.title(), i.leads(), i.dueDate(),
						i.status().name(), i.status().label(), i.percent(), i.lastReportedOn(), i.results(), i.obstacles())).toList());
	}
}
