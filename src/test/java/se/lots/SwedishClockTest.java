package se.lots;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Every "today" and "now" in Lots comes from the one {@link Clock} bean (Swedish time, movable in tests): the server's
 * zone is often UTC, and a day decided in it is a day off for an hour every night.
 */
class SwedishClockTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("se.lots");

    // SQL that decides a day by the database server's clock and zone instead of a date passed as a parameter; the
    // keywords as SQL is written (all lower or all upper case), so that Java's LocalTime is not one of them
    private static final Pattern SQL_DAY = Pattern.compile(
            "\\b(current_date|current_time|localtime|localtimestamp|CURRENT_DATE|CURRENT_TIME|LOCALTIME|LOCALTIMESTAMP)"
                    + "\\b|(?i:now\\(\\)\\s*::\\s*date)");

    @Test
    void mainCodeTakesTheTimeOnlyFromTheClock() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe("java.time's now() without the clock",
                (JavaMethodCall call) -> call.getTargetOwner().getPackageName().equals("java.time")
                        && call.getName().equals("now")
                        && !call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList()
                                .equals(List.of(Clock.class.getName()))))
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(java.time.ZoneId.class, "systemDefault")
                .orShould().callConstructor(java.util.Date.class)
                .because("the Clock bean is Swedish time and tests move it")
                .check(MAIN);
    }

    @Test
    void noSqlInMainCodeDecidesADayByTheDatabaseClock() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("src/main/resources/db/migration")))) {
            List<String> offending = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
                    .flatMap(SwedishClockTest::daysDecidedInSql).toList();
            assertThat(offending).as("pass the clock's date as a parameter instead").isEmpty();
        }
    }

    private static Stream<String> daysDecidedInSql(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> SQL_DAY.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1) + ": " + lines.get(i).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
