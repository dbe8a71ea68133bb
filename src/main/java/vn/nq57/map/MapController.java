package vn.nq57.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.nq57.kernel.Money;
import vn.nq57.kernel.VnFormat;
import vn.nq57.map.MapAccess.Audience;
import vn.nq57.system.AuditLog;
import vn.nq57.system.DomainException;
import vn.nq57.system.FieldErrors;
import vn.nq57.system.FieldsRefused;
import vn.nq57.system.Flash;
import vn.nq57.system.TypedNumbers;

/**
 * The map page of the Board's staff (edit) and of DoST and leaders (view), its layer and search API, exports, the
 * lot, enterprise and monitoring-point pages, and the import. Everyone else is sent to the public investor view.
 */
@Controller
class MapController {

	private final MapAccess access;

	private final MapLayers layers;

	private final MapQueries queries;

	private final MapData data;

	private final MapEnvironment environment;

	private final MapImport imports;

	private final MapSettings settings;

	private final Vn2000 vn;

	private final AuditLog audit;

	MapController(MapAccess access, MapLayers layers, MapQueries queries, MapData data, MapEnvironment environment,
			MapImport imports, MapSettings settings, Vn2000 vn, AuditLog audit) {
		this.access = access;
		this.layers = layers;
		this.queries = queries;
		this.data = data;
		this.environment = environment;
		this.imports = imports;
		this.settings = settings;
		this.vn = vn;
		this.audit = audit;
	}

	static final String JSON = "application/geo+json;charset=UTF-8";

	@GetMapping("/map")
	String page(@RequestParam(required = false) Long zone, Model model) {
		Audience audience = access.audience();
		if (audience == Audience.PUBLIC) {
			return "redirect:/public/map";
		}
		fill(model, audience, zone, "/map/api");
		return "map/map";
	}

	void fill(Model model, Audience audience, Long zone, String api) {
		model.addAttribute("audience", audience.name());
		model.addAttribute("canEdit", audience == Audience.STAFF);
		model.addAttribute("api", api);
		model.addAttribute("zones", queries.zones());
		model.addAttribute("landUses", queries.landUses());
		model.addAttribute("statuses", audience == Audience.PUBLIC ? List.of(LotStatus.AVAILABLE) : List.of(LotStatus.values()));
		model.addAttribute("fund", queries.landFund(zone));
		model.addAttribute("zone", zone);
		model.addAttribute("tileUrl", settings.tileUrl());
		model.addAttribute("tileAttribution", settings.tileAttribution());
		model.addAttribute("infraKinds", InfraKind.values());
	}

	@GetMapping(path = "/map/api/layers/{layer}", produces = JSON)
	@ResponseBody
	String layer(@PathVariable String layer, @RequestParam(required = false) String bbox,
			@RequestParam(required = false) Integer zoom, @RequestParam(required = false) String status,
			@RequestParam(required = false) String landUse, @RequestParam(required = false) Long zone,
			@RequestParam(required = false) String kind) {
		access.requireInternal("MAP_LAYER", null);
		return layers.layer(layerOf(layer), viewport(bbox, zoom), new MapLayers.Filter(status, landUse, zone, kind),
				access.audience());
	}

	static MapLayers.Layer layerOf(String layer) {
		try {
			return MapLayers.Layer.valueOf(layer);
		}
		catch (IllegalArgumentException e) {
			throw new DomainException("Không có lớp bản đồ “" + layer + "”");
		}
	}

	static MapLayers.Viewport viewport(String bbox, Integer zoom) {
		try {
			return MapLayers.Viewport.parse(bbox, zoom);
		}
		catch (IllegalArgumentException e) {
			throw new DomainException("Khung nhìn (bbox) “" + bbox + "” không hợp lệ: cần kinh độ, vĩ độ nhỏ nhất, lớn nhất");
		}
	}

	@GetMapping(path = "/map/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<MapQueries.Hit> search(@RequestParam(defaultValue = "") String q) {
		access.requireInternal("MAP_SEARCH", null);
		return queries.search(q, false);
	}

