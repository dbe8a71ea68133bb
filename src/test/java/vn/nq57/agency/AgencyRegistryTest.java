package vn.nq57.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.nq57.IntegrationTest;
import vn.nq57.system.DomainException;

@IntegrationTest
class AgencyRegistryTest {

	@Autowired AgencyDirectory directory;
	@Autowired AgencyCsv csv;
	@Autowired JdbcTemplate jdbc;

	@Test
	@DisplayName("documents' names resolve through aliases, ignoring case, accents and punctuation")
	void aliasesResolve() {
		long dost = directory.findByCode("SKHCN").orElseThrow().getId();
		for (String name : List.of("Sở Khoa học và Công nghệ", "Sở KH&CN", "sở khcn", "SKHCN", "SO KHOA HOC VA CONG NGHE",
				"Sở Khoa học & Công nghệ")) {
			assertThat(directory.resolve(name)).as(name).map(Agency::getId).contains(dost);
		}
		assertThat(directory.resolve("UBND các xã, phường, đặc khu")).map(Agency::getCode).contains("G-XA");
		assertThat(directory.resolve("Sở Ngoại vụ tỉnh Thanh Hóa")).isEmpty();
	}

	@Test
	@DisplayName("the registry goes out as CSV and comes back in unchanged")
	void csvRoundTrip() {
		// agencies other tests inserted by SQL may lack the aliases the registry keeps for every name; one load
		// brings the registry to its own normal form, after which export and import must be exact inverses
		csv.load(csv.parse(new StringReader(csv.export())));
		String exported = csv.export();
		assertThat(exported).startsWith("\uFEFFcode,name,short_name,kind,member_kinds,aliases,email,active");
		assertThat(exported).contains("G-SBNDP,\"Các sở, ban, ngành, địa phương\",,COLLECTIVE,DEPARTMENT|COMMUNE");
		long before = jdbc.queryForObject("SELECT count(*) FROM agency", Long.class);
		long aliasesBefore = jdbc.queryForObject("SELECT count(*) FROM agency_alias", Long.class);
		AgencyCsv.Parsed parsed = csv.parse(new StringReader(exported));
		assertThat(parsed.errors()).isEmpty();
		csv.load(parsed);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM agency", Long.class)).isEqualTo(before);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM agency_alias", Long.class)).isEqualTo(aliasesBefore);
		assertThat(csv.export()).isEqualTo(exported);
	}

	@Test
	@DisplayName("a CSV with one bad row loads nothing and says which row is wrong")
	void badCsvLoadsNothing() {
		String file = """
				code,name,short_name,kind,member_kinds,aliases,email,active
				X-MOI1,Xã Mới Một,,COMMUNE,,,,true
				X-MOI2,Xã Mới Hai,,LANG_XA,,,,true
				""";
		AgencyCsv.Parsed parsed = csv.parse(new StringReader(file));
		assertThat(parsed.errors()).singleElement().asString().startsWith("Dòng 3");
		assertThatThrownBy(() -> csv.load(parsed)).isInstanceOf(DomainException.class);
		assertThat(directory.findByCode("X-MOI1")).isEmpty();

		String clash = """
				code,name,short_name,kind,member_kinds,aliases,email,active
				X-MOI3,Xã Mới Ba,,COMMUNE,,,,true
				X-MOI4,Xã Mới Bốn,,COMMUNE,,Sở KH&CN,,true
				""";
		AgencyCsv.Parsed p2 = csv.parse(new StringReader(clash));
		assertThat(p2.errors()).isEmpty();
		assertThatThrownBy(() -> csv.load(p2)).isInstanceOf(DomainException.class).hasMessageContaining("Dòng 3");
		assertThat(directory.findByCode("X-MOI3")).as("the whole file is rolled back").isEmpty();

		AgencyCsv.Parsed script = csv.parse(new StringReader("code,name,kind\nX-MOI5,<script>alert(1)</script>,COMMUNE\n"));
		assertThat(script.errors()).singleElement().asString().contains("không được chứa mã HTML");
	}

	@Test
	@DisplayName("a collective defined by kinds takes in a commune created later")
	void collectiveIncludesNewMembers() {
		Agency communes = directory.findByCode("G-XA").orElseThrow();
		int before = directory.members(communes).size();
		csv.load(csv.parse(new StringReader("code,name,kind\nX-THU-NGHIEM,Xã Thử Nghiệm,COMMUNE\n")));
		List<Long> after = directory.members(communes);
		assertThat(after).hasSize(before + 1).contains(directory.findByCode("X-THU-NGHIEM").orElseThrow().getId());
	}
}
