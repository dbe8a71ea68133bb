package vn.nq57.catalogue;

import static vn.nq57.publicsite.PublicDataset.date;
import static vn.nq57.publicsite.PublicDataset.decimal;
import static vn.nq57.publicsite.PublicDataset.integer;
import static vn.nq57.publicsite.PublicDataset.text;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.nq57.publicsite.PublicDataset;

/**
 * The catalogues' public data sets (open data, public pages, DCAT-AP catalogue): the big problems DoST has selected
 * (and what followed), the initiatives DoST has published, and the public part of the information-systems inventory.
 * Never a draft (a proposal not yet selected, an initiative not yet published, a system only planned), never a
 * person (no author, no contact, no creator), never the security level, dossier or cost of a system.
 */
@Configuration(proxyBeanMethods = false)
class CatalogueDatasets {

	static final String BIG_PROBLEMS = "bai-toan-lon";
	static final String INITIATIVES = "sang-kien";
	static final String SYSTEMS = "he-thong-thong-tin";

	static String labels(String column, Object[][] pairs) {
		StringBuilder sb = new StringBuilder("CASE " + column);
		for (Object[] p : pairs) {
			sb.append(" WHEN '").append(p[0]).append("' THEN '").append(((String) p[1]).replace("'", "''")).append('\'');
		}
		return sb.append(" END").toString();
	}

	static Object[][] pairs(Enum<?>[] values, java.util.function.Function<Enum<?>, String> label) {
		Object[][] out = new Object[values.length][];
		for (int i = 0; i < values.length; i++) {
			out[i] = new Object[] { values[i].name(), label.apply(values[i]) };
		}
		return out;
	}

	@Bean
	PublicDataset bigProblemsDataset() {
		String state = labels("b.state", pairs(BigProblemState.values(), e -> ((BigProblemState) e).label()));
		return new PublicDataset(BIG_PROBLEMS, "Danh mục bài toán lớn của tỉnh",
				"Các bài toán lớn Sở Khoa học và Công nghệ đã lựa chọn (có số và ngày quyết định) để đặt hàng, "
						+ "công bố để doanh nghiệp công nghệ Việt Nam tham gia giải quyết: vấn đề, sản phẩm, thời gian, "
						+ "kinh phí dự kiến và tình trạng. Bài toán đang đề xuất hoặc rà soát không được công bố.",
				List.of("TECH", "ECON", "GOVE"), List.of("bài toán lớn", "đặt hàng", "khoa học công nghệ"), """
						SELECT b.id AS problem_id, b.title, b.statement, b.expected_product, b.timeline,
						       b.cost_estimate, lead.name AS lead_agency, prop.name AS proposing_agency,
						       b.national_programme, b.decision_number, b.decision_date, b.state,
						       %s AS state_label, b.accepted_on, b.published_on,
						       CASE WHEN b.demo THEN 'Số liệu minh họa' END AS demo_note
						FROM big_problem b
						LEFT JOIN agency_view lead ON lead.id = b.lead_agency_id
						LEFT JOIN agency_view prop ON prop.id = b.proposing_agency_id
						WHERE b.state IN ('SELECTED', 'ORDERED', 'IN_PROGRESS', 'ACCEPTED', 'PUBLISHED')
						ORDER BY b.decision_date DESC NULLS LAST, b.id""".formatted(state),
				List.of(integer("problem_id", "Số hiệu bài toán (ổn định)"), text("title", "Tên bài toán"),
						text("statement", "Vấn đề cần giải quyết"), text("expected_product", "Sản phẩm dự kiến"),
						text("timeline", "Thời gian thực hiện"), integer("cost_estimate", "Kinh phí dự kiến (đồng)"),
						text("lead_agency", "Cơ quan chủ trì"), text("proposing_agency", "Cơ quan đề xuất"),
						text("national_programme", "Chương trình quốc gia liên quan"),
						text("decision_number", "Số quyết định lựa chọn"), date("decision_date", "Ngày quyết định lựa chọn"),
						text("state", "Mã tình trạng: SELECTED, ORDERED, IN_PROGRESS, ACCEPTED, PUBLISHED"),
						text("state_label", "Tình trạng"), date("accepted_on", "Ngày nghiệm thu"),
						date("published_on", "Ngày công bố kết quả"), text("demo_note", "Ghi chú (số liệu minh họa)")),
				null);
	}

