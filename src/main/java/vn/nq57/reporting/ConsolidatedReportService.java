package vn.nq57.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.kernel.VnText;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;
import vn.nq57.system.Settings;
import vn.nq57.system.TextRules;

/**
 * DoST's consolidated report (báo cáo tổng hợp) for a reporting period: generated in one step from the figures
 * and the agencies' submitted reports, edited by DoST section by section, released with its number and date.
 * The released Word and Excel files are kept as they were released; the report can no longer change (a database
 * trigger refuses it too). A draft's files are rendered on demand from the same frozen data.
 */
@Service
public class ConsolidatedReportService {

	private static final Pattern NUMBER = Pattern.compile("^\\d{1,6}/[\\p{L}\\d&.\\-]+(-[\\p{L}\\d&.\\-]+)*$");

	/** A section of the text: level 0 is a paragraph without heading (opening, closing), 1 a part, 2 a section. */
	public record DocSection(int level, String heading, String body) {
	}

	/** The letterhead and routing of the document. */
	public record Header(String number, LocalDate docDate, String issuerParent, String issuer, String place,
			String subject, List<String> recipients, String signerAuthority, String signerTitle, String signerName) {
	}

	public record Consolidated(long id, ReportingPeriod period, String state, Header header, List<DocSection> sections,
			ConsolidatedData data, Instant generatedAt, String generatedBy, Instant releasedAt, String releasedBy,
			long version) {

		public boolean released() {
			return "RELEASED".equals(state);
		}
	}

