package vn.nq57.officialdoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * Opens a .docx again and checks it against the layout rules of Decree 30/2020/NĐ-CP, independently of how
 * {@link DocxWriter} builds it: the numbers here are the decree's ranges, not the writer's constants.
 * Used by the officialdoc tests and by every feature that issues official documents.
 */
public final class Decree30Check {

	static final String FONT = "Times New Roman";
	static final Pattern DATE_LINE = Pattern.compile(
			"^\\p{L}[\\p{L} ]*, ngày (0[1-9]|[12][0-9]|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \\d{4}$");

	private Decree30Check() {
	}

	public static XWPFDocument open(byte[] docx) {
		try {
			return new XWPFDocument(new ByteArrayInputStream(docx));
		}
		catch (IOException e) {
			throw new AssertionError("not a readable .docx", e);
		}
	}

	/** Every rule of the decree this project applies; returns the document for further checks. */
	public static XWPFDocument assertOfficialLayout(byte[] docx, String issuer, String kind) {
		XWPFDocument doc = open(docx);
		List<CTSectPr> sections = sections(doc);
		assertThat(sections).as("sections").isNotEmpty();
		CTSectPr first = sections.get(0);
		assertThat(isLandscape(first)).as("main text on A4 portrait").isFalse();
		for (int i = 0; i < sections.size(); i++) {
			CTSectPr s = sections.get(i);
			assertA4AndMargins(s, "section " + (i + 1));
			assertPageNumbersFromPageTwo(doc, s, "section " + (i + 1));
			if (i > 0) {
				assertThat(s.isSetPgNumType() && BigInteger.ONE.equals(s.getPgNumType().getStart()))
					.as("an appendix is numbered on its own, from 1").isTrue();
			}
		}
		assertFonts(doc);
		assertHeadingBlock(doc, issuer);
		if (kind != null) {
			XWPFParagraph title = doc.getParagraphs().stream()
				.filter(p -> p.getText().strip().equals(kind.toUpperCase()))
				.findFirst().orElseThrow(() -> new AssertionError("no title paragraph " + kind));
			assertThat(title.getAlignment()).as("title centred").isEqualTo(ParagraphAlignment.CENTER);
			assertThat(title.getRuns()).allSatisfy(r -> {
				assertThat(r.isBold()).as("title bold").isTrue();
				assertThat(r.getFontSizeAsDouble()).as("title 13–14").isBetween(13.0, 14.0);
			});
		}
		assertRecipientsBlock(doc);
		return doc;
	}

	public static List<CTSectPr> sections(XWPFDocument doc) {
		List<CTSectPr> out = new ArrayList<>();
		for (IBodyElement e : doc.getBodyElements()) {
			if (e instanceof XWPFParagraph p && p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetSectPr()) {
				out.add(p.getCTP().getPPr().getSectPr());
			}
		}
		if (doc.getDocument().getBody().isSetSectPr()) {
			out.add(doc.getDocument().getBody().getSectPr());
		}
		return out;
	}

	public static boolean isLandscape(CTSectPr s) {
		long w = twips(s.getPgSz().getW());
		long h = twips(s.getPgSz().getH());
		return w > h && s.getPgSz().getOrient() == STPageOrientation.LANDSCAPE;
	}

	static void assertA4AndMargins(CTSectPr s, String what) {
		long w = twips(s.getPgSz().getW());
		long h = twips(s.getPgSz().getH());
		assertThat(List.of(Math.min(w, h), Math.max(w, h))).as(what + ": A4 (210 × 297 mm)")
			.satisfiesExactly(shortSide -> assertThat(shortSide).isBetween(mm(209), mm(211)),
					longSide -> assertThat(longSide).isBetween(mm(296), mm(298)));
		assertThat(twips(s.getPgMar().getTop())).as(what + ": top margin 20–25 mm").isBetween(mm(20), mm(25));
		assertThat(twips(s.getPgMar().getBottom())).as(what + ": bottom margin 20–25 mm").isBetween(mm(20), mm(25));
		assertThat(twips(s.getPgMar().getLeft())).as(what + ": left margin 30–35 mm").isBetween(mm(30), mm(35));
		assertThat(twips(s.getPgMar().getRight())).as(what + ": right margin 15–20 mm").isBetween(mm(15), mm(20));
	}

