package uk.gov.bristol.alp.notification;

import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.ArchitectureRules;

/** The service keeps the shape of docs/architecture.md: no package cycles, messaging at the edge. */
class ArchitectureTest {

    @Test
    void packagesKeepTheServiceTemplate() {
        ArchitectureRules.check("uk.gov.bristol.alp.notification");
    }
}
