package vn.nq57.intake;

import java.util.List;

import org.springframework.context.ApplicationContext;

import vn.nq57.account.RunAs;

/** For tests outside this package that need an import on the pages (the browser tests): a previewed appendix. */
public final class ImportsForOtherTests {

	private ImportsForOtherTests() {
	}

	/** An appendix of two tasks, read and waiting in its preview, started by DoST; returns the batch's id. */
	public static long previewedAppendix(ApplicationContext context) {
		String tag = " (trình duyệt " + System.nanoTime() + ")";
		byte[] file = ImportCommitTest.appendix(List.of(
				TestDocs.row("1", "Xây dựng kế hoạch chuyển đổi số" + tag, "Giám đốc Sở Tài chính", "Sở Tài chính",
						"Sở Nội vụ", "Kế hoạch", "Quý IV/2026"),
				TestDocs.row("2", "Số hóa hồ sơ thủ tục hành chính" + tag, "Giám đốc Sở Nội vụ", "Sở Nội vụ", "",
						"Báo cáo", "Năm 2026")));
		return context.getBean(RunAs.class).user("sokhcn", () -> context.getBean(IntakeService.class)
			.startAppendix("phu-luc.xlsx", file, IntakeSettings.newPlan("Kế hoạch kiểm thử trình duyệt" + tag, 2026)));
	}
}
