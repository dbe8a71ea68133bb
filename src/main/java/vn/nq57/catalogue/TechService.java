package vn.nq57.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.kernel.Page;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.NotFoundException;

/**
 * Technology needs (from agencies and firms) and solution offers (institutes, universities, firms), matched by
 * field and by text (trigram similarity of the accent-folded texts), and the "connected" record DoST keeps when it
 * puts a need and an offer in touch. Everyone logged in reads both catalogues (they are published to firms);
 * agency staff enter their own agency's needs; DoST enters firms' needs, the offers, and connects.
 */
@Service
public class TechService {

	public record NeedInput(String sourceKind, Long agencyId, String organisation, String field, String title,
			String description, String expectedSolution, String budgetMin, String budgetMax, String contact) {
	}

	public record OfferInput(String providerKind, String provider, String field, String title, String description,
			String contact) {
	}

	public record Need(long id, String sourceKind, Long agencyId, String organisation, String field, String title,
			String description, String expectedSolution, Long budgetMin, Long budgetMax, String contact, String state,
			long version) {

		public String budget() {
			if (budgetMin == null && budgetMax == null) {
				return "";
			}
			if (budgetMax == null) {
				return "từ " + Amounts.format(budgetMin);
			}
			if (budgetMin == null) {
				return "đến " + Amounts.format(budgetMax);
			}
			return Amounts.format(budgetMin) + " – " + Amounts.format(budgetMax);
		}
	}

	public record Offer(long id, String providerKind, String provider, String field, String title, String description,
			String contact, long version) {
	}

	/** An offer for a need (or the reverse) with its score: same field counts, then text similarity. */
	public record Match(long id, String title, String who, String field, boolean sameField, double similarity,
			boolean connected) {

		public int percent() {
			return (int) Math.round(similarity * 100);
		}
	}

	public record Connection(long needId, String need, long offerId, String offer, String note, String by,
			java.time.Instant at) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final BigProblemService problems;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;

