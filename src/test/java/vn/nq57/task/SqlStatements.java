package vn.nq57.task;

import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Counts the SQL statements the application issues while some work runs, as JdbcTemplate and Hibernate log them
 * (at DEBUG, switched on only for that while and kept out of the console), without a context of its own. A
 * JdbcTemplate batch update counts twice.
 */
public final class SqlStatements {

	public interface Work {
		void run() throws Exception;
	}

	private SqlStatements() {
	}

	public static int during(Work work) throws Exception {
		return texts(work).size();
	}

	/** The statements themselves (as logged), in order. */
	public static List<String> texts(Work work) throws Exception {
		List<String> n = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
		AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
			@Override
			protected void append(ILoggingEvent e) {
				// JdbcTemplate logs "Executing prepared SQL query" and then the statement itself with its text in
				// brackets: the second line is the one statement
				if (e.getLoggerName().equals("org.hibernate.SQL")
						|| e.getMessage().startsWith("Executing") && e.getMessage().contains("[")) {
					n.add(e.getFormattedMessage());
				}
			}
		};
		counter.start();
		List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger("org.springframework.jdbc.core.JdbcTemplate"),
				(Logger) LoggerFactory.getLogger("org.hibernate.SQL"));
		List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
		for (Logger l : loggers) {
			l.addAppender(counter);
			l.setAdditive(false);
			l.setLevel(Level.DEBUG);
		}
		try {
			work.run();
		}
		finally {
			for (int i = 0; i < loggers.size(); i++) {
				loggers.get(i).detachAppender(counter);
				loggers.get(i).setAdditive(true);
				loggers.get(i).setLevel(levels.get(i));
			}
		}
		return n;
	}
}
