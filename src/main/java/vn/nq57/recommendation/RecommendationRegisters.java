package vn.nq57.recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.nq57.catalogue.AgencyRefs;
import vn.nq57.catalogue.Register;
import vn.nq57.kernel.VnFormat;

/** The recommendations and the obstacles queue as Excel registers (the queue is exported, not imported). */
@Configuration
class RecommendationRegisters {

	private static String nz(Object o) {
		return o == null ? "" : String.valueOf(o);
	}

	private static String day(java.time.LocalDate d) {
		return d == null ? "" : VnFormat.DATE.format(d);
	}

	@Bean
	Register recommendationsRegister(RecommendationService service, AgencyRefs agencies) {
		return new Register() {
			public String code() {
				return "recommendations";
			}

			public String title() {
				return "Danh sách kiến nghị";
			}

			public List<String> headers() {
				return List.of("Tiêu đề", "Nội dung", "Người kiến nghị", "Loại người kiến nghị", "Liên hệ", "Cơ quan xử lý",
						"Tình trạng", "Ngày tiếp nhận", "Hạn trả lời", "Ngày trả lời", "Trả lời");
			}

			public List<String> required() {
				return List.of("Tiêu đề", "Nội dung", "Người kiến nghị");
			}

			public List<List<Object>> exportRows(String q) {
				List<List<Object>> out = new ArrayList<>();
				for (RecommendationService.Recommendation r : service.search(new RecommendationService.Filter(q, null, null), 0, 50_000).rows()) {
					out.add(java.util.Arrays.asList(r.title(), r.content(), r.senderName(), r.senderKind(), nz(r.senderContact()),
							nz(r.agency()), r.state().label(), day(r.receivedOn()), day(r.dueDate()), day(r.answeredOn()), nz(r.answer())));
				}
				return out;
			}

			public void importRow(Map<String, String> r, boolean ack) {
				long id = service.create(new RecommendationService.Input(r.get("Loại người kiến nghị"), r.get("Người kiến nghị"),
						r.get("Liên hệ"), null, r.get("Tiêu đề"), r.get("Nội dung")));
				Long agency = agencies.resolve(r.get("Cơ quan xử lý"), "Cơ quan xử lý");
				if (agency != null) {
					service.route(id, service.find(id).version(), agency, r.get("Hạn trả lời"));
				}
			}
		};
	}

	@Bean
	Register obstaclesRegister(ObstacleQueue queue) {
		return new Register() {
			public String code() {
				return "obstacles";
			}

			public String title() {
				return "Khó khăn, vướng mắc, đề xuất";
			}

			public List<String> headers() {
				return List.of("Nội dung", "Loại", "Cơ quan", "Nhiệm vụ", "Ngày", "Nhóm", "Cấp giải quyết", "Tình trạng", "Trả lời");
			}

			public List<String> required() {
				return List.of("Nội dung");
			}

			public List<List<Object>> exportRows(String q) {
				List<List<Object>> out = new ArrayList<>();
				for (ObstacleQueue.Item i : queue.search(new ObstacleQueue.Filter(q, null, null, null, null), 0, 50_000).rows()) {
					out.add(java.util.Arrays.asList(i.text(), i.kind(), nz(i.agency()), nz(i.task()), day(i.raisedOn()),
							nz(i.groupLabel()), nz(i.level()), i.state(), nz(i.answer())));
				}
				return out;
			}

			public void importRow(Map<String, String> r, boolean ack) {
				throw new vn.nq57.system.DomainException("Khó khăn, vướng mắc được tổng hợp từ báo cáo, không nhập từ Excel");
			}
		};
	}
}
