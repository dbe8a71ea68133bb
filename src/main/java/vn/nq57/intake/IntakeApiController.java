package vn.nq57.intake;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The preview as JSON, for other systems and scripts that want to check a plan before sending it: nothing is
 * written. Any signed-in user (session or API token) may call it.
 */
@RestController
@RequestMapping("/api/v1/intake")
@Tag(name = "Nhập kế hoạch", description = "Kiểm tra thử phụ lục kế hoạch và thông báo kết luận (không ghi dữ liệu)")
class IntakeApiController {

	private final IntakeService intake;

	IntakeApiController(IntakeService intake) {
		this.intake = intake;
	}

	@PostMapping(path = "/appendix/dry-run", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Đọc thử phụ lục kế hoạch (.docx, .xlsx)",
			description = "Trả về từng dòng với nội dung đã hiểu (cơ quan, thời hạn) và các phát hiện (mã ổn định: "
					+ "MISSING_STT, MISSING_HEAD, MISSING_LEAD, MISSING_OUTPUT, MISSING_DEADLINE, UNPARSED_DEADLINE, "
					+ "UNKNOWN_AGENCY, NEAR_DUPLICATE, FOREIGN_PLACE, TYPO, HEAD_LEAD_MISMATCH, MISSING_COORDINATOR, "
					+ "MISSING_TITLE, UNSAFE_TEXT, TOO_LONG). Không ghi gì vào hệ thống.")
	Preview appendix(@RequestParam("file") MultipartFile file,
			@Parameter(description = "kế hoạch đã có, để so sánh bản sửa đổi") @RequestParam(required = false) Long plan)
			throws IOException {
		return intake.dryRunAppendix(name(file), bytes(file), plan);
	}

	@PostMapping(path = "/notice/dry-run", consumes = { MediaType.MULTIPART_FORM_DATA_VALUE,
			MediaType.APPLICATION_FORM_URLENCODED_VALUE })
	@Operation(summary = "Đề xuất nhiệm vụ từ thông báo kết luận (.docx hoặc văn bản)",
			description = "Gửi tệp Word (file) hoặc văn bản (text). Không ghi gì vào hệ thống.")
	Preview notice(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "text", required = false) String text) throws IOException {
		byte[] data = file == null || file.isEmpty() ? null : bytes(file);
		return intake.dryRunNotice(data == null ? null : name(file), data, text);
	}

	private static String name(MultipartFile file) {
		return file.getOriginalFilename() == null ? "tệp tải lên" : file.getOriginalFilename();
	}

	private byte[] bytes(MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw new IntakeException("Tệp “" + name(file) + "” rỗng, không có nội dung");
		}
		try (var in = file.getInputStream()) {
			return OfficeFiles.readAll(in, intake.maxBytes(), name(file));
		}
	}
}
