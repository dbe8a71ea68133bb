package vn.nq57.ops;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The backup and restore commands: the application started with {@code --nq57.backup.to=DIR} writes a backup and
 * stops; with {@code --nq57.restore.from=DIR} it replaces the database's rows with the backup's (after Flyway made
 * the schema) and stops. See README, "Backup and restore".
 */
@Component
@Order(1)
class BackupCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);

	private final Backup backup;
	private final ConfigurableApplicationContext context;
	private final String to;
	private final String from;

	BackupCommand(Backup backup, ConfigurableApplicationContext context, @Value("${nq57.backup.to:}") String to,
			@Value("${nq57.restore.from:}") String from) {
		this.backup = backup;
		this.context = context;
		this.to = to;
		this.from = from;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!StringUtils.hasText(to) && !StringUtils.hasText(from)) {
			return;
		}
		int code = 0;
		try {
			if (StringUtils.hasText(to)) {
				var m = backup.backup(Path.of(to));
				log.warn("Đã sao lưu {} bảng, {} dòng vào {}; {}", m.size(), m.stream().mapToLong(Backup.TableCopy::rows).sum(),
						to, backup.filesSummary(Path.of(to), false));
			}
			else {
				var m = backup.restore(Path.of(from));
				log.warn("Đã khôi phục {} bảng, {} dòng từ {} (số dòng và mã kiểm tra khớp); {}", m.size(),
						m.stream().mapToLong(Backup.TableCopy::rows).sum(), from, backup.filesSummary(Path.of(from), true));
			}
		}
		catch (RuntimeException e) {
			log.error("Sao lưu/khôi phục thất bại", e);
			code = 1;
		}
		int exit = code;
		System.exit(SpringApplication.exit(context, () -> exit));
	}
}
