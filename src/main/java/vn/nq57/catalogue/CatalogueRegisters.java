package vn.nq57.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The five registers of this module as Excel sees them (export columns = import columns). */
@Configuration
class CatalogueRegisters {

	static final int EXPORT_MAX = 50_000;

	static String yes(boolean b) {
		return b ? "Có" : "Không";
	}

	static boolean yes(String s) {
		if (s == null) {
			return false;
		}
		String f = vn.nq57.kernel.VnText.fold(s.strip());
		return f.equals("co") || f.equals("x") || f.equals("true") || f.equals("1") || f.equals("yes");
	}

	static String nz(Object o) {
		return o == null ? "" : String.valueOf(o);
	}

	@Bean
	Register problemsRegister(BigProblemService service, AgencyRefs agencies) {
		return new Register() {
			public String code() {
				return "problems";
			}

			public String title() {
				return "Danh mục bài toán lớn";
			}

			public List<String> headers() {
				return List.of("Tên bài toán", "Vấn đề cần giải quyết", "Sản phẩm dự kiến", "Thời gian thực hiện",
						"Kinh phí dự kiến", "Cơ quan đề xuất", "Cơ quan chủ trì", "Chương trình quốc gia liên quan",
						"Văn bản đề xuất", "Tình trạng", "Số quyết định", "Ngày quyết định");
			}

			public List<String> required() {
				return List.of("Tên bài toán", "Vấn đề cần giải quyết", "Cơ quan đề xuất");
			}

			public List<List<Object>> exportRows(String q) {
				List<List<Object>> out = new ArrayList<>();
				for (BigProblem b : service.search(new BigProblemService.Filter(q, null, null), 0, EXPORT_MAX).rows()) {
					out.add(java.util.Arrays.asList(b.title(), b.statement(), nz(b.expectedProduct()), nz(b.timeline()),
							b.costEstimate() == null ? "" : vn.nq57.kernel.Money.format(b.costEstimate()), b.proposingAgency(),
							nz(b.leadAgency()), nz(b.nationalProgramme()), nz(b.sourceDocument()), b.state().label(),
							nz(b.decisionNumber()), b.decisionDate() == null ? "" : vn.nq57.kernel.VnFormat.DATE.format(b.decisionDate())));
				}
				return out;
			}

			public void importRow(Map<String, String> r, boolean ack) {
				service.propose(new BigProblemService.Input(r.get("Tên bài toán"), r.get("Vấn đề cần giải quyết"),
						r.get("Sản phẩm dự kiến"), r.get("Thời gian thực hiện"), r.get("Kinh phí dự kiến"),
						CatalogueRegisters.need(agencies.resolve(r.get("Cơ quan đề xuất"), "Cơ quan đề xuất"), "cơ quan đề xuất"),
						agencies.resolve(r.get("Cơ quan chủ trì"), "Cơ quan chủ trì"), r.get("Chương trình quốc gia liên quan"),
						r.get("Văn bản đề xuất")), ack);
			}
		};
	}

	static Long need(Long id, String label) {
		if (id == null) {
			throw new vn.nq57.system.DomainException("Chưa nhập " + label);
		}
		return id;
	}

	@Bean
	Register systemsRegister(InventoryService service, AgencyRefs agencies) {
		return new Register() {
			public String code() {
				return "systems";
			}

			public String title() {
				return "Danh mục hệ thống thông tin";
			}

			public List<String> headers() {
				return List.of("Tên hệ thống", "Cơ quan chủ quản", "Mục đích", "Loại", "Đối tượng sử dụng", "Nơi đặt",
						"Cấp độ ATTT", "Hồ sơ cấp độ đã phê duyệt", "Kết nối LGSP", "Kết nối NDXP", "CSDL quốc gia kết nối",
						"Tình trạng", "Năm", "Kinh phí");
			}

			public List<String> required() {
				return List.of("Tên hệ thống", "Cơ quan chủ quản", "Loại", "Nơi đặt", "Tình trạng");
			}

			public List<List<Object>> exportRows(String q) {
				List<List<Object>> out = new ArrayList<>();
				for (InfoSystem s : service.search(new InventoryService.Filter(q, null, null, null, null), 0, EXPORT_MAX).rows()) {
					out.add(java.util.Arrays.asList(s.name(), s.ownerAgency(), nz(s.purpose()), s.kind().name(), nz(s.users()),
							s.hosting().name(), s.securityLevel() == null ? "" : s.securityLevel(), yes(s.dossierApproved()),
							yes(s.lgspConnected()), yes(s.ndxpConnected()), nz(s.nationalDatabases()), s.status().name(),
							s.year() == null ? "" : s.year(), s.cost() == null ? "" : vn.nq57.kernel.Money.format(s.cost())));
				}
				return out;
			}

			public void importRow(Map<String, String> r, boolean ack) {
				service.create(new InventoryService.Input(r.get("Tên hệ thống"),
						CatalogueRegisters.need(agencies.resolve(r.get("Cơ quan chủ quản"), "Cơ quan chủ quản"), "cơ quan chủ quản"),
						r.get("Mục đích"), CatalogueRegisters.code(r.get("Loại"), InfoSystem.Kind.values()), r.get("Đối tượng sử dụng"),
						CatalogueRegisters.code(r.get("Nơi đặt"), InfoSystem.Hosting.values()), r.get("Cấp độ ATTT"),
						yes(r.get("Hồ sơ cấp độ đã phê duyệt")), yes(r.get("Kết nối LGSP")), yes(r.get("Kết nối NDXP")),
						r.get("CSDL quốc gia kết nối"), CatalogueRegisters.code(r.get("Tình trạng"), InfoSystem.Status.values()), r.get("Năm"),
						r.get("Kinh phí"), null));
			}
		};
	}