	public record Listed(long id, long periodId, String periodTitle, String state, String number, LocalDate docDate,
			Instant generatedAt, String generatedBy, Instant releasedAt) {

		public boolean released() {
			return "RELEASED".equals(state);
		}
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final JsonMapper json;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;
	private final Settings settings;
	private final RegimeService regimes;
	private final ConsolidatedCollector collector;

	ConsolidatedReportService(NamedParameterJdbcTemplate jdbc, JsonMapper json, AccessPolicy access, AuditLog audit,
			AppClock clock, Settings settings, RegimeService regimes, ConsolidatedCollector collector) {
		this.jdbc = jdbc;
		this.json = json;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
		this.regimes = regimes;
		this.collector = collector;
	}

	private CurrentUser requireDost(String what, Long id) {
		CurrentUser me = AccessPolicy.current();
		access.require(me.is(Role.SECRETARIAT), "CONSOLIDATED_REPORT", id, what + " (chỉ Sở KH&CN)");
		return me;
	}

	private void requireReader(Long id) {
		CurrentUser me = AccessPolicy.current();
		access.require(me.seesEveryAgency(), "CONSOLIDATED_REPORT", id, "xem báo cáo tổng hợp");
	}

	/**
	 * Reads the figures and the submitted reports of the period and writes the first draft; all in one
	 * repeatable-read transaction, so every table describes the same moment.
	 */
	@Transactional(isolation = Isolation.REPEATABLE_READ)
	public long generate(long periodId) {
		CurrentUser me = requireDost("lập báo cáo tổng hợp", null);
		ReportingPeriod period = regimes.period(periodId);
		RegimeService.Regime regime = regimes.regime(period.regimeId());
		LocalDate today = clock.today();
		ConsolidatedData data = collector.collect(period, regime.planId(), today);
		String issuerName = settings.get("reporting.issuer-name", "Sở Khoa học và Công nghệ");
		String addressee = settings.get("reporting.addressee", "Ủy ban nhân dân tỉnh");
		Header header = new Header("     /BC-" + settings.get("reporting.issuer-symbol", "SKHCN"), null,
				settings.get("reporting.issuer-parent", "UBND TỈNH QUẢNG NGÃI"),
				settings.get("reporting.issuer", "SỞ KHOA HỌC VÀ CÔNG NGHỆ"), settings.get("reporting.place", "Quảng Ngãi"),
				ConsolidatedText.subject(data),
				Arrays.stream(settings.get("reporting.recipients", "Lưu: VT.").split("\\|")).map(String::strip)
					.filter(s -> !s.isEmpty()).toList(),
				blankToNull(settings.get("reporting.signer-authority", "KT. GIÁM ĐỐC")),
				blankToNull(settings.get("reporting.signer-title", "PHÓ GIÁM ĐỐC")),
				blankToNull(settings.get("reporting.signer-name", "")));
		List<DocSection> sections = ConsolidatedText.draft(data, issuerName, addressee);
		// the agencies' words now live in the text DoST edits; the tables and figures stay with it
		ConsolidatedData kept = new ConsolidatedData(data.periodId(), data.regimeName(), data.periodLabel(),
				data.windowStart(), data.windowEnd(), data.dueDate(), data.asOf(), data.scope(), data.totals(), data.groups(),
				data.reporting(), data.returned(), data.reports(), List.of(), data.obstacles(), data.proposals(),
				data.lateWithTasks(), data.lateWithTasksTotal(), data.appendix(), data.appendixTotal(), data.indicators());
		Instant now = clock.now();
		Long id = jdbc.queryForObject("""
				INSERT INTO consolidated_report(period_id, state, number, header, sections, data, generated_at, generated_by)
				VALUES (:p, 'DRAFT', :number, CAST(:header AS jsonb), CAST(:sections AS jsonb), CAST(:data AS jsonb), :now, :user)
				RETURNING id""", new MapSqlParameterSource("p", periodId).addValue("number", header.number())
			.addValue("header", json.writeValueAsString(header)).addValue("sections", json.writeValueAsString(sections))
			.addValue("data", json.writeValueAsString(kept)).addValue("now", Timestamp.from(now)).addValue("user", me.id()),
				Long.class);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("period", period.title());
		after.put("tasks", data.statusCounts().total());
		after.put("reportsReceived", data.reporting().received());
		after.put("reportsExpected", data.reporting().expected());
		audit.change("CONSOLIDATED_GENERATED", "CONSOLIDATED_REPORT", id, null, "Lập báo cáo tổng hợp " + period.title(),
				null, after);
		return id;
	}

	public List<Listed> forPeriod(long periodId) {
		requireReader(null);
		return list(" WHERE c.period_id = :p", new MapSqlParameterSource("p", periodId));
	}

	public List<Listed> recent(int limit) {
		requireReader(null);
		return list(" ORDER BY c.id DESC LIMIT " + Math.max(1, Math.min(limit, 200)), new MapSqlParameterSource());
	}

	private List<Listed> list(String tail, MapSqlParameterSource p) {
		String sql = """
				SELECT c.id, c.period_id, rg.name || ' – ' || pe.label, c.state, c.number, c.doc_date, c.generated_at,
				       u.full_name, c.released_at
				FROM consolidated_report c JOIN reporting_period pe ON pe.id = c.period_id
				JOIN reporting_regime rg ON rg.id = pe.regime_id LEFT JOIN app_user_view u ON u.id = c.generated_by
				""" + (tail.startsWith(" WHERE") ? tail + " ORDER BY c.id DESC" : tail);
		return jdbc.query(sql, p, (rs, i) -> new Listed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getString(5), RegimeQueries.day(rs, "doc_date"), rs.getTimestamp(7).toInstant(), rs.getString(8),
				rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()));
	}

	public Consolidated get(long id) {
		requireReader(id);
		return load(id);
	}

	private Consolidated load(long id) {
		return jdbc.query("""
				SELECT c.id, c.period_id, c.state, c.header::text, c.sections::text, c.data::text, c.generated_at,
				       g.full_name, c.released_at, r.full_name, c.version
				FROM consolidated_report c LEFT JOIN app_user_view g ON g.id = c.generated_by
				LEFT JOIN app_user_view r ON r.id = c.released_by WHERE c.id = :id""", new MapSqlParameterSource("id", id),
				(rs, i) -> new Consolidated(rs.getLong(1), regimes.period(rs.getLong(2)), rs.getString(3),
						json.readValue(rs.getString(4), Header.class),
						json.readValue(rs.getString(5), new TypeReference<List<DocSection>>() {
						}), json.readValue(rs.getString(6), ConsolidatedData.class), rs.getTimestamp(7).toInstant(),
						rs.getString(8), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
						rs.getString(10), rs.getLong(11)))
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Không tìm thấy báo cáo tổng hợp #" + id));
	}

