package org.osteobiome.sbml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.ode.SolverOptions;
import org.osteobiome.model.ode.Solvers;

class SbmlImporterTest {
    private static final String DECAY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
              <model id="decay">
                <listOfCompartments><compartment id="c" size="2" constant="true"/></listOfCompartments>
                <listOfSpecies>
                  <species id="A" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                </listOfSpecies>
                <listOfParameters><parameter id="k" value="0.5" constant="true"/></listOfParameters>
                <listOfReactions>
                  <reaction id="R" reversible="false">
                    <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
                    <kineticLaw><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><times/><ci>k</ci><ci>A</ci><ci>c</ci></apply></math></kineticLaw>
                  </reaction>
                </listOfReactions>
              </model>
            </sbml>
            """;

    /** d[A]/dt = −k[A] in a constant compartment: [A](t) = e^(−kt), amount 2·e^(−kt) (exact solution). */
    @Test
    void firstOrderDecayMatchesTheExactSolution() {
        SbmlOdeModel m = SbmlImporter.read("decay.xml", DECAY);
        SbmlSimulator.Result r = SbmlSimulator.simulate(m, Solvers.byName("rodas4", SolverOptions.tolerances(1e-10, 1e-12)),
                new double[] {0, 1, 2, 4}, List.of("A", "R"), Set.of(), 1);
        for (int i = 0; i < r.times().length; i++) {
            double exact = Math.exp(-0.5 * r.times()[i]);
            assertThat(r.values()[i][0]).isCloseTo(exact, within(1e-8));
            assertThat(r.values()[i][1]).isCloseTo(0.5 * exact * 2, within(1e-8)); // the reaction's rate
        }
        SbmlSimulator.Result amounts = SbmlSimulator.simulate(m, Solvers.byName("dp853", SolverOptions.tolerances(1e-10, 1e-12)),
                new double[] {0, 1}, List.of("A"), Set.of("A"), 1);
        assertThat(amounts.values()[1][0]).isCloseTo(2 * Math.exp(-0.5), within(1e-8));
    }

    /** Base units read as their SBML names; a unit definition as its name; a species in concentration as substance/size. */
    @Test
    void unitsReadAsTheFileDeclaresThem() {
        SbmlOdeModel m = SbmlImporter.read("decay.xml", DECAY
                .replace("<model id=\"decay\">", "<model id=\"decay\" timeUnits=\"second\" substanceUnits=\"mole\">"
                        + "<listOfUnitDefinitions><unitDefinition id=\"per_s\" name=\"1/s\"><listOfUnits>"
                        + "<unit kind=\"second\" exponent=\"-1\" scale=\"0\" multiplier=\"1\"/></listOfUnits></unitDefinition>"
                        + "</listOfUnitDefinitions>")
                .replace("<compartment id=\"c\"", "<compartment id=\"c\" units=\"litre\"")
                .replace("<parameter id=\"k\"", "<parameter id=\"k\" units=\"per_s\""));
        assertThat(m.timeUnit()).contains("second");
        assertThat(m.unit("k")).contains("1/s");
        assertThat(m.unit("c")).contains("litre");
        assertThat(m.unit("A")).contains("mole/litre");
        assertThat(SbmlImporter.read("decay.xml", DECAY).timeUnit()).isEmpty();
    }

    /**
     * A species integrated as a concentration (rate rule, hasOnlySubstanceUnits=false) whose event at t = 1 assigns both
     * it and its compartment's size: the assigned concentration is taken at the size before the event and the amount is
     * kept (SBML L3V2 §4.11.7), so [A] = 3·2/5 = 1.2 just after the event, then stays constant (rate 0).
     */
    @Test
    void anEventAssigningAConcentrationAndItsCompartmentKeepsTheAssignedAmount() {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
                  <model id="resize">
                    <listOfCompartments><compartment id="c" size="2" constant="false"/></listOfCompartments>
                    <listOfSpecies>
                      <species id="A" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                      <species id="B" compartment="c" initialConcentration="1" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
                    </listOfSpecies>
                    <listOfRules>
                      <rateRule variable="A"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>0</cn></math></rateRule>
                      <rateRule variable="B"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>0</cn></math></rateRule>
                    </listOfRules>
                    <listOfEvents>
                      <event id="E" useValuesFromTriggerTime="true">
                        <trigger initialValue="false" persistent="true"><math xmlns="http://www.w3.org/1998/Math/MathML">
                          <apply><geq/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>1</cn></apply>
                        </math></trigger>
                        <listOfEventAssignments>
                          <eventAssignment variable="A"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>3</cn></math></eventAssignment>
                          <eventAssignment variable="c"><math xmlns="http://www.w3.org/1998/Math/MathML"><cn>5</cn></math></eventAssignment>
                        </listOfEventAssignments>
                      </event>
                    </listOfEvents>
                  </model>
                </sbml>
                """;
        SbmlOdeModel m = SbmlImporter.read("resize.xml", model);
        SbmlSimulator.Result r = SbmlSimulator.simulate(m, Solvers.byName("rodas4", SolverOptions.tolerances(1e-10, 1e-12)),
                new double[] {0, 0.5, 1.5, 2}, List.of("A", "B", "c"), Set.of(), 1);
        assertThat(r.values()[1]).containsExactly(1.0, 1.0, 2.0);
        for (int i = 2; i < 4; i++) {
            assertThat(r.values()[i][0]).isCloseTo(3.0 * 2 / 5, within(1e-12)); // assigned 3 at size 2: amount 6 in 5
            assertThat(r.values()[i][1]).isCloseTo(1.0 * 2 / 5, within(1e-12)); // unassigned: amount 2 kept in 5
            assertThat(r.values()[i][2]).isEqualTo(5.0);
        }
    }

    @Test
    void malformedAndUnsupportedInputIsExplained() {
        assertThatThrownBy(() -> SbmlImporter.read("broken.xml", "<sbml><model"))
                .isInstanceOf(OsteobiomeException.class).hasMessageContaining("broken.xml is not readable SBML");
        String unknown = DECAY.replace("<ci>k</ci>", "<ci>kk</ci>");
        assertThatThrownBy(() -> SbmlImporter.read("unknown.xml", unknown))
                .hasMessageContaining("kinetic law of reaction R refers to 'kk'");
        String algebraic = DECAY.replace("</listOfReactions>", """
                </listOfReactions>
                <listOfRules><algebraicRule><math xmlns="http://www.w3.org/1998/Math/MathML"><apply><minus/><ci>k</ci><cn>1</cn></apply></math></algebraicRule></listOfRules>
                """);
        assertThatThrownBy(() -> SbmlImporter.read("dae.xml", algebraic))
                .isInstanceOfSatisfying(OsteobiomeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED))
                .hasMessageContaining("algebraic rule");
        assertThatThrownBy(() -> SbmlSimulator.simulate(SbmlImporter.read("decay.xml", DECAY), Solvers.byName("rodas4", SolverOptions.DEFAULT),
                new double[] {0, 1}, List.of("B"), Set.of(), 1)).hasMessageContaining("has no symbol 'B'");
    }
}
