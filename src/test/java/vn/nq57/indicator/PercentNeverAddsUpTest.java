package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.indicator.Aggregation.Observation;
import vn.nq57.system.DomainException;

/**
 * A percentage never adds up: an indicator measured in % is rolled up from its numerator and denominator (or a
 * province-wide value is kept as entered), never summed or averaged across agencies or periods.
 */
@IntegrationTest
class PercentNeverAddsUpTest {

	static final BigDecimal PERCENT = BigDecimal.valueOf(100);

	@Autowired Fixtures fx;
	@Autowired IndicatorCatalog catalog;
	@Autowired JdbcTemplate jdbc;

	@ParameterizedTest(name = "unit “{0}”, {1}: kept {2}")
	@CsvSource(delimiter = '|', textBlock = """
			# unit        | rule    | stored
			%             | SUM     | false
			' % '         | SUM     | false
			%             | AVERAGE | false
			%             | RATIO   | true
			%             | MIN     | true
			%             | MAX     | true
			TB            | SUM     | true
			tỷ đồng       | SUM     | true
			điểm          | AVERAGE | true
			doanh nghiệp  | SUM     | true
			""")
	@DisplayName("DoST cannot define a share that is summed or averaged; counts, money and scores may be")
	void theCatalogRefusesASummedShare(String unit, Aggregation rule, boolean stored) {
		String code = Fixtures.code("PCT");
		IndicatorForm f = fx.entered(code, unit);
		f.setAggregation(rule.name());
		if (stored) {
			assertThat(fx.save(f).aggregation()).isEqualTo(rule);
		}
		else {
			assertThatThrownBy(() -> fx.save(f)).isInstanceOf(DomainException.class)
				.hasMessageContaining("Chỉ số đo bằng % không được")
				.hasMessageContaining("tính lại từ tổng tử số và tổng mẫu số");
			assertThat(catalog.find(code)).isEmpty();
		}
	}

	@Test
	@DisplayName("a share stored as a ratio cannot be turned into a sum, neither on the form nor in the database")
	void aShareStaysARatio() {
		Indicator share = fx.save(fx.share(Fixtures.code("SHR"), "SKHCN", "STC"));
		assertThatThrownBy(() -> fx.update(share, f -> f.setAggregation("SUM"))).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> jdbc.update("UPDATE indicator SET aggregation = 'SUM' WHERE id = ?", share.id()))
			.isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("indicator_percent_not_summed");
		assertThat(catalog.get(share.code()).aggregation()).isEqualTo(Aggregation.RATIO);
	}

	@Test
	@DisplayName("no percent indicator in the catalog is rolled up by a sum or a mean")
	void noPercentIndicatorIsSummed() {
		fx.save(fx.entered(Fixtures.code("PCT"), "%"));
		fx.save(fx.share(Fixtures.code("SHR"), "SKHCN", "SNV"));
		List<String> summed = jdbc.queryForList("""
				SELECT code FROM indicator
				 WHERE btrim(unit) = '%' AND kind = 'ENTERED' AND aggregation NOT IN ('RATIO', 'MIN', 'MAX')""", String.class);
		assertThat(summed).isEmpty();
		for (Aggregation a : Aggregation.values()) {
			assertThat(a.fitsPercent()).as(a.name()).isEqualTo(a != Aggregation.SUM && a != Aggregation.AVERAGE);
		}
	}

	@ParameterizedTest(name = "{0}: {1}%")
	@CsvSource(delimiter = '|', textBlock = """
			# agencies' parts (numerator/denominator)  | province's share
			4/5 1/2                                    | 71.428571
			90/100 10/100                              | 50.000000
			1/1 0/99                                   | 1.000000
			30/40 30/40 30/40                          | 75.000000
			""")
	@DisplayName("the province's share is the summed parts recomputed, never the sum of the agencies' shares")
	void sharesAreRecomputedFromParts(String parts, BigDecimal share) {
		List<Observation> obs = java.util.Arrays.stream(parts.trim().split("\\s+")).map(p -> {
			String[] nd = p.split("/");
			return Observation.ratio(Long.parseLong(nd[0]), Long.parseLong(nd[1]), PERCENT);
		}).toList();
		BigDecimal summed = obs.stream().map(Observation::value).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(Aggregation.RATIO.combine(obs, PERCENT).value()).isEqualByComparingTo(share)
			.isNotEqualByComparingTo(summed);
	}
}
