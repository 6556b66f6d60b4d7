package org.osteobiome.sbml;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.symbolic.SymbolicModel;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.CVTerm;
import org.sbml.jsbml.Event;
import org.sbml.jsbml.EventAssignment;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.RateRule;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLException;
import org.sbml.jsbml.SBMLWriter;
import org.sbml.jsbml.Trigger;
import org.sbml.jsbml.Unit;
import org.sbml.jsbml.UnitDefinition;
import org.sbml.jsbml.text.parser.FormulaParserLL3;
import org.sbml.jsbml.text.parser.ParseException;

/**
 * Writes a {@link SymbolicModel} as SBML Level 3 Version 2: constants as constant parameters, states as parameters
 * with rate rules, definitions as assignment rules, timed changes as events ({@code time >= T}), each with its unit
 * and its meaning in the notes; time in days.
 */
public final class SbmlExporter {
    private SbmlExporter() {
    }

    /** The SBML text. */
    public static String write(SymbolicModel m, String... describedBy) {
        SBMLDocument doc = new SBMLDocument(3, 2);
        Model model = doc.createModel(m.id());
        model.setName(m.id());
        model.setMetaId("meta_" + m.id());
        notes(model, m.description());
        for (String uri : describedBy) {
            CVTerm term = new CVTerm(CVTerm.Qualifier.BQM_IS_DESCRIBED_BY);
            term.addResource(uri);
            model.addCVTerm(term);
        }
        Units units = new Units(model);
        model.setTimeUnits(units.id("day"));
        for (SymbolicModel.Quantity c : m.constants()) {
            Parameter p = parameter(model, c.id(), c.value(), true, units.id(c.unit()), c.meaning());
            p.setValue(c.value());
        }
        for (SymbolicModel.State s : m.states()) {
            parameter(model, s.id(), s.initial(), false, units.id(s.unit()), s.meaning());
            RateRule rule = model.createRateRule();
            rule.setVariable(s.id());
            rule.setMath(parse(s.rate(), "rate of " + s.id()));
        }
        for (SymbolicModel.Quantity d : m.definitions()) {
            parameter(model, d.id(), Double.NaN, false, units.id(d.unit()), d.meaning());
            AssignmentRule rule = model.createAssignmentRule();
            rule.setVariable(d.id());
            rule.setMath(parse(d.formula(), "definition of " + d.id()));
        }
        int n = 0;
        for (SymbolicModel.TimedChange change : m.events()) {
            Event e = model.createEvent("event_" + (++n));
            e.setName(change.name() + " at day " + change.time());
            e.setUseValuesFromTriggerTime(true);
            Trigger trigger = e.createTrigger(false, true);
            trigger.setMath(parse("time >= " + change.time(), "trigger of " + change.name()));
            for (Map.Entry<String, String> a : change.assignments().entrySet()) {
                EventAssignment ea = e.createEventAssignment();
                ea.setVariable(a.getKey());
                ea.setMath(parse(a.getValue(), change.name() + " assignment to " + a.getKey()));
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new SBMLWriter().write(doc, out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (XMLStreamException | SBMLException e) {
            throw new OsteobiomeException(ErrorCode.INTERNAL, "cannot write SBML: " + e.getMessage(), e);
        }
    }

    private static Parameter parameter(Model model, String id, double value, boolean constant, String unit, String meaning) {
        Parameter p = model.createParameter(id);
        p.setConstant(constant);
        if (!Double.isNaN(value)) {
            p.setValue(value);
        }
        if (unit != null) {
            p.setUnits(unit);
        }
        p.setMetaId("meta_" + id);
        notes(p, meaning);
        return p;
    }

    private static void notes(org.sbml.jsbml.AbstractSBase element, String text) {
        try {
            element.setNotes("<body xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + escape(text) + "</p></body>");
        } catch (XMLStreamException e) {
            throw new OsteobiomeException(ErrorCode.INTERNAL, "cannot write notes: " + e.getMessage(), e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static ASTNode parse(String formula, String what) {
        try {
            return ASTNode.parseFormula(formula, new FormulaParserLL3(new StringReader("")));
        } catch (ParseException | RuntimeException e) {
            throw new OsteobiomeException(ErrorCode.INTERNAL, "cannot parse the " + what + " '" + formula + "': " + e.getMessage(), e);
        }
    }

    /** SBML unit definitions for the units osteobiome writes; others are left without a unit (and stay in the notes). */
    private static final class Units {
        private final Model model;
        private final Map<String, String> ids = new HashMap<>();

        Units(Model model) {
            this.model = model;
        }

        String id(String unit) {
            if (unit == null) {
                return null;
            }
            return ids.computeIfAbsent(unit, this::define);
        }

        private String define(String unit) {
            return switch (unit) {
                case "1", "fold" -> "dimensionless";
                case "day" -> definition("day", unit, new Object[] {Unit.Kind.SECOND, 1, 86400.0});
                case "1/day" -> definition("per_day", unit, new Object[] {Unit.Kind.SECOND, -1, 86400.0});
                case "µM" -> definition("micromolar", unit, new Object[] {Unit.Kind.MOLE, 1, 1e-6}, new Object[] {Unit.Kind.LITRE, -1, 1.0});
                case "%" -> definition("percent", unit, new Object[] {Unit.Kind.DIMENSIONLESS, 1, 0.01});
                case "%/year" -> definition("percent_per_year", unit, new Object[] {Unit.Kind.DIMENSIONLESS, 1, 0.01},
                        new Object[] {Unit.Kind.SECOND, -1, 365 * 86400.0});
                case "cells" -> "item";
                default -> null;
            };
        }

        /** A unit definition; its name is the unit as osteobiome writes it, which importers show on axes. */
        private String definition(String id, String name, Object[]... parts) {
            UnitDefinition ud = model.createUnitDefinition(id);
            ud.setName(name);
            for (Object[] part : parts) {
                Unit u = ud.createUnit((Unit.Kind) part[0]);
                u.setExponent(((Integer) part[1]).doubleValue());
                u.setScale(0);
                u.setMultiplier((Double) part[2]);
            }
            return id;
        }
    }
}
