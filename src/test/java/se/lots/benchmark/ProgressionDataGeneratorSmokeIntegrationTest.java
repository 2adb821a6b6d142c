package se.lots.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.lots.IntegrationTest;
import se.lots.plan.EnrolmentService;
import se.lots.progression.FunderReport;
import se.lots.progression.FunderReportService;
import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/** The progression benchmark's generator at smoke size, and the report agreeing with the hand-written aggregate. */
@IntegrationTest
class ProgressionDataGeneratorSmokeIntegrationTest {

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;
    @Autowired
    CurrentActor actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnrolmentService enrolments;
    @Autowired
    FunderReportService reports;

    @Test
    void generatesEnrolmentsWithRegistrationsAndTheReportMatchesTheAggregate() {
        Actor lead = actors.byUsername("insatsledare");
        long programme = enrolments.saveProgramme(lead, "Benchmark smoke");
        var g = new ProgressionDataGenerator(owner).generate(programme, lead.organisationId(), lead.userId(), 60);
        assertThat(g.enrolments()).isEqualTo(60);
        assertThat(g.registrations()).isEqualTo(60 + 40);

        var period = reports.period("2000-01-01", LocalDate.now().toString());
        FunderReport r = reports.report(lead, programme, period, Locale.forLanguageTag("sv"));
        long[] fromSql = new long[2];
        var genders = java.util.List.of("KVINNA", "MAN", "ANNAT");
        jdbc.sql(ProgressionDataGenerator.HAND_WRITTEN_MAIN_TABLE).param("programme", programme)
                .param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    int row = genders.indexOf(rs.getString(1));
                    int band = rs.getInt(2);
                    // cell by cell: the hand-written aggregate computes the same table as the report
                    assertThat(r.registered().cell(row, band).count()).isEqualTo(rs.getLong(3));
                    assertThat(r.discharged().cell(row, band).count()).isEqualTo(rs.getLong(4));
                    fromSql[0] += rs.getLong(3);
                    fromSql[1] += rs.getLong(4);
                });
        assertThat(r.registered().table().total().count()).isEqualTo(fromSql[0]).isEqualTo(60);
        assertThat(r.discharged().table().total().count()).isEqualTo(fromSql[1]).isEqualTo(32);
    }
}
