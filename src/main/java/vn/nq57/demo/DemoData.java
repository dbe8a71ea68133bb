package vn.nq57.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.nq57.account.Role;
import vn.nq57.account.RunAs;
import vn.nq57.account.UserService;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.plan.Assignment;
import vn.nq57.plan.Directive;
import vn.nq57.plan.DirectiveKind;
import vn.nq57.plan.Plan;
import vn.nq57.plan.Task;
import vn.nq57.plan.TaskForm;
import vn.nq57.plan.TaskService;
import vn.nq57.progress.ClaimInput;
import vn.nq57.progress.ProgressInput;
import vn.nq57.progress.ProgressService;
import vn.nq57.system.AppClock;

/**
 * Demo data for an empty database: one account per role and the province's 2026 tasks drawn from the
 * documents in shared/context (plan 003, conclusion notices 000 and 001), with progress that puts tasks in
 * every status. Everything goes through the services, as the users themselves would, so the audit trail
 * and the checks apply. Only for demos and training: {@code nq57.demo.enabled=false} in production.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "nq57.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "Demo@2026";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final UserService users;
	private final AgencyDirectory agencies;
	private final TaskService tasks;
	private final ProgressService progress;
	private final RunAs runAs;
	private final AppClock clock;

	DemoData(UserService users, AgencyDirectory agencies, TaskService tasks, ProgressService progress, RunAs runAs,
			AppClock clock) {
		this.users = users;
		this.agencies = agencies;
		this.tasks = tasks;
		this.progress = progress;
		this.runAs = runAs;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.findByUsername("admin").isPresent()) {
			return;
		}
		createUsers();
		List<Task> created = runAs.user("sokhcn", this::createPlan);
		addProgress(created);
		log.info("Demo data loaded: {} tasks; sign in as sokhcn / {}", created.size(), PASSWORD);
	}

	private void createUsers() {
		user("admin", "Quản trị hệ thống", Role.ADMIN, "SKHCN");
		user("sokhcn", "Nguyễn Văn Thường Trực", Role.SECRETARIAT, "SKHCN");
		user("lanhdao", "Lãnh đạo UBND tỉnh", Role.LEADER, "UBND");
		user("gd.skhcn", "Giám đốc Sở KH&CN", Role.AGENCY_HEAD, "SKHCN");
		user("cb.skhcn", "Cán bộ đầu mối Sở KH&CN", Role.AGENCY_OFFICER, "SKHCN");
		user("gd.stc", "Giám đốc Sở Tài chính", Role.AGENCY_HEAD, "STC");
		user("cb.stc", "Cán bộ đầu mối Sở Tài chính", Role.AGENCY_OFFICER, "STC");
		user("gd.snv", "Giám đốc Sở Nội vụ", Role.AGENCY_HEAD, "SNV");
		user("cb.snv", "Cán bộ đầu mối Sở Nội vụ", Role.AGENCY_OFFICER, "SNV");
		user("gd.bql", "Trưởng Ban Quản lý KKT Dung Quất", Role.AGENCY_HEAD, "BQLKKT");
		user("cb.bql", "Cán bộ đầu mối Ban Quản lý KKT Dung Quất", Role.AGENCY_OFFICER, "BQLKKT");
		user("cb.svhttdl", "Cán bộ đầu mối Sở VHTTDL", Role.AGENCY_OFFICER, "SVHTTDL");
		user("cb.lyson", "Cán bộ đầu mối Đặc khu Lý Sơn", Role.AGENCY_OFFICER, "DK-LYSON");
	}

	private void user(String username, String name, Role role, String agencyCode) {
		long agencyId = agencies.findByCode(agencyCode).orElseThrow().getId();
		users.create(username, PASSWORD, name, username + "@demo.quangngai.gov.vn", role, agencyId);
	}

	private List<Task> createPlan() {
		Directive tu = tasks.saveDirective(null, DirectiveKind.PLAN, "359-KH/TU", LocalDate.of(2025, 4, 29),
				"Ban Thường vụ Tỉnh ủy", "Kế hoạch hành động thực hiện Nghị quyết số 57-NQ/TW", null);
		tasks.saveDirective(null, DirectiveKind.RESOLUTION, "71/NQ-CP", LocalDate.of(2025, 4, 1), "Chính phủ",
				"Sửa đổi, bổ sung, cập nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW", null);
		Directive kh = tasks.saveDirective(null, DirectiveKind.PLAN, "KH-2026 (dự thảo)", null, "UBND tỉnh Quảng Ngãi",
				"Kế hoạch thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh Quảng Ngãi năm 2026", null);
		Directive tb000 = tasks.saveDirective(null, DirectiveKind.CONCLUSION_NOTICE, "TB ngày 12/3/2026 (BQL KKT)",
				LocalDate.of(2026, 3, 12), "Văn phòng UBND tỉnh",
				"Kết luận của Phó Chủ tịch UBND tỉnh Trần Phước Hiền tại buổi làm việc với Ban Quản lý Khu Kinh tế Dung Quất và các KCN Quảng Ngãi",
				null);
		Directive tb001 = tasks.saveDirective(null, DirectiveKind.CONCLUSION_NOTICE, "TB ngày 08/4/2026 (BCĐ)",
				LocalDate.of(2026, 4, 8), "Văn phòng UBND tỉnh",
				"Kết luận của Phó Chủ tịch UBND tỉnh Trần Phước Hiền tại phiên họp thường kỳ của Ban Chỉ đạo thực hiện Nghị quyết số 57-NQ/TW",
				null);
		Plan plan = tasks.savePlan(null, kh.getId(),
				"Kế hoạch thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh Quảng Ngãi năm 2026", 2026, List.of(
						new String[] { "I", "Nâng cao nhận thức, đột phá về đổi mới tư duy, quyết tâm chính trị về phát triển KHCN, ĐMST và CĐS" },
						new String[] { "II", "Hoàn thiện, triển khai thực hiện có hiệu quả các thể chế; xóa bỏ rào cản phát triển" },
						new String[] { "III", "Tăng cường đầu tư, hoàn thiện hạ tầng cho KHCN, ĐMST và CĐS của tỉnh" },
						new String[] { "IV", "Phát triển, trọng dụng nhân lực chất lượng cao, nhân tài" },
						new String[] { "V", "Đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan trong hệ thống chính trị; bảo đảm quốc phòng, an ninh" },
						new String[] { "VI", "Thúc đẩy mạnh mẽ hoạt động KHCN, ĐMST và CĐS trong doanh nghiệp" },
						new String[] { "VII", "Tăng cường hợp tác quốc tế trong phát triển KHCN, ĐMST và CĐS" }),
				null);
		List<Task> out = new ArrayList<>();
		Long p = plan.getId();
		out.add(task(p, group(plan, "I"), kh, "1", "Triển khai Kế hoạch số 58/KH-UBND ngày 10/10/2025 đẩy mạnh truyền thông thực hiện Nghị quyết số 57-NQ/TW; xây dựng kênh truyền thông chuyên biệt về khoa học - công nghệ, đổi mới sáng tạo, chuyển đổi số",
				"Giám đốc Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "BAOQN,DPTTH", "Chuyên mục, bản tin", "Thường xuyên"));
		out.add(task(p, group(plan, "I"), kh, "2", "Xây dựng, ban hành Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức về khoa học, công nghệ, đổi mới sáng tạo, kỹ năng số",
				"Giám đốc Sở Nội vụ", "SNV", "SKHCN", "Kế hoạch", "Quý I/2026"));
		out.add(task(p, group(plan, "I"), kh, "3", "Cụ thể hóa nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trong chương trình, kế hoạch công tác hằng năm",
				"Người đứng đầu các sở, ban, ngành, địa phương", "G-SBNDP", "", "Kế hoạch công tác", "Hằng năm"));
		out.add(task(p, group(plan, "I"), kh, "4", "Điều chỉnh dự toán ngân sách năm 2026 để bố trí ít nhất 3% ngân sách cho phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số",
				"Giám đốc Sở Tài chính", "STC", "SKHCN", "Tờ trình, Quyết định", "6 tháng đầu năm 2026"));
		out.add(task(p, group(plan, "II"), kh, "1", "Rà soát, đề xuất sửa đổi, bổ sung các văn bản pháp luật thuộc thẩm quyền của địa phương để ban hành chính sách ưu đãi, chính sách đặc thù",
				"Giám đốc Sở Tư pháp", "STP", "G-SBN", "Báo cáo rà soát", "Quý III/2026"));
		out.add(task(p, group(plan, "II"), kh, "2", "Xây dựng kế hoạch đầu tư công về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số giai đoạn 2026 – 2030",
				"Giám đốc Sở Tài chính", "STC", "SKHCN", "Kế hoạch", "Tháng 9/2026"));
		out.add(task(p, group(plan, "II"), kh, "3", "Xây dựng Đề án cơ chế thí điểm để doanh nghiệp thử nghiệm công nghệ mới, mô hình kinh doanh mới có sự giám sát của Nhà nước",
				"Giám đốc Sở Khoa học và Công nghệ", "SKHCN", "STP", "Đề án", "Sau khi có văn bản của Trung ương"));
		out.add(task(p, group(plan, "III"), kh, "1", "Xây dựng Kế hoạch thực hiện Chương trình Quốc gia phát triển công nghệ và công nghiệp chiến lược",
				"Giám đốc Sở Khoa học và Công nghệ", "SKHCN", "", "Kế hoạch", "Năm 2026"));
		out.add(task(p, group(plan, "III"), kh, "2", "Triển khai Kế hoạch phát triển hạ tầng 5G, 6G, IoT trong các khu công nghiệp, cụm công nghiệp",
				"Giám đốc Sở Khoa học và Công nghệ", "SKHCN", "BQLKKT,VNPT,VIETTEL", "Báo cáo kết quả", "Quý IV/2026"));
		out.add(task(p, group(plan, "IV"), kh, "1", "Xây dựng, triển khai Đề án phát triển, trọng dụng nhân tài, nhân lực chất lượng cao phục vụ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
				"Giám đốc Sở Nội vụ", "SNV", "SGDDT,DHPVD", "Đề án", "Theo lộ trình Trung ương"));
		out.add(task(p, group(plan, "IV"), kh, "2", "Xây dựng cơ sở dữ liệu về nhân lực khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, kết nối với cơ sở dữ liệu quốc gia",
				"Giám đốc Sở Khoa học và Công nghệ", "SKHCN", "SNV", "Cơ sở dữ liệu", ""));
		out.add(task(p, group(plan, "V"), kh, "1", "Triển khai Trung tâm giám sát, điều hành thông minh (IOC)",
				"Giám đốc Sở Khoa học và Công nghệ", "SKHCN", "VPUBND,VNPT", "Trung tâm IOC vận hành", "Quý II/2026"));
		out.add(task(p, group(plan, "VI"), kh, "1", "Rà soát, công bố danh mục các bài toán lớn về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số của tỉnh để các doanh nghiệp công nghệ số tham gia giải quyết",
				"Giám đốc Sở Khoa học và Công nghệ", "SKHCN", "G-SBNDP", "Danh mục bài toán lớn", "Quý III/2026"));
		out.add(task(p, group(plan, "VII"), kh, "1", "Tăng cường hợp tác với các viện nghiên cứu, trường đại học trong và ngoài nước về khoa học, công nghệ, đổi mới sáng tạo",
				"Giám đốc Sở Khoa học và Công nghệ", "SKHCN", "DHPVD", "Thỏa thuận hợp tác", "Hàng năm"));
		// conclusion notices: tasks cite the notice, outside the plan's groups
		out.add(task(null, null, tb001, null, "Khẩn trương rà soát các nội dung đề xuất phân khai kinh phí của các cơ quan, đơn vị, địa phương, gửi Sở Tài chính tổng hợp tham mưu Ủy ban nhân dân tỉnh",
				"Giám đốc Sở Khoa học và Công nghệ", "SKHCN", "STC", "Văn bản gửi Sở Tài chính", "hoàn thành trong ngày 10/4/2026"));
		out.add(task(null, null, tb001, null, "Làm việc với VNPT Quảng Ngãi triển khai, nâng cấp các phân hệ của Trung tâm IOC, phù hợp với khung kiến trúc số quốc gia; hoàn thành, báo cáo Ủy ban nhân dân tỉnh",
				"Giám đốc Sở Khoa học và Công nghệ", "SKHCN", "VNPT", "Báo cáo UBND tỉnh", "trước ngày 01/6/2026"));
		out.add(task(null, null, tb001, null, "Báo cáo, tham mưu cấp có thẩm quyền xem xét phương án điều chuyển nguồn kinh phí triển khai nhiệm vụ phát triển khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số",
				"Giám đốc Sở Tài chính", "STC", "", "Báo cáo, tờ trình", "Tháng 5/2026"));
		out.add(task(null, null, tb001, null, "Rà soát, triển khai sớm nội dung đầu tư đài truyền thanh ứng dụng công nghệ thông tin - viễn thông cho các xã, phường, đặc khu",
				"Giám đốc Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "G-XA", "Báo cáo, dự án", "Tháng 12/2026"));
		out.add(task(null, null, tb001, null, "Nghiên cứu kế thừa các hệ thống nền tảng số du lịch do Bộ Văn hóa, Thể thao và Du lịch triển khai cho phát triển du lịch tại Đặc khu Lý Sơn và xã Măng Đen",
				"Giám đốc Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "DK-LYSON,X-MANGDEN", "Nền tảng du lịch số", "Năm 2026"));
		out.add(task(null, null, tb000, null, "Khẩn trương xây dựng và ban hành kế hoạch triển khai thực hiện Nghị quyết số 57-NQ/TW trong phạm vi chức năng, nhiệm vụ được giao, lộ trình thực hiện đến năm 2030",
				"Trưởng Ban Quản lý Khu Kinh tế Dung Quất và các KCN Quảng Ngãi", "BQLKKT", "", "Kế hoạch", "Quý II/2026"));
		out.add(task(null, null, tb000, null, "Nghiên cứu xây dựng hệ thống bản đồ số 2D, 3D gắn với thông tin quy hoạch, hạ tầng kỹ thuật và quỹ đất trong KKT Dung Quất và các khu công nghiệp",
				"Trưởng Ban Quản lý Khu Kinh tế Dung Quất và các KCN Quảng Ngãi", "BQLKKT", "SKHCN", "Hệ thống bản đồ số", "Năm 2026"));
		out.add(task(null, null, tu, null, "Chủ động quán triệt và triển khai kịp thời các nội dung chỉ đạo, kết luận của lãnh đạo UBND tỉnh về thực hiện Nghị quyết số 57-NQ/TW",
				"Thủ trưởng các sở, ban, ngành, địa phương", "G-SBNDP", "", "Báo cáo định kỳ", "Thường xuyên"));
		return out;
	}

	private Long group(Plan plan, String code) {
		return plan.getGroups().stream().filter(g -> g.getCode().equals(code)).findFirst().orElseThrow().getId();
	}

	private Task task(Long planId, Long groupId, Directive source, String stt, String title, String head, String leads,
			String coordinators, String output, String deadline) {
		TaskForm f = new TaskForm();
		f.setPlanId(planId);
		f.setGroupId(groupId);
		f.setDirectiveId(source.getId());
		f.setStt(stt);
		f.setTitle(title);
		f.setAccountableHead(head);
		f.setLeadAgencyIds(ids(leads));
		f.setCoordinatorAgencyIds(ids(coordinators));
		f.setExpectedOutput(output);
		f.setDeadlinePhrase(deadline);
		return tasks.save(null, f);
	}

	private Set<Long> ids(String codes) {
		Set<Long> ids = new LinkedHashSet<>();
		for (String c : codes.split(",")) {
			if (!c.isBlank()) {
				ids.add(agencies.findByCode(c.trim()).orElseThrow().getId());
			}
		}
		return ids;
	}

	/** Progress that gives the demo every status; steps dated after "today" are left out. */
	private void addProgress(List<Task> t) {
		LocalDate today = clock.today();
		// I.2 Sở Nội vụ: completed on time (due 31/03/2026)
		complete(t.get(1), "cb.snv", "gd.snv", LocalDate.of(2026, 3, 25), "Kế hoạch số 45/KH-SNV ngày 25/3/2026", today);
		// I.4 Sở Tài chính: completed late (due 30/06/2026)
		complete(t.get(3), "cb.stc", "gd.stc", LocalDate.of(2026, 7, 15), "Quyết định điều chỉnh dự toán ngày 15/7/2026", today);
		// notice 001: phân khai kinh phí, completed on the day
		complete(t.get(14), "cb.skhcn", "gd.skhcn", LocalDate.of(2026, 4, 10), "Văn bản số 1420/SKHCN-KHTC ngày 10/4/2026 gửi Sở Tài chính", today);
		// IOC upgrade: progress but overdue, with an obstacle and a leader's direction
		post(t.get(15), "cb.skhcn", 60, "Đã làm việc với VNPT Quảng Ngãi, thống nhất danh mục phân hệ cần nâng cấp.",
				"Chưa có hướng dẫn khung kiến trúc số phiên bản mới của Bộ.", "Đề nghị Bộ KH&CN sớm ban hành hướng dẫn.");
		runAs.user("lanhdao", () -> progress.addDirection(t.get(15).getId(),
				"Sở KH&CN khẩn trương hoàn thành, báo cáo UBND tỉnh trong tháng này; phối hợp chặt chẽ với VNPT Quảng Ngãi."));
		// Sở Tài chính: điều chuyển kinh phí, half done and overdue
		post(t.get(16), "cb.stc", 50, "Đã tổng hợp nhu cầu điều chuyển của các đơn vị.", "Một số đơn vị gửi hồ sơ chậm.", null);
		// 5G/IoT: in progress
		post(t.get(8), "cb.skhcn", 40, "VNPT, Viettel đã lắp đặt trạm 5G tại 4/5 khu công nghiệp.", null, null);
		// BQL plan: claimed, waiting for the head
		if (!LocalDate.of(2026, 6, 20).isAfter(today)) {
			runAs.user("cb.bql", () -> progress.claimCompletion(first(t.get(19)).getId(),
					claim(LocalDate.of(2026, 6, 20), "Kế hoạch số 12/KH-BQL ngày 20/6/2026"), null));
		}
		// IOC: approved by the head, waiting for DoST
		if (!LocalDate.of(2026, 6, 28).isAfter(today)) {
			runAs.user("gd.skhcn", () -> progress.claimCompletion(first(t.get(11)).getId(),
					claim(LocalDate.of(2026, 6, 28), "Trung tâm IOC vận hành chính thức từ 28/6/2026"), null));
		}
		// Lý Sơn reports on the collective task
		runAs.user("cb.lyson", () -> {
			Assignment a = tasks.assignments(t.get(21).getId()).stream()
				.filter(x -> x.getAgencyId().equals(agencies.findByCode("DK-LYSON").orElseThrow().getId()))
				.findFirst().orElseThrow();
			ProgressInput in = new ProgressInput();
			in.setPercent(30);
			in.setResults("Đã quán triệt tại hội nghị giao ban tháng; phân công lãnh đạo phụ trách.");
			progress.postProgress(a.getId(), in, null);
		});
	}

	private void complete(Task task, String officer, String head, LocalDate on, String evidence, LocalDate today) {
		if (on.isAfter(today)) {
			return;
		}
		long claimId = runAs.user(officer, () -> progress.claimCompletion(first(task).getId(), claim(on, evidence), null));
		runAs.user(head, () -> progress.approveClaim(claimId));
		runAs.user("sokhcn", () -> progress.confirmClaim(claimId));
	}

	private void post(Task task, String officer, int percent, String results, String obstacles, String proposals) {
		ProgressInput in = new ProgressInput();
		in.setPercent(percent);
		in.setResults(results);
		in.setObstacles(obstacles);
		in.setProposals(proposals);
		runAs.user(officer, () -> progress.postProgress(first(task).getId(), in, null));
	}

	private Assignment first(Task task) {
		return tasks.assignments(task.getId()).get(0);
	}

	private static ClaimInput claim(LocalDate on, String evidence) {
		ClaimInput c = new ClaimInput();
		c.setCompletedOn(on);
		c.setEvidence(evidence);
		return c;
	}
}
