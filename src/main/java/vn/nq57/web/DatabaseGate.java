package vn.nq57.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Fail fast while the database is away (paused, failing over, cut off), and recover by itself. It stands before
 * every other filter but the request id — before the session store, which reads the database on every request:
 * <ul>
 * <li>a request that fails because the database is unreachable (anywhere: the session store, a filter, a handler)
 * answers 503 with the Vietnamese page (JSON on the API) instead of the container's 500; a fresh connection outside
 * the pool then tells whether the database is away (the gate closes) or only busy (it stays open: under heavy load
 * requests wait for a pooled connection rather than being turned away);</li>
 * <li>while the gate is closed every request answers that 503 at once, touching nothing (no half-written change),
 * and a watcher tries a fresh connection every second (2-s timeouts, outside the pool); when one answers
 * {@code SELECT 1}, the gate opens again. Static files and the health endpoints pass (the load balancer must see
 * readiness DOWN from the health check itself).</li>
 * </ul>
 * A request already waiting on the stopped server when it stopped waits for the socket timeout (10 s) first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseGate extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseGate.class);

	private final DataSource dataSource;

	private final MessageSource messages;

	private final AtomicBoolean closed = new AtomicBoolean();

	private volatile Thread watcher;

	DatabaseGate(DataSource dataSource, MessageSource messages) {
		this.dataSource = dataSource;
		this.messages = messages;
	}

	boolean closed() {
		return closed.get();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean passes = path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
				|| path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.startsWith("/actuator/health");
		if (closed.get() && !passes) {
			unavailable(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
			if (response.getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE && !passes) {
				close(new IllegalStateException("503 from " + path)); // ErrorAdvice: only the database away answers 503
			}
		}
		catch (IOException | ServletException | RuntimeException e) {
			if (!VnErrorController.databaseAway(e)) {
				throw e;
			}
			close(e);
			if (response.isCommitted()) {
				throw e;
			}
			response.reset();
			unavailable(request, response);
		}
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		// before the DispatcherServlet: the user's language from its cookie (WebConfig's resolver), Vietnamese by default
		java.util.Locale locale = java.util.Locale.forLanguageTag("vi");
		if (request.getCookies() != null) {
			for (jakarta.servlet.http.Cookie c : request.getCookies()) {
				if ("lang".equals(c.getName()) && c.getValue() != null && c.getValue().startsWith("en")) {
					locale = java.util.Locale.ENGLISH;
				}
			}
		}
		String message = messages.getMessage("error.unavailable", null, locale);
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "10");
		response.setHeader("Cache-Control", "no-store");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.setContentType("application/json;charset=UTF-8");
			response.getWriter().write("{\"status\":503,\"message\":\"" + message.replace("\"", "'") + "\"}");
			return;
		}
		response.setContentType("text/html;charset=UTF-8");
		String css = request.getContextPath() + "/css/app.css";
		response.getWriter().write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>503</title>"
				+ "<link rel=\"stylesheet\" href=\"" + css + "\"></head><body><main id=\"main-content\">"
				+ "<h1>503</h1><p class=\"flash error\">" + HtmlUtils.htmlEscape(message) + "</p>"
				+ "<p><a href=\"" + request.getContextPath() + "/\">Thử lại</a></p></main></body></html>");
	}

	private final AtomicBoolean checking = new AtomicBoolean();

	/**
	 * A request met a database failure: a fresh connection outside the pool tells whether the database is really
	 * away (the gate closes) or only busy — every pooled connection taken under heavy load — when the gate stays
	 * open and requests keep waiting their turn.
	 */
	void close(Throwable cause) {
		if (closed.get() || !checking.compareAndSet(false, true)) {
			return;
		}
		Thread t = new Thread(() -> {
			try {
				if (reachable()) {
					log.info("database failure ({}) but the database answers: busy, gate stays open", cause.getMessage());
					return;
				}
				closed.set(true);
				log.warn("database unreachable ({}): answering 503 until it answers again", cause.getMessage());
				watch();
			}
			finally {
				checking.set(false);
			}
		}, "database-gate");
		t.setDaemon(true);
		watcher = t;
		t.start();
	}

	private void watch() {
		long started = System.nanoTime();
		while (closed.get()) {
			try {
				Thread.sleep(1_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			if (reachable()) {
				closed.set(false);
				log.warn("database answers again after {} s: gate open", (System.nanoTime() - started) / 1_000_000_000L);
			}
		}
	}

	/** A fresh connection outside the pool (its connections may all hang on the stopped server), short timeouts. */
	boolean reachable() {
		try {
			if (dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
				var hikari = dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class);
				Properties p = new Properties();
				if (hikari.getUsername() != null) {
					p.setProperty("user", hikari.getUsername());
				}
				if (hikari.getPassword() != null) {
					p.setProperty("password", hikari.getPassword());
				}
				p.setProperty("connectTimeout", "2");
				p.setProperty("socketTimeout", "2");
				p.setProperty("loginTimeout", "2");
				try (Connection c = DriverManager.getConnection(hikari.getJdbcUrl(), p); Statement s = c.createStatement()) {
					s.execute("SELECT 1");
					return true;
				}
			}
			try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
				s.setQueryTimeout(2);
				s.execute("SELECT 1");
				return true;
			}
		}
		catch (Exception e) {
			return false;
		}
	}
}