	@GetMapping("/map/export.geojson")
	ResponseEntity<byte[]> exportGeoJson(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) String status, @RequestParam(required = false) String landUse,
			@RequestParam(required = false) Long zone) {
		access.requireInternal("MAP_EXPORT", null);
		return geojsonExport(access.audience(), bbox, status, landUse, zone, layers);
	}

	static ResponseEntity<byte[]> geojsonExport(Audience audience, String bbox, String status, String landUse, Long zone,
			MapLayers layers) {
		String body = layers.lots(viewport(bbox, 18), new MapLayers.Filter(status, landUse, zone, null), audience, true);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lo-dat.geojson\"")
			.contentType(MediaType.parseMediaType(JSON))
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/map/export.xlsx")
	ResponseEntity<byte[]> exportExcel(@RequestParam(required = false) String bbox,
			@RequestParam(required = false) String status, @RequestParam(required = false) String landUse,
			@RequestParam(required = false) Long zone) throws IOException {
		access.requireInternal("MAP_EXPORT", null);
		return excelExport(access.audience(), bbox, status, landUse, zone, layers, vn);
	}

	/** The lots shown, one row each, with the centre in WGS84 and VN-2000. */
	static ResponseEntity<byte[]> excelExport(Audience audience, String bbox, String status, String landUse, Long zone,
			MapLayers layers, Vn2000 vn) throws IOException {
		String geojson = layers.lots(viewport(bbox, 18), new MapLayers.Filter(status, landUse, zone, null), audience, true);
		tools.jackson.databind.JsonNode fc = tools.jackson.databind.json.JsonMapper.builder().build().readTree(geojson);
		boolean internal = audience != Audience.PUBLIC;
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("Lô đất");
			List<String> heads = new java.util.ArrayList<>(List.of("Mã lô", "Khu", "Mục đích sử dụng", "Trạng thái",
					"Diện tích (m²)", "Kinh độ tâm", "Vĩ độ tâm", "X tâm (VN-2000)", "Y tâm (VN-2000)", "Kinh tuyến trục"));
			if (internal) {
				heads.addAll(List.of("Doanh nghiệp", "Dự án", "Số hợp đồng", "Thuê từ", "Thuê đến"));
			}
			Row h = sheet.createRow(0);
			for (int i = 0; i < heads.size(); i++) {
				h.createCell(i).setCellValue(heads.get(i));
			}
			int r = 1;
			for (tools.jackson.databind.JsonNode f : fc.get("features")) {
				tools.jackson.databind.JsonNode p = f.get("properties");
				org.locationtech.jts.geom.Point c = GeoJson.read(f.get("geometry"), GeoJson.CoordinateMapper.WGS84)
					.getInteriorPoint();
				double meridian = vn.meridianFor(c.getX());
				double[] xy = vn.fromWgs84(meridian, c.getX(), c.getY());
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(p.path("code").asString(""));
				row.createCell(1).setCellValue(p.path("zone").asString(""));
				row.createCell(2).setCellValue(p.path("landUse").asString(""));
				row.createCell(3).setCellValue(statusLabel(p.path("status").asString("")));
				row.createCell(4).setCellValue(p.path("areaM2").asDouble());
				row.createCell(5).setCellValue(Math.round(c.getX() * 1e7) / 1e7);
				row.createCell(6).setCellValue(Math.round(c.getY() * 1e7) / 1e7);
				row.createCell(7).setCellValue(Math.round(xy[0] * 1000) / 1000.0);
				row.createCell(8).setCellValue(Math.round(xy[1] * 1000) / 1000.0);
				row.createCell(9).setCellValue(Vn2000.label(meridian));
				if (internal) {
					row.createCell(10).setCellValue(p.path("enterprise").asString(""));
					row.createCell(11).setCellValue(p.path("project").asString(""));
					row.createCell(12).setCellValue(p.path("contractNo").asString(""));
					row.createCell(13).setCellValue(date(p.path("leaseFrom").asString("")));
					row.createCell(14).setCellValue(date(p.path("leaseTo").asString("")));
				}
			}
			Row note = sheet.createRow(r + 1);
			note.createCell(0).setCellValue("Xuất từ Bản đồ số KKT Dung Quất; dữ liệu có đánh dấu minh họa là Số liệu minh họa.");
			wb.write(out);
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"lo-dat.xlsx\"")
				.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(out.toByteArray());
		}
	}

	private static String date(String iso) {
		return iso.isEmpty() ? "" : VnFormat.DATE.format(LocalDate.parse(iso));
	}

	static String statusLabel(String status) {
		return switch (status) {
			case "LEASED" -> "Đã cho thuê";
			case "AVAILABLE" -> "Còn trống";
			case "RESERVED" -> "Đã đặt chỗ";
			case "CLEARANCE" -> "Đang giải phóng mặt bằng";
			default -> status;
		};
	}

	// ---------------------------------------------------------------- lot, enterprise, point pages

	@GetMapping("/map/lots/{id}")
	String lot(@PathVariable long id, Model model) {
		access.requireInternal("MAP_LOT", id);
		var lot = queries.lot(id);
		model.addAttribute("lot", lot);
		// the height as a person types it (12,5), read back by the form
		Object height = lot.get("height_m");
		model.addAttribute("heightTyped", height instanceof Number h ? VnFormat.compact(new BigDecimal(h.toString()), 2) : "");
		model.addAttribute("canEdit", access.audience() == Audience.STAFF);
		model.addAttribute("statuses", LotStatus.values());
		model.addAttribute("enterprises", queries.enterprises());
		model.addAttribute("history", audit.forEntity("MAP_LOT", id));
		return "map/lot";
	}

	@PostMapping("/map/lots/{id}")
	String editLot(@PathVariable long id, @RequestParam(required = false) String landUse,
			@RequestParam(required = false) String status, @RequestParam(required = false) String enterpriseId,
			@RequestParam(required = false) String contractNo, @RequestParam(required = false) String leaseFrom,
			@RequestParam(required = false) String leaseTo, @RequestParam(required = false) String floors,
			@RequestParam(required = false) String heightM, @RequestParam long version, RedirectAttributes flash) {
		// every field checked at once; the lot page shown again with each problem beside its field and what was typed
		FieldErrors f = new FieldErrors();
		String use = blank(landUse);
		if (use == null) {
			f.reject("landUse", Flash.text("map.error.landUse"));
		}
		else if (use.length() > 200) {
			f.reject("landUse", Flash.text("map.error.tooLong", 200));
		}
		LotStatus st = f.check("status", () -> {
			try {
				return LotStatus.valueOf(status == null ? "" : status.strip());
			}
			catch (IllegalArgumentException e) {
				throw new DomainException(Flash.text("map.error.status"));
			}
		});
		Long enterprise = f.check("enterpriseId", () -> {
			try {
				return blank(enterpriseId) == null ? null : Long.valueOf(enterpriseId.strip());
			}
			catch (NumberFormatException e) {
				throw new DomainException(Flash.text("map.error.enterprise"));
			}
		});
		LocalDate from = f.check("leaseFrom", () -> day(leaseFrom, Flash.text("map.leaseFrom")));
		LocalDate to = f.check("leaseTo", () -> day(leaseTo, Flash.text("map.leaseTo")));
		Integer fl = f.check("floors", () -> whole(floors, Flash.text("map.floors"), 200));
		Double height = f.check("heightM", () -> {
			BigDecimal h = TypedNumbers.parse(heightM, Flash.text("map.heightM"), 2);
			if (h != null && h.signum() < 0) {
				throw new DomainException(Flash.text("map.error.negative", Flash.text("map.heightM")));
			}
			return h == null ? null : h.doubleValue();
		});
		try {
			data.editLot(id, new MapData.LotEdit(use, st, enterprise, blank(contractNo), from, to, fl, height), version, f);
			flash.addFlashAttribute("flash", "Đã lưu lô đất");
		}
		catch (vn.nq57.system.ConcurrentEditException | vn.nq57.system.NotFoundException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(flash, e);
		}
		return "redirect:/map/lots/" + id;
	}

	/** A whole number from 0 to {@code max} typed in a field, or {@code null} when blank. */
	private static Integer whole(String s, String what, int max) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			int v = Integer.parseInt(s.strip());
			if (v >= 0 && v <= max) {
				return v;
			}
		}
		catch (NumberFormatException e) {
			// worded below
		}
		throw new DomainException(Flash.text("map.error.whole", what, s.strip(), max));
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** A date typed in a field ({@code what}), or {@code null} when blank; the message names the field. */
	private static LocalDate day(String s, String what) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(s.strip(), VnFormat.TYPED_DATE.withResolverStyle(java.time.format.ResolverStyle.STRICT));
		}
		catch (RuntimeException e) {
			throw new DomainException(Flash.text("map.error.date", what, s.strip()));
		}
	}

	@GetMapping("/map/enterprises/new")
	String newEnterprise(Model model) {
		access.requireEdit("MAP_ENTERPRISE", null);
		return "map/enterprise-form";
	}

	@PostMapping("/map/enterprises")
	String createEnterprise(@RequestParam(required = false) String name, @RequestParam(required = false) String taxCode,
			@RequestParam(required = false) String country, @RequestParam(required = false) String sector,
			@RequestParam(required = false) String wasteTonnesYear, @RequestParam(required = false) String wastewaterM3Day,
			Model model, RedirectAttributes flash) {
		access.requireEdit("MAP_ENTERPRISE", null);
		// every field checked at once; the form shown again with each problem beside its field and what was typed
		FieldErrors f = new FieldErrors();
		if (name == null || name.isBlank()) {
			f.reject("name", "Chưa nhập tên doanh nghiệp");
		}
		BigDecimal waste = f.check("wasteTonnesYear", () -> decimal(wasteTonnesYear, "Chất thải rắn"));
		BigDecimal water = f.check("wastewaterM3Day", () -> decimal(wastewaterM3Day, "Nước thải"));
		try {
			f.refuseIfAny();
			long id = data.saveEnterprise(new MapData.EnterpriseInput(name, blank(taxCode), blank(country), blank(sector),
					waste, water, false));
			flash.addFlashAttribute("flash", "Đã thêm doanh nghiệp");
			return "redirect:/map/enterprises/" + id;
		}
		catch (FieldsRefused e) {
			java.util.Map<String, String> typed = new java.util.LinkedHashMap<>();
			typed.put("name", name);
			typed.put("taxCode", taxCode);
			typed.put("country", country);
			typed.put("sector", sector);
			typed.put("wasteTonnesYear", wasteTonnesYear);
			typed.put("wastewaterM3Day", wastewaterM3Day);
			typed.forEach((k, v) -> e.fields().keep(k, v));
			model.addAttribute(FieldErrors.ATTRIBUTE, e.fields());
			model.addAttribute("error", Flash.text("form.notSaved"));
			return "map/enterprise-form";
		}
	}

	@PostMapping("/map/enterprises/{id}/projects")
	String createProject(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String investor, @RequestParam(required = false) String capital,
			@RequestParam(required = false) String certificateNo, @RequestParam(required = false) String certificateDate,
			@RequestParam(required = false) String status, @RequestParam(required = false) String jobs,
			RedirectAttributes flash) {
		access.requireEdit("MAP_PROJECT", null);
		queries.enterprise(id);
		// every field checked at once; the enterprise page shown again with each problem beside its field
		FieldErrors f = new FieldErrors();
		String n = blank(name);
		if (n == null) {
			f.reject("name", Flash.text("map.error.projectName"));
		}
		else if (n.length() > 300) {
			f.reject("name", Flash.text("map.error.tooLong", 300));
		}
		String inv = blank(investor);
		if (inv == null) {
			f.reject("investor", Flash.text("map.error.investor"));
		}
		else if (inv.length() > 300) {
			f.reject("investor", Flash.text("map.error.tooLong", 300));
		}
		Long dong = f.check("capital", () -> {
			if (capital == null || capital.isBlank()) {
				return null;
			}
			try {
				return Money.parse(capital);
			}
			catch (RuntimeException e) {
				throw new DomainException(Flash.text("map.capital") + ": " + e.getMessage());
			}
		});
		String certNo = blank(certificateNo);
		if (certNo != null && certNo.length() > 60) {
			f.reject("certificateNo", Flash.text("map.error.tooLong", 60));
		}
		LocalDate certDate = f.check("certificateDate", () -> day(certificateDate, Flash.text("map.certificateDate")));
		if (status == null || !PROJECT_STATUSES.contains(status.strip())) {
			f.reject("status", Flash.text("map.error.status"));
		}
		Integer people = f.check("jobs", () -> whole(jobs, Flash.text("map.jobs"), 1_000_000));
		try {
			f.refuseIfAny();
			data.saveProject(new MapData.ProjectInput(id, n, inv, dong, certNo, certDate, status.strip(), people));
			flash.addFlashAttribute("flash", "Đã thêm dự án");
		}
		catch (DomainException e) {
			Flash.refused(flash, e);
		}
		return "redirect:/map/enterprises/" + id;
	}

	static final List<String> PROJECT_STATUSES = List.of("PREPARING", "BUILDING", "OPERATING", "SUSPENDED", "TERMINATED");

	private static BigDecimal decimal(String s, String what) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(s.strip().replace(".", "").replace(',', '.'));
		}
		catch (NumberFormatException e) {
			throw new DomainException(what + ": “" + s.strip() + "” không phải là số; chưa lưu gì");
		}
	}

	@GetMapping("/map/enterprises/{id}")
	String enterprise(@PathVariable long id, Model model) {
		access.requireInternal("MAP_ENTERPRISE", id);
		model.addAttribute("canEdit", access.audience() == Audience.STAFF);
		model.addAttribute("projectStatuses", PROJECT_STATUSES);
		model.addAttribute("e", queries.enterprise(id));
		model.addAttribute("projects", queries.projects(id));
		model.addAttribute("lots", queries.lotsOf(id));
		model.addAttribute("points", queries.points(id));
		model.addAttribute("followUps", queries.followUpsOfEnterprise(id));
		return "map/enterprise";
	}

	@GetMapping("/map/points/{id}")
	String point(@PathVariable long id, Model model) {
		access.requireInternal("MAP_POINT", id);
		Map<String, Object> p = queries.point(id);
		model.addAttribute("p", p);
		model.addAttribute("readings", queries.readings(id));
		model.addAttribute("followUps", queries.followUps(id));
		model.addAttribute("limits", environment.limits().stream().filter(l -> l.medium().equals(p.get("medium"))).toList());
		model.addAttribute("canEdit", access.audience() == Audience.STAFF);
		return "map/point";
	}

	@PostMapping("/map/points/{id}/readings")
	String reading(@PathVariable long id, @RequestParam(required = false) String parameter,
			@RequestParam(required = false) String measuredOn, @RequestParam(required = false) String value,
			RedirectAttributes flash) {
		// every field checked at once; the point page shown again with each problem beside its field
		FieldErrors f = new FieldErrors();
		BigDecimal v = f.check("value", () -> TypedNumbers.parse(value, Flash.text("map.value"), 4));
		LocalDate day = f.check("measuredOn", () -> day(measuredOn, Flash.text("map.measuredOn")));
		try {
			MapEnvironment.Outcome o = environment.record(id, parameter, day, v, f);
			flash.addFlashAttribute("flash", !o.exceeds() ? "Đã lưu kết quả quan trắc (đạt quy chuẩn)"
					: o.opened() ? "Kết quả vượt quy chuẩn: đã mở nhiệm vụ xử lý #" + o.taskId()
							: "Kết quả vượt quy chuẩn: đã cập nhật nhiệm vụ xử lý #" + o.taskId());
		}
		catch (vn.nq57.system.NotFoundException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(flash, e);
		}
		return "redirect:/map/points/" + id;
	}

	// ---------------------------------------------------------------- limits per parameter

	@GetMapping("/map/limits")
	String limits(Model model) {
		access.requireInternal("MAP_LIMIT", null);
		model.addAttribute("limits", environment.limitRows());
		model.addAttribute("media", MapEnvironment.MEDIA);
		model.addAttribute("canEdit", access.audience() == Audience.STAFF);
		return "map/limits";
	}

	@PostMapping("/map/limits")
	String saveLimit(@RequestParam(required = false) Long id, @RequestParam(defaultValue = "") String medium,
			@RequestParam(defaultValue = "") String parameter, @RequestParam(defaultValue = "") String unit,
			@RequestParam(defaultValue = "") String min, @RequestParam(defaultValue = "") String max,
			@RequestParam(defaultValue = "") String regulation, @RequestParam(defaultValue = "0") long version,
			RedirectAttributes flash) {
		// every field checked at once; each problem beside its field in the row (or the new-limit form) it came from
		FieldErrors f = new FieldErrors();
		f.keep("limitForm", id == null ? "new" : String.valueOf(id));
		BigDecimal low = f.check("min", () -> TypedNumbers.parse(min, Flash.text("map.limitMin"), 4));
		BigDecimal high = f.check("max", () -> TypedNumbers.parse(max, Flash.text("map.limitMax"), 4));
		try {
			environment.saveLimit(id, medium, parameter, unit, low, high, regulation, version, f);
			flash.addFlashAttribute("flash", "Đã lưu giới hạn " + parameter.strip());
		}
		catch (vn.nq57.system.ConcurrentEditException | vn.nq57.system.NotFoundException e) {
			throw e;
		}
		catch (DomainException e) {
			Flash.refused(flash, e);
		}
		return "redirect:/map/limits";
	}

	// ---------------------------------------------------------------- import

	@GetMapping("/map/import")
	String importForm(Model model) {
		access.requireEdit("MAP_IMPORT", null);
		model.addAttribute("maxMb", imports.maxMegabytes());
		model.addAttribute("meridians", vn.meridians().stream().map(m -> Map.of("value",
				"VN2000:" + BigDecimal.valueOf(m).stripTrailingZeros().toPlainString(), "label", Vn2000.label(m))).toList());
		return "map/import";
	}

	@PostMapping("/map/import")
	String importPreview(@RequestParam String layer, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "") String crs, Model model) throws IOException {
		access.requireEdit("MAP_IMPORT", null);
		if (file == null || file.isEmpty()) {
			throw new DomainException("Chưa chọn tệp để nhập; không có gì được lưu");
		}
		MapImport.Preview p = imports.preview(layer, file.getOriginalFilename(), file.getBytes(), crs);
		return "redirect:/map/import/" + p.id();
	}

	@GetMapping("/map/import/{id}")
	String importPage(@PathVariable long id, Model model) {
		access.requireEdit("MAP_IMPORT", id);
		model.addAttribute("preview", imports.find(id));
		return "map/preview";
	}

	@PostMapping("/map/import/{id}/commit")
	String importCommit(@PathVariable long id, RedirectAttributes flash) {
		int n = imports.commit(id);
		flash.addFlashAttribute("flash", "Đã nhập " + n + " đối tượng vào bản đồ");
		return "redirect:/map";
	}

	@PostMapping("/map/import/{id}/discard")
	String importDiscard(@PathVariable long id, RedirectAttributes flash) {
		imports.discard(id);
		flash.addFlashAttribute("flash", "Đã hủy lần nhập, không có gì được lưu");
		return "redirect:/map/import";
	}
}