	TechService(NamedParameterJdbcTemplate jdbc, BigProblemService problems, AccessPolicy access, AuditLog audit,
			AppClock clock) {
		this.jdbc = jdbc;
		this.problems = problems;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	public Page<Need> needs(String q, String field, int page, int size) {
		AccessPolicy.current();
		return page("tech_need", q, field, page, size, TechService::need);
	}

	public Page<Offer> offers(String q, String field, int page, int size) {
		AccessPolicy.current();
		return page("tech_offer", q, field, page, size, TechService::offer);
	}

	private <T> Page<T> page(String table, String q, String field, int page, int size,
			org.springframework.jdbc.core.RowMapper<T> mapper) {
		List<String> where = new ArrayList<>();
		MapSqlParameterSource p = new MapSqlParameterSource();
		if (q != null && !q.isBlank()) {
			where.add("search LIKE '%' || search_key(:q) || '%'");
			p.addValue("q", q.strip());
		}
		if (field != null && !field.isBlank()) {
			where.add("field = :field");
			p.addValue("field", field.strip());
		}
		String w = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		Long total = jdbc.queryForObject("SELECT count(*) FROM " + table + w, p, Long.class);
		p.addValue("limit", size).addValue("offset", Page.offset(page, size));
		return new Page<>(jdbc.query("SELECT * FROM " + table + w + " ORDER BY id DESC LIMIT :limit OFFSET :offset", p, mapper),
				page, size, total == null ? 0 : total);
	}

	public Need need(long id) {
		AccessPolicy.current();
		List<Need> l = jdbc.query("SELECT * FROM tech_need WHERE id = :id", new MapSqlParameterSource("id", id), TechService::need);
		if (l.isEmpty()) {
			throw new NotFoundException("Không tìm thấy nhu cầu công nghệ #" + id);
		}
		return l.get(0);
	}

	public Offer offer(long id) {
		AccessPolicy.current();
		List<Offer> l = jdbc.query("SELECT * FROM tech_offer WHERE id = :id", new MapSqlParameterSource("id", id), TechService::offer);
		if (l.isEmpty()) {
			throw new NotFoundException("Không tìm thấy giải pháp công nghệ #" + id);
		}
		return l.get(0);
	}

	public List<String> fields() {
		return jdbc.queryForList("SELECT field FROM tech_need UNION SELECT field FROM tech_offer ORDER BY 1",
				new MapSqlParameterSource(), String.class);
	}

	@Transactional
	public long createNeed(NeedInput in) {
		CurrentUser user = AccessPolicy.current();
		// every field checked at once, each problem beside its field
		FieldErrors f = new FieldErrors();
		String kind = f.check("sourceKind", () -> {
			String k = Inputs.required(in.sourceKind(), "nguồn nhu cầu", 20).toUpperCase(java.util.Locale.ROOT);
			if (!k.equals("AGENCY") && !k.equals("FIRM")) {
				throw new DomainException("Nguồn nhu cầu phải là cơ quan (AGENCY) hoặc doanh nghiệp (FIRM)");
			}
			return k;
		});
		Long agency = in.agencyId() == null ? null
				: f.check("agencyId", () -> problems.requireAgency(in.agencyId(), "Cơ quan có nhu cầu"));
		if ("AGENCY".equals(kind) && agency == null && !f.has("agencyId")) {
			f.reject("agencyId", "Chưa chọn cơ quan có nhu cầu");
		}
		if (!f.has("agencyId")) {
			access.require(user.is(Role.SECRETARIAT) || (agency != null && access.canReport(user, agency)), "TECH_NEED", null,
					"đăng nhu cầu công nghệ cho cơ quan khác");
		}
		Long min = f.check("budgetMin", () -> Inputs.money(in.budgetMin(), "kinh phí dự kiến từ"));
		Long max = f.check("budgetMax", () -> Inputs.money(in.budgetMax(), "kinh phí dự kiến đến"));
		if (min != null && max != null && min > max) {
			f.reject("budgetMax", "Khoảng kinh phí không hợp lệ: mức “từ” lớn hơn mức “đến”");
		}
		String organisation = f.check("organisation", () -> Inputs.optional(in.organisation(), "tên tổ chức, doanh nghiệp", 300));
		if ("FIRM".equals(kind) && organisation == null && !f.has("organisation")) {
			f.reject("organisation", "Chưa nhập tên doanh nghiệp có nhu cầu");
		}
		String field = f.check("field", () -> Inputs.required(in.field(), "lĩnh vực", 100));
		String title = f.check("title", () -> Inputs.required(in.title(), "tên nhu cầu", 500));
		String description = f.check("description", () -> Inputs.required(in.description(), "mô tả nhu cầu", 20000));
		String solution = f.check("expectedSolution", () -> Inputs.optional(in.expectedSolution(), "giải pháp mong muốn", 2000));
		String contact = f.check("contact", () -> Inputs.optional(in.contact(), "đầu mối liên hệ", 300));
		f.refuseIfAny();
		Long id = jdbc.queryForObject("""
				INSERT INTO tech_need(source_kind, agency_id, organisation, field, title, description, expected_solution,
				  budget_min, budget_max, contact, created_by, created_at)
				VALUES (:kind, :agency, :org, :field, :title, :desc, :sol, :min, :max, :contact, :user, :now) RETURNING id""",
				new MapSqlParameterSource("kind", kind).addValue("agency", agency).addValue("org", organisation)
					.addValue("field", field).addValue("title", title).addValue("desc", description).addValue("sol", solution)
					.addValue("min", min).addValue("max", max).addValue("contact", contact)
					.addValue("user", user.id()).addValue("now", Timestamp.from(clock.now())), Long.class);
		audit.change("TECH_NEED_CREATED", "TECH_NEED", id, null, "Nhu cầu công nghệ: " + in.title(), null,
				Map.of("title", in.title().strip(), "field", in.field().strip()));
		return id;
	}

	/** The need's keepers: DoST, and the staff of the need's agency (a firm's need: DoST only). */
	private void requireNeedKeeper(Need n, String what) {
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.SECRETARIAT) || (n.agencyId() != null && access.canReport(user, n.agencyId())),
				"TECH_NEED", n.id(), what);
	}

	private static Map<String, Object> snapshot(Need n) {
		Map<String, Object> m = new java.util.LinkedHashMap<>();
		m.put("title", n.title());
		m.put("field", n.field());
		m.put("organisation", n.organisation());
		m.put("description", n.description());
		m.put("expectedSolution", n.expectedSolution());
		m.put("budgetMin", n.budgetMin());
		m.put("budgetMax", n.budgetMax());
		m.put("contact", n.contact());
		m.put("state", n.state());
		return m;
	}

	/**
	 * Edits a need (its agency's staff or DoST) on the version the editor opened: a stale version is refused (409);
	 * a closed need is reopened first. The source kind and agency stay.
	 */
	@Transactional
	public void updateNeed(long id, NeedInput in, long version) {
		Need before = need(id);
		requireNeedKeeper(before, "sửa nhu cầu công nghệ của cơ quan khác");
		if (before.version() != version) {
			throw new ConcurrentEditException("nhu cầu công nghệ");
		}
		if ("CLOSED".equals(before.state())) {
			throw new DomainException("Nhu cầu đã đóng; mở lại trước khi sửa");
		}
		Long min = Inputs.money(in.budgetMin(), "kinh phí dự kiến từ");
		Long max = Inputs.money(in.budgetMax(), "kinh phí dự kiến đến");
		if (min != null && max != null && min > max) {
			throw new DomainException("Khoảng kinh phí không hợp lệ: mức “từ” lớn hơn mức “đến”");
		}
		String organisation = Inputs.optional(in.organisation(), "tên tổ chức, doanh nghiệp", 300);
		if ("FIRM".equals(before.sourceKind()) && organisation == null) {
			throw new DomainException("Chưa nhập tên doanh nghiệp có nhu cầu");
		}
		int n = jdbc.update("""
				UPDATE tech_need SET organisation = :org, field = :field, title = :title, description = :desc,
				  expected_solution = :sol, budget_min = :min, budget_max = :max, contact = :contact, updated_at = :now,
				  version = version + 1
				WHERE id = :id AND version = :version""",
				new MapSqlParameterSource("org", organisation)
					.addValue("field", Inputs.required(in.field(), "lĩnh vực", 100))
					.addValue("title", Inputs.required(in.title(), "tên nhu cầu", 500))
					.addValue("desc", Inputs.required(in.description(), "mô tả nhu cầu", 20000))
					.addValue("sol", Inputs.optional(in.expectedSolution(), "giải pháp mong muốn", 2000))
					.addValue("min", min).addValue("max", max)
					.addValue("contact", Inputs.optional(in.contact(), "đầu mối liên hệ", 300))
					.addValue("now", Timestamp.from(clock.now())).addValue("id", id).addValue("version", version));
		if (n == 0) {
			throw new ConcurrentEditException("nhu cầu công nghệ");
		}
		Need after = need(id);
		audit.change("TECH_NEED_EDITED", "TECH_NEED", id, null, "Sửa nhu cầu công nghệ: " + after.title(), snapshot(before),
				snapshot(after));
	}

	/**
	 * Closes a need (met, withdrawn …) with a reason, or reopens it; each change of state audited with before and
	 * after. A stale version is refused (409).
	 */
	@Transactional
	public void setNeedOpen(long id, long version, boolean open, String reason) {
		Need before = need(id);
		requireNeedKeeper(before, (open ? "mở lại" : "đóng") + " nhu cầu công nghệ của cơ quan khác");
		if (before.version() != version) {
			throw new ConcurrentEditException("nhu cầu công nghệ");
		}
		String why = Inputs.optional(reason, "lý do", 2000);
		String to;
		if (open) {
			if (!"CLOSED".equals(before.state())) {
				throw new DomainException("Nhu cầu đang mở, không cần mở lại");
			}
			Integer links = jdbc.queryForObject("SELECT count(*) FROM tech_connection WHERE need_id = :id",
					new MapSqlParameterSource("id", id), Integer.class);
			to = links != null && links > 0 ? "CONNECTED" : "OPEN";
		}
		else {
			if ("CLOSED".equals(before.state())) {
				throw new DomainException("Nhu cầu đã đóng trước đây");
			}
			if (why == null) {
				throw new DomainException("Chưa nhập lý do đóng nhu cầu (đã đáp ứng, rút lại …)");
			}
			to = "CLOSED";
		}
		int n = jdbc.update("UPDATE tech_need SET state = :to, updated_at = :now, version = version + 1 WHERE id = :id AND version = :v",
				new MapSqlParameterSource("to", to).addValue("now", Timestamp.from(clock.now())).addValue("id", id)
					.addValue("v", version));
		if (n == 0) {
			throw new ConcurrentEditException("nhu cầu công nghệ");
		}
		Map<String, Object> after = new java.util.LinkedHashMap<>();
		after.put("state", to);
		if (why != null) {
			after.put("reason", why);
		}
		audit.change(open ? "TECH_NEED_REOPENED" : "TECH_NEED_CLOSED", "TECH_NEED", id, null,
				(open ? "Mở lại" : "Đóng") + " nhu cầu công nghệ: " + before.title() + (why == null ? "" : " — " + why),
				Map.of("state", before.state()), after);
	}

	@Transactional
	public long createOffer(OfferInput in) {
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.SECRETARIAT), "TECH_OFFER", null, "đăng giải pháp công nghệ (chỉ Sở KH&CN)");
		// every field checked at once, each problem beside its field
		FieldErrors f = new FieldErrors();
		String kind = f.check("providerKind", () -> {
			String k = Inputs.required(in.providerKind(), "loại đơn vị cung cấp", 20).toUpperCase(java.util.Locale.ROOT);
			if (!List.of("INSTITUTE", "UNIVERSITY", "FIRM").contains(k)) {
				throw new DomainException("Loại đơn vị cung cấp phải là viện (INSTITUTE), trường (UNIVERSITY) hoặc doanh nghiệp (FIRM)");
			}
			return k;
		});
		String provider = f.check("provider", () -> Inputs.required(in.provider(), "đơn vị cung cấp", 300));
		String field = f.check("field", () -> Inputs.required(in.field(), "lĩnh vực", 100));
		String title = f.check("title", () -> Inputs.required(in.title(), "tên giải pháp", 500));
		String description = f.check("description", () -> Inputs.required(in.description(), "mô tả giải pháp", 20000));
		String contact = f.check("contact", () -> Inputs.optional(in.contact(), "đầu mối liên hệ", 300));
		f.refuseIfAny();
		Long id = jdbc.queryForObject("""
				INSERT INTO tech_offer(provider_kind, provider, field, title, description, contact, created_by, created_at)
				VALUES (:kind, :provider, :field, :title, :desc, :contact, :user, :now) RETURNING id""",
				new MapSqlParameterSource("kind", kind).addValue("provider", provider).addValue("field", field)
					.addValue("title", title).addValue("desc", description).addValue("contact", contact)
					.addValue("user", user.id()).addValue("now", Timestamp.from(clock.now())), Long.class);
		audit.change("TECH_OFFER_CREATED", "TECH_OFFER", id, null, "Giải pháp công nghệ: " + title, null,
				Map.of("title", title, "provider", provider));
		return id;
	}

	/** The offers that best fit a need: the same field first, then by text similarity (at most 10). */
	@Transactional(readOnly = true)
	public List<Match> offersFor(long needId) {
		Need n = need(needId);
		return jdbc.query("""
				SELECT o.id, o.title, o.provider, o.field, o.field = :field AS same,
				       similarity(o.search, search_key(:text)) AS sim,
				       EXISTS (SELECT 1 FROM tech_connection c WHERE c.need_id = :need AND c.offer_id = o.id) AS connected
				FROM tech_offer o WHERE o.id IN (
				  (SELECT c.id FROM tech_offer c WHERE c.field = :field ORDER BY c.search <-> search_key(:text) LIMIT 10)
				  UNION (SELECT c.id FROM tech_offer c ORDER BY c.search <-> search_key(:text) LIMIT 10))
				ORDER BY same DESC, sim DESC, o.id LIMIT 10""",
				new MapSqlParameterSource("field", n.field()).addValue("text", n.title() + " " + n.description())
					.addValue("need", needId),
				(rs, i) -> new Match(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
						rs.getDouble(6), rs.getBoolean(7)));
	}

	/** The needs an offer may serve, in the same order. */
	@Transactional(readOnly = true)
	public List<Match> needsFor(long offerId) {
		Offer o = offer(offerId);
		return jdbc.query("""
				SELECT n.id, n.title, coalesce(n.organisation, a.name), n.field, n.field = :field AS same,
				       similarity(n.search, search_key(:text)) AS sim,
				       EXISTS (SELECT 1 FROM tech_connection c WHERE c.offer_id = :offer AND c.need_id = n.id) AS connected
				FROM tech_need n LEFT JOIN agency_view a ON a.id = n.agency_id WHERE n.id IN (
				  (SELECT c.id FROM tech_need c WHERE c.field = :field ORDER BY c.search <-> search_key(:text) LIMIT 10)
				  UNION (SELECT c.id FROM tech_need c ORDER BY c.search <-> search_key(:text) LIMIT 10))
				ORDER BY same DESC, sim DESC, n.id LIMIT 10""",
				new MapSqlParameterSource("field", o.field()).addValue("text", o.title() + " " + o.description())
					.addValue("offer", offerId),
				(rs, i) -> new Match(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
						rs.getDouble(6), rs.getBoolean(7)));
	}

	/** DoST puts a need and an offer in touch; the need becomes "connected". */
	@Transactional
	public void connect(long needId, long offerId, String note, Long needVersion) {
		CurrentUser user = AccessPolicy.current();
		access.require(user.is(Role.SECRETARIAT), "TECH_NEED", needId, "kết nối cung – cầu công nghệ (chỉ Sở KH&CN)");
		Need n = need(needId);
		offer(offerId);
		if (needVersion != null && needVersion != n.version()) {
			throw new ConcurrentEditException("nhu cầu công nghệ");
		}
		if ("CLOSED".equals(n.state())) {
			throw new DomainException("Nhu cầu đã đóng, không kết nối thêm");
		}
		int added = jdbc.update("""
				INSERT INTO tech_connection(need_id, offer_id, note, connected_by, connected_at)
				VALUES (:need, :offer, :note, :user, :now) ON CONFLICT (need_id, offer_id) DO NOTHING""",
				new MapSqlParameterSource("need", needId).addValue("offer", offerId)
					.addValue("note", Inputs.optional(note, "ghi chú kết nối", 2000)).addValue("user", user.id())
					.addValue("now", Timestamp.from(clock.now())));
		if (added == 0) {
			throw new DomainException("Nhu cầu và giải pháp này đã được kết nối trước đây");
		}
		jdbc.update("UPDATE tech_need SET state = 'CONNECTED', version = version + 1, updated_at = :now WHERE id = :id",
				new MapSqlParameterSource("id", needId).addValue("now", Timestamp.from(clock.now())));
		audit.change("TECH_CONNECTED", "TECH_NEED", needId, null, "Kết nối nhu cầu #" + needId + " với giải pháp #" + offerId,
				Map.of("state", n.state()), Map.of("state", "CONNECTED", "offerId", offerId));
	}

	public List<Connection> connections(Long needId, Long offerId) {
		AccessPolicy.current();
		return jdbc.query("""
				SELECT c.need_id, n.title, c.offer_id, o.title, c.note, u.full_name, c.connected_at
				FROM tech_connection c JOIN tech_need n ON n.id = c.need_id JOIN tech_offer o ON o.id = c.offer_id
				LEFT JOIN app_user_view u ON u.id = c.connected_by
				WHERE (CAST(:need AS bigint) IS NULL OR c.need_id = :need) AND (CAST(:offer AS bigint) IS NULL OR c.offer_id = :offer)
				ORDER BY c.id DESC LIMIT 200""", new MapSqlParameterSource("need", needId).addValue("offer", offerId),
				(rs, i) -> new Connection(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getTimestamp(7).toInstant()));
	}

	@Transactional
	public void markDemo() {
		jdbc.update("UPDATE tech_need SET demo = true", new MapSqlParameterSource());
		jdbc.update("UPDATE tech_offer SET demo = true", new MapSqlParameterSource());
	}

	static Need need(ResultSet rs, int i) throws SQLException {
		return new Need(rs.getLong("id"), rs.getString("source_kind"), (Long) rs.getObject("agency_id"),
				rs.getString("organisation"), rs.getString("field"), rs.getString("title"), rs.getString("description"),
				rs.getString("expected_solution"), (Long) rs.getObject("budget_min"), (Long) rs.getObject("budget_max"),
				rs.getString("contact"), rs.getString("state"), rs.getLong("version"));
	}

	static Offer offer(ResultSet rs, int i) throws SQLException {
		return new Offer(rs.getLong("id"), rs.getString("provider_kind"), rs.getString("provider"), rs.getString("field"),
				rs.getString("title"), rs.getString("description"), rs.getString("contact"), rs.getLong("version"));
	}
}
