package vn.nq57.steering;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a board's widgets and the ranking's criteria side by side: each is one or two aggregate queries, and while one
 * waits for the database another runs. The viewer's security context goes along (a widget may ask who is looking).
 * Inside a transaction (whose uncommitted rows another connection would not see) or with
 * {@code nq57.steering.parallel=1} everything runs on the caller's thread.
 */
@Component
class SteeringExecutor implements Executor, DisposableBean {

	private final ExecutorService pool;
	private final Executor withSecurity;

	SteeringExecutor(@Value("${nq57.steering.parallel:6}") int threads) {
		if (threads <= 1) {
			pool = null;
			withSecurity = null;
			return;
		}
		AtomicInteger n = new AtomicInteger();
		// a bounded pool and no queue: when no thread is free the caller runs the work itself, so work started from
		// inside the pool (a widget's own parallel queries) never waits behind itself
		pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
			Thread t = new Thread(r, "steering-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		}, new ThreadPoolExecutor.CallerRunsPolicy());
		((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
		withSecurity = new DelegatingSecurityContextExecutor(pool);
	}

	@Override
	public void execute(Runnable command) {
		if (withSecurity == null || TransactionSynchronizationManager.isActualTransactionActive()) {
			command.run();
		}
		else {
			withSecurity.execute(ViewMemo.carry(command));
		}
	}

	@Override
	public void destroy() {
		if (pool != null) {
			pool.shutdownNow();
		}
	}
}
