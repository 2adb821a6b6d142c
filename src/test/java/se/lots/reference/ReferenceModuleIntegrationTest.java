package se.lots.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Reference data starts alone, with nothing but the database under it, and reads SCB's codes from the migrations. */
@ApplicationModuleTest(mode = BootstrapMode.STANDALONE, extraIncludes = "database")
@ActiveProfiles("test")
// no other test uses this module's context: close it, and stop its embedded PostgreSQL, when the class is done
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReferenceModuleIntegrationTest {

    @Autowired
    ReferenceData reference;

    @Test
    void theMunicipalitiesAndCountiesOfScbAreThere() {
        assertThat(reference.municipalities()).hasSize(290);
        assertThat(reference.counties()).hasSize(21);
        assertThat(reference.municipality("1214")).map(Municipality::shortName).contains("Svalöv");
        assertThat(reference.municipality("9999")).isEmpty();
    }
}
