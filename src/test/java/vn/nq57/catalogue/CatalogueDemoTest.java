package vn.nq57.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.DemoIntegrationTest;

/**
 * The demo's catalogues: the four big problems of letter 1364/SKHCN-KH&ĐMST and the socio-economic database of 001,
 * three of them selected and one ordered with real tasks; 004's counts out of the computed indicators; recommendations
 * in every state; the obstacles queue filled from the demo's progress updates.
 */
@DemoIntegrationTest
class CatalogueDemoTest {

	@Autowired JdbcTemplate jdbc;

	@Test
	@DisplayName("004's counts come out of the computed indicators: 24 in the data centre, 34 connected to LGSP, 60 in use")
	void inventoryCounts() {
		assertThat(rollup(InventoryIndicators.DATA_CENTRE)).isEqualByComparingTo("24");
		assertThat(rollup(InventoryIndicators.LGSP)).isEqualByComparingTo("34");
		assertThat(rollup(InventoryIndicators.IN_USE)).isEqualByComparingTo("60");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM indicator_feed f JOIN indicator i ON i.id = f.indicator_id WHERE i.code IN ('HT-TTDL-HT','HT-LGSP','HT-UD-SD')",
				Integer.class)).isEqualTo(3);
		assertThat(jdbc.queryForList("SELECT name FROM info_system", String.class)).contains(
				"Hệ thống bản đồ số 2D, 3D Khu kinh tế Dung Quất", "Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC)",
				"Cơ sở dữ liệu tôn giáo", "Nền tảng phòng chống mã độc tập trung");
	}

	private BigDecimal rollup(String code) {
		return jdbc.queryForObject("""
				SELECT r.value FROM indicator_rollup r JOIN indicator i ON i.id = r.indicator_id
				WHERE i.code = ? ORDER BY r.period_start DESC LIMIT 1""", BigDecimal.class, code);
	}

	@Test
	@DisplayName("the big problems of 1364/SKHCN-KH&ĐMST and 001: three selected (the minimum), one ordered with its tasks")
	void bigProblems() {
		assertThat(jdbc.queryForList("SELECT title FROM big_problem WHERE demo", String.class)).contains(
				"Xây dựng Trung tâm Đổi mới sáng tạo phục vụ phát triển bền vững",
				"Ứng dụng khoa học, công nghệ và chuyển đổi số phát triển nông nghiệp xanh, bền vững",
				"Ứng dụng trí tuệ nhân tạo (AI) xây dựng cơ sở dữ liệu ngôn ngữ dân tộc thiểu số",
				"Ứng dụng hệ sinh thái du lịch thông minh", "Xây dựng cơ sở dữ liệu tổng thể kinh tế - xã hội của tỉnh");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM big_problem WHERE state IN ('SELECTED','ORDERED','IN_PROGRESS','ACCEPTED','PUBLISHED')",
				Integer.class)).isEqualTo(3);
		List<Long> tasks = jdbc.queryForList("SELECT unnest(task_ids) FROM big_problem WHERE title = 'Xây dựng cơ sở dữ liệu tổng thể kinh tế - xã hội của tỉnh'", Long.class);
		assertThat(tasks).hasSize(2);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM task_view WHERE id = ANY(?)", Integer.class,
				(Object) tasks.toArray(Long[]::new))).isEqualTo(2);
	}

	@Test
	@DisplayName("recommendations in every state, one overdue and one answered late; the queue holds the demo's obstacles, one answered")
	void recommendationsAndQueue() {
		assertThat(jdbc.queryForList("SELECT DISTINCT state FROM recommendation", String.class))
			.containsExactlyInAnyOrder("RECEIVED", "ROUTED", "ANSWERED", "PUBLISHED", "CLOSED");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation WHERE state = 'ROUTED' AND due_date < current_date", Integer.class))
			.isGreaterThanOrEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM recommendation WHERE answered_on > due_date", Integer.class)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM obstacle_item", Integer.class)).isGreaterThan(0);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM obstacle_item WHERE state = 'ANSWERED' AND direction_id IS NOT NULL", Integer.class)).isEqualTo(1);
	}
}
