package vn.nq57.recommendation;

import static vn.nq57.publicsite.PublicDataset.date;
import static vn.nq57.publicsite.PublicDataset.integer;
import static vn.nq57.publicsite.PublicDataset.text;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.nq57.publicsite.PublicDataset;

/**
 * The answered recommendations DoST approved for publication, as a public data set (open data and the public page):
 * the question, the answer and the agency that answered. Never the sender's name or contact, never one not yet
 * answered or whose answer is not published.
 */
@Configuration(proxyBeanMethods = false)
class RecommendationDatasets {

	static final String ANSWERED = "kien-nghi-da-tra-loi";

	@Bean
	PublicDataset answeredRecommendationsDataset() {
		return new PublicDataset(ANSWERED, "Kiến nghị của người dân, doanh nghiệp và trả lời của cơ quan",
				"Các kiến nghị đã được cơ quan có thẩm quyền trả lời và Sở Khoa học và Công nghệ cho công bố: nội dung "
						+ "kiến nghị, trả lời, cơ quan trả lời, ngày tiếp nhận, hạn và ngày trả lời. Không công bố tên, địa "
						+ "chỉ liên hệ của người kiến nghị.",
				List.of("GOVE", "SOCI"), List.of("kiến nghị", "trả lời", "phản ánh"), """
						SELECT r.id AS recommendation_id,
						       CASE r.sender_kind WHEN 'CITIZEN' THEN 'Người dân' WHEN 'FIRM' THEN 'Doanh nghiệp, tổ chức'
						         ELSE 'Cơ quan, đơn vị' END AS sender_kind,
						       r.title, r.content, ag.name AS answering_agency, r.received_on, r.due_date, r.answered_on,
						       CASE WHEN r.due_date IS NULL OR r.answered_on <= r.due_date THEN 'Đúng hạn' ELSE 'Quá hạn' END AS timeliness,
						       r.answer, r.published_on,
						       CASE WHEN r.demo THEN 'Số liệu minh họa' END AS demo_note
						FROM recommendation r LEFT JOIN agency_view ag ON ag.id = r.agency_id
						WHERE r.published_on IS NOT NULL AND r.answer IS NOT NULL AND r.answered_on IS NOT NULL
						ORDER BY r.published_on DESC, r.id DESC""",
				List.of(integer("recommendation_id", "Số hiệu kiến nghị (ổn định)"),
						text("sender_kind", "Người kiến nghị là người dân, doanh nghiệp hay cơ quan (không có tên)"),
						text("title", "Tiêu đề kiến nghị"), text("content", "Nội dung kiến nghị"),
						text("answering_agency", "Cơ quan trả lời"), date("received_on", "Ngày tiếp nhận"),
						date("due_date", "Hạn trả lời"), date("answered_on", "Ngày trả lời"),
						text("timeliness", "Trả lời đúng hạn hay quá hạn"), text("answer", "Nội dung trả lời"),
						date("published_on", "Ngày công bố"), text("demo_note", "Ghi chú (số liệu minh họa)")),
				null);
	}
}
