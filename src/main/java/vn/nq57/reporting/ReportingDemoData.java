package vn.nq57.reporting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.nq57.account.RunAs;
import vn.nq57.agency.AgencyDirectory;
import vn.nq57.reporting.PeriodicReportService.Edit;
import vn.nq57.reporting.PeriodicReportService.ItemInput;
import vn.nq57.system.AppClock;
import vn.nq57.system.Settings;

/**
 * Periodic reports for the demo (after the demo accounts and tasks): four departments report under the 2026
 * plan's regime in September, the third quarter, October and the year, some on time, some late, one returned,
 * one missing, so that the completeness grid, the list to urge and the consolidated report have something to
 * show. Every step goes through the workflow, on the day it would have happened; steps after today are left out.
 * November is left for the demo users to report.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "nq57.demo.enabled", havingValue = "true")
class ReportingDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReportingDemoData.class);
	static final String LOADED = "reporting.demo-loaded";

	private final PeriodicReportService reports;
	private final RegimeService regimes;
	private final AgencyDirectory agencies;
	private final RunAs runAs;
	private final AppClock clock;
	private final Settings settings;

	ReportingDemoData(PeriodicReportService reports, RegimeService regimes, AgencyDirectory agencies, RunAs runAs,
			AppClock clock, Settings settings) {
		this.reports = reports;
		this.regimes = regimes;
		this.agencies = agencies;
		this.runAs = runAs;
		this.clock = clock;
		this.settings = settings;
	}

	private record Who(String code, String officer, String head) {
	}

	private static final Who STC = new Who("STC", "cb.stc", "gd.stc");
	private static final Who SNV = new Who("SNV", "cb.snv", "gd.snv");
	private static final Who BQL = new Who("BQLKKT", "cb.bql", "gd.bql");
	private static final Who SKHCN = new Who("SKHCN", "cb.skhcn", "gd.skhcn");

	@Override
	public void run(ApplicationArguments args) {
		if (!settings.get(LOADED, "").isBlank() || agencies.findByCode("STC").isEmpty()) {
			return;
		}
		settings.put(LOADED, clock.today().toString());
		Long monthly = regime("KH2026-THANG");
		Long quarterly = regime("KH2026-QUY");
		Long yearly = regime("KH2026-NAM");
		if (monthly == null || quarterly == null || yearly == null) {
			return;
		}
		// the province started tracking reports in the system in September 2026
		for (Long r : List.of(monthly, quarterly, yearly)) {
			runAs.user("sokhcn", () -> regimes.setExpectedFrom(r, LocalDate.of(2026, 9, 1),
					"Bắt đầu theo dõi báo cáo trên hệ thống từ tháng 9/2026"));
		}
		int steps = 0;
		steps += send(monthly, "2026-08", STC, d(9, 7), d(9, 8), null);
		steps += send(monthly, "2026-08", SNV, d(9, 9), d(9, 10), null);
		steps += send(monthly, "2026-08", SKHCN, d(9, 11), d(9, 11), null);
		steps += send(monthly, "2026-09", STC, d(10, 5), d(10, 7), null);
		steps += send(monthly, "2026-09", SNV, d(10, 8), d(10, 9), null);
		steps += send(monthly, "2026-09", SKHCN, d(10, 9), d(10, 12), null);
		steps += send(monthly, "2026-09", BQL, d(10, 14), d(10, 15), null);
		steps += send(quarterly, "2026-Q3", STC, d(9, 3), d(9, 10), null);
		steps += send(quarterly, "2026-Q3", SNV, d(9, 9), d(9, 10), null);
		steps += send(quarterly, "2026-Q3", SKHCN, d(9, 8), d(9, 10), null);
		steps += send(monthly, "2026-10", STC, d(11, 6), null, null);
		steps += send(monthly, "2026-10", SNV, d(11, 9), null, "Đề nghị bổ sung kết quả thực hiện nhóm nhiệm vụ IV (đề án nhân lực).");
		steps += send(monthly, "2026-10", SKHCN, d(11, 5), d(11, 10), null);
		steps += send(yearly, "2026", SKHCN, d(11, 9), d(11, 12), null);
		steps += send(yearly, "2026", STC, d(11, 11), null, null);
		steps += draft(yearly, "2026", SNV, d(11, 10));
		log.info("Demo periodic reports loaded: {} steps", steps);
	}

	private Long regime(String code) {
		return regimes.regimes().stream().filter(r -> r.code().equals(code)).map(RegimeService.Regime::id).findFirst()
			.orElse(null);
	}

	private static LocalDate d(int month, int day) {
		return LocalDate.of(2026, month, day);
	}

	/** Drafted, approved and sent on {@code sent}; accepted on {@code accepted} or returned with {@code returned}. */
	private int send(long regime, String key, Who who, LocalDate sent, LocalDate accepted, String returned) {
		LocalDate today = clock.today();
		if (sent.isAfter(today)) {
			return 0;
		}
		long id = reports.row(regimes.period(regime, key).id(), agencies.findByCode(who.code()).orElseThrow().getId()).id();
		runAs.user(who.officer(), () -> {
			reports.start(id, sent, at(sent, 8));
			reports.save(id, edit(id, who), null, sent, at(sent, 9));
		});
		runAs.user(who.head(), () -> {
			reports.approve(id, null, sent, at(sent, 10));
			reports.submit(id, null, sent, at(sent, 11));
		});
		LocalDate decided = accepted != null ? accepted : returned != null ? sent.plusDays(3) : null;
		if (decided != null && !decided.isAfter(today)) {
			runAs.user("sokhcn", () -> {
				if (accepted != null) {
					reports.accept(id, at(decided, 15));
				}
				else {
					reports.returnReport(id, returned, decided, at(decided, 15));
				}
			});
		}
		return 1;
	}

	private int draft(long regime, String key, Who who, LocalDate day) {
		if (day.isAfter(clock.today())) {
			return 0;
		}
		long id = reports.row(regimes.period(regime, key).id(), agencies.findByCode(who.code()).orElseThrow().getId()).id();
		runAs.user(who.officer(), () -> reports.start(id, day, at(day, 8)));
		return 1;
	}

	private Edit edit(long id, Who who) {
		ReportContent c = reports.view(id).content();
		Map<String, String> texts = new LinkedHashMap<>();
		String name = agencies.findByCode(who.code()).orElseThrow().getName();
		texts.put(ReportContent.SUMMARY, name + " quán triệt, triển khai các nhiệm vụ được giao tại Kế hoạch thực hiện "
				+ "Nghị quyết số 57-NQ/TW năm 2026; phân công lãnh đạo phụ trách, cán bộ đầu mối theo dõi từng nhiệm vụ. "
				+ "Các nhiệm vụ cơ bản bảo đảm tiến độ; một số nhiệm vụ còn chậm do chờ hướng dẫn của Trung ương.");
		for (ReportContent.Section s : c.sections()) {
			if (s.grouped() && s.blank()) {
				texts.put(s.code(), "Tiếp tục triển khai các nhiệm vụ thuộc nhóm theo kế hoạch; đã giao phòng chuyên môn "
						+ "xây dựng dự thảo, lấy ý kiến các đơn vị liên quan.");
			}
		}
		List<ItemInput> obstacles = switch (who.code()) {
			case "STC" -> List.of(new ItemInput(null, "Nguồn kinh phí bố trí cho khoa học, công nghệ năm 2026 chưa đạt 3% tổng chi ngân sách."));
			case "SNV" -> List.of(new ItemInput(null, "Chưa có hướng dẫn của Trung ương về cơ chế thu hút, đãi ngộ nhân tài."));
			case "SKHCN" -> List.of(new ItemInput(null, "Hạ tầng trung tâm dữ liệu của tỉnh chưa đáp ứng yêu cầu kết nối các hệ thống mới."),
					new ItemInput(null, "Một số đơn vị phối hợp gửi số liệu chậm."));
			default -> List.of();
		};
		List<ItemInput> proposals = switch (who.code()) {
			case "STC" -> List.of(new ItemInput(null, "Đề nghị UBND tỉnh cho phép điều chỉnh dự toán để bố trí đủ kinh phí."));
			case "SKHCN" -> List.of(new ItemInput(null, "Đề nghị Bộ KH&CN sớm ban hành hướng dẫn khung kiến trúc số phiên bản mới."));
			default -> List.of();
		};
		return new Edit(texts, obstacles, proposals);
	}

	private static java.time.Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atZone(ZoneId.of(AppClock.ZONE)).toInstant();
	}
}
