package vn.nq57.demo;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import vn.nq57.account.SyntheticAccounts;
import vn.nq57.agency.SyntheticAgencies;
import vn.nq57.system.AppClock;
import vn.nq57.task.SyntheticTasks;

/**
 * Synthetic data at scale, for load tests and the benchmark ({@code bench/run-benchmark.sh}), never for
 * production: {@code --nq57.scale=province} (≈120 agencies, one plan of 7 groups, 300 tasks, ≈10.000
 * assignments) or {@code --nq57.scale=national} (5.000 agencies, 40 plans, 40.000 tasks, ≈1.000.000
 * assignments, ≈750.000 progress updates). Everything is generated in the database by
 * {@code INSERT … SELECT generate_series}; a hash of a row's key stands for chance (the same proportions on
 * every run; exact counts vary a little, as some keys are generated ids), and it is anchored on the
 * application's day so that every status occurs on that day: completed on time and late,
 * overdue, in progress and due soon, ongoing, awaiting a trigger, without deadline.
 *
 * <p>Each plan stands for one province's programme: its own synthetic agencies ("Đơn vị mô phỏng 0001" —
 * clearly not real bodies), a collective naming all of them (so collective tasks fan out to one assignment
 * per member, as in real plans), one officer and one head account per agency (password as the demo's).
 *
 * <p>Refuses, and only logs, when the database already holds more than the demo's tasks or an earlier run's
 * agencies. With {@code --nq57.scale.exit=true} the application stops once the data is in; otherwise it
 * keeps serving.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "nq57.scale")
class ScaleData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ScaleData.class);

	/** More tasks than this means real or earlier generated data: never add to it. */
	static final int MAX_EXISTING_TASKS = 100;


	/** How much to generate. */
	record Size(String name, int plans, int agenciesPerPlan, int departmentsPerPlan, int tasksPerPlan,
			double collectiveShare) {

		int agencies() {
			return plans * agenciesPerPlan;
		}

		static Size of(String name) {
			return switch (name.trim().toLowerCase(Locale.ROOT)) {
				case "province" -> new Size("province", 1, 120, 20, 300, 0.28);
				case "national" -> new Size("national", 40, 125, 20, 1000, 0.19);
				default -> throw new IllegalArgumentException(
						"nq57.scale phải là province hoặc national, không phải “" + name + "”");
			};
		}
	}

	private final SyntheticAgencies agencies;
	private final SyntheticAccounts accounts;
	private final SyntheticTasks tasks;
	private final AppClock clock;
	private final PasswordEncoder encoder;
	private final ConfigurableApplicationContext context;
	private final String scale;
	private final boolean exit;

	ScaleData(SyntheticAgencies agencies, SyntheticAccounts accounts, SyntheticTasks tasks, AppClock clock, PasswordEncoder encoder,
			ConfigurableApplicationContext context, @Value("${nq57.scale}") String scale,
			@Value("${nq57.scale.exit:false}") boolean exit) {
		this.agencies = agencies;
		this.accounts = accounts;
		this.tasks = tasks;
		this.clock = clock;
		this.encoder = encoder;
		this.context = context;
		this.scale = scale;
		this.exit = exit;
	}

	@Override
	public void run(ApplicationArguments args) {
		Size size = Size.of(scale);
		try {
			load(size);
		}
		finally {
			if (exit) {
				log.info("nq57.scale.exit=true: stopping");
				System.exit(SpringApplication.exit(context, () -> 0));
			}
		}
	}

	/**
	 * The web server answers before the start-up runners (this one, the demo data, the recurring instances)
	 * are done; the benchmark waits for this line so that it does not time requests against a busy start-up.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		log.info("Application ready: all start-up runners done");
	}

	void load(Size size) {
		long existingTasks = tasks.tasks();
		long earlier = agencies.existing();
		if (existingTasks > MAX_EXISTING_TASKS || earlier > 0) {
			log.warn("Scale data ({}) skipped: the database already holds {} tasks and {} synthetic agencies; "
					+ "start on an empty data directory to generate it", size.name(), existingTasks, earlier);
			return;
		}
		LocalDate today = clock.today();
		log.info("Generating {} scale data anchored on {}: {} plans, {} agencies, {} tasks", size.name(), today,
				size.plans(), size.agencies(), size.plans() * size.tasksPerPlan());
		long started = System.nanoTime();
		MapSqlParameterSource p = new MapSqlParameterSource("today", Date.valueOf(today))
			.addValue("plans", size.plans())
			.addValue("perPlan", size.agenciesPerPlan())
			.addValue("departments", size.departmentsPerPlan())
			.addValue("tasks", size.tasksPerPlan())
			.addValue("collective", size.collectiveShare());

		step("agencies, collectives and accounts", () -> {
			agencies.generate(size.plans(), size.agenciesPerPlan(), size.departmentsPerPlan());
			accounts.generate(encoder.encode(DemoData.PASSWORD));
		});
		step("plans and groups", () -> tasks.plans(p));
		List<Long> plans = tasks.planIds();
		for (int i = 0; i < plans.size(); i++) {
			long plan = plans.get(i);
			MapSqlParameterSource pp = new MapSqlParameterSource(p.getValues()).addValue("plan", plan)
				.addValue("planNo", i + 1);
			tasks.tasks(pp);
			if (i == 0 || (i + 1) % 10 == 0) {
				// fresh statistics, or the roll-up triggers plan for the empty tables they started from
				tasks.analyze(false);
				agencies.analyze(false);
			}
			if ((i + 1) % 10 == 0 || i + 1 == plans.size()) {
				log.info("  tasks and assignments of {}/{} plans", i + 1, plans.size());
			}
		}
		step("progress updates", () -> tasks.progress(p));
		step("completion claims", () -> tasks.claims(p));
		step("VACUUM ANALYZE", () -> {
			agencies.analyze(true);
			accounts.analyze(true);
			tasks.analyze(true);
		});
		log.info("Scale data ({}) loaded in {} s: {} agencies, {}", size.name(),
				(System.nanoTime() - started) / 1_000_000_000L, agencies.count(), tasks.counts());
	}

	private void step(String what, Runnable r) {
		long t = System.nanoTime();
		r.run();
		log.info("  {}: {} ms", what, (System.nanoTime() - t) / 1_000_000L);
	}

}
