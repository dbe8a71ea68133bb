package vn.nq57.publicsite;

import static vn.nq57.publicsite.PublicDataset.date;
import static vn.nq57.publicsite.PublicDataset.decimal;
import static vn.nq57.publicsite.PublicDataset.derived;
import static vn.nq57.publicsite.PublicDataset.integer;
import static vn.nq57.publicsite.PublicDataset.text;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.nq57.kernel.Period;
import vn.nq57.kernel.PeriodKind;
import vn.nq57.publicsite.PublicDataset.Type;

/**
 * The indicator module's public data sets, over its published views {@code indicator_public_view},
 * {@code indicator_target_public_view} and {@code indicator_figure_public_view}: definitions, targets and the
 * province's figures, which count approved values only.
 */
@Configuration(proxyBeanMethods = false)
class IndicatorDatasets {

	static final String INDICATORS = "chi-so";
	static final String VALUES = "chi-so-so-lieu";

	static PeriodKind kind(String frequency) {
		return switch (frequency) {
			case "MONTHLY" -> PeriodKind.MONTH;
			case "QUARTERLY" -> PeriodKind.QUARTER;
			case "HALF_YEARLY" -> PeriodKind.HALF_YEAR;
			default -> PeriodKind.YEAR;
		};
	}

	@Bean
	PublicDataset indicatorsDataset() {
		return new PublicDataset(INDICATORS, "Bộ chỉ số phục vụ chỉ đạo, điều hành: danh mục chỉ số và chỉ tiêu",
				"Các chỉ số tỉnh theo dõi (đơn vị tính, tần suất, cơ quan chịu trách nhiệm, nguồn số liệu, giá trị cơ sở) "
						+ "và chỉ tiêu từng năm.",
				List.of("GOVE", "TECH"), List.of("bộ chỉ số", "chỉ tiêu", "chuyển đổi số"), """
						SELECT i.code, i.name, i.category, i.unit, i.frequency, i.direction, ag.name AS responsible_agency,
						       i.data_source, i.baseline_value, i.baseline_year,
						       (SELECT string_agg(t.year || ': ' || t.value, '; ' ORDER BY t.year)
						          FROM indicator_target_public_view t WHERE t.indicator_id = i.id) AS targets
						FROM indicator_public_view i
						LEFT JOIN agency_view ag ON ag.id = i.responsible_agency_id
						ORDER BY i.position, i.code""",
				List.of(text("code", "Mã chỉ số (ổn định)"), text("name", "Tên chỉ số"), text("category", "Nhóm chỉ số"),
						text("unit", "Đơn vị tính"), text("frequency", "Tần suất: MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY"),
						text("direction", "HIGHER: càng cao càng tốt; LOWER: càng thấp càng tốt"),
						text("responsible_agency", "Cơ quan chịu trách nhiệm"), text("data_source", "Nguồn số liệu"),
						decimal("baseline_value", "Giá trị cơ sở"), integer("baseline_year", "Năm của giá trị cơ sở"),
						text("targets", "Chỉ tiêu theo năm (năm: giá trị; …)")),
				null);
	}

	@Bean
	PublicDataset indicatorValuesDataset() {
		return new PublicDataset(VALUES, "Số liệu các chỉ số của tỉnh theo kỳ (đã phê duyệt)",
				"Số liệu toàn tỉnh của từng chỉ số theo kỳ, tổng hợp từ số liệu đã được thủ trưởng cơ quan phê duyệt "
						+ "(tỷ lệ được tính lại từ tử số và mẫu số, không lấy trung bình); kèm chỉ tiêu của năm.",
				List.of("GOVE", "TECH"), List.of("bộ chỉ số", "số liệu", "IOC"), """
						SELECT i.code, i.name, i.unit, i.frequency, f.period_start, f.value, f.numerator, f.denominator,
						       f.reported AS reporting_agencies,
						       (SELECT t.value FROM indicator_target_public_view t WHERE t.indicator_id = i.id
						          AND t.year >= extract(year FROM f.period_start) ORDER BY t.year LIMIT 1) AS target,
						       (SELECT t.year FROM indicator_target_public_view t WHERE t.indicator_id = i.id
						          AND t.year >= extract(year FROM f.period_start) ORDER BY t.year LIMIT 1) AS target_year
						FROM indicator_figure_public_view f
						JOIN indicator_public_view i ON i.id = f.indicator_id
						WHERE f.period_start <= :today
						ORDER BY i.position, i.code, f.period_start""",
				List.of(text("code", "Mã chỉ số"), text("name", "Tên chỉ số"), text("unit", "Đơn vị tính"),
						text("frequency", "Tần suất"), date("period_start", "Ngày đầu kỳ (yyyy-mm-dd)"),
						derived("period", Type.TEXT, "Kỳ số liệu (Tháng 10/2026, Quý III/2026, Năm 2026…)",
								r -> new Period(kind((String) r.get("frequency")), (LocalDate) r.get("period_start")).label()),
						decimal("value", "Giá trị toàn tỉnh (đã phê duyệt)"), decimal("numerator", "Tử số (nếu là tỷ lệ)"),
						decimal("denominator", "Mẫu số (nếu là tỷ lệ)"),
						integer("reporting_agencies", "Số cơ quan có số liệu đã phê duyệt trong kỳ"),
						decimal("target", "Chỉ tiêu áp dụng (năm đầu tiên không trước năm của kỳ)"),
						integer("target_year", "Năm của chỉ tiêu")),
				"2024-01-01");
	}
}
