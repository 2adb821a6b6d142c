package se.lots.plan.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import se.lots.plan.JourneyKind;
import se.lots.plan.enrolment.EnrolmentEndReason;
import se.lots.plan.meeting.MeetingKind;
import se.lots.plan.plans.StepStatus;
import se.lots.plan.referral.ReferralStatus;

/** The timeline says every code the plan module writes in words, in Swedish and in English, never "PAGAR". */
class JourneyEventTest {

    static JourneyEvent event(JourneyKind kind, String code) {
        return new JourneyEvent(1, null, new se.lots.organisation.OrganisationId(1), null, null, null, null, kind, "", code, "", false, null);
    }

    static Properties bundle(String name) throws IOException {
        var p = new Properties();
        try (InputStream in = JourneyEventTest.class.getResourceAsStream("/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyCodeWrittenToTheJourneyHasWordsInBothLanguages() throws IOException {
        List<JourneyEvent> written = new ArrayList<>();
        for (StepStatus s : StepStatus.values()) {
            written.add(event(JourneyKind.STEG, s.name()));
            written.add(event(JourneyKind.STEGSTATUS, s.name()));
        }
        for (ReferralStatus s : ReferralStatus.values()) {
            written.add(event(JourneyKind.REMISS, s.name()));
        }
        for (MeetingKind k : MeetingKind.values()) {
            written.add(event(JourneyKind.MOTE, k.name()));
        }
        for (EnrolmentEndReason r : EnrolmentEndReason.values()) {
            written.add(event(JourneyKind.UTSKRIVNING, r.name()));
        }
        written.add(event(JourneyKind.MOTE, "PROTOKOLL"));
        written.add(event(JourneyKind.PLAN, "SKAPAD"));
        written.add(event(JourneyKind.PLAN, "MAL"));
        for (String name : List.of("messages.properties", "messages_en.properties")) {
            Properties messages = bundle(name);
            assertThat(written).as(name).allSatisfy(e -> assertThat(messages.getProperty(e.codeKey()))
                    .as("%s %s in %s", e.kind(), e.code(), name).isNotBlank());
        }
        assertThat(event(JourneyKind.STEG, "PAGAR").codeKey()).isEqualTo("step.status.PAGAR");
        assertThat(event(JourneyKind.KONTAKT, null).codeKey()).isNull();
    }
}