	static void assertPageNumbersFromPageTwo(XWPFDocument doc, CTSectPr s, String what) {
		assertThat(s.isSetTitlePg()).as(what + ": first page set apart (no number on it)").isTrue();
		XWPFHeaderFooterPolicy policy = new XWPFHeaderFooterPolicy(doc, s);
		XWPFHeader numbered = policy.getDefaultHeader();
		assertThat(numbered).as(what + ": header with the page number").isNotNull();
		assertThat(hasPageField(numbered)).as(what + ": PAGE field in the header").isTrue();
		XWPFParagraph p = numbered.getParagraphs().stream().filter(x -> x.getCTP().sizeOfFldSimpleArray() > 0)
			.findFirst().orElseThrow();
		assertThat(p.getAlignment()).as(what + ": page number centred").isEqualTo(ParagraphAlignment.CENTER);
		var rpr = p.getCTP().getFldSimpleArray(0).getRArray(0).getRPr();
		assertThat(rpr.getRFontsArray(0).getAscii()).isEqualTo(FONT);
		assertThat(((BigInteger) rpr.getSzArray(0).getVal()).intValue() / 2).as(what + ": page number 13–14")
			.isBetween(13, 14);
		XWPFHeader firstPage = policy.getFirstPageHeader();
		assertThat(firstPage).as(what + ": a first-page header exists, so Word does not reuse the numbered one")
			.isNotNull();
		assertThat(hasPageField(firstPage) || !firstPage.getText().isBlank()).as(what + ": no number on page 1")
			.isFalse();
	}