	/** DoST's edits to the text and the letterhead of a draft. */
	@Transactional
	public void edit(long id, Header header, List<DocSection> sections, Long expectedVersion) {
		requireDost("sửa báo cáo tổng hợp", id);
		Consolidated c = load(id);
		if (c.released()) {
			throw new DomainException("Báo cáo tổng hợp đã phát hành ngày " + PeriodicReportService.FMT.dateTime(c.releasedAt())
					+ "; không sửa được nữa. Nếu cần, hãy lập bản mới.");
		}
		if (expectedVersion != null && c.version() != expectedVersion) {
			throw new ConcurrentEditException("báo cáo tổng hợp");
		}
		Header h = clean(header, c.header());
		List<DocSection> s = clean(sections);
		jdbc.update("""
				UPDATE consolidated_report SET header = CAST(:h AS jsonb), sections = CAST(:s AS jsonb), number = :number,
				       doc_date = :date, updated_at = :now, updated_by = :user, version = version + 1 WHERE id = :id""",
				new MapSqlParameterSource("id", id).addValue("h", json.writeValueAsString(h))
					.addValue("s", json.writeValueAsString(s)).addValue("number", h.number())
					.addValue("date", h.docDate() == null ? null : Date.valueOf(h.docDate()))
					.addValue("now", Timestamp.from(clock.now())).addValue("user", AccessPolicy.current().id()));
		audit.change("CONSOLIDATED_EDITED", "CONSOLIDATED_REPORT", id, null, "Sửa báo cáo tổng hợp " + c.period().title(),
				textOf(c.header(), c.sections()), textOf(h, s));
	}

	/** Gives the draft its number and date, renders the Word and Excel files and keeps them as released. */
	@Transactional
	public void release(long id, Long expectedVersion) {
		CurrentUser me = requireDost("phát hành báo cáo tổng hợp", id);
		Consolidated c = load(id);
		if (c.released()) {
			throw new DomainException("Báo cáo tổng hợp đã được phát hành");
		}
		if (expectedVersion != null && c.version() != expectedVersion) {
			throw new ConcurrentEditException("báo cáo tổng hợp");
		}
		Header h = c.header();
		if (h.number() == null || !NUMBER.matcher(h.number().strip()).matches()) {
			throw new DomainException("Chưa có số, ký hiệu văn bản (ví dụ 125/BC-SKHCN); hãy nhập số trước khi phát hành");
		}
		if (h.signerName() == null || h.signerName().isBlank()) {
			throw new DomainException("Chưa nhập họ tên người ký");
		}
		if (h.recipients().isEmpty()) {
			throw new DomainException("Chưa có nơi nhận");
		}
		LocalDate date = h.docDate() == null ? clock.today() : h.docDate();
		Header released = new Header(h.number().strip(), date, h.issuerParent(), h.issuer(), h.place(), h.subject(),
				h.recipients(), h.signerAuthority(), h.signerTitle(), h.signerName());
		byte[] docx = ConsolidatedDocuments.docx(released, c.sections(), c.data(), issuerName());
		byte[] xlsx = ConsolidatedDocuments.xlsx(c.data(), title(released, c));
		Instant now = clock.now();
		jdbc.update("""
				UPDATE consolidated_report SET state = 'RELEASED', header = CAST(:h AS jsonb), number = :number,
				       doc_date = :date, docx = :docx, xlsx = :xlsx, released_at = :now, released_by = :user,
				       version = version + 1 WHERE id = :id""",
				new MapSqlParameterSource("id", id).addValue("h", json.writeValueAsString(released))
					.addValue("number", released.number()).addValue("date", Date.valueOf(date)).addValue("docx", docx)
					.addValue("xlsx", xlsx).addValue("now", Timestamp.from(now)).addValue("user", me.id()));
		audit.change("CONSOLIDATED_RELEASED", "CONSOLIDATED_REPORT", id, null, "Phát hành báo cáo số "
				+ released.number() + " – " + c.period().title(), Map.of("state", "DRAFT"),
				Map.of("state", "RELEASED", "number", released.number(), "date", date.toString(), "docxBytes", docx.length));
	}

