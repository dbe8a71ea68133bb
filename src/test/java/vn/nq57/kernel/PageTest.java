package vn.nq57.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTest {

	@ParameterizedTest(name = "page {0} of size {1}, {2} rows: {3} pages, previous {4}, next {5}, first row no. {6}")
	@CsvSource(textBlock = """
			0, 50,   0, 1, false, false,   1
			0, 50,  50, 1, false, false,   1
			0, 50,  51, 2, false, true,    1
			1, 50,  51, 2, true,  false,  51
			2, 100, 5000, 50, true, true, 201
			""")
	@DisplayName("how many pages a list has and where a page sits in it")
	void paging(int page, int size, long total, int pages, boolean previous, boolean next, long first) {
		Page<String> p = new Page<>(List.of(), page, size, total);
		assertThat(p.pages()).isEqualTo(pages);
		assertThat(p.hasPrevious()).isEqualTo(previous);
		assertThat(p.hasNext()).isEqualTo(next);
		assertThat(p.firstNumber()).isEqualTo(first);
		assertThat(Page.offset(page, size)).isEqualTo(first - 1);
	}

	@Test
	void emptyAndImpossible() {
		assertThat(Page.empty(0, 20).pages()).isEqualTo(1);
		assertThatThrownBy(() -> new Page<>(List.of(), -1, 20, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Page<>(List.of(), 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
	}
}
