package org.osteobiome.sbml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The importer on SBML Test Suite cases: every case either passes within the case's own tolerances or is refused
 * with a message naming the feature; none may produce a wrong number or crash. Runs the 154-case subset shipped in
 * the test resources always, and all 911 cases when the workspace copy of the suite is present.
 */
class SbmlTestSuiteTest {

    @Test
    void shippedCasesPassOrAreRefusedNeverWrong() throws URISyntaxException {
        Path cases = Path.of(SbmlTestSuiteTest.class.getResource("/sbml-test-suite/cases").toURI());
        List<SbmlTestSuite.CaseResult> results = SbmlTestSuite.runAll(cases);
        assertThat(results).hasSize(154);
        assertNeverWrong(results);
        // The subset was chosen to hold both outcomes for every tag.
        assertThat(results).anyMatch(r -> r.outcome() == SbmlTestSuite.Outcome.PASSED && r.tags().contains("EventWithDelay"));
        assertThat(results).anyMatch(r -> r.outcome() == SbmlTestSuite.Outcome.REFUSED && r.message().contains("algebraic rule"));
    }

    /**
     * All 911 semantic cases, when the environment variable OSTEOBIOME_SBML_TEST_SUITE names a folder of them (the
     * suite is LGPL and 30 MB; the repository ships 154 of its cases for the test above).
     */
    @Test
    void theWholeSuiteWhenItsFolderIsGiven() {
        String folder = System.getenv("OSTEOBIOME_SBML_TEST_SUITE");
        Assumptions.assumeTrue(folder != null && Files.isDirectory(Path.of(folder)),
                "set OSTEOBIOME_SBML_TEST_SUITE to a folder of SBML Test Suite cases to run all of them");
        Path cases = Path.of(folder);
        List<SbmlTestSuite.CaseResult> results = SbmlTestSuite.runAll(cases);
        assertThat(results).hasSize(911);
        assertNeverWrong(results);
    }

    private static void assertNeverWrong(List<SbmlTestSuite.CaseResult> results) {
        for (SbmlTestSuite.CaseResult r : results) {
            assertThat(r.outcome()).as(r.id() + ": " + r.message()).isIn(SbmlTestSuite.Outcome.PASSED, SbmlTestSuite.Outcome.REFUSED);
            if (r.outcome() == SbmlTestSuite.Outcome.REFUSED) {
                assertThat(r.message()).as(r.id()).containsAnyOf("does not support", "solves ODEs only", "does not have",
                        "not a time course", "level/version");
            }
        }
    }
}
