package vn.nq57.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Demo catalogues, through the services: the four big problems of DoST's letter 1364/SKHCN-KH&ĐMST of 31/3/2026
 * (001 fn 2), the provincial socio-economic database problem (001 §2) and the Dung Quất 2D/3D system proposed as a
 * big problem (001 §3), at different steps of their cycle (three selected, one ordered with its tasks); the
 * systems 004 fn 3 names in the inventory, so that the computed indicators give 004's counts (24 in the data
 * centre, 34 connected to LGSP, about 60 in use); a few technology needs, offers and initiatives. Costs, decisions,
 * hosting and connections are invented: "Số liệu minh họa". Idempotent: does nothing once a big problem exists.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "nq57.demo.enabled", havingValue = "true")
class CatalogueDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogueDemoData.class);

	static final String LETTER = "Văn bản số 1364/SKHCN-KH&ĐMST ngày 31/3/2026 của Sở KH&CN";

	static final String DEMO = " (Số liệu minh họa)";

	private final BigProblemService problems;
	private final InventoryService inventory;
	private final InventoryIndicators indicators;
	private final TechService tech;
	private final InitiativeService initiatives;
	private final AgencyDirectory agencies;
	private final RunAs runAs;
	private final JdbcTemplate jdbc;

	CatalogueDemoData(BigProblemService problems, InventoryService inventory, InventoryIndicators indicators, TechService tech,
			InitiativeService initiatives, AgencyDirectory agencies, RunAs runAs, JdbcTemplate jdbc) {
		this.problems = problems;
		this.inventory = inventory;
		this.indicators = indicators;
		this.tech = tech;
		this.initiatives = initiatives;
		this.agencies = agencies;
		this.runAs = runAs;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer existing = jdbc.queryForObject("SELECT count(*) FROM big_problem", Integer.class);
		Integer users = jdbc.queryForObject("SELECT count(*) FROM app_user_view WHERE username = 'sokhcn'", Integer.class);
		if (existing == null || existing > 0 || users == null || users == 0) {
			return;
		}
		runAs.user("sokhcn", () -> {
			bigProblems();
			systems();
			technology();
			initiativesOf2026();
		});
		log.info("Catalogue demo data loaded");
	}

	private long agency(String code) {
		return agencies.findByCode(code).orElseThrow().getId();
	}

	private long problem(String title, String statement, String product, String timeline, String cost, String proposing,
			String lead, String programme, String source) {
		long id = problems.propose(new BigProblemService.Input(title, statement, product, timeline + DEMO, cost,
				agency(proposing), agency(lead), programme, source), true);
		problems.markDemo(id);
		return id;
	}

	private long version(long id) {
		return problems.get(id).version();
	}

	private void select(long id, String number, String day) {
		problems.startReview(id, version(id));
		Map<String, Boolean> all = new LinkedHashMap<>();
		problems.criteria().forEach(c -> all.put(c, true));
		problems.review(id, version(id), all, "Đạt các tiêu chí" + DEMO);
		problems.select(id, version(id), number, day);
	}

	private void bigProblems() {
		long innovation = problem("Xây dựng Trung tâm Đổi mới sáng tạo phục vụ phát triển bền vững",
				"Tỉnh chưa có đầu mối điều phối đổi mới sáng tạo và không gian hỗ trợ khởi nghiệp, kết nối viện, trường, doanh nghiệp.",
				"Trung tâm Đổi mới sáng tạo tỉnh đi vào hoạt động; mạng lưới kết nối viện, trường, doanh nghiệp", "2026–2028",
				"45 tỷ", "SKHCN", "SKHCN", "Nghị quyết số 57-NQ/TW; Chương trình hỗ trợ hệ sinh thái khởi nghiệp ĐMST quốc gia", LETTER);
		long agriculture = problem("Ứng dụng khoa học, công nghệ và chuyển đổi số phát triển nông nghiệp xanh, bền vững",
				"Sản xuất nông nghiệp còn manh mún, thiếu dữ liệu vùng trồng, truy xuất nguồn gốc và cảnh báo dịch bệnh.",
				"Nền tảng dữ liệu vùng trồng, truy xuất nguồn gốc; mô hình canh tác thông minh", "2026–2027", "18,5 tỷ", "SKHCN",
				"SNNMT", "Chương trình chuyển đổi số nông nghiệp", LETTER);
		long language = problem("Ứng dụng trí tuệ nhân tạo (AI) xây dựng cơ sở dữ liệu ngôn ngữ dân tộc thiểu số",
				"Ngôn ngữ Hrê, Cor, Ca Dong chưa được số hóa; thiếu công cụ dịch, nhận dạng tiếng nói phục vụ người dân.",
				"Cơ sở dữ liệu ngữ liệu và mô hình AI dịch, nhận dạng tiếng nói dân tộc thiểu số", "2026–2028", "12 tỷ", "SKHCN",
				"SDTTG", "Chương trình phát triển, ứng dụng trí tuệ nhân tạo", LETTER);
		long tourism = problem("Ứng dụng hệ sinh thái du lịch thông minh",
				"Thông tin du lịch Lý Sơn, Măng Đen phân tán; chưa kế thừa các nền tảng du lịch số của Bộ VHTTDL.",
				"Hệ sinh thái du lịch thông minh kế thừa nền tảng của Bộ, triển khai tại Đặc khu Lý Sơn và xã Măng Đen", "2026–2027",
				"9,8 tỷ", "SKHCN", "SVHTTDL", "Nền tảng du lịch thông minh quốc gia", LETTER);
		long database = problem("Xây dựng cơ sở dữ liệu tổng thể kinh tế - xã hội của tỉnh",
				"Dữ liệu kinh tế - xã hội nằm rải rác ở các sở, ngành; cần bảo đảm “Đúng - Đủ - Sạch - Sống - Thống nhất - Đồng bộ - "
						+ "Kết nối - Dùng chung”, gắn với Bộ chỉ số chỉ đạo, điều hành và phục vụ Trung tâm IOC.",
				"Cơ sở dữ liệu tổng thể kinh tế - xã hội kết nối Bộ chỉ số và Trung tâm IOC", "2026–2027", "25 tỷ", "SKHCN", "SKHCN",
				"Chiến lược dữ liệu quốc gia", "Thông báo kết luận ngày 08/4/2026 của Phó Chủ tịch UBND tỉnh Trần Phước Hiền");
		long dungQuat = problem("Hệ thống quản lý hạ tầng kỹ thuật, quản lý thông tin Khu kinh tế Dung Quất trên nền tảng bản đồ số 2D, 3D",
				"Đề xuất bổ sung vào Danh mục bài toán lớn sau khi kiểm tra, đánh giá hệ thống hiện có.",
				"Hệ thống bản đồ số 2D, 3D quản lý hạ tầng, quỹ đất KKT Dung Quất", "2026–2027", "7,2 tỷ", "BQLKKT", "BQLKKT", null,
				"Thông báo kết luận ngày 08/4/2026, mục 3");

		select(database, "1021/QĐ-UBND", "15/5/2026");
		select(innovation, "1022/QĐ-UBND", "15/5/2026");
		select(agriculture, "1023/QĐ-UBND", "15/5/2026");
		problems.order(database, version(database), new BigProblemService.OrderInput(null,
				"Kế hoạch đặt hàng nhiệm vụ khoa học, công nghệ thực hiện bài toán lớn năm 2026" + DEMO, 2026, List.of(
						new BigProblemService.TaskLine("Xây dựng thuyết minh, đặt hàng nhiệm vụ: Xây dựng cơ sở dữ liệu tổng thể kinh tế - xã hội của tỉnh",
								"Thuyết minh nhiệm vụ được phê duyệt", "Quý III/2026"),
						new BigProblemService.TaskLine("Triển khai cơ sở dữ liệu tổng thể kinh tế - xã hội, kết nối Bộ chỉ số và Trung tâm IOC",
								"Cơ sở dữ liệu vận hành, kết nối Trung tâm IOC", "Quý IV/2027"))));
		problems.startWork(database, version(database));
		problems.startReview(language, version(language));
		problems.startReview(tourism, version(tourism));
		problems.returnToAgency(tourism, version(tourism), "Cần làm rõ phần kế thừa nền tảng du lịch số của Bộ VHTTDL để không trùng lặp");
		// dungQuat stays proposed
		if (dungQuat < 0) {
			throw new IllegalStateException();
		}
	}

	/** name, owner, kind, hosting, LGSP, status. */
	record Sys(String name, String owner, String kind, String hosting, boolean lgsp, String status, String purpose) {
	}

	static final List<Sys> SYSTEMS = List.of(
			new Sys("Hệ thống thông tin giải quyết thủ tục hành chính tỉnh", "VPUBND", "PLATFORM", "CLOUD", true, "OPERATING", "Tiếp nhận, giải quyết thủ tục hành chính, dịch vụ công trực tuyến"),
			new Sys("Cổng thông tin điện tử tỉnh", "VPUBND", "PLATFORM", "DATA_CENTRE", true, "OPERATING", "Cung cấp thông tin chỉ đạo, điều hành của tỉnh"),
			new Sys("Hệ thống hội nghị truyền hình trực tuyến", "VPUBND", "SOFTWARE", "AGENCY", false, "OPERATING", "Họp trực tuyến giữa tỉnh và các xã, phường"),
			new Sys("Hệ thống thư điện tử công vụ", "SKHCN", "SOFTWARE", "DATA_CENTRE", true, "OPERATING", "Thư điện tử cho cán bộ, công chức"),
			new Sys("Hệ thống xác thực tập trung", "SKHCN", "PLATFORM", "DATA_CENTRE", true, "OPERATING", "Đăng nhập một lần cho các hệ thống của tỉnh"),
			new Sys("Hệ thống Công báo tỉnh", "VPUBND", "SOFTWARE", "DATA_CENTRE", true, "OPERATING", "Đăng công báo điện tử"),
			new Sys("Hệ thống thông tin báo cáo tỉnh", "VPUBND", "SOFTWARE", "DATA_CENTRE", true, "OPERATING", "Tổng hợp báo cáo định kỳ của các cơ quan"),
			new Sys("Hệ thống quản lý nhiệm vụ", "VPUBND", "SOFTWARE", "DATA_CENTRE", true, "OPERATING", "Giao, theo dõi nhiệm vụ UBND tỉnh giao"),
			new Sys("Hệ thống tư vấn khám chữa bệnh từ xa", "SYT", "SOFTWARE", "CLOUD", true, "OPERATING", "Tư vấn khám, chữa bệnh từ xa"),
			new Sys("Hệ thống cảnh báo lũ trên 04 sông chính", "SNNMT", "SOFTWARE", "AGENCY", true, "OPERATING", "Quan trắc mực nước, cảnh báo lũ"),
			new Sys("Hệ thống xử lý vi phạm hành chính", "STP", "SOFTWARE", "DATA_CENTRE", true, "OPERATING", "Quản lý xử lý vi phạm hành chính"),
			new Sys("Hệ thống bản đồ số 2D, 3D Khu kinh tế Dung Quất", "BQLKKT", "PLATFORM", "AGENCY", false, "OPERATING", "Quản lý hạ tầng kỹ thuật, thông tin Khu kinh tế Dung Quất"),
			new Sys("Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC)", "SKHCN", "PLATFORM", "DATA_CENTRE", false, "OPERATING", "Giám sát an toàn thông tin các hệ thống của tỉnh"),
			new Sys("Hệ thống quản lý đô thị thành phố Quảng Ngãi", "SXD", "SOFTWARE", "CLOUD", true, "OPERATING", "Quản lý quy hoạch, trật tự đô thị"),
			new Sys("Cơ sở dữ liệu cơ quan nhà nước cấp huyện", "SNV", "DATABASE", "DATA_CENTRE", true, "OPERATING", "Dữ liệu tổ chức bộ máy cấp huyện (trước sắp xếp)"),
			new Sys("Cơ sở dữ liệu cán bộ, công chức, viên chức", "SNV", "DATABASE", "DATA_CENTRE", true, "OPERATING", "Hồ sơ cán bộ, công chức, viên chức của tỉnh"),
			new Sys("Cơ sở dữ liệu tôn giáo", "SDTTG", "DATABASE", "DATA_CENTRE", true, "OPERATING", "Dữ liệu cơ sở, tổ chức tôn giáo"),
			new Sys("Cơ sở dữ liệu di tích lịch sử, văn hóa", "SVHTTDL", "DATABASE", "DATA_CENTRE", true, "OPERATING", "Dữ liệu di tích lịch sử, văn hóa"),
			new Sys("Cơ sở dữ liệu ngành Nông nghiệp", "SNNMT", "DATABASE", "DATA_CENTRE", true, "OPERATING", "Dữ liệu chuyên ngành nông nghiệp"),
			new Sys("Cơ sở dữ liệu ngành Giáo dục", "SGDDT", "DATABASE", "CLOUD", true, "OPERATING", "Dữ liệu trường, lớp, học sinh"),
			new Sys("Cơ sở dữ liệu thanh tra - kiểm tra", "VPUBND", "DATABASE", "DATA_CENTRE", true, "OPERATING", "Dữ liệu thanh tra, kiểm tra"),
			new Sys("Hệ thống chứng thực điện tử", "STP", "SOFTWARE", "DATA_CENTRE", true, "OPERATING", "Chứng thực bản sao điện tử từ bản chính"),
			new Sys("Cơ sở dữ liệu đất đai tại 08 huyện", "SNNMT", "DATABASE", "CLOUD", true, "OPERATING", "Dữ liệu địa chính 08 huyện (trước sắp xếp)"),
			new Sys("Kho dữ liệu số về kết quả giải quyết thủ tục hành chính tỉnh", "VPUBND", "DATABASE", "DATA_CENTRE", true, "OPERATING", "Lưu kết quả giải quyết thủ tục hành chính để tái sử dụng"),
			new Sys("Kho lưu trữ tài liệu lịch sử tỉnh", "SNV", "DATABASE", "DATA_CENTRE", true, "OPERATING", "Lưu trữ tài liệu lịch sử số"),
			new Sys("Ứng dụng Công chức và Công dân", "SKHCN", "SOFTWARE", "CLOUD", true, "OPERATING", "Ứng dụng di động cho cán bộ và người dân"),
			new Sys("Cổng dữ liệu mở tỉnh", "SKHCN", "PLATFORM", "DATA_CENTRE", true, "OPERATING", "Công bố dữ liệu mở"),
			new Sys("Nền tảng tổng hợp, phân tích dữ liệu", "SKHCN", "PLATFORM", "DATA_CENTRE", true, "OPERATING", "Tổng hợp, phân tích dữ liệu phục vụ chỉ đạo, điều hành"),
			new Sys("Nền tảng phòng chống mã độc tập trung", "SKHCN", "PLATFORM", "DATA_CENTRE", false, "OPERATING", "Phòng chống mã độc cho máy trạm cơ quan nhà nước"),
			new Sys("Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)", "SKHCN", "PLATFORM", "DATA_CENTRE", false, "OPERATING", "Tích hợp, chia sẻ dữ liệu giữa các hệ thống của tỉnh, kết nối NDXP"),
			new Sys("Hệ thống quản lý văn bản và điều hành", "VPUBND", "SOFTWARE", "CLOUD", true, "OPERATING", "Văn bản điện tử, ký số, điều hành"),
			new Sys("Hệ thống VBDLis (đăng ký, cấp giấy chứng nhận đất đai)", "SNNMT", "SOFTWARE", "CLOUD", true, "OPERATING", "Đăng ký đất đai, cấp giấy chứng nhận"),
			new Sys("Kho dữ liệu dùng chung của tỉnh", "SKHCN", "DATABASE", "DATA_CENTRE", true, "OPERATING", "Lưu trữ, kết nối dữ liệu từ các CSDL, HTTT của tỉnh"),
			new Sys("Trung tâm giám sát, điều hành thông minh (IOC)", "SKHCN", "PLATFORM", "DATA_CENTRE", true, "OPERATING", "Giám sát, điều hành thông minh của tỉnh"),
			new Sys("Hệ thống đài truyền thanh ứng dụng công nghệ thông tin - viễn thông", "SVHTTDL", "PLATFORM", "AGENCY", false, "BUILDING", "Truyền thanh cơ sở cho các xã, phường, đặc khu"),
			new Sys("Hệ thống phục vụ chỉ đạo, điều hành của Tỉnh ủy, Ủy ban nhân dân tỉnh", "VPUBND", "PLATFORM", "DATA_CENTRE", false, "PLANNED", "Phục vụ chỉ đạo, điều hành"),
			new Sys("Hệ thống thông tin Chính quyền điện tử", "SKHCN", "PLATFORM", "DATA_CENTRE", false, "PLANNED", "Chính quyền điện tử của tỉnh"));

	/** The agencies' own portals (004 fn 3: "Cổng trang thông tin điện tử của tỉnh và các sở, ban ngành, UBND cấp huyện, xã"). */
	static final List<String> PORTALS = List.of("SKHCN", "STC", "SNV", "SVHTTDL", "SGDDT", "STP", "SYT", "SNNMT", "SXD", "SCT",
			"SDTTG", "BQLKKT", "VPUBND", "VPTU", "BTGDV", "BTCTU", "BAOQN", "DPTTH", "DHPVD", "TCT", "LHHKHKT", "MTTQ", "DK-LYSON",
			"X-MANGDEN", "X-SONKY", "CAT");

	private void systems() {
		for (Sys s : SYSTEMS) {
			add(s.name(), s.owner(), s.kind(), s.hosting(), s.lgsp(), s.status(), s.purpose());
		}
		// the portals: in use; the first ones hosted in the data centre and connected, so that 004's counts come out
		int dataCentre = (int) SYSTEMS.stream().filter(s -> s.status().equals("OPERATING") && s.hosting().equals("DATA_CENTRE")).count();
		int lgsp = (int) SYSTEMS.stream().filter(s -> s.status().equals("OPERATING") && s.lgsp()).count();
		int i = 0;
		for (String code : PORTALS) {
			boolean dc = dataCentre + i < 24;
			boolean connected = lgsp + i < 34;
			String name = agencies.findByCode(code).map(a -> a.getName()).orElse(code);
			add("Trang thông tin điện tử " + name, code, "SOFTWARE", dc ? "DATA_CENTRE" : "CLOUD", connected, "OPERATING",
					"Thông tin, tuyên truyền của " + name);
			i++;
		}
		indicators.publish();
	}

	private void add(String name, String owner, String kind, String hosting, boolean lgsp, String status, String purpose) {
		long id = inventory.create(new InventoryService.Input(name, agency(owner), purpose, kind, "Cán bộ, công chức; người dân",
				hosting, "2", false, lgsp, false, null, status, null, null, null));
		inventory.markDemo(id);
	}

	private void technology() {
		tech.createNeed(new TechService.NeedInput("AGENCY", agency("SNNMT"), null, "Nông nghiệp", "Truy xuất nguồn gốc nông sản chủ lực",
				"Cần hệ thống truy xuất nguồn gốc bằng mã QR cho tỏi Lý Sơn, quế Trà Bồng" + DEMO, "Nền tảng truy xuất nguồn gốc dùng chung",
				"500 triệu", "1,5 tỷ", "Phòng Trồng trọt, Sở NN&MT"));
		tech.createNeed(new TechService.NeedInput("FIRM", null, "Công ty cổ phần chế biến thủy sản (minh họa)", "Chế biến thủy sản",
				"Tự động hóa dây chuyền cấp đông", "Nâng cấp dây chuyền cấp đông để giảm hao hụt" + DEMO, null, "2 tỷ", "5 tỷ", null));
		tech.createNeed(new TechService.NeedInput("AGENCY", agency("SVHTTDL"), null, "Du lịch", "Bản đồ du lịch số Lý Sơn, Măng Đen",
				"Cần bản đồ số và thuyết minh tự động đa ngôn ngữ tại điểm đến" + DEMO, null, "300 triệu", "800 triệu", null));
		tech.createOffer(new TechService.OfferInput("UNIVERSITY", "Trường Đại học Phạm Văn Đồng", "Nông nghiệp",
				"Nền tảng truy xuất nguồn gốc nông sản bằng mã QR", "Giải pháp truy xuất nguồn gốc, quản lý vùng trồng" + DEMO, null));
		tech.createOffer(new TechService.OfferInput("FIRM", "VNPT Quảng Ngãi", "Du lịch", "Hệ sinh thái du lịch thông minh",
				"Bản đồ số, thuyết minh tự động, thẻ du lịch điện tử" + DEMO, null));
		tech.createOffer(new TechService.OfferInput("INSTITUTE", "Viện nghiên cứu (minh họa)", "Chế biến thủy sản",
				"Công nghệ cấp đông nhanh IQF", "Chuyển giao công nghệ cấp đông nhanh" + DEMO, null));
		tech.markDemo();
		Long need = jdbc.queryForObject("SELECT id FROM tech_need WHERE title = 'Truy xuất nguồn gốc nông sản chủ lực'", Long.class);
		Long offer = jdbc.queryForObject("SELECT id FROM tech_offer WHERE title = 'Nền tảng truy xuất nguồn gốc nông sản bằng mã QR'", Long.class);
		tech.connect(need, offer, "Sở KH&CN giới thiệu hai bên làm việc" + DEMO, null);
	}

	private void initiativesOf2026() {
		long a = initiatives.submit(new InitiativeService.Input("2026", "Số hóa quy trình tiếp nhận hồ sơ quyết toán vốn đầu tư",
				"Nhóm tác giả Sở Tài chính", "Sở Tài chính", agency("STC"), "Tài chính", "Tiếp nhận, kiểm tra hồ sơ quyết toán trên môi trường số" + DEMO,
				"Các chủ đầu tư trên địa bàn tỉnh"), true);
		long b = initiatives.submit(new InitiativeService.Input("2026", "Trợ lý ảo tra cứu thủ tục hành chính cấp xã",
				"Nhóm tác giả Đặc khu Lý Sơn", "Đặc khu Lý Sơn", agency("DK-LYSON"), "Chính quyền số", "Trả lời tự động câu hỏi về thủ tục hành chính" + DEMO,
				"UBND các xã, phường, đặc khu"), true);
		long c = initiatives.submit(new InitiativeService.Input("2026", "Bản đồ số quỹ đất khu công nghiệp",
				"Nhóm tác giả Ban Quản lý KKT Dung Quất", "Ban Quản lý KKT Dung Quất", agency("BQLKKT"), "Công nghiệp", "Công khai quỹ đất trống cho nhà đầu tư" + DEMO,
				"Các khu công nghiệp"), true);
		initiatives.score(a, "86", "Hiệu quả rõ" + DEMO);
		initiatives.score(b, "78", "Cần thử nghiệm thêm" + DEMO);
		initiatives.decide(a, initiatives.get(a).version(), InitiativeService.State.SELECTED);
		initiatives.decide(b, initiatives.get(b).version(), InitiativeService.State.SELECTED);
		initiatives.decide(a, initiatives.get(a).version(), InitiativeService.State.PUBLISHED);
		for (long id : new long[] { a, b, c }) {
			initiatives.markDemo(id);
		}
	}
}
