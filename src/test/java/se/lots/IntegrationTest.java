package se.lots;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a throw-away embedded PostgreSQL with the real migrations and the demo data. Every
 * integration test uses exactly this configuration, so the context (and the database) is started once per run.
 * Time is the application's Swedish clock, which a test moves through {@link MovableClock} rather than by rewriting
 * timestamps in SQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(MovableClock.Configuration.class)
public @interface IntegrationTest {
}