	@Bean
	PublicDataset initiativesDataset() {
		return new PublicDataset(INITIATIVES, "Sáng kiến, giải pháp được lựa chọn áp dụng",
				"Các sáng kiến, giải pháp Hội đồng đã đánh giá, Sở Khoa học và Công nghệ đã lựa chọn và công bố để áp dụng "
						+ "trong năm: lĩnh vực, tóm tắt, phạm vi áp dụng, đơn vị và điểm bình quân của Hội đồng. "
						+ "Không có tên tác giả.",
				List.of("TECH", "GOVE"), List.of("sáng kiến", "giải pháp", "đổi mới sáng tạo"), """
						SELECT i.id AS initiative_id, i.year, i.title, i.field, i.summary, i.application,
						       coalesce(i.organisation, ag.name) AS organisation, i.average_score,
						       CASE WHEN i.demo THEN 'Số liệu minh họa' END AS demo_note
						FROM initiative i LEFT JOIN agency_view ag ON ag.id = i.agency_id
						WHERE i.state = 'PUBLISHED'
						ORDER BY i.year DESC, i.average_score DESC NULLS LAST, i.id""",
				List.of(integer("initiative_id", "Số hiệu sáng kiến (ổn định)"), integer("year", "Năm lựa chọn"),
						text("title", "Tên sáng kiến, giải pháp"), text("field", "Lĩnh vực"), text("summary", "Tóm tắt"),
						text("application", "Phạm vi, kết quả áp dụng"), text("organisation", "Đơn vị"),
						decimal("average_score", "Điểm bình quân của Hội đồng (0–100)"),
						text("demo_note", "Ghi chú (số liệu minh họa)")),
				null);
	}

	@Bean
	PublicDataset systemsDataset() {
		String kind = labels("s.kind", pairs(InfoSystem.Kind.values(), e -> ((InfoSystem.Kind) e).label()));
		String hosting = labels("s.hosting", pairs(InfoSystem.Hosting.values(), e -> ((InfoSystem.Hosting) e).label()));
		String status = labels("s.status", pairs(InfoSystem.Status.values(), e -> ((InfoSystem.Status) e).label()));
		return new PublicDataset(SYSTEMS, "Danh mục hệ thống thông tin, cơ sở dữ liệu của tỉnh (phần công khai)",
				"Các hệ thống thông tin, ứng dụng, cơ sở dữ liệu và nền tảng đang vận hành hoặc đang xây dựng: cơ quan "
						+ "chủ quản, mục đích, loại, nơi triển khai, kết nối nền tảng tích hợp, chia sẻ dữ liệu (LGSP, NDXP). "
						+ "Cấp độ an toàn thông tin, hồ sơ, người sử dụng và kinh phí không được công bố.",
				List.of("TECH", "GOVE"), List.of("hệ thống thông tin", "cơ sở dữ liệu", "LGSP", "chuyển đổi số"), """
						SELECT s.id AS system_id, s.name, ag.name AS owner_agency, s.purpose, s.kind, %s AS kind_label,
						       s.hosting, %s AS hosting_label, s.status, %s AS status_label,
						       CASE WHEN s.lgsp_connected THEN 'Có' ELSE 'Không' END AS lgsp_connected,
						       CASE WHEN s.ndxp_connected THEN 'Có' ELSE 'Không' END AS ndxp_connected,
						       s.national_databases, s.year,
						       CASE WHEN s.demo THEN 'Số liệu minh họa' END AS demo_note
						FROM info_system s LEFT JOIN agency_view ag ON ag.id = s.owner_agency_id
						WHERE s.status IN ('OPERATING', 'BUILDING')
						ORDER BY ag.name, s.name, s.id""".formatted(kind, hosting, status),
				List.of(integer("system_id", "Số hiệu hệ thống (ổn định)"), text("name", "Tên hệ thống"),
						text("owner_agency", "Cơ quan chủ quản"), text("purpose", "Mục đích"),
						text("kind", "Mã loại: SOFTWARE, DATABASE, PLATFORM"), text("kind_label", "Loại"),
						text("hosting", "Mã nơi triển khai: DATA_CENTRE, CLOUD, AGENCY"), text("hosting_label", "Nơi triển khai"),
						text("status", "Mã tình trạng: OPERATING, BUILDING"), text("status_label", "Tình trạng"),
						text("lgsp_connected", "Kết nối nền tảng LGSP của tỉnh (Có/Không)"),
						text("ndxp_connected", "Kết nối nền tảng NDXP quốc gia (Có/Không)"),
						text("national_databases", "Cơ sở dữ liệu quốc gia đã kết nối"), integer("year", "Năm đưa vào sử dụng"),
						text("demo_note", "Ghi chú (số liệu minh họa)")),
				null);
	}
}
