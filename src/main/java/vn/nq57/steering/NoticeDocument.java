package vn.nq57.steering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.nq57.kernel.VnFormat;
import vn.nq57.officialdoc.DocxWriter;
import vn.nq57.officialdoc.OfficialDocument;

/**
 * The conclusion notice in the Decree 30 layout, as the Office issues it (001): THÔNG BÁO, "Kết luận của … tại …",
 * the opening paragraph, then the items grouped by addressee in the order first named, each with its deadline in
 * the province's own words, "Nay thông báo …", the signature "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG" and "Nơi nhận".
 */
final class NoticeDocument {

	private NoticeDocument() {
	}

	static String subject(SessionService.Session s) {
		String at = switch (s.kind()) {
			case REGULAR -> "tại phiên họp thường kỳ của Ban Chỉ đạo thực hiện Nghị quyết số 57-NQ/TW";
			case WORKING -> "tại buổi làm việc với " + (s.focusAgencyName() == null ? "" : s.focusAgencyName())
					+ " về tình hình triển khai thực hiện Nghị quyết số 57-NQ/TW";
			case CONFERENCE -> "tại " + lowerFirst(s.title());
		};
		return "Kết luận của " + s.chair() + " " + at;
	}

	static OfficialDocument document(SessionService.Session s, List<SessionService.Item> items, Map<Long, String> names) {
		OfficialDocument.Builder b = OfficialDocument.builder()
			.issuer(SessionService.ISSUER_PARENT, SessionService.ISSUER)
			.number(s.noticeNumber() == null ? "      /TB-VP" : s.noticeNumber())
			.placeAndDate("Quảng Ngãi", s.noticeIssuedOn())
			.kind("THÔNG BÁO", subject(s));
		String place = s.place() == null || s.place().isBlank() ? "" : ", tại " + s.place();
		String meeting = switch (s.kind()) {
			case REGULAR -> "phiên họp thường kỳ của Ban Chỉ đạo";
			case WORKING -> "buổi làm việc với " + s.focusAgencyName();
			case CONFERENCE -> lowerFirst(s.title());
		};
		b.paragraph("Ngày " + VnFormat.DATE.format(s.heldOn()) + place + ", đồng chí " + s.chair() + " chủ trì "
				+ meeting + ".");
		if (!s.agendaItems().isEmpty()) {
			b.paragraph("Sau khi nghe " + String.join("; ", s.agendaItems()) + "; ý kiến thảo luận tại cuộc họp, "
					+ s.chair() + " kết luận và chỉ đạo như sau:");
		}
		else {
			b.paragraph("Sau khi nghe báo cáo và ý kiến thảo luận tại cuộc họp, " + s.chair()
					+ " kết luận và chỉ đạo như sau:");
		}
		Map<String, List<SessionService.Item>> byAddressee = new LinkedHashMap<>();
		for (SessionService.Item i : items) {
			byAddressee.computeIfAbsent(addressee(i, names), k -> new ArrayList<>()).add(i);
		}
		int n = 1;
		for (Map.Entry<String, List<SessionService.Item>> e : byAddressee.entrySet()) {
			b.heading(2, n++ + ". " + e.getKey());
			for (SessionService.Item i : e.getValue()) {
				StringBuilder t = new StringBuilder("- ").append(i.instruction().strip());
				if (i.expectedOutput() != null && !i.expectedOutput().isBlank()) {
					t.append("; sản phẩm: ").append(i.expectedOutput().strip());
				}
				if (i.reportBack()) {
					t.append("; báo cáo kết quả về Ủy ban nhân dân tỉnh");
				}
				if (i.deadlinePhrase() != null && !i.deadlinePhrase().isBlank()) {
					t.append(" (thời hạn: ").append(i.deadlinePhrase().strip()).append(')');
				}
				b.paragraph(t.append('.').toString().replace("..", ".").replace(").", ")."));
			}
		}
		b.paragraph("Nay thông báo đến các cơ quan, đơn vị, địa phương triển khai thực hiện./.");
		b.signature("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", s.noticeSigner() == null ? "" : s.noticeSigner());
		b.recipients(List.of("Chủ tịch, PCT UBND tỉnh;", "Thành viên Ban Chỉ đạo;", "Các sở, ban, ngành thuộc tỉnh;",
				"UBND các xã, phường, đặc khu;", "VPUB: CVP, PCVP;", "Lưu: VT, KGVX."));
		return b.build();
	}

	static byte[] docx(SessionService.Session s, List<SessionService.Item> items, Map<Long, String> names) {
		return DocxWriter.write(document(s, items, names));
	}

	/** The heading of an item's group: the registry's names of its agencies, or what was typed. */
	private static String addressee(SessionService.Item i, Map<Long, String> names) {
		List<String> n = i.agencyIds().stream().map(names::get).filter(x -> x != null).toList();
		return n.isEmpty() ? i.addressee() : String.join("; ", n);
	}

	private static String lowerFirst(String s) {
		return s == null || s.isEmpty() ? "" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
	}
}