	/** An enum's code from its code or its Vietnamese label (accents ignored); the text itself otherwise. */
	static String code(String typed, Enum<?>[] values) {
		if (typed == null) {
			return null;
		}
		String f = vn.nq57.kernel.VnText.fold(typed.strip());
		for (Enum<?> e : values) {
			String label = e instanceof InfoSystem.Kind k ? k.label() : e instanceof InfoSystem.Hosting h ? h.label()
					: e instanceof InfoSystem.Status st ? st.label() : e.name();
			if (f.equals(vn.nq57.kernel.VnText.fold(label)) || f.equalsIgnoreCase(e.name())) {
				return e.name();
			}
		}
		return typed;
	}

	@Bean
	Register needsRegister(TechService service, AgencyRefs agencies) {
		return new Register() {
			public String code() {
				return "needs";
			}

			public String title() {
				return "Danh mục nhu cầu công nghệ";
			}

			public List<String> headers() {
				return List.of("Tên nhu cầu", "Nguồn", "Cơ quan", "Tổ chức, doanh nghiệp", "Lĩnh vực", "Mô tả",
						"Giải pháp mong muốn", "Kinh phí từ", "Kinh phí đến", "Liên hệ", "Tình trạng");
			}

			public List<String> required() {
				return List.of("Tên nhu cầu", "Nguồn", "Lĩnh vực", "Mô tả");
			}

			public List<List<Object>> exportRows(String q) {
				List<List<Object>> out = new ArrayList<>();
				for (TechService.Need n : service.needs(q, null, 0, EXPORT_MAX).rows()) {
					out.add(java.util.Arrays.asList(n.title(), n.sourceKind(), agencies.name(n.agencyId()), nz(n.organisation()),
							n.field(), n.description(), nz(n.expectedSolution()),
							n.budgetMin() == null ? "" : vn.nq57.kernel.Money.format(n.budgetMin()),
							n.budgetMax() == null ? "" : vn.nq57.kernel.Money.format(n.budgetMax()), nz(n.contact()), n.state()));
				}
				return out;
			}

			public void importRow(Map<String, String> r, boolean ack) {
				service.createNeed(new TechService.NeedInput(r.get("Nguồn"), agencies.resolve(r.get("Cơ quan"), "Cơ quan"),
						r.get("Tổ chức, doanh nghiệp"), r.get("Lĩnh vực"), r.get("Tên nhu cầu"), r.get("Mô tả"),
						r.get("Giải pháp mong muốn"), r.get("Kinh phí từ"), r.get("Kinh phí đến"), r.get("Liên hệ")));
			}
		};
	}

	@Bean
	Register offersRegister(TechService service) {
		return new Register() {
			public String code() {
				return "offers";
			}

			public String title() {
				return "Danh mục giải pháp công nghệ";
			}

			public List<String> headers() {
				return List.of("Tên giải pháp", "Loại đơn vị", "Đơn vị cung cấp", "Lĩnh vực", "Mô tả", "Liên hệ");
			}

			public List<String> required() {
				return List.of("Tên giải pháp", "Loại đơn vị", "Đơn vị cung cấp", "Lĩnh vực", "Mô tả");
			}

			public List<List<Object>> exportRows(String q) {
				List<List<Object>> out = new ArrayList<>();
				for (TechService.Offer o : service.offers(q, null, 0, EXPORT_MAX).rows()) {
					out.add(java.util.Arrays.asList(o.title(), o.providerKind(), o.provider(), o.field(), o.description(),
							nz(o.contact())));
				}
				return out;
			}

			public void importRow(Map<String, String> r, boolean ack) {
				service.createOffer(new TechService.OfferInput(r.get("Loại đơn vị"), r.get("Đơn vị cung cấp"),
						r.get("Lĩnh vực"), r.get("Tên giải pháp"), r.get("Mô tả"), r.get("Liên hệ")));
			}
		};
	}

	@Bean
	Register initiativesRegister(InitiativeService service, AgencyRefs agencies) {
		return new Register() {
			public String code() {
				return "initiatives";
			}

			public String title() {
				return "Danh mục sáng kiến, giải pháp";
			}

			public List<String> headers() {
				return List.of("Tên sáng kiến, giải pháp", "Năm", "Tác giả", "Tổ chức", "Cơ quan", "Lĩnh vực",
						"Tóm tắt nội dung", "Phạm vi áp dụng", "Tình trạng", "Điểm trung bình");
			}

			public List<String> required() {
				return List.of("Tên sáng kiến, giải pháp", "Tác giả", "Lĩnh vực", "Tóm tắt nội dung");
			}

			public List<List<Object>> exportRows(String q) {
				List<List<Object>> out = new ArrayList<>();
				for (InitiativeService.Initiative i : service.search(q, null, null, 0, EXPORT_MAX).rows()) {
					out.add(java.util.Arrays.asList(i.title(), i.year(), i.author(), nz(i.organisation()),
							agencies.name(i.agencyId()), i.field(), i.summary(), nz(i.application()), i.state().label(),
							i.averageScore() == null ? "" : i.averageScore()));
				}
				return out;
			}

			public void importRow(Map<String, String> r, boolean ack) {
				service.submit(new InitiativeService.Input(r.get("Năm"), r.get("Tên sáng kiến, giải pháp"), r.get("Tác giả"),
						r.get("Tổ chức"), agencies.resolve(r.get("Cơ quan"), "Cơ quan"), r.get("Lĩnh vực"),
						r.get("Tóm tắt nội dung"), r.get("Phạm vi áp dụng")), ack);
			}
		};
	}
}
