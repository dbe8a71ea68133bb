package vn.nq57.datacall;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.datacall.DataCall.Question;
import vn.nq57.system.DomainException;

/**
 * Ad hoc data calls as JSON, with the rights of the pages: DoST, leaders and administrators read every call and
 * every answer; an agency's staff read the calls addressed to their agency, read and write only their own answers,
 * and see the consolidation once DoST has consolidated.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Báo cáo đột xuất", description = "Đợt đề nghị báo cáo đột xuất: câu hỏi, trả lời của cơ quan, tình hình trả lời, tổng hợp")
class DataCallApiController {

	@Schema(description = "Một đợt báo cáo đột xuất")
	public record CallJson(long id, String title, int year, String requestNumber, LocalDate requestDate,
			String requestIssuer, LocalDate dueDate, @Schema(description = "DRAFT, OPEN, CLOSED, CONSOLIDATED") String state,
			long version, List<QuestionJson> questions) {
	}

	public record QuestionJson(long id, String code, String section, String text,
			@Schema(description = "NUMBER, PERCENT, TEXT, YES_NO, CHOICE, FILE, PER_COMMUNE") String kind, String unit,
			List<String> choices, boolean required, String prefill) {
	}

	@Schema(description = "Trả lời một câu: số dạng chuỗi như người dùng nhập (1.526; 99,30) hoặc số JSON")
	public record AnswerJson(@Schema(example = "1") String code, String value, String numerator, String denominator,
			@Schema(description = "Câu số liệu theo xã: mã số cơ quan xã → giá trị") Map<Long, String> communes,
			String sourceNote) {
	}

	@Schema(description = "Trả lời của cơ quan của người dùng")
	public record AnswersInput(@Schema(description = "Phiên bản bản trả lời đã xem; 409 nếu đã khác") Long version,
			@Schema(description = "true: gửi Sở KH&CN; false: lưu nháp") boolean submit, List<AnswerJson> answers) {
	}

	public record ResponseJson(long agencyId, String state, LocalDate submittedOn, long version,
			Map<String, Object> answers) {
	}

	public record CountsJson(long expected, long received, long onTime, long late, long missing,
			BigDecimal completeness, BigDecimal timeliness) {
	}

	public record ResultJson(String code, String text, String kind, long answered, BigDecimal sum, BigDecimal numerator,
			BigDecimal denominator, BigDecimal rate, long yes, long no, Map<String, Long> choices, String figure) {
	}

	private final DataCallService calls;
	private final Answers answers;
	private final Consolidation consolidation;
	private final DataCallAccess access;

	DataCallApiController(DataCallService calls, Answers answers, Consolidation consolidation, DataCallAccess access) {
		this.calls = calls;
		this.answers = answers;
		this.consolidation = consolidation;
		this.access = access;
	}

	private CallJson json(DataCall c) {
		return new CallJson(c.id(), c.title(), c.year(), c.requestNumber(), c.requestDate(), c.requestIssuer(), c.dueDate(),
				c.state().name(), c.version(), calls.questions(c.id()).stream()
					.map(q -> new QuestionJson(q.id(), q.code(), q.section(), q.text(), q.kind().name(), q.unit(),
							q.choiceList(), q.required(), q.prefill()))
					.toList());
	}

	private DataCall visible(long id) {
		DataCall c = calls.get(id);
		CurrentUser u = AccessPolicy.current();
		access.require(u.seesEveryAgency() || c.state() != CallState.DRAFT && calls.targets(id, u.agencyId()), id,
				"xem đợt báo cáo không gửi cho cơ quan mình");
		return c;
	}

	@GetMapping("/datacalls")
	@Operation(summary = "Các đợt báo cáo đột xuất người dùng được xem", description = "Cán bộ cơ quan: các đợt gửi cho cơ quan mình.")
	List<CallJson> list() {
		return calls.visible(AccessPolicy.current()).stream().map(this::json).toList();
	}

	@GetMapping("/datacalls/{id}")
	@Operation(summary = "Một đợt báo cáo với các câu hỏi")
	@ApiResponse(responseCode = "403", description = "Đợt báo cáo không gửi cho cơ quan của người dùng")
	@ApiResponse(responseCode = "404", description = "Không có đợt báo cáo")
	CallJson get(@PathVariable long id) {
		return json(visible(id));
	}

	@GetMapping("/datacalls/{id}/completeness")
	@Operation(summary = "Tình hình trả lời: phải báo cáo, đã nhận, đúng hạn, tỷ lệ đầy đủ và đúng hạn", description = "Sở KH&CN, lãnh đạo, quản trị.")
	CountsJson completeness(@PathVariable long id) {
		access.requireSeeAll(id);
		Consolidation.Counts k = consolidation.counts(calls.get(id));
		return new CountsJson(k.expected(), k.received(), k.onTime(), k.late(), k.missing(), k.completeness(), k.timeliness());
	}

	@GetMapping("/datacalls/{id}/answers")
	@Operation(summary = "Trả lời của một cơ quan", description = "Bỏ trống agencyId: cơ quan của người dùng. Cán bộ cơ quan chỉ xem được trả lời của cơ quan mình.")
	ResponseJson answersOf(@PathVariable long id, @RequestParam(required = false) Long agencyId) {
		CurrentUser u = AccessPolicy.current();
		long agency = agencyId != null ? agencyId : u.agencyId();
		visible(id);
		Map<Long, Answers.Answer> a = answers.answersOf(id, agency);
		Answers.Response r = answers.response(id, agency);
		return new ResponseJson(agency, r == null ? "MISSING" : r.state(), r == null ? null : r.submittedOn(),
				r == null ? 0 : r.version(), describe(calls.questions(id), a));
	}

	private static Map<String, Object> describe(List<Question> qs, Map<Long, Answers.Answer> a) {
		Map<String, Object> out = new LinkedHashMap<>();
		for (Question q : qs) {
			Answers.Answer x = a.get(q.id());
			if (x == null) {
				continue;
			}
			Map<String, Object> m = new LinkedHashMap<>();
			if (x.number() != null) {
				m.put("value", x.number());
			}
			if (x.denominator() != null) {
				m.put("numerator", x.numerator());
				m.put("denominator", x.denominator());
			}
			if (x.text() != null) {
				m.put("text", x.text());
			}
			if (x.yes() != null) {
				m.put("yes", x.yes());
			}
			if (x.fileId() != null) {
				m.put("fileId", x.fileId());
			}
			if (!x.communes().isEmpty()) {
				m.put("communes", x.communes());
			}
			if (x.sourceNote() != null) {
				m.put("source", x.sourceNote());
			}
			out.put(q.code(), m);
		}
		return out;
	}

	@PutMapping("/datacalls/{id}/answers")
	@Operation(summary = "Lưu (hoặc gửi) trả lời của cơ quan của người dùng",
			description = "Mỗi câu được kiểm tra theo loại; một câu sai thì không lưu gì (422, thông báo tiếng Việt). "
					+ "Đợt đã đóng: 422 cho đến khi Sở KH&CN mở lại.")
	@ApiResponse(responseCode = "409", description = "Bản trả lời đã được người khác sửa sau phiên bản đã xem")
	@ApiResponse(responseCode = "422", description = "Trả lời sai loại, tỷ lệ trên 100%, tử số lớn hơn mẫu số, đợt đã đóng")
	ResponseJson save(@PathVariable long id, @RequestBody AnswersInput in) {
		CurrentUser u = AccessPolicy.current();
		if (u.agencyId() == null) {
			throw new DomainException("Tài khoản chưa gắn với cơ quan, đơn vị nào");
		}
		Map<String, Question> byCode = new LinkedHashMap<>();
		calls.questions(id).forEach(q -> byCode.put(q.code().toUpperCase(), q));
		Map<Long, Answers.Input> typed = new LinkedHashMap<>();
		for (AnswerJson a : in.answers() == null ? List.<AnswerJson>of() : in.answers()) {
			Question q = a.code() == null ? null : byCode.get(a.code().strip().toUpperCase());
			if (q == null) {
				throw new DomainException("Không có câu hỏi mã “" + a.code() + "” trong đợt báo cáo");
			}
			typed.put(q.id(), new Answers.Input(a.value(), a.numerator(), a.denominator(),
					a.communes() == null ? Map.of() : a.communes(), a.sourceNote(), null));
		}
		answers.save(id, u.agencyId(), typed, in.version(), in.submit());
		return answersOf(id, null);
	}

	@GetMapping("/datacalls/{id}/consolidation")
	@Operation(summary = "Tổng hợp: tổng số, tỷ lệ tính lại từ tổng tử số và tổng mẫu số, số trả lời Có/Không, từng phương án",
			description = "Sở KH&CN, lãnh đạo, quản trị; cơ quan được đề nghị báo cáo khi đợt đã tổng hợp.")
	List<ResultJson> consolidation(@PathVariable long id) {
		DataCall c = calls.get(id);
		CurrentUser u = AccessPolicy.current();
		access.require(u.seesEveryAgency() || c.state() == CallState.CONSOLIDATED && calls.targets(id, u.agencyId()), id,
				"xem tổng hợp trước khi Sở Khoa học và Công nghệ tổng hợp");
		return consolidation.results(c, calls.questions(id)).stream()
			.map(r -> new ResultJson(r.question().code(), r.question().text(), r.question().kind().name(), r.answered(),
					r.sum(), r.numerator(), r.denominator(), r.rate(), r.yes(), r.no(), r.choices(), r.figure()))
			.toList();
	}
}
