package vn.nq57.steering;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nq57.account.AccessPolicy;
import vn.nq57.account.CurrentUser;
import vn.nq57.account.Role;
import vn.nq57.agency.AgencyKind;
import vn.nq57.system.AppClock;
import vn.nq57.system.AuditLog;
import vn.nq57.system.ConcurrentEditException;
import vn.nq57.system.DomainException;
import vn.nq57.system.NotFoundException;
import vn.nq57.system.TextRules;

/**
 * The leaders' boards: a leader or DoST composes a board from the {@link BoardWidget}s, with filters and the period
 * compared with; boards are saved per user and may be shared with a role. A viewer other than the owner sees the
 * board read-only, with each widget's figures as they may see them: an agency's staff only their agency's, and a
 * widget their role may not see is named but not shown.
 */
@Service
public class BoardService {

	public enum PeriodKind {
		MONTH("Tháng"), QUARTER("Quý"), HALF("6 tháng"), YEAR("Năm");

		private final String label;

		PeriodKind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Board(long id, long ownerId, String ownerName, String name, List<String> widgets, String groupCode,
			String agencyKind, Long communeId, PeriodKind period, Role sharedRole, long version) {

		public Filter filter() {
			return new Filter(groupCode, agencyKind, communeId, null);
		}
	}

	public record BoardInput(String name, List<String> widgets, String groupCode, String agencyKind, Long communeId,
			PeriodKind period, Role sharedRole) {
	}

	/** A widget as a viewer sees it: its panel, or (not allowed) only its title. */
	public record Shown(String code, String title, Panel panel, boolean hidden) {
	}

	public record View(Board board, boolean mine, LocalDate day, LocalDate before, String periodLabel,
			String beforeLabel, Filter filter, List<Shown> widgets, java.time.Instant counted) {
	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BoardService.class);

	private static final int MAX_WIDGETS = 12;

	private final JdbcTemplate jdbc;
	private final List<BoardWidget> widgets;
	private final StatusFigures figures;
	private final AccessPolicy access;
	private final AuditLog audit;
	private final AppClock clock;

	private final SteeringExecutor parallel;

	BoardService(JdbcTemplate jdbc, List<BoardWidget> widgets, StatusFigures figures, AccessPolicy access,
			AuditLog audit, AppClock clock, SteeringExecutor parallel) {
		this.parallel = parallel;
		this.jdbc = jdbc;
		this.widgets = widgets.stream().sorted(Comparator.comparingInt(BoardWidget::order)).toList();
		this.figures = figures;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	public List<BoardWidget> available() {
		return widgets;
	}

	private Optional<BoardWidget> widget(String code) {
		return widgets.stream().filter(w -> w.code().equals(code)).findFirst();
	}

	public static boolean mayCompose(CurrentUser u) {
		return u.is(Role.LEADER) || u.is(Role.SECRETARIAT);
	}

	private static final String COLUMNS = """
			b.id, b.owner_id, u.full_name, b.name, b.widgets, b.group_code, b.agency_kind, b.commune_id, b.period,
			b.shared_role, b.version FROM steering_board b LEFT JOIN app_user_view u ON u.id = b.owner_id""";

	private static Board board(ResultSet rs, int i) throws SQLException {
		Array a = rs.getArray(5);
		List<String> w = a == null ? List.of() : Arrays.asList((String[]) a.getArray());
		String role = rs.getString(10);
		return new Board(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), w, rs.getString(6),
				rs.getString(7), rs.getObject(8, Long.class), PeriodKind.valueOf(rs.getString(9)),
				role == null ? null : Role.valueOf(role), rs.getLong(11));
	}

	/** The viewer's own boards, then the boards shared with their role. */
	public List<Board> boards() {
		CurrentUser u = AccessPolicy.current();
		return jdbc.query("SELECT " + COLUMNS + " WHERE b.owner_id = ? OR b.shared_role = ? "
				+ "ORDER BY (b.owner_id = ?) DESC, b.name, b.id", BoardService::board, u.id(), u.role().name(), u.id());
	}

	public Board get(long id) {
		List<Board> b = jdbc.query("SELECT " + COLUMNS + " WHERE b.id = ?", BoardService::board, id);
		if (b.isEmpty()) {
			throw new NotFoundException("Không tìm thấy bảng điều hành #" + id);
		}
		return b.get(0);
	}

	/** The board if the viewer may open it (its owner, or their role is the one it is shared with). */
	public Board open(long id) {
		CurrentUser u = AccessPolicy.current();
		Board b = get(id);
		access.require(b.ownerId() == u.id() || b.sharedRole() == u.role(), "STEERING_BOARD", id,
				"xem bảng điều hành “" + b.name() + "” (chưa được chia sẻ với vai trò của bạn)");
		return b;
	}

