package vn.nq57.officialdoc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An administrative document (văn bản hành chính) as Decree 30/2020/NĐ-CP lays it out, described by its
 * parts rather than by fonts and margins: {@link DocxWriter} applies the layout. Two shapes are covered:
 * <ul>
 * <li>a document with a name of its kind ("BÁO CÁO", "KẾ HOẠCH"…): the kind in bold capitals, centred, with
 * the subject (trích yếu) under it;</li>
 * <li>a letter (công văn), which has no kind name: its subject "V/v …" stands under the document number, and
 * "Kính gửi: …" opens the body.</li>
 * </ul>
 * Text is plain; a paragraph never carries markup. Build one with {@link #builder()}.
 *
 * @param parentAuthority the body the issuer belongs to (cơ quan chủ quản), e.g. "UBND TỈNH QUẢNG NGÃI"; may be
 * {@code null}
 * @param issuer the issuing body (cơ quan ban hành), e.g. "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
 * @param number the number and symbol (số, ký hiệu) without "Số:", e.g. "125/BC-SKHCN"; in a draft the number is
 * often left blank: "     /BC-SKHCN"
 * @param place the place name of the date line, e.g. "Quảng Ngãi"
 * @param date the date of issue; {@code null} prints "ngày … tháng … năm …" with blanks for a draft
 * @param kind the name of the kind ("BÁO CÁO"), or {@code null} for a letter
 * @param subject the subject (trích yếu): under the kind, or after "V/v" for a letter
 * @param addressees the "Kính gửi" list of a letter (empty for other kinds)
 * @param body the content, in order
 * @param signature the signature block
 * @param recipients the "Nơi nhận" list, one line each, last one usually "Lưu: VT, …"
 * @param appendices appendices, each on its own pages with its own page numbers
 */
public record OfficialDocument(String parentAuthority, String issuer, String number, String place, LocalDate date,
		String kind, String subject, List<String> addressees, List<Block> body, Signature signature,
		List<String> recipients, List<Appendix> appendices) {

	public OfficialDocument {
		Objects.requireNonNull(issuer, "issuer");
		Objects.requireNonNull(place, "place");
		addressees = List.copyOf(addressees);
		body = List.copyOf(body);
		recipients = List.copyOf(recipients);
		appendices = List.copyOf(appendices);
	}

	public boolean isLetter() {
		return kind == null || kind.isBlank();
	}

	/** One part of the body. */
	public sealed interface Block permits Heading, Paragraph, Table {
	}

	/**
	 * A heading: level 1 is a part ("I. KẾT QUẢ THỰC HIỆN"), level 2 a section ("1. Kết quả chung"), level 3 a
	 * subsection ("a) Về kinh phí"). The text carries its own numbering, as officials write it.
	 */
	public record Heading(int level, String text) implements Block {
		public Heading {
			if (level < 1 || level > 3) {
				throw new IllegalArgumentException("heading level 1 to 3");
			}
		}
	}

	/** A paragraph of running text; {@code italic} for notes such as "(Kèm theo …)". */
	public record Paragraph(String text, boolean italic) implements Block {
		public Paragraph(String text) {
			this(text, false);
		}
	}

	/**
	 * A table with a header row. A row whose {@link Row#group} is set is a group title spanning all columns
	 * (as the "I", "II" rows of a plan's appendix).
	 */
	public record Table(List<Column> columns, List<Row> rows) implements Block {
		public Table {
			columns = List.copyOf(columns);
			rows = List.copyOf(rows);
			for (Row r : rows) {
				if (r.group() == null && r.cells().size() != columns.size()) {
					throw new IllegalArgumentException("row with " + r.cells().size() + " cells in a table of "
							+ columns.size() + " columns");
				}
			}
		}
	}

	public enum Align {
		LEFT, CENTER, RIGHT
	}

	/** A column: its header, its share of the width (any positive numbers; they are scaled), its alignment. */
	public record Column(String header, int weight, Align align) {
		public Column(String header, int weight) {
			this(header, weight, Align.LEFT);
		}
	}

	public record Row(String group, List<String> cells) {
		public static Row of(String... cells) {
			return new Row(null, List.of(cells));
		}

		public static Row group(String title) {
			return new Row(title, List.of());
		}

		public Row {
			cells = cells.stream().map(c -> c == null ? "" : c).toList();
		}
	}

	/**
	 * The signature block: the authority to sign ("KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", or {@code null} when the
	 * head signs in their own name), the signer's title ("PHÓ GIÁM ĐỐC") and their name.
	 */
	public record Signature(String authority, String title, String name) {
	}

	/**
	 * An appendix: "Phụ lục" (with its number, if several), its title, the reference line "(Kèm theo … )", its
	 * content, and whether it is printed landscape (wide tables).
	 */
	public record Appendix(String label, String title, String reference, boolean landscape, List<Block> content) {
		public Appendix {
			content = List.copyOf(content);
		}
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Collects the parts of a document; {@link #build()} checks that the required ones are there. */
	public static final class Builder {

		private String parentAuthority;
		private String issuer;
		private String number = "";
		private String place;
		private LocalDate date;
		private String kind;
		private String subject;
		private final List<String> addressees = new ArrayList<>();
		private final List<Block> body = new ArrayList<>();
		private Signature signature;
		private final List<String> recipients = new ArrayList<>();
		private final List<Appendix> appendices = new ArrayList<>();

		private Builder() {
		}

		public Builder issuer(String parentAuthority, String issuer) {
			this.parentAuthority = parentAuthority;
			this.issuer = issuer;
			return this;
		}

		public Builder number(String number) {
			this.number = number == null ? "" : number;
			return this;
		}

		public Builder placeAndDate(String place, LocalDate date) {
			this.place = place;
			this.date = date;
			return this;
		}

		/** A document with a kind name ("BÁO CÁO") and the subject under it. */
		public Builder kind(String kind, String subject) {
			this.kind = kind;
			this.subject = subject;
			return this;
		}

		/** A letter (công văn): subject after "V/v", and who it is sent to. */
		public Builder letter(String subject, List<String> addressees) {
			this.kind = null;
			this.subject = subject;
			this.addressees.clear();
			this.addressees.addAll(addressees);
			return this;
		}

		public Builder heading(int level, String text) {
			body.add(new Heading(level, text));
			return this;
		}

		public Builder paragraph(String text) {
			body.add(new Paragraph(text));
			return this;
		}

		public Builder block(Block block) {
			body.add(block);
			return this;
		}

		public Builder blocks(List<? extends Block> blocks) {
			body.addAll(blocks);
			return this;
		}

		public Builder signature(String authority, String title, String name) {
			this.signature = new Signature(authority, title, name);
			return this;
		}

		public Builder recipients(List<String> lines) {
			recipients.addAll(lines);
			return this;
		}

		public Builder appendix(Appendix appendix) {
			appendices.add(appendix);
			return this;
		}

		public OfficialDocument build() {
			if (issuer == null || issuer.isBlank()) {
				throw new IllegalStateException("Thiếu tên cơ quan ban hành văn bản");
			}
			if (place == null || place.isBlank()) {
				throw new IllegalStateException("Thiếu địa danh ghi ngày tháng văn bản");
			}
			if (subject == null || subject.isBlank()) {
				throw new IllegalStateException("Thiếu trích yếu nội dung văn bản");
			}
			return new OfficialDocument(parentAuthority, issuer, number, place, date, kind, subject, addressees, body,
					signature, recipients, appendices);
		}
	}
}
