package vn.nq57;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class Nq57Application {

	public static void main(String[] args) {
		// Deadlines are calendar days in Quảng Ngãi, whatever the server's zone.
		TimeZone.setDefault(TimeZone.getTimeZone(vn.nq57.system.AppClock.ZONE));
		SpringApplication.run(Nq57Application.class, args);
	}
}
