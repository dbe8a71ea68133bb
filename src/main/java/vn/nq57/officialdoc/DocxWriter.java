package vn.nq57.officialdoc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STVerticalJc;

import vn.nq57.officialdoc.OfficialDocument.Appendix;
import vn.nq57.officialdoc.OfficialDocument.Block;
import vn.nq57.officialdoc.OfficialDocument.Column;
import vn.nq57.officialdoc.OfficialDocument.Heading;
import vn.nq57.officialdoc.OfficialDocument.Paragraph;
import vn.nq57.officialdoc.OfficialDocument.Row;
import vn.nq57.officialdoc.OfficialDocument.Table;

/**
 * Writes an {@link OfficialDocument} as a Word file laid out by Decree 30/2020/NĐ-CP (the numbers are in
 * {@link Decree30}): A4 portrait; issuing body top left and national title with motto top right, in a
 * borderless two-row table so that the number and the dated place line stand level; the kind name and subject
 * centred in bold; justified body with first-line indent; "Nơi nhận" and the signature side by side; page numbers
 * centred in the top margin from page 2 on. Each appendix is its own section (landscape if asked), numbered
 * from 1 again, its first page unnumbered as well.
 */
public final class DocxWriter {

	/** Paragraph styles the running text uses (see {@code defaults()}). */
	public static final String BODY = "NQ57Body";
	public static final String BODY_ITALIC = "NQ57BodyItalic";
	public static final String HEADING = "NQ57Heading";

	private DocxWriter() {
	}