	/** The Word file: as released, or the draft rendered now. */
	public byte[] docx(long id) {
		requireReader(id);
		Consolidated c = load(id);
		if (c.released()) {
			return stored(id, "docx");
		}
		// a draft is printed with the day it is printed; the released file has the day of release
		Header h = c.header();
		Header draft = h.docDate() != null ? h : new Header(h.number(), clock.today(), h.issuerParent(), h.issuer(),
				h.place(), h.subject(), h.recipients(), h.signerAuthority(), h.signerTitle(), h.signerName());
		return ConsolidatedDocuments.docx(draft, c.sections(), c.data(), issuerName());
	}

	public byte[] xlsx(long id) {
		requireReader(id);
		Consolidated c = load(id);
		if (c.released()) {
			return stored(id, "xlsx");
		}
		return ConsolidatedDocuments.xlsx(c.data(), title(c.header(), c));
	}

	public String fileName(long id, String ext) {
		Consolidated c = get(id);
		String n = c.released() ? c.header().number().replaceAll("[^\\p{L}\\d-]+", "-") : "du-thao-" + id;
		return "bao-cao-tong-hop-" + c.period().key() + "-" + n + "." + ext;
	}

	private byte[] stored(long id, String column) {
		return jdbc.queryForObject("SELECT " + column + " FROM consolidated_report WHERE id = :id",
				new MapSqlParameterSource("id", id), byte[].class);
	}

	private String issuerName() {
		return settings.get("reporting.issuer-name", "Sở Khoa học và Công nghệ");
	}

	private static String title(Header h, Consolidated c) {
		return "Báo cáo " + (h.number() == null ? "" : "số " + h.number().strip() + " ") + "– "
				+ h.subject().replace("\n", " ");
	}

	private static Header clean(Header in, Header old) {
		if (in == null) {
			return old;
		}
		LocalDate date = in.docDate();
		String number = norm(in.number());
		List<String> recipients = in.recipients() == null ? old.recipients()
				: in.recipients().stream().map(ConsolidatedReportService::norm).filter(r -> r != null && !r.isEmpty()).toList();
		Header h = new Header(number == null ? old.number() : number, date,
				or(norm(in.issuerParent()), old.issuerParent()), or(norm(in.issuer()), old.issuer()),
				or(norm(in.place()), old.place()), or(norm(in.subject()), old.subject()), recipients,
				norm(in.signerAuthority()), norm(in.signerTitle()), norm(in.signerName()));
		String unsafe = TextRules.firstUnsafe(h.number(), h.issuerParent(), h.issuer(), h.place(), h.subject(),
				h.signerAuthority(), h.signerTitle(), h.signerName(), String.join("\n", h.recipients()));
		if (unsafe != null) {
			throw new DomainException(unsafe);
		}
		return h;
	}

	private static List<DocSection> clean(List<DocSection> sections) {
		if (sections == null || sections.isEmpty()) {
			throw new DomainException("Báo cáo tổng hợp không có nội dung");
		}
		List<DocSection> out = new ArrayList<>();
		for (DocSection s : sections) {
			String heading = norm(s.heading());
			String body = norm(s.body());
			if ((heading == null || heading.isEmpty()) && (body == null || body.isEmpty())) {
				continue;
			}
			if (body != null && body.length() > 200_000) {
				throw new DomainException("Mục “" + heading + "” quá dài");
			}
			String unsafe = TextRules.firstUnsafe(heading, body);
			if (unsafe != null) {
				throw new DomainException(unsafe);
			}
			out.add(new DocSection(Math.max(0, Math.min(s.level(), 3)), heading, body == null ? "" : body));
		}
		return out;
	}

	private static Map<String, Object> textOf(Header h, List<DocSection> s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("number", h.number());
		m.put("docDate", h.docDate() == null ? null : h.docDate().toString());
		m.put("subject", h.subject());
		m.put("signer", h.signerName());
		m.put("sections", s.stream().map(x -> (x.heading() == null ? "" : x.heading() + ": ") + x.body()).toList());
		return m;
	}

	private static String norm(String s) {
		return s == null ? null : VnText.nfc(s.replace("\r\n", "\n"));
	}

	private static String or(String a, String b) {
		return a == null || a.isEmpty() ? b : a;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
