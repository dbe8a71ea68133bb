package vn.nq57.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	@Bean
	OpenAPI nq57Api() {
		return new OpenAPI()
			.info(new Info().title("NQ57 – API theo dõi thực hiện Nghị quyết 57-NQ/TW").version("v1")
				.description("Cùng quyền như giao diện: cán bộ của một cơ quan chỉ xem và cập nhật phần việc của cơ quan mình. "
						+ "Xác thực bằng mã truy cập cấp tại trang Tài khoản: Authorization: Bearer <mã>. "
						+ "Ngày theo dạng yyyy-MM-dd; tình trạng: COMPLETED_ON_TIME, COMPLETED_LATE, IN_PROGRESS, OVERDUE, "
						+ "AWAITING_TRIGGER, ONGOING, NO_DEADLINE."))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}
}
