package vn.nq57.testdata;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.nq57.account.Role;
import vn.nq57.account.UserService;
import vn.nq57.agency.AgencyDirectory;

/**
 * The one piece of test data every test context shares: one account per role, on the agencies of the province's
 * registry (which the application itself loads into an empty database). Created through {@link UserService} when
 * the test context starts, after the registry; with the demo switched on (the demo's own tests) the demo has made
 * the same accounts already and nothing is added. Everything else (plans, tasks, progress, reports, indicators and
 * their values) is created by the test classes that need it, through {@link World}.
 * <p>
 * The usernames are those a DoST user would recognise from training: {@code sokhcn} (DoST), {@code lanhdao}
 * (leader), {@code admin}, and {@code gd.*} / {@code cb.*} the head and officer of an agency.
 */
@Component
@Order(1000)
public class TestAccounts implements ApplicationRunner {

	/** The password of every test account. */
	public static final String PASSWORD = "Demo@2026";

	public record Account(String username, String name, Role role, String agencyCode) {
	}

	public static final List<Account> ALL = List.of(
			new Account("admin", "Quản trị hệ thống", Role.ADMIN, "SKHCN"),
			new Account("sokhcn", "Nguyễn Văn Thường Trực", Role.SECRETARIAT, "SKHCN"),
			new Account("lanhdao", "Lãnh đạo UBND tỉnh", Role.LEADER, "UBND"),
			new Account("gd.skhcn", "Giám đốc Sở KH&CN", Role.AGENCY_HEAD, "SKHCN"),
			new Account("cb.skhcn", "Cán bộ đầu mối Sở KH&CN", Role.AGENCY_OFFICER, "SKHCN"),
			new Account("gd.stc", "Giám đốc Sở Tài chính", Role.AGENCY_HEAD, "STC"),
			new Account("cb.stc", "Cán bộ đầu mối Sở Tài chính", Role.AGENCY_OFFICER, "STC"),
			new Account("gd.snv", "Giám đốc Sở Nội vụ", Role.AGENCY_HEAD, "SNV"),
			new Account("cb.snv", "Cán bộ đầu mối Sở Nội vụ", Role.AGENCY_OFFICER, "SNV"),
			new Account("gd.bql", "Trưởng Ban Quản lý KKT Dung Quất", Role.AGENCY_HEAD, "BQLKKT"),
			new Account("cb.bql", "Cán bộ đầu mối Ban Quản lý KKT Dung Quất", Role.AGENCY_OFFICER, "BQLKKT"),
			new Account("cb.svhttdl", "Cán bộ đầu mối Sở VHTTDL", Role.AGENCY_OFFICER, "SVHTTDL"),
			new Account("cb.lyson", "Cán bộ đầu mối Đặc khu Lý Sơn", Role.AGENCY_OFFICER, "DK-LYSON"));

	private final UserService users;
	private final AgencyDirectory agencies;

	TestAccounts(UserService users, AgencyDirectory agencies) {
		this.users = users;
		this.agencies = agencies;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (Account a : ALL) {
			if (users.findByUsername(a.username()).isEmpty()) {
				long agency = agencies.findByCode(a.agencyCode()).orElseThrow().getId();
				users.create(a.username(), PASSWORD, a.name(), a.username() + "@kiemthu.quangngai.gov.vn", a.role(), agency);
			}
		}
	}
}