	public static byte[] write(OfficialDocument d) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		write(d, out);
		return out.toByteArray();
	}

	public static void write(OfficialDocument d, OutputStream out) {
		try (XWPFDocument doc = new XWPFDocument()) {
			new DocxWriter.Builder(doc).document(d);
			doc.write(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The state of one write: the POI document being filled. */
	private static final class Builder {

		private final XWPFDocument doc;

		Builder(XWPFDocument doc) {
			this.doc = doc;
		}

		void document(OfficialDocument d) {
			defaults();
			int width = Decree30.A4_SHORT - Decree30.MARGIN_LEFT - Decree30.MARGIN_RIGHT;
			heading(d, width);
			title(d, width);
			for (Block b : d.body()) {
				block(b, width);
			}
			closing(d, width);
			List<Appendix> appendices = d.appendices();
			CTSectPr main = appendices.isEmpty() ? bodySection() : endOfSection();
			pageSetup(main, false, false);
			for (int i = 0; i < appendices.size(); i++) {
				Appendix a = appendices.get(i);
				int w = (a.landscape() ? Decree30.A4_LONG : Decree30.A4_SHORT) - Decree30.MARGIN_LEFT
						- Decree30.MARGIN_RIGHT;
				appendix(d, a, w);
				CTSectPr s = i == appendices.size() - 1 ? bodySection() : endOfSection();
				pageSetup(s, a.landscape(), true);
			}
		}

		/**
		 * Times New Roman for everything, also where a run does not say so (and for Word's own new text); and the
		 * paragraph styles of the running text, so that thousands of paragraphs carry one style reference each
		 * instead of the same formatting repeated.
		 */
		private void defaults() {
			CTFonts fonts = CTFonts.Factory.newInstance();
			fonts.setAscii(Decree30.FONT);
			fonts.setHAnsi(Decree30.FONT);
			fonts.setCs(Decree30.FONT);
			fonts.setEastAsia(Decree30.FONT);
			XWPFStyles styles = doc.createStyles();
			styles.setDefaultFonts(fonts);
			styles.addStyle(bodyStyle(styles, BODY, "Nội dung văn bản", false, false, false));
			styles.addStyle(bodyStyle(styles, BODY_ITALIC, "Nội dung văn bản nghiêng", false, true, false));
			styles.addStyle(bodyStyle(styles, HEADING + 1, "Đề mục cấp 1", true, false, true));
			styles.addStyle(bodyStyle(styles, HEADING + 2, "Đề mục cấp 2", true, false, true));
			styles.addStyle(bodyStyle(styles, HEADING + 3, "Đề mục cấp 3", true, true, true));
		}

		/** Justified, first-line indent, 6 pt after, single spacing, Times New Roman 14. */
		private static XWPFStyle bodyStyle(XWPFStyles styles, String id, String name, boolean bold, boolean italic,
				boolean keepNext) {
			CTStyle ct = CTStyle.Factory.newInstance();
			ct.setStyleId(id);
			ct.setType(STStyleType.PARAGRAPH);
			ct.addNewName().setVal(name);
			ct.addNewQFormat();
			CTPPrGeneral ppr = ct.addNewPPr();
			if (keepNext) {
				ppr.addNewKeepNext();
			}
			CTSpacing spacing = ppr.addNewSpacing();
			spacing.setAfter(BigInteger.valueOf(Decree30.PARAGRAPH_SPACING));
			spacing.setLine(BigInteger.valueOf(Decree30.LINE_SPACING));
			spacing.setLineRule(STLineSpacingRule.AUTO);
			ppr.addNewInd().setFirstLine(BigInteger.valueOf(Decree30.FIRST_LINE_INDENT));
			ppr.addNewJc().setVal(STJc.BOTH);
			CTRPr rpr = ct.addNewRPr();
			CTFonts f = rpr.addNewRFonts();
			f.setAscii(Decree30.FONT);
			f.setHAnsi(Decree30.FONT);
			f.setCs(Decree30.FONT);
			f.setEastAsia(Decree30.FONT);
			if (bold) {
				rpr.addNewB();
			}
			if (italic) {
				rpr.addNewI();
			}
			rpr.addNewSz().setVal(BigInteger.valueOf(Decree30.SIZE_BODY * 2L));
			rpr.addNewSzCs().setVal(BigInteger.valueOf(Decree30.SIZE_BODY * 2L));
			return new XWPFStyle(ct, styles);
		}

		// ----- the heading block: issuer | national title, number | place and date -----

		private void heading(OfficialDocument d, int width) {
			int left = width * 2 / 5;
			int right = width - left;
			XWPFTable t = borderless(2, new int[] { left, right });
			XWPFTableCell issuer = t.getRow(0).getCell(0);
			XWPFParagraph p = first(issuer);
			if (d.parentAuthority() != null && !d.parentAuthority().isBlank()) {
				centred(p);
				run(p, d.parentAuthority().toUpperCase(java.util.Locale.ROOT), Decree30.SIZE_ISSUER, false, false);
				p = issuer.addParagraph();
			}
			centred(p);
			run(p, d.issuer().toUpperCase(java.util.Locale.ROOT), Decree30.SIZE_ISSUER, true, false);
			rule(issuer.addParagraph(), left, 3);

			XWPFTableCell nation = t.getRow(0).getCell(1);
			XWPFParagraph q = first(nation);
			centred(q);
			run(q, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Decree30.SIZE_NATIONAL_TITLE, true, false);
			q = nation.addParagraph();
			centred(q);
			XWPFRun motto = run(q, "Độc lập - Tự do - Hạnh phúc", Decree30.SIZE_MOTTO, true, false);
			motto.setUnderline(UnderlinePatterns.SINGLE);

			XWPFTableCell number = t.getRow(1).getCell(0);
			XWPFParagraph n = first(number);
			centred(n);
			n.setSpacingBefore(Decree30.PARAGRAPH_SPACING);
			run(n, "Số: " + d.number(), Decree30.SIZE_NUMBER, false, false);
			if (d.isLetter()) {
				XWPFParagraph v = number.addParagraph();
				centred(v);
				run(v, "V/v " + d.subject(), Decree30.SIZE_LETTER_SUBJECT, false, false);
			}
			XWPFTableCell dated = t.getRow(1).getCell(1);
			XWPFParagraph dp = first(dated);
			centred(dp);
			dp.setSpacingBefore(Decree30.PARAGRAPH_SPACING);
			run(dp, Decree30.placeAndDate(d.place(), d.date()), Decree30.SIZE_DATE, false, true);
		}

		private void title(OfficialDocument d, int width) {
			if (d.isLetter()) {
				XWPFParagraph k = doc.createParagraph();
				k.setSpacingBefore(2 * Decree30.PARAGRAPH_SPACING);
				k.setSpacingAfter(Decree30.PARAGRAPH_SPACING);
				List<String> to = d.addressees();
				if (to.size() <= 1) {
					centred(k);
					run(k, "Kính gửi: " + (to.isEmpty() ? "" : to.get(0)), Decree30.SIZE_BODY, false, false);
				}
				else {
					k.setIndentationLeft(width / 4);
					run(k, "Kính gửi:", Decree30.SIZE_BODY, false, false);
					for (String a : to) {
						XWPFParagraph line = doc.createParagraph();
						line.setIndentationLeft(width / 4 + 1200);
						run(line, "- " + a + ";", Decree30.SIZE_BODY, false, false);
					}
				}
				return;
			}
			XWPFParagraph k = doc.createParagraph();
			centred(k);
			k.setSpacingBefore(3 * Decree30.PARAGRAPH_SPACING);
			run(k, d.kind().toUpperCase(java.util.Locale.ROOT), Decree30.SIZE_TITLE, true, false);
			for (String line : d.subject().split("\n")) {
				XWPFParagraph s = doc.createParagraph();
				centred(s);
				run(s, line.strip(), Decree30.SIZE_TITLE, true, false);
			}
			XWPFParagraph r = doc.createParagraph();
			rule(r, width, 3);
			r.setSpacingAfter(Decree30.PARAGRAPH_SPACING);
		}

		// ----- body -----

		private void block(Block b, int width) {
			if (b instanceof Heading h) {
				XWPFParagraph p = doc.createParagraph();
				p.setStyle(HEADING + h.level());
				p.createRun().setText(h.level() == 1 ? h.text().toUpperCase(java.util.Locale.ROOT) : h.text());
			}
			else if (b instanceof Paragraph para) {
				for (String line : lines(para.text())) {
					XWPFParagraph p = doc.createParagraph();
					p.setStyle(para.italic() ? BODY_ITALIC : BODY);
					p.createRun().setText(line);
				}
			}
			else if (b instanceof Table table) {
				table(table, width);
			}
		}

		private void table(Table table, int width) {
			List<Column> cols = table.columns();
			int total = cols.stream().mapToInt(Column::weight).sum();
			int[] widths = new int[cols.size()];
			int used = 0;
			for (int i = 0; i < cols.size(); i++) {
				widths[i] = i == cols.size() - 1 ? width - used : width * cols.get(i).weight() / total;
				used += widths[i];
			}
			XWPFTable t = doc.createTable(1, cols.size());
			fixedLayout(t, widths);
			XWPFTableRow header = t.getRow(0);
			header.setRepeatHeader(true);
			header.setCantSplitRow(true);
			for (int i = 0; i < cols.size(); i++) {
				XWPFTableCell c = header.getCell(i);
				c.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
				XWPFParagraph p = first(c);
				centred(p);
				run(p, cols.get(i).header(), Decree30.SIZE_TABLE, true, false);
			}
			for (Row r : table.rows()) {
				XWPFTableRow row = t.createRow();
				if (r.group() != null) {
					XWPFTableCell c = row.getCell(0);
					for (int i = row.getTableCells().size() - 1; i > 0; i--) {
						row.removeCell(i);
					}
					CTTcPr pr = c.getCTTc().isSetTcPr() ? c.getCTTc().getTcPr() : c.getCTTc().addNewTcPr();
					pr.addNewGridSpan().setVal(BigInteger.valueOf(cols.size()));
					pr.addNewTcW().setW(BigInteger.valueOf(width));
					XWPFParagraph p = first(c);
					run(p, r.group(), Decree30.SIZE_TABLE, true, false);
					continue;
				}
				for (int i = 0; i < cols.size(); i++) {
					XWPFTableCell c = row.getCell(i);
					XWPFParagraph p = first(c);
					p.setAlignment(switch (cols.get(i).align()) {
						case CENTER -> ParagraphAlignment.CENTER;
						case RIGHT -> ParagraphAlignment.RIGHT;
						case LEFT -> ParagraphAlignment.LEFT;
					});
					List<String> lines = lines(r.cells().get(i));
					for (int l = 0; l < lines.size(); l++) {
						if (l > 0) {
							p = c.addParagraph();
							p.setAlignment(first(c).getAlignment());
						}
						run(p, lines.get(l), Decree30.SIZE_TABLE, false, false);
					}
				}
			}
			// a table cannot end a section or the document: keep a paragraph after it
			doc.createParagraph().setSpacingAfter(0);
		}

		// ----- Nơi nhận and signature -----

		private void closing(OfficialDocument d, int width) {
			if (d.signature() == null && d.recipients().isEmpty()) {
				return;
			}
			int left = width * 9 / 20;
			XWPFTable t = borderless(1, new int[] { left, width - left });
			XWPFTableCell to = t.getRow(0).getCell(0);
			XWPFParagraph p = first(to);
			if (!d.recipients().isEmpty()) {
				p.setSpacingBefore(Decree30.PARAGRAPH_SPACING);
				run(p, "Nơi nhận:", Decree30.SIZE_RECIPIENTS_LABEL, true, true);
				for (String r : d.recipients()) {
					XWPFParagraph line = to.addParagraph();
					run(line, r.startsWith("-") ? r : "- " + r, Decree30.SIZE_RECIPIENTS, false, false);
				}
			}
			XWPFTableCell sign = t.getRow(0).getCell(1);
			XWPFParagraph s = first(sign);
			centred(s);
			s.setSpacingBefore(Decree30.PARAGRAPH_SPACING);
			OfficialDocument.Signature sig = d.signature();
			if (sig != null) {
				boolean firstLine = true;
				for (String line : new String[] { sig.authority(), sig.title() }) {
					if (line == null || line.isBlank()) {
						continue;
					}
					if (!firstLine) {
						s = sign.addParagraph();
						centred(s);
					}
					run(s, line.toUpperCase(java.util.Locale.ROOT), Decree30.SIZE_SIGNATURE, true, false);
					firstLine = false;
				}
				for (int i = 0; i < 4; i++) {
					centred(sign.addParagraph());
				}
				if (sig.name() != null && !sig.name().isBlank()) {
					XWPFParagraph name = sign.addParagraph();
					centred(name);
					run(name, sig.name(), Decree30.SIZE_SIGNATURE, true, false);
				}
			}
		}

		// ----- appendix -----

		private void appendix(OfficialDocument d, Appendix a, int width) {
			XWPFParagraph label = doc.createParagraph();
			centred(label);
			run(label, a.label() == null || a.label().isBlank() ? "Phụ lục" : a.label(), Decree30.SIZE_TITLE, true,
					false);
			if (a.title() != null && !a.title().isBlank()) {
				for (String line : a.title().split("\n")) {
					XWPFParagraph t = doc.createParagraph();
					centred(t);
					run(t, line.strip().toUpperCase(java.util.Locale.ROOT), Decree30.SIZE_TITLE, true, false);
				}
			}
			if (a.reference() != null && !a.reference().isBlank()) {
				XWPFParagraph ref = doc.createParagraph();
				centred(ref);
				run(ref, a.reference(), Decree30.SIZE_DATE, false, true);
			}
			XWPFParagraph r = doc.createParagraph();
			rule(r, width / 2, 3);
			r.setSpacingAfter(Decree30.PARAGRAPH_SPACING);
			for (Block b : a.content()) {
				block(b, width);
			}
		}

		// ----- sections and page numbers -----

		private CTSectPr bodySection() {
			var body = doc.getDocument().getBody();
			return body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
		}

		/** Ends the current section: its properties go into a last, empty paragraph. */
		private CTSectPr endOfSection() {
			XWPFParagraph p = doc.createParagraph();
			p.setSpacingAfter(0);
			var ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
			return ppr.addNewSectPr();
		}

		private void pageSetup(CTSectPr s, boolean landscape, boolean restartNumbering) {
			XWPFHeaderFooterPolicy policy = new XWPFHeaderFooterPolicy(doc, s);
			// the first page shows no number: an empty first-page header, and the default one with the PAGE field
			policy.createHeader(XWPFHeaderFooterPolicy.FIRST);
			XWPFHeader numbered = policy.createHeader(XWPFHeaderFooterPolicy.DEFAULT);
			XWPFParagraph p = numbered.getParagraphs().isEmpty() ? numbered.createParagraph()
					: numbered.getParagraphs().get(0);
			centred(p);
			CTSimpleField field = p.getCTP().addNewFldSimple();
			field.setInstr(" PAGE \\* MERGEFORMAT ");
			CTR r = field.addNewR();
			CTRPr rpr = r.addNewRPr();
			CTFonts f = rpr.addNewRFonts();
			f.setAscii(Decree30.FONT);
			f.setHAnsi(Decree30.FONT);
			f.setCs(Decree30.FONT);
			rpr.addNewSz().setVal(BigInteger.valueOf(Decree30.SIZE_PAGE_NUMBER * 2L));
			rpr.addNewSzCs().setVal(BigInteger.valueOf(Decree30.SIZE_PAGE_NUMBER * 2L));
			r.addNewT().setStringValue("2");

			CTPageSz size = s.isSetPgSz() ? s.getPgSz() : s.addNewPgSz();
			if (landscape) {
				size.setW(BigInteger.valueOf(Decree30.A4_LONG));
				size.setH(BigInteger.valueOf(Decree30.A4_SHORT));
				size.setOrient(STPageOrientation.LANDSCAPE);
			}
			else {
				size.setW(BigInteger.valueOf(Decree30.A4_SHORT));
				size.setH(BigInteger.valueOf(Decree30.A4_LONG));
				size.setOrient(STPageOrientation.PORTRAIT);
			}
			CTPageMar m = s.isSetPgMar() ? s.getPgMar() : s.addNewPgMar();
			m.setTop(BigInteger.valueOf(Decree30.MARGIN_TOP));
			m.setBottom(BigInteger.valueOf(Decree30.MARGIN_BOTTOM));
			m.setLeft(BigInteger.valueOf(Decree30.MARGIN_LEFT));
			m.setRight(BigInteger.valueOf(Decree30.MARGIN_RIGHT));
			m.setHeader(BigInteger.valueOf(Decree30.HEADER_DISTANCE));
			m.setFooter(BigInteger.valueOf(Decree30.HEADER_DISTANCE));
			m.setGutter(BigInteger.ZERO);
			if (restartNumbering) {
				s.addNewPgNumType().setStart(BigInteger.ONE);
			}
			s.addNewTitlePg();
		}

		// ----- small helpers -----

		private XWPFTable borderless(int rows, int[] widths) {
			XWPFTable t = doc.createTable(rows, widths.length);
			t.removeBorders();
			fixedLayout(t, widths);
			for (XWPFTableRow r : t.getRows()) {
				for (XWPFTableCell c : r.getTableCells()) {
					c.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.TOP);
				}
			}
			return t;
		}

		private static void fixedLayout(XWPFTable t, int[] widths) {
			CTTblPr pr = t.getCTTbl().getTblPr() == null ? t.getCTTbl().addNewTblPr() : t.getCTTbl().getTblPr();
			CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
			layout.setType(STTblLayoutType.FIXED);
			var w = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
			w.setType(STTblWidth.DXA);
			w.setW(BigInteger.valueOf(java.util.Arrays.stream(widths).sum()));
			t.setTableAlignment(TableRowAlign.CENTER);
			CTTblGrid grid = t.getCTTbl().getTblGrid() == null ? t.getCTTbl().addNewTblGrid() : t.getCTTbl().getTblGrid();
			while (grid.sizeOfGridColArray() > 0) {
				grid.removeGridCol(0);
			}
			for (int width : widths) {
				grid.addNewGridCol().setW(BigInteger.valueOf(width));
			}
			for (XWPFTableRow r : t.getRows()) {
				for (int i = 0; i < widths.length && i < r.getTableCells().size(); i++) {
					CTTcPr tc = r.getCell(i).getCTTc().isSetTcPr() ? r.getCell(i).getCTTc().getTcPr()
							: r.getCell(i).getCTTc().addNewTcPr();
					var cw = tc.isSetTcW() ? tc.getTcW() : tc.addNewTcW();
					cw.setType(STTblWidth.DXA);
					cw.setW(BigInteger.valueOf(widths[i]));
					tc.addNewVAlign().setVal(STVerticalJc.TOP);
				}
			}
		}

		private static XWPFParagraph first(XWPFTableCell c) {
			XWPFParagraph p = c.getParagraphs().get(0);
			p.setSpacingAfter(0);
			return p;
		}

		private static void centred(XWPFParagraph p) {
			p.setAlignment(ParagraphAlignment.CENTER);
			p.setSpacingAfter(0);
		}

		/**
		 * The short solid line under the issuer's name and under the subject: a bottom border on an empty
		 * paragraph, indented so that it spans 1/{@code fraction} of the width, centred.
		 */
		private static void rule(XWPFParagraph p, int width, int fraction) {
			p.setAlignment(ParagraphAlignment.CENTER);
			p.setBorderBottom(Borders.SINGLE);
			int indent = (width - width / fraction) / 2;
			p.setIndentationLeft(indent);
			p.setIndentationRight(indent);
			p.setSpacingAfter(0);
			p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
			XWPFRun r = p.createRun();
			r.setFontFamily(Decree30.FONT);
			r.setFontSize(2);
		}

		private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
			XWPFRun r = p.createRun();
			r.setFontFamily(Decree30.FONT);
			r.setFontSize(size);
			r.setBold(bold);
			r.setItalic(italic);
			r.setText(text == null ? "" : text);
			return r;
		}

		private static List<String> lines(String text) {
			if (text == null || text.isBlank()) {
				return List.of("");
			}
			return text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		}
	}
}
