package vn.nq57.agency;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.agency.AgencyDirectory.AgencyForm;
import vn.nq57.system.DomainException;
import vn.nq57.system.TextRules;

/**
 * The registry as a CSV file an administrator can edit in Excel and load back: one row per agency,
 * aliases and member kinds separated by "|". Loading is all or nothing, matched on the code.
 */
@Service
public class AgencyCsv {

	static final String[] HEADER = { "code", "name", "short_name", "kind", "member_kinds", "aliases", "email",
			"active" };

	private final AgencyDirectory directory;
	private final AgencyRepository agencies;

	AgencyCsv(AgencyDirectory directory, AgencyRepository agencies) {
		this.directory = directory;
		this.agencies = agencies;
	}

	public String export() {
		StringWriter out = new StringWriter();
		out.write('\uFEFF'); // so that Excel opens the file as UTF-8
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
			for (Agency a : agencies.findAll(org.springframework.data.domain.Sort.by("kind", "name"))) {
				csv.printRecord(java.util.stream.Stream.of(a.getCode(), a.getName(), a.getShortName(), a.getKind().name(),
						String.join("|", a.getMemberKinds().stream().map(Enum::name).toList()),
						String.join("|", a.getAliases().stream().map(AgencyAlias::getAlias)
							.filter(al -> !al.equals(a.getName()) && !al.equals(a.getShortName())).toList()),
						a.getEmail(), a.isActive()).map(vn.nq57.kernel.Exports::csv));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/** Parsed rows, or every problem found; nothing is written while a single row is wrong. */
	public record Parsed(List<AgencyForm> rows, List<String> errors) {
	}

	public Parsed parse(Reader input) {
		List<AgencyForm> rows = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		try {
			Reader reader = skipByteOrderMark(input);
			Iterable<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
				.setIgnoreEmptyLines(true).setTrim(true).get().parse(reader);
			Set<String> codes = new java.util.HashSet<>();
			for (CSVRecord r : records) {
				long line = r.getRecordNumber() + 1;
				if (!r.isConsistent() || !r.isMapped("code") || !r.isMapped("name") || !r.isMapped("kind")) {
					errors.add("Dòng " + line + ": thiếu cột (cần các cột " + String.join(", ", HEADER) + ")");
					continue;
				}
				String code = strip(r.get("code"));
				String name = strip(r.get("name"));
				if (code.isEmpty() || name.isEmpty()) {
					errors.add("Dòng " + line + ": thiếu mã hoặc tên cơ quan");
					continue;
				}
				if (!codes.add(code)) {
					errors.add("Dòng " + line + ": mã “" + code + "” lặp lại trong tệp");
				}
				String unsafe = TextRules.firstUnsafe(name, get(r, "short_name"), get(r, "aliases"), get(r, "email"));
				if (unsafe != null) {
					errors.add("Dòng " + line + ": " + unsafe);
					continue;
				}
				AgencyKind kind;
				Set<AgencyKind> memberKinds = EnumSet.noneOf(AgencyKind.class);
				try {
					kind = AgencyKind.valueOf(strip(r.get("kind")));
					for (String k : split(get(r, "member_kinds"))) {
						memberKinds.add(AgencyKind.valueOf(k));
					}
				}
				catch (IllegalArgumentException e) {
					errors.add("Dòng " + line + ": loại cơ quan không hợp lệ (dùng một trong "
							+ Arrays.toString(AgencyKind.values()) + ")");
					continue;
				}
				String active = get(r, "active");
				rows.add(new AgencyForm(code, name, emptyToNull(get(r, "short_name")), kind, memberKinds,
						split(get(r, "aliases")), emptyToNull(get(r, "email")),
						active.isEmpty() || Boolean.parseBoolean(active) || "1".equals(active)));
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
			errors.add("Không đọc được tệp CSV: " + e.getMessage());
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			errors.add("Tệp không có dòng dữ liệu nào");
		}
		return new Parsed(rows, errors);
	}

	/** Creates or updates every row in one transaction; the first refusal undoes them all. */
	@Transactional
	public int load(Parsed parsed) {
		if (!parsed.errors().isEmpty()) {
			throw new DomainException("Tệp có lỗi, chưa nạp dòng nào: " + String.join("; ", parsed.errors()));
		}
		int line = 1;
		for (AgencyForm row : parsed.rows()) {
			line++;
			try {
				Long id = agencies.findByCode(row.code()).map(Agency::getId).orElse(null);
				directory.save(id, row, null);
			}
			catch (DomainException e) {
				throw new DomainException("Dòng " + line + ": " + e.getMessage() + ". Chưa nạp dòng nào.");
			}
		}
		return parsed.rows().size();
	}

	/** Excel writes a byte-order mark before the header; it is not part of the first column's name. */
	private static Reader skipByteOrderMark(Reader input) throws IOException {
		java.io.PushbackReader reader = new java.io.PushbackReader(input, 1);
		int first = reader.read();
		if (first != -1 && first != '\uFEFF') {
			reader.unread(first);
		}
		return reader;
	}

	private static String get(CSVRecord r, String column) {
		return r.isMapped(column) && r.isSet(column) ? strip(r.get(column)) : "";
	}

	private static List<String> split(String s) {
		return s.isEmpty() ? List.of() : Arrays.stream(s.split("\\|")).map(String::strip).filter(x -> !x.isEmpty()).toList();
	}

	private static String strip(String s) {
		return s == null ? "" : s.strip();
	}

	private static String emptyToNull(String s) {
		return s.isEmpty() ? null : s;
	}
}