	@Transactional
	public long save(Long id, BoardInput in, Long expectedVersion) {
		CurrentUser u = AccessPolicy.current();
		access.require(mayCompose(u), "STEERING_BOARD", id, "tạo, sửa bảng điều hành (lãnh đạo tỉnh, Sở KH&CN)");
		String name = in.name() == null ? "" : in.name().strip();
		if (name.isEmpty()) {
			throw new DomainException("Cần đặt tên cho bảng điều hành");
		}
		TextRules.requireSafe(name, in.groupCode());
		List<String> codes = in.widgets() == null ? List.of() : in.widgets().stream().distinct().toList();
		if (codes.isEmpty()) {
			throw new DomainException("Bảng điều hành cần ít nhất một mục (widget)");
		}
		if (codes.size() > MAX_WIDGETS) {
			throw new DomainException("Bảng điều hành có tối đa " + MAX_WIDGETS + " mục");
		}
		for (String c : codes) {
			if (widget(c).isEmpty()) {
				throw new DomainException("Không có mục “" + c + "”");
			}
		}
		if (in.agencyKind() != null && !in.agencyKind().isBlank()) {
			try {
				AgencyKind.valueOf(in.agencyKind());
			}
			catch (IllegalArgumentException e) {
				throw new DomainException("Loại cơ quan không hợp lệ");
			}
		}
		if (in.communeId() != null) {
			Integer n = jdbc.queryForObject("SELECT count(*) FROM agency_view WHERE id = ? AND kind = 'COMMUNE'",
					Integer.class, in.communeId());
			if (n == null || n == 0) {
				throw new DomainException("Xã, phường, đặc khu đã chọn không có trong danh mục");
			}
		}
		if (in.sharedRole() == Role.ADMIN) {
			throw new DomainException("Không chia sẻ bảng điều hành với quản trị hệ thống");
		}
		PeriodKind period = in.period() == null ? PeriodKind.QUARTER : in.period();
		String[] w = codes.toArray(String[]::new);
		String kind = in.agencyKind() == null || in.agencyKind().isBlank() ? null : in.agencyKind();
		String group = in.groupCode() == null || in.groupCode().isBlank() ? null : in.groupCode().strip();
		String role = in.sharedRole() == null ? null : in.sharedRole().name();
		Map<String, Object> before = null;
		long bid;
		if (id == null) {
			bid = jdbc.queryForObject("""
					INSERT INTO steering_board(owner_id, name, widgets, group_code, agency_kind, commune_id, period, shared_role)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, u.id(), name, w, group, kind,
					in.communeId(), period.name(), role);
		}
		else {
			Board old = get(id);
			access.require(old.ownerId() == u.id(), "STEERING_BOARD", id, "sửa bảng điều hành của người khác");
			if (expectedVersion != null && old.version() != expectedVersion) {
				throw new ConcurrentEditException("bảng điều hành (phiên bản hiện tại: " + old.version() + ")");
			}
			before = snapshot(old);
			int n = jdbc.update("""
					UPDATE steering_board SET name = ?, widgets = ?, group_code = ?, agency_kind = ?, commune_id = ?, period = ?,
					       shared_role = ?, version = version + 1, updated_at = now() WHERE id = ? AND version = ?""", name, w,
					group, kind, in.communeId(), period.name(), role, id, old.version());
			if (n == 0) {
				throw new ConcurrentEditException("bảng điều hành");
			}
			bid = id;
		}
		audit.change(id == null ? "BOARD_CREATED" : "BOARD_UPDATED", "STEERING_BOARD", bid, null, name, before,
				snapshot(get(bid)));
		return bid;
	}

	@Transactional
	public void delete(long id, Long expectedVersion) {
		CurrentUser u = AccessPolicy.current();
		Board old = get(id);
		access.require(old.ownerId() == u.id(), "STEERING_BOARD", id, "xóa bảng điều hành của người khác");
		if (expectedVersion != null && old.version() != expectedVersion) {
			throw new ConcurrentEditException("bảng điều hành (phiên bản hiện tại: " + old.version() + ")");
		}
		jdbc.update("DELETE FROM steering_board WHERE id = ?", id);
		audit.change("BOARD_DELETED", "STEERING_BOARD", id, null, old.name(), snapshot(old), null);
	}

	/** The board as the current viewer sees it, with the filters given (or the board's own). */
	public View view(Board b, Filter override, PeriodKind periodOverride) {
		// one view: figures two widgets ask for (reports, indicators) are counted once
		return ViewMemo.within(() -> counted(b, override, periodOverride));
	}

	private View counted(Board b, Filter override, PeriodKind periodOverride) {
		CurrentUser u = AccessPolicy.current();
		Filter f = override == null ? b.filter() : override;
		if (!u.seesEveryAgency()) {
			f = f.scopedTo(u.agencyId());
		}
		PeriodKind period = periodOverride == null ? b.period() : periodOverride;
		LocalDate day = clock.today();
		LocalDate before = previousEnd(period, day);
		String periodLabel = label(period, day) + " (đến " + Fmt.date(day) + ")";
		String beforeLabel = "ngày " + Fmt.date(before);
		// the categories counted while the widgets start (those that need them wait for them)
		Filter counted = f;
		java.util.concurrent.CompletableFuture<StatusFigures.ByAgency> figuresF = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> {
				long t0 = System.nanoTime();
				StatusFigures.ByAgency r = figures.byAgency(counted, day, before);
				if (log.isDebugEnabled()) {
					log.debug("status figures counted in {} ms", (System.nanoTime() - t0) / 1_000_000);
				}
				return r;
			}, parallel);
		BoardWidget.Context ctx = new BoardWidget.Context(f, day, before, periodLabel, beforeLabel,
				() -> StatusFigures.join(figuresF), u);
		// the widgets side by side (each one or two aggregate queries), shown in the board's order
		List<java.util.concurrent.CompletableFuture<Shown>> pending = new ArrayList<>();
		for (String code : b.widgets()) {
			Optional<BoardWidget> w = widget(code);
			if (w.isEmpty()) {
				continue;
			}
			if (!w.get().visibleTo(u)) {
				pending.add(java.util.concurrent.CompletableFuture.completedFuture(new Shown(code, w.get().title(), null, true)));
			}
			else {
				pending.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
					long w0 = System.nanoTime();
					Panel panel = w.get().render(ctx);
					if (log.isDebugEnabled()) {
						log.debug("widget {} rendered in {} ms", code, (System.nanoTime() - w0) / 1_000_000);
					}
					return new Shown(code, w.get().title(), panel, false);
				}, parallel));
			}
		}
		List<Shown> shown = new ArrayList<>();
		for (java.util.concurrent.CompletableFuture<Shown> p : pending) {
			try {
				shown.add(p.join());
			}
			catch (java.util.concurrent.CompletionException e) {
				if (e.getCause() instanceof RuntimeException re) {
					throw re;
				}
				throw e;
			}
		}
		return new View(b, b.ownerId() == u.id(), day, before, periodLabel, beforeLabel, f, shown,
				StatusFigures.join(figuresF).counted());
	}

	/** The last day of the period before the one containing {@code day}. */
	static LocalDate previousEnd(PeriodKind p, LocalDate day) {
		return switch (p) {
			case MONTH -> day.withDayOfMonth(1).minusDays(1);
			case QUARTER -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1).minusDays(1);
			case HALF -> LocalDate.of(day.getYear(), day.getMonthValue() <= 6 ? 1 : 7, 1).minusDays(1);
			case YEAR -> LocalDate.of(day.getYear(), 1, 1).minusDays(1);
		};
	}

	static String label(PeriodKind p, LocalDate day) {
		return switch (p) {
			case MONTH -> "Tháng " + day.getMonthValue() + "/" + day.getYear();
			case QUARTER -> RankingService.periodLabel(day);
			case HALF -> (day.getMonthValue() <= 6 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + day.getYear();
			case YEAR -> "Năm " + day.getYear();
		};
	}

	public List<String[]> communes() {
		return jdbc.query("SELECT id, name FROM agency_view WHERE active AND kind = 'COMMUNE' ORDER BY name LIMIT 500",
				(rs, i) -> new String[] { rs.getString(1), rs.getString(2) });
	}

	public String agencyName(long id) {
		List<String> n = jdbc.queryForList("SELECT name FROM agency_view WHERE id = ?", String.class, id);
		return n.isEmpty() ? "#" + id : n.get(0);
	}

	public List<String> groupCodes() {
		return jdbc.queryForList("SELECT DISTINCT code FROM task_group_view ORDER BY code LIMIT 50", String.class);
	}

	private static Map<String, Object> snapshot(Board b) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", b.name());
		m.put("widgets", b.widgets());
		m.put("groupCode", b.groupCode());
		m.put("agencyKind", b.agencyKind());
		m.put("communeId", b.communeId());
		m.put("period", b.period().name());
		m.put("sharedRole", b.sharedRole() == null ? null : b.sharedRole().name());
		return m;
	}
}
