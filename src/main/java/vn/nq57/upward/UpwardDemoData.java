package vn.nq57.upward;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
import vn.nq57.upward.Upstream.SubjectType;

/**
 * Demo: the national NQ57 tracker's list of indicators (as such a system exports it; codes invented, "số liệu minh
 * họa") imported and matched to the province's indicators, one file sent; the follow-up page of the 08/4/2026
 * conclusion notice needs nothing more than the demo tasks.
 */
@Component
@Order(75)
@ConditionalOnProperty(name = "nq57.demo.enabled", havingValue = "true")
class UpwardDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(UpwardDemoData.class);

	private final Upstream upstream;
	private final CentralList lists;
	private final UpstreamExport export;
	private final RunAs runAs;
	private final JdbcTemplate jdbc;

	UpwardDemoData(Upstream upstream, CentralList lists, UpstreamExport export, RunAs runAs, JdbcTemplate jdbc) {
		this.upstream = upstream;
		this.lists = lists;
		this.export = export;
		this.runAs = runAs;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		Upstream.System s = upstream.system("NQ57-TW");
		if (!jdbc.queryForList("SELECT id FROM upstream_list WHERE system_id = ?", Long.class, s.id()).isEmpty()) {
			return;
		}
		List<String[]> local = jdbc.query("SELECT code, name, unit FROM indicator_view WHERE active ORDER BY code LIMIT 8",
				(rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
		StringBuilder csv = new StringBuilder("STT;Mã chỉ tiêu;Tên chỉ tiêu;Đơn vị tính\n");
		int n = 0;
		for (String[] l : local) {
			n++;
			// the national list words things its own way: no accents in some lines, other capitals
			String name = n % 2 == 0 ? vn.nq57.kernel.VnText.fold(l[1]) : l[1].toUpperCase(java.util.Locale.ROOT);
			csv.append(n).append(";NQ57.CT.").append(String.format("%02d", n)).append(';').append(name).append(';')
				.append(l[2] == null ? "" : l[2]).append('\n');
		}
		csv.append(++n).append(";NQ57.CT.").append(String.format("%02d", n))
			.append(";Số doanh nghiệp công nghệ số trên 1.000 dân (chỉ tiêu chưa theo dõi ở tỉnh);doanh nghiệp\n");
		byte[] data = csv.toString().getBytes(StandardCharsets.UTF_8);
		runAs.user("sokhcn", () -> {
			CentralList.Preview p = lists.preview("NQ57-TW", SubjectType.INDICATOR, data, "danh-muc-chi-tieu-NQ57-TW (minh hoa).csv");
			Map<Integer, Long> choices = new HashMap<>();
			java.util.Set<Long> taken = new java.util.HashSet<>();
			p.lines().forEach(l -> choices.put(l.line(), l.proposed() == null || !taken.add(l.proposed()) ? 0L : l.proposed()));
			int mapped = lists.commit(p.listId(), choices);
			export.exportFile("NQ57-TW");
			log.info("Demo: danh mục chỉ tiêu của hệ thống NQ57 Trung ương, {} chỉ tiêu được ghép", mapped);
		});
	}
}
