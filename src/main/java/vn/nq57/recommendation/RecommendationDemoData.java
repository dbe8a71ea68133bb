package vn.nq57.recommendation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyDirectory;

/**
 * Demo recommendations in every state (received, routed, overdue, answered on time and late, published, closed),
 * invented and labelled "Số liệu minh họa"; and the obstacles queue collected from the demo's progress updates, one
 * of them answered back onto its task. Idempotent: does nothing once a recommendation exists.
 */
@Component
@Order(70)
@ConditionalOnProperty(name = "nq57.demo.enabled", havingValue = "true")
class RecommendationDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RecommendationDemoData.class);

	private static final String DEMO = " (Số liệu minh họa)";

	private final RecommendationService service;
	private final ObstacleQueue queue;
	private final AgencyDirectory agencies;
	private final RunAs runAs;
	private final JdbcTemplate jdbc;

	RecommendationDemoData(RecommendationService service, ObstacleQueue queue, AgencyDirectory agencies, RunAs runAs,
			JdbcTemplate jdbc) {
		this.service = service;
		this.queue = queue;
		this.agencies = agencies;
		this.runAs = runAs;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer existing = jdbc.queryForObject("SELECT count(*) FROM recommendation", Integer.class);
		Integer users = jdbc.queryForObject("SELECT count(*) FROM app_user_view WHERE username = 'sokhcn'", Integer.class);
		if (existing == null || existing > 0 || users == null || users == 0) {
			return;
		}
		runAs.user("sokhcn", this::recommendations);
		runAs.user("sokhcn", this::obstacles);
		log.info("Recommendation demo data loaded");
	}

	private long agency(String code) {
		return agencies.findByCode(code).orElseThrow().getId();
	}

	private long add(String kind, String sender, String title, String content) {
		return service.create(new RecommendationService.Input(kind, sender, "Liên hệ minh họa", null, title, content + DEMO));
	}

	private long v(long id) {
		return service.find(id).version();
	}

	private void recommendations() {
		add("CITIZEN", "Người dân thôn Monic, xã Sơn Kỳ", "Đề nghị nâng cấp đường truyền Internet tại thôn",
				"Tốc độ Internet tại thôn còn chậm, đề nghị nâng cấp");
		long routed = add("FIRM", "Doanh nghiệp công nghệ (minh họa)", "Đề nghị công khai danh mục bài toán lớn",
				"Đề nghị công bố danh mục bài toán lớn để doanh nghiệp tham gia giải quyết");
		service.route(routed, v(routed), agency("SKHCN"), null);
		long overdue = add("FIRM", "Hợp tác xã nông nghiệp (minh họa)", "Đề nghị hỗ trợ truy xuất nguồn gốc tỏi Lý Sơn",
				"Đề nghị hỗ trợ mã QR truy xuất nguồn gốc");
		service.route(overdue, v(overdue), agency("SNNMT"), null);
		service.backdate(overdue, 40);
		long answered = add("CITIZEN", "Người dân đặc khu Lý Sơn", "Đề nghị hướng dẫn dịch vụ công trực tuyến",
				"Chưa biết cách nộp hồ sơ trực tuyến");
		service.route(answered, v(answered), agency("DK-LYSON"), null);
		runAs.user("cb.lyson", () -> service.answer(answered, v(answered), "Bộ phận một cửa đặc khu đã cử cán bộ hướng dẫn trực tiếp" + DEMO));
		long late = add("FIRM", "Doanh nghiệp vận tải (minh họa)", "Đề nghị cung cấp dữ liệu giao thông mở",
				"Đề nghị công bố dữ liệu giao thông trên Cổng dữ liệu mở");
		service.route(late, v(late), agency("STC"), null);
		service.backdate(late, 30);
		runAs.user("cb.stc", () -> service.answer(late, v(late), "Đã chuyển nội dung cho Sở Xây dựng phối hợp công bố" + DEMO));
		long published = add("CITIZEN", "Người dân phường (minh họa)", "Đề nghị công khai tiến độ các nhiệm vụ chuyển đổi số",
				"Đề nghị công khai tiến độ");
		service.route(published, v(published), agency("SKHCN"), null);
		service.answer(published, v(published), "Tiến độ được công khai trên Cổng thông tin điện tử tỉnh hằng quý" + DEMO);
		service.publish(published, v(published));
		long closed = add("AGENCY", "Liên hiệp các Hội KH&KT tỉnh", "Đề nghị phối hợp tổ chức hội thảo đổi mới sáng tạo",
				"Đề nghị phối hợp tổ chức hội thảo");
		service.route(closed, v(closed), agency("SKHCN"), null);
		service.answer(closed, v(closed), "Sở KH&CN thống nhất phối hợp tổ chức trong Quý IV" + DEMO);
		service.close(closed, v(closed), "Đã tổ chức hội thảo" + DEMO);
	}

	private void obstacles() {
		queue.collect();
		jdbc.query("SELECT id, version, task_id FROM obstacle_item WHERE task_id IS NOT NULL ORDER BY id LIMIT 1", rs -> {
			long id = rs.getLong(1);
			long version = rs.getLong(2);
			queue.group(java.util.List.of(id), "Về kinh phí, nguồn vốn");
			queue.route(id, version + 1, "PROVINCE");
			queue.answer(id, version + 2, "Sở Tài chính tham mưu bố trí kinh phí trong đợt phân khai tiếp theo" + DEMO);
		});
	}
}
