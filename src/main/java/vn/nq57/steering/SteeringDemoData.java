package vn.nq57.steering;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nq57.account.Role;
import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.system.AppClock;
import vn.nq57.task.ProgressInput;
import vn.nq57.task.ProgressService;
import vn.nq57.task.TaskService;

/**
 * Demo data of the session cycle ("Số liệu minh họa"): a regular session of the Committee modelled on 001 whose
 * conclusions are issued as tasks, the next regular session (its brief follows them up), a working session with
 * the Ban Quản lý KKT Dung Quất (its brief scoped to it, like 000), and a leader's board shared with DoST. Through
 * the module's services; idempotent (nothing is added when a session exists). Never in production.
 */
@Component
@Order(85)
@ConditionalOnProperty(name = "nq57.demo.enabled", havingValue = "true")
class SteeringDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SteeringDemoData.class);
	static final String CHAIR = "Phó Chủ tịch UBND tỉnh Trần Phước Hiền";

	private final SessionService sessions;
	private final BoardService boards;
	private final RunAs runAs;
	private final AgencyDirectory agencies;
	private final ProgressService progress;
	private final TaskService tasks;
	private final AppClock clock;
	private final JdbcTemplate jdbc;

	SteeringDemoData(SessionService sessions, BoardService boards, RunAs runAs, AgencyDirectory agencies,
			ProgressService progress, TaskService tasks, AppClock clock, JdbcTemplate jdbc) {
		this.sessions = sessions;
		this.boards = boards;
		this.runAs = runAs;
		this.agencies = agencies;
		this.progress = progress;
		this.tasks = tasks;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer n = jdbc.queryForObject("SELECT count(*) FROM steering_session", Integer.class);
		Integer users = jdbc.queryForObject("SELECT count(*) FROM app_user_view WHERE username = 'sokhcn'", Integer.class);
		if (n == null || n > 0 || users == null || users == 0) {
			return;
		}
		LocalDate today = clock.today();
		long regular = runAs.user("sokhcn", () -> regular(today));
		runAs.user("cb.bql", () -> {
			long taskId = sessions.items(regular).get(3).taskId();
			ProgressInput in = new ProgressInput();
			in.setPercent(50);
			in.setResults("Đã kiểm tra hiện trạng hệ thống bản đồ số 2D, 3D cùng Sở Khoa học và Công nghệ (số liệu minh họa).");
			in.setObstacles("Dữ liệu hạ tầng kỹ thuật của 2 khu công nghiệp chưa được số hóa đầy đủ.");
			in.setProposals("Đề nghị UBND tỉnh cho phép bổ sung kinh phí số hóa dữ liệu hạ tầng năm 2027.");
			progress.postProgress(tasks.assignments(taskId).get(0).getId(), in, null);
		});
		runAs.user("sokhcn", () -> {
			SessionService.SessionInput next = new SessionService.SessionInput(SessionKind.REGULAR, today.plusDays(3),
					"Phiên họp thường kỳ quý IV/2026 của Ban Chỉ đạo (minh họa)", CHAIR, "Trụ sở UBND tỉnh", null,
					"Giám đốc Sở Khoa học và Công nghệ báo cáo kết quả thực hiện kết luận phiên họp trước\n"
							+ "Xếp hạng các cơ quan, đơn vị theo tiêu chí đã công bố",
					List.of(id("SKHCN"), id("STC"), id("SNV"), id("BQLKKT"), id("SVHTTDL")));
			sessions.saveSession(null, next, null);
			SessionService.SessionInput working = new SessionService.SessionInput(SessionKind.WORKING, today.plusDays(5),
					"Buổi làm việc với Ban Quản lý Khu Kinh tế Dung Quất và các KCN Quảng Ngãi (minh họa)", CHAIR,
					"Trụ sở UBND tỉnh", id("BQLKKT"),
					"Ban Quản lý báo cáo tình hình triển khai thực hiện Nghị quyết số 57-NQ/TW",
					List.of(id("BQLKKT"), id("SKHCN"), id("STC"), id("SNV")));
			sessions.saveSession(null, working, null);
		});
		runAs.user("lanhdao", () -> boards.save(null, new BoardService.BoardInput("Bảng điều hành của Phó Chủ tịch (minh họa)",
				List.of("RATES", "OVERDUE_BY_AGENCY", "GROUPS", "DUE_SOON", "RANKING", "INDICATORS", "REPORTS", "FOLLOW_UP"),
				null, null, null, BoardService.PeriodKind.QUARTER, Role.SECRETARIAT), null));
		log.info("Steering demo data: 3 sessions (one notice issued as tasks), a leader's board; sign in as sokhcn or lanhdao");
	}

	/** A regular session held 40 days ago, its conclusions modelled on 001, issued two days later. */
	private long regular(LocalDate today) {
		LocalDate held = today.minusDays(40);
		long s = sessions.saveSession(null, new SessionService.SessionInput(SessionKind.REGULAR, held,
				"Phiên họp thường kỳ quý III/2026 của Ban Chỉ đạo (minh họa)", CHAIR, "Trụ sở UBND tỉnh", null,
				"Giám đốc Sở Khoa học và Công nghệ báo cáo kết quả triển khai thực hiện Nghị quyết số 57-NQ/TW\n"
						+ "Công tác phân khai kinh phí thực hiện nhiệm vụ khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số năm 2026",
				List.of(id("SKHCN"), id("STC"), id("SNV"), id("BQLKKT"), id("SVHTTDL"))), null);
		String soon = "trước ngày " + day(held.plusDays(30));
		item(s, "Các sở, ban, ngành, địa phương", "Rà soát, cập nhật tiến độ các nhiệm vụ chậm, quá hạn của Kế hoạch năm 2026 "
				+ "trên Hệ thống theo dõi; thủ trưởng đơn vị chịu trách nhiệm trước UBND tỉnh về tiến độ", null, soon, true);
		item(s, "Sở KH&CN", "Thường xuyên theo dõi, đôn đốc các cơ quan, đơn vị; đề xuất UBND tỉnh xem xét phê bình "
				+ "đối với các đơn vị chậm trễ theo tiêu chí xếp hạng đã công bố", "Văn bản đề xuất", day(held.plusDays(20)), false);
		item(s, "Sở Tài chính", "Tham mưu cấp có thẩm quyền xem xét phương án điều chuyển nguồn kinh phí triển khai nhiệm vụ "
				+ "phát triển khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số", "Tờ trình", "Tháng " + held.plusMonths(2)
					.getMonthValue() + "/" + held.plusMonths(2).getYear(), false);
		item(s, "Ban Quản lý KKT Dung Quất", "Phối hợp với Sở Khoa học và Công nghệ kiểm tra, đánh giá Hệ thống quản lý hạ tầng "
				+ "kỹ thuật trên nền tảng bản đồ số 2D, 3D để đề xuất bổ sung vào Danh mục bài toán lớn của tỉnh", null,
				day(held.plusDays(35)), true);
		item(s, "Sở Văn hóa, Thể thao và Du lịch", "Khẩn trương rà soát, triển khai đầu tư đài truyền thanh ứng dụng công nghệ "
				+ "thông tin - viễn thông cho các xã, phường, đặc khu", null, "Quý I/" + (held.getYear() + 1), false);
		sessions.issue(s, "215/TB-UBND (minh họa)", held.plusDays(2), "Nguyễn Quốc Việt", null);
		return s;
	}

	private void item(long s, String to, String text, String output, String deadline, boolean report) {
		sessions.saveItem(s, null, new SessionService.ItemInput(to, text + " (số liệu minh họa).", output, deadline, report),
				null);
	}

	private long id(String code) {
		return agencies.findByCode(code).orElseThrow().getId();
	}

	private static String day(LocalDate d) {
		return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
	}
}
