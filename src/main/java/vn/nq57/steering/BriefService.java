package vn.nq57.steering;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.officialdoc.DocxWriter;
import vn.nq57.officialdoc.OfficialDocument;
import vn.nq57.system.AppClock;

/**
 * The brief DoST prepares for a session (báo cáo phục vụ phiên họp): what changed since the previous session, the
 * agencies most behind and why, what must be decided, indicators off their trajectory, reports, and the follow-up
 * of the previous session's conclusions — every agency for a session of the Committee, one agency for a working
 * session. Its sections are the {@link BriefSection} beans, so other modules add theirs.
 */
@Service
public class BriefService {

	public record Brief(SessionService.Session session, SessionService.Session previous, LocalDate day,
			LocalDate before, List<Panel> sections) {
	}

	private final SessionService sessions;
	private final StatusFigures figures;
	private final List<BriefSection> sections;
	private final AppClock clock;

	private final SteeringExecutor parallel;

	BriefService(SessionService sessions, StatusFigures figures, List<BriefSection> sections, AppClock clock,
			SteeringExecutor parallel) {
		this.parallel = parallel;
		this.sessions = sessions;
		this.figures = figures;
		this.sections = sections.stream().sorted(Comparator.comparingInt(BriefSection::order)).toList();
		this.clock = clock;
	}

	private static final String[] ROMAN = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
			"XIII", "XIV", "XV" };

	public Brief brief(long sessionId) {
		CurrentUser u = AccessPolicy.current();
		SessionService.Session s = sessions.get(sessionId);
		Optional<SessionService.Session> prev = sessions.previous(s);
		LocalDate today = clock.today();
		LocalDate day = s.heldOn().isAfter(today) ? today : s.heldOn();
		LocalDate before = prev.map(SessionService.Session::heldOn).filter(d -> d.isBefore(day)).orElse(day.minusDays(90));
		Filter f = new Filter(null, null, null, s.focusAgencyId());
		if (!u.seesEveryAgency()) {
			f = f.scopedTo(u.agencyId());
		}
		StatusFigures.ByAgency fig = figures.byAgency(f, day, before);
		String link = f.agencyId() == null ? "/tasks?" : "/tasks?agency=" + f.agencyId() + "&";
		BriefSection.Context ctx = new BriefSection.Context(sessionId, day, before,
				prev.map(SessionService.Session::id).orElse(null), f, fig, link);
		List<Panel> out = new ArrayList<>();
		// the sections side by side (each one or two aggregate queries), printed in their order
		List<java.util.concurrent.CompletableFuture<Optional<Panel>>> pending = new ArrayList<>();
		for (BriefSection sec : sections) {
			pending.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> sec.section(ctx), parallel));
		}
		for (java.util.concurrent.CompletableFuture<Optional<Panel>> p : pending) {
			StatusFigures.join(p).ifPresent(out::add);
		}
		// numbered I, II, III… in the order printed, whichever modules brought the sections
		for (int i = 0; i < out.size(); i++) {
			Panel p = out.get(i);
			String title = ROMAN[Math.min(i, ROMAN.length - 1)] + ". " + p.title().replaceFirst("^[IVXL]+\\.\\s*", "");
			out.set(i, new Panel(p.key(), title, p.figures(), p.notes(), p.grid()));
		}
		return new Brief(s, prev.orElse(null), day, before, out);
	}

	/** The brief as a Decree 30 report of DoST (BÁO CÁO), tables as they are on the page. */
	public byte[] docx(Brief b) {
		SessionService.Session s = b.session();
		String about = s.focusAgencyName() == null ? "" : " tại buổi làm việc với " + s.focusAgencyName();
		OfficialDocument.Builder d = OfficialDocument.builder().issuer("UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ")
			.number("      /BC-SKHCN").placeAndDate("Quảng Ngãi", clock.today())
			.kind("BÁO CÁO", "Phục vụ " + s.title() + about + " ngày " + Fmt.date(s.heldOn()));
		d.paragraph("Thực hiện chương trình " + s.kind().label().toLowerCase() + " ngày " + Fmt.date(s.heldOn())
				+ " do " + s.chair() + " chủ trì, Sở Khoa học và Công nghệ báo cáo tình hình triển khai thực hiện "
				+ "Nghị quyết số 57-NQ/TW tính đến ngày " + Fmt.date(b.day()) + ", so với "
				+ (b.previous() == null ? "ngày " + Fmt.date(b.before()) : "phiên họp ngày " + Fmt.date(b.before())) + ", như sau:");
		for (Panel p : b.sections()) {
			d.heading(1, p.title());
			for (Panel.Figure f : p.figures()) {
				d.paragraph("- " + f.label() + ": " + f.value()
						+ (f.previous() == null ? "" : " (phiên trước: " + f.previous() + "; " + f.change() + ")") + ".");
			}
			for (String n : p.notes()) {
				d.block(new OfficialDocument.Paragraph(n, true));
			}
			if (p.hasGrid()) {
				List<OfficialDocument.Column> cols = new ArrayList<>();
				for (int i = 0; i < p.grid().headers().size(); i++) {
					String h = p.grid().headers().get(i);
					int w = h.length() <= 4 ? 1 : (i == 0 ? 4 : 3);
					cols.add(new OfficialDocument.Column(h, w));
				}
				d.block(new OfficialDocument.Table(cols,
						p.grid().rows().stream().map(r -> new OfficialDocument.Row(null, r.cells())).toList()));
			}
		}
		d.paragraph("Sở Khoa học và Công nghệ kính báo cáo./.");
		d.signature("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "");
		d.recipients(List.of("Thường trực Ban Chỉ đạo;", "Thành viên Ban Chỉ đạo;", "Lưu: VT, KH&ĐMST."));
		return DocxWriter.write(d.build());
	}
}
