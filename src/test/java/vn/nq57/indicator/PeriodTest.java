package vn.nq57.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.nq57.system.DomainException;

class PeriodTest {

	@ParameterizedTest(name = "{0} “{1}” → {2} ({3})")
	@CsvSource(delimiter = '|', textBlock = """
			MONTHLY     | 10/2026               | 2026-10-01 | Tháng 10/2026
			MONTHLY     | Tháng 3/2026          | 2026-03-01 | Tháng 3/2026
			MONTHLY     | 2026-03               | 2026-03-01 | Tháng 3/2026
			MONTHLY     | T12/2025              | 2025-12-01 | Tháng 12/2025
			QUARTERLY   | Quý III/2026          | 2026-07-01 | Quý III/2026
			QUARTERLY   | quý 1/2026            | 2026-01-01 | Quý I/2026
			QUARTERLY   | Q4/2026               | 2026-10-01 | Quý IV/2026
			QUARTERLY   | 2026-Q2               | 2026-04-01 | Quý II/2026
			QUARTERLY   | Quý IV năm 2025       | 2025-10-01 | Quý IV/2025
			HALF_YEARLY | 6 tháng đầu năm 2026  | 2026-01-01 | 6 tháng đầu năm 2026
			HALF_YEARLY | 6 tháng cuối năm 2026 | 2026-07-01 | 6 tháng cuối năm 2026
			HALF_YEARLY | 2026-H2               | 2026-07-01 | 6 tháng cuối năm 2026
			YEARLY      | 2026                  | 2026-01-01 | Năm 2026
			YEARLY      | Năm 2025              | 2025-01-01 | Năm 2025
			""")
	@DisplayName("a period typed as users write it")
	void parses(Frequency f, String text, LocalDate start, String label) {
		Period p = Period.parse(f, text);
		assertThat(p.start()).isEqualTo(start);
		assertThat(p.label()).isEqualTo(label);
		assertThat(Period.parse(f, p.code())).isEqualTo(p);
	}

	@ParameterizedTest(name = "{0} “{1}” is refused: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			MONTHLY     | 13/2026        | tháng phải từ 1 đến 12
			MONTHLY     | 0/2026         | tháng phải từ 1 đến 12
			MONTHLY     | Quý III/2026   | không tồn tại đối với chỉ số hằng tháng
			MONTHLY     | 10/1890        | năm phải từ 2000
			QUARTERLY   | Quý V/2026     | Quý I đến Quý IV
			QUARTERLY   | 2026-Q0        | Quý I đến Quý IV
			QUARTERLY   | 10/2026        | không tồn tại đối với chỉ số hằng quý
			HALF_YEARLY | 2026-H3        | 6 tháng đầu năm và 6 tháng cuối năm
			YEARLY      | năm ngoái      | không tồn tại
			YEARLY      | abc            | nhập dạng 2026
			""")
	@DisplayName("a period that does not exist is refused with a message")
	void refuses(Frequency f, String text, String message) {
		assertThatThrownBy(() -> Period.parse(f, text)).isInstanceOf(DomainException.class).hasMessageContaining(message);
	}

	@ParameterizedTest(name = "{0} containing {1}: {2} – {3}, due {4} with 10 days")
	@CsvSource(delimiter = '|', textBlock = """
			MONTHLY     | 2026-02-14 | 2026-02-01 | 2026-02-28 | 2026-03-10
			QUARTERLY   | 2026-11-22 | 2026-10-01 | 2026-12-31 | 2027-01-10
			HALF_YEARLY | 2026-06-30 | 2026-01-01 | 2026-06-30 | 2026-07-10
			YEARLY      | 2026-11-22 | 2026-01-01 | 2026-12-31 | 2027-01-10
			""")
	@DisplayName("the period containing a day, its end and its due date")
	void containing(Frequency f, LocalDate day, LocalDate start, LocalDate end, LocalDate due) {
		Period p = Period.containing(f, day);
		assertThat(p.start()).isEqualTo(start);
		assertThat(p.end()).isEqualTo(end);
		assertThat(p.dueDate(10)).isEqualTo(due);
		assertThat(p.next().previous()).isEqualTo(p);
	}
}