	static boolean hasPageField(XWPFHeader h) {
		for (XWPFParagraph p : h.getParagraphs()) {
			CTP ctp = p.getCTP();
			for (var f : ctp.getFldSimpleArray()) {
				if (f.getInstr().contains("PAGE")) {
					return true;
				}
			}
			if (ctp.xmlText().contains("instrText") && ctp.xmlText().contains("PAGE")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Every run with text is Times New Roman, 11–14 pt; running text outside tables is 13–14 pt, justified with a
	 * first-line indent and at least 6 pt after. Properties are resolved as Word does: the run's own, else its
	 * paragraph style's, else the document defaults.
	 */
	static void assertFonts(XWPFDocument doc) {
		for (XWPFParagraph p : allParagraphs(doc)) {
			for (XWPFRun r : p.getRuns()) {
				if (r.text().isBlank()) {
					continue;
				}
				assertThat(font(doc, p, r)).as("font of “%s”", r.text()).isEqualTo(FONT);
				assertThat(size(doc, p, r)).as("size of “%s”", r.text()).isNotNull().isBetween(11.0, 14.0);
			}
		}
		for (XWPFParagraph p : doc.getParagraphs()) {
			for (XWPFRun r : p.getRuns()) {
				if (!r.text().isBlank()) {
					assertThat(size(doc, p, r)).as("running text “%s” 13–14 pt", r.text()).isBetween(13.0, 14.0);
				}
			}
		}
		for (XWPFParagraph p : doc.getParagraphs()) {
			if (alignment(doc, p) == ParagraphAlignment.BOTH && !p.getText().isBlank()) {
				assertThat(spacingAfter(doc, p)).as("space after “%s” at least 6 pt", p.getText()).isGreaterThanOrEqualTo(120);
				assertThat(firstLineIndent(doc, p)).as("first-line indent 1–1,27 cm").isBetween(567L, 720L);
			}
		}
	}

	/** The run's font, else its paragraph style's, else the document default. */
	public static String font(XWPFDocument doc, XWPFParagraph p, XWPFRun r) {
		if (r.getFontFamily() != null) {
			return r.getFontFamily();
		}
		CTStyle style = style(doc, p);
		if (style != null && style.isSetRPr() && style.getRPr().sizeOfRFontsArray() > 0
				&& style.getRPr().getRFontsArray(0).getAscii() != null) {
			return style.getRPr().getRFontsArray(0).getAscii();
		}
		var defaults = doc.getStyles().getCtStyles().getDocDefaults();
		if (defaults != null && defaults.isSetRPrDefault() && defaults.getRPrDefault().isSetRPr()
				&& defaults.getRPrDefault().getRPr().sizeOfRFontsArray() > 0) {
			return defaults.getRPrDefault().getRPr().getRFontsArray(0).getAscii();
		}
		return null;
	}

	/** The run's size in points, else its paragraph style's, else the document default. */
	public static Double size(XWPFDocument doc, XWPFParagraph p, XWPFRun r) {
		if (r.getFontSizeAsDouble() != null) {
			return r.getFontSizeAsDouble();
		}
		CTStyle style = style(doc, p);
		if (style != null && style.isSetRPr() && style.getRPr().sizeOfSzArray() > 0) {
			return ((BigInteger) style.getRPr().getSzArray(0).getVal()).doubleValue() / 2;
		}
		return doc.getStyles().getDefaultRunStyle() == null ? null : doc.getStyles().getDefaultRunStyle().getFontSizeAsDouble();
	}

	public static boolean bold(XWPFDocument doc, XWPFParagraph p, XWPFRun r) {
		if (r.getCTR().isSetRPr() && r.getCTR().getRPr().sizeOfBArray() > 0) {
			return r.isBold();
		}
		CTStyle style = style(doc, p);
		return style != null && style.isSetRPr() && style.getRPr().sizeOfBArray() > 0;
	}

	static ParagraphAlignment alignment(XWPFDocument doc, XWPFParagraph p) {
		if (p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetJc()) {
			return p.getAlignment();
		}
		CTStyle style = style(doc, p);
		if (style != null && style.isSetPPr() && style.getPPr().isSetJc()) {
			return ParagraphAlignment.valueOf(style.getPPr().getJc().getVal().intValue());
		}
		return ParagraphAlignment.LEFT;
	}

	static long spacingAfter(XWPFDocument doc, XWPFParagraph p) {
		if (p.getSpacingAfter() >= 0) {
			return p.getSpacingAfter();
		}
		CTStyle style = style(doc, p);
		if (style != null && style.isSetPPr() && style.getPPr().isSetSpacing() && style.getPPr().getSpacing().isSetAfter()) {
			return twips(style.getPPr().getSpacing().getAfter());
		}
		return 0;
	}

	static long firstLineIndent(XWPFDocument doc, XWPFParagraph p) {
		if (p.getIndentationFirstLine() >= 0) {
			return p.getIndentationFirstLine();
		}
		CTStyle style = style(doc, p);
		if (style != null && style.isSetPPr() && style.getPPr().isSetInd() && style.getPPr().getInd().isSetFirstLine()) {
			return twips(style.getPPr().getInd().getFirstLine());
		}
		return 0;
	}

	private static CTStyle style(XWPFDocument doc, XWPFParagraph p) {
		String id = p.getStyleID();
		if (id == null || doc.getStyles() == null || doc.getStyles().getStyle(id) == null) {
			return null;
		}
		return doc.getStyles().getStyle(id).getCTStyle();
	}

	static List<XWPFParagraph> allParagraphs(XWPFDocument doc) {
		List<XWPFParagraph> all = new ArrayList<>(doc.getParagraphs());
		for (XWPFTable t : doc.getTables()) {
			t.getRows().forEach(r -> r.getTableCells().forEach(c -> all.addAll(c.getParagraphs())));
		}
		return all;
	}

	static void assertHeadingBlock(XWPFDocument doc, String issuer) {
		assertThat(doc.getBodyElements().get(0)).as("the document opens with the heading block")
			.isInstanceOf(XWPFTable.class);
		XWPFTable head = (XWPFTable) doc.getBodyElements().get(0);
		XWPFTableCell issuerCell = head.getRow(0).getCell(0);
		XWPFTableCell nationCell = head.getRow(0).getCell(1);
		XWPFRun nation = runWith(nationCell, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
		assertThat(nation.isBold()).as("quốc hiệu bold").isTrue();
		assertThat(nation.getFontSizeAsDouble()).as("quốc hiệu 12–13").isBetween(12.0, 13.0);
		XWPFRun motto = runWith(nationCell, "Độc lập - Tự do - Hạnh phúc");
		assertThat(motto.isBold()).as("tiêu ngữ bold").isTrue();
		assertThat(motto.getFontSizeAsDouble()).as("tiêu ngữ 13–14").isBetween(13.0, 14.0);
		assertThat(motto.getUnderline()).as("a line under the motto, its own length").isEqualTo(UnderlinePatterns.SINGLE);
		assertThat(cellParagraph(nationCell, "CỘNG HÒA").getAlignment()).isEqualTo(ParagraphAlignment.CENTER);

		XWPFRun body = runWith(issuerCell, issuer.toUpperCase());
		assertThat(body.isBold()).as("issuing body bold").isTrue();
		assertThat(body.getFontSizeAsDouble()).as("issuing body 12–13").isBetween(12.0, 13.0);
		assertThat(issuerCell.getParagraphs().stream().anyMatch(p -> p.getBorderBottom() != null
				&& p.getBorderBottom() != org.apache.poi.xwpf.usermodel.Borders.NONE))
			.as("a short line under the issuing body").isTrue();

		String number = head.getRow(1).getCell(0).getText().strip();
		assertThat(number).as("số, ký hiệu").startsWith("Số:");
		XWPFParagraph dated = head.getRow(1).getCell(1).getParagraphs().get(0);
		assertThat(dated.getText().strip()).as("place and date line").matches(DATE_LINE);
		assertThat(dated.getRuns()).allSatisfy(r -> {
			assertThat(r.isItalic()).as("place and date italic").isTrue();
			assertThat(r.getFontSizeAsDouble()).as("place and date 13–14").isBetween(13.0, 14.0);
		});
	}

	static void assertRecipientsBlock(XWPFDocument doc) {
		for (XWPFTable t : doc.getTables()) {
			for (var row : t.getRows()) {
				for (XWPFTableCell c : row.getTableCells()) {
					for (XWPFParagraph p : c.getParagraphs()) {
						if (p.getText().strip().equals("Nơi nhận:")) {
							assertThat(p.getRuns()).allSatisfy(r -> {
								assertThat(r.isBold() && r.isItalic()).as("“Nơi nhận:” bold italic").isTrue();
								assertThat(r.getFontSizeAsDouble()).as("“Nơi nhận:” 12").isEqualTo(12.0);
							});
							return;
						}
					}
				}
			}
		}
		throw new AssertionError("no “Nơi nhận:” block");
	}

	static XWPFRun runWith(XWPFTableCell cell, String text) {
		return cell.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
			.filter(r -> r.text().equals(text)).findFirst()
			.orElseThrow(() -> new AssertionError("no run “" + text + "” in " + cell.getText()));
	}

	static XWPFParagraph cellParagraph(XWPFTableCell cell, String start) {
		return cell.getParagraphs().stream().filter(p -> p.getText().startsWith(start)).findFirst().orElseThrow();
	}

	static long twips(Object value) {
		return ((BigInteger) value).longValue();
	}

	static long mm(double millimetres) {
		return Math.round(millimetres * 1440 / 25.4);
	}

	/** All text of the main part and the appendices, paragraph by paragraph, tables included, in order. */
	public static String text(XWPFDocument doc) {
		StringBuilder out = new StringBuilder();
		for (IBodyElement e : doc.getBodyElements()) {
			if (e instanceof XWPFParagraph p) {
				out.append(p.getText()).append('\n');
			}
			else if (e instanceof XWPFTable t) {
				t.getRows().forEach(r -> {
					out.append(String.join(" | ", r.getTableCells().stream().map(XWPFTableCell::getText).toList()));
					out.append('\n');
				});
			}
		}
		return out.toString();
	}
}
