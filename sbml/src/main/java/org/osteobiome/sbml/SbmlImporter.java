package org.osteobiome.sbml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.osteobiome.core.ErrorCode;
import org.osteobiome.core.OsteobiomeException;
import org.sbml.jsbml.ASTNode;
import org.sbml.jsbml.AlgebraicRule;
import org.sbml.jsbml.AssignmentRule;
import org.sbml.jsbml.Compartment;
import org.sbml.jsbml.Event;
import org.sbml.jsbml.EventAssignment;
import org.sbml.jsbml.FunctionDefinition;
import org.sbml.jsbml.InitialAssignment;
import org.sbml.jsbml.KineticLaw;
import org.sbml.jsbml.LocalParameter;
import org.sbml.jsbml.Model;
import org.sbml.jsbml.Parameter;
import org.sbml.jsbml.RateRule;
import org.sbml.jsbml.Reaction;
import org.sbml.jsbml.Rule;
import org.sbml.jsbml.SBMLDocument;
import org.sbml.jsbml.SBMLReader;
import org.sbml.jsbml.Species;
import org.sbml.jsbml.SpeciesReference;
import org.sbml.jsbml.Unit;
import org.sbml.jsbml.UnitDefinition;

/**
 * Reads an SBML file (any level and version JSBML reads) into an {@link SbmlOdeModel}: compartments, species in
 * amount or concentration, parameters, reactions with kinetic laws and local parameters, constant and variable
 * stoichiometry, conversion factors, function definitions, initial assignments, assignment and rate rules,
 * piecewise and events (delays, priorities, persistence, initial values, values from trigger or execution time).
 * Refused with a message naming the feature: algebraic rules, fast reactions, delay(), rateOf, and SBML packages
 * (hierarchical composition, flux balance, …).
 */
public final class SbmlImporter {
    private static final Pattern PACKAGE = Pattern.compile("xmlns:(\\w+)=\"http://www\\.sbml\\.org/sbml/level3/version\\d+/([\\w-]+)/version\\d+\"");

    private SbmlImporter() {
    }

    public static SbmlOdeModel read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw OsteobiomeException.cannotRead(file, e);
        }
        return read(file.toString(), text);
    }

    public static SbmlOdeModel read(String source, String xml) {
        Matcher m = PACKAGE.matcher(xml.substring(0, Math.min(xml.length(), 4000)));
        while (m.find()) {
            String pkg = m.group(2);
            throw new OsteobiomeException(ErrorCode.UNSUPPORTED, source + " uses the SBML Level 3 package '" + pkg + "' ("
                    + describePackage(pkg) + "), which osteobiome's SBML importer does not support; flatten the model to SBML core first");
        }
        SBMLDocument doc;
        try {
            doc = new SBMLReader().readSBMLFromString(xml);
        } catch (XMLStreamException | RuntimeException e) {
            throw OsteobiomeException.invalid(source + " is not readable SBML: " + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", "; "));
        }
        Model model = doc == null ? null : doc.getModel();
        if (model == null) {
            throw OsteobiomeException.invalid(source + " contains no SBML model");
        }
        return new Build(source, model).model();
    }

    private static String describePackage(String pkg) {
        return switch (pkg) {
            case "comp" -> "hierarchical model composition";
            case "fbc" -> "flux balance constraints, a steady-state optimisation rather than an ODE model";
            case "distrib" -> "distributions";
            case "arrays" -> "arrays";
            default -> "an extension";
        };
    }

    /** The import of one model. */
    private static final class Build {
        private final String source;
        private final Model model;
        private final Map<String, Integer> slots = new LinkedHashMap<>();
        private final List<String> symbols = new ArrayList<>();
        private final Map<String, ASTNode> functions = new HashMap<>();
        private final Map<String, ASTNode> assignmentRules = new LinkedHashMap<>();
        private final Map<String, ASTNode> rateRules = new LinkedHashMap<>();
        private final Map<String, ASTNode> initialAssignments = new LinkedHashMap<>();
        private final Set<String> eventTargets = new HashSet<>();
        private final Set<String> constantSymbols = new HashSet<>();
        private final Map<String, Species> speciesById = new LinkedHashMap<>();
        private final MathCompiler compiler;

        Build(String source, Model model) {
            this.source = source;
            this.model = model;
            for (FunctionDefinition f : model.getListOfFunctionDefinitions()) {
                if (f.getMath() != null) { // without math it is undefined; a call of it is reported as unknown
                    functions.put(f.getId(), f.getMath());
                }
            }
            for (Compartment c : model.getListOfCompartments()) {
                add(c.getId());
                if (c.getConstant()) {
                    constantSymbols.add(c.getId());
                }
            }
            for (Species s : model.getListOfSpecies()) {
                add(s.getId());
                speciesById.put(s.getId(), s);
            }
            for (Parameter p : model.getListOfParameters()) {
                add(p.getId());
                if (p.getConstant()) {
                    constantSymbols.add(p.getId());
                }
            }
            for (Reaction r : model.getListOfReactions()) {
                if (r.isSetFast() && r.getFast()) {
                    throw new OsteobiomeException(ErrorCode.UNSUPPORTED, source + ": reaction " + r.getId()
                            + " is fast (fast=\"true\"), which needs an algebraic (quasi-steady-state) solver osteobiome does not have");
                }
                for (SpeciesReference sr : references(r)) {
                    if (sr.isSetId()) {
                        add(sr.getId());
                        if (!sr.isSetConstant() || sr.getConstant()) {
                            constantSymbols.add(sr.getId());
                        }
                    }
                }
            }
            for (Reaction r : model.getListOfReactions()) {
                add(r.getId());
            }
            for (Rule rule : model.getListOfRules()) {
                if (rule instanceof AlgebraicRule) {
                    throw new OsteobiomeException(ErrorCode.UNSUPPORTED, source
                            + " has an algebraic rule, which makes it a differential-algebraic system; osteobiome solves ODEs only");
                }
                // SBML Level 3 Version 2 lets math be absent: such a rule has no effect.
                if (rule instanceof AssignmentRule a && a.getMath() != null) {
                    assignmentRules.put(known(a.getVariable(), "assignment rule"), a.getMath());
                } else if (rule instanceof RateRule r && r.getMath() != null) {
                    rateRules.put(known(r.getVariable(), "rate rule"), r.getMath());
                }
            }
            for (InitialAssignment ia : model.getListOfInitialAssignments()) {
                if (ia.getMath() != null) {
                    initialAssignments.put(known(ia.getVariable(), "initial assignment"), ia.getMath());
                }
            }
            for (Event e : model.getListOfEvents()) {
                for (EventAssignment ea : e.getListOfEventAssignments()) {
                    if (ea.getMath() != null) {
                        eventTargets.add(known(ea.getVariable(), "event assignment"));
                    }
                }
            }
            this.compiler = new MathCompiler(slots, functions, source);
        }

        private void add(String id) {
            if (id == null || id.isEmpty()) {
                throw OsteobiomeException.invalid(source + ": an element has no id");
            }
            if (slots.putIfAbsent(id, symbols.size()) != null) {
                throw OsteobiomeException.invalid(source + ": the id '" + id + "' is used twice");
            }
            symbols.add(id);
        }

        private String known(String id, String what) {
            if (!slots.containsKey(id)) {
                throw OsteobiomeException.invalid(source + ": a " + what + " targets '" + id + "', which the model does not define");
            }
            return id;
        }

        private static List<SpeciesReference> references(Reaction r) {
            List<SpeciesReference> all = new ArrayList<>(r.getListOfReactants());
            all.addAll(r.getListOfProducts());
            return all;
        }

        SbmlOdeModel model() {
            int n = symbols.size();
            // Which symbols are states, and how each state's symbol is read.
            List<Integer> stateSlots = new ArrayList<>();
            Map<Integer, Integer> stateOf = new HashMap<>();
            Set<Integer> amountStates = new HashSet<>(); // states holding the amount of a concentration species
            for (String id : symbols) {
                int slot = slots.get(id);
                boolean reaction = model.getReaction(id) != null;
                if (reaction || assignmentRules.containsKey(id)) {
                    continue;
                }
                Species s = speciesById.get(id);
                boolean state = s != null || rateRules.containsKey(id) || eventTargets.contains(id) || !constantSymbols.contains(id);
                if (state) {
                    stateOf.put(slot, stateSlots.size());
                    stateSlots.add(slot);
                    if (s != null && !rateRules.containsKey(id) && !s.getHasOnlySubstanceUnits()) {
                        amountStates.add(slot);
                    }
                }
            }
            for (String id : rateRules.keySet()) {
                if (assignmentRules.containsKey(id)) {
                    throw OsteobiomeException.invalid(source + ": '" + id + "' has both a rate rule and an assignment rule");
                }
            }
            int states = stateSlots.size();
            int[] directSlot = new int[Math.max(states, 1)];
            java.util.Arrays.fill(directSlot, -1);
            for (int i = 0; i < states; i++) {
                if (!amountStates.contains(stateSlots.get(i))) {
                    directSlot[i] = stateSlots.get(i);
                }
            }
            // Computed symbols: assignment rules, species concentrations from amounts, reaction rates.
            Map<Integer, SbmlOdeModel.Step> computed = new LinkedHashMap<>();
            Map<Integer, Set<Integer>> dependsOn = new HashMap<>();
            for (Map.Entry<String, ASTNode> e : assignmentRules.entrySet()) {
                int slot = slots.get(e.getKey());
                computed.put(slot, new SbmlOdeModel.Assign(slot, compiler.at(source + ", assignment rule for " + e.getKey())
                        .compile(e.getValue(), Map.of())));
                dependsOn.put(slot, slotsOf(compiler.symbolsRead(e.getValue(), Set.of())));
            }
            for (int slot : amountStates) {
                String id = symbols.get(slot);
                int compartment = compartmentSlot(speciesById.get(id));
                computed.put(slot, new SbmlOdeModel.Concentration(slot, stateOf.get(slot), compartment));
                dependsOn.put(slot, Set.of(compartment));
            }
            for (Reaction r : model.getListOfReactions()) {
                int slot = slots.get(r.getId());
                KineticLaw law = r.getKineticLaw();
                if (law == null || law.getMath() == null) {
                    throw new OsteobiomeException(ErrorCode.UNSUPPORTED, source + ": reaction " + r.getId() + " has no kinetic law, so its rate is undefined");
                }
                Map<String, Double> locals = new HashMap<>();
                for (LocalParameter lp : law.getListOfLocalParameters()) {
                    locals.put(lp.getId(), lp.isSetValue() ? lp.getValue() : Double.NaN);
                }
                computed.put(slot, new SbmlOdeModel.Assign(slot, compiler.at(source + ", kinetic law of reaction " + r.getId())
                        .compile(law.getMath(), locals)));
                dependsOn.put(slot, slotsOf(compiler.symbolsRead(law.getMath(), locals.keySet())));
            }
            SbmlOdeModel.Step[] steps = order(computed, dependsOn);
            // How each state changes.
            SbmlOdeModel.Change[] changes = new SbmlOdeModel.Change[Math.max(states, 1)];
            Map<String, List<Integer>> reactionsOf = new HashMap<>();
            Map<String, List<Expr>> stoichiometryOf = new HashMap<>();
            // The symbols each state's change reads (for the Jacobian's pattern): its rate rule's, or its reactions',
            // their stoichiometries' and its conversion factor's.
            Map<Integer, Set<Integer>> changeReads = new HashMap<>();
            Map<String, Set<Integer>> stoichiometryReads = new HashMap<>();
            for (Reaction r : model.getListOfReactions()) {
                for (SpeciesReference sr : r.getListOfReactants()) {
                    reactionsOf.computeIfAbsent(sr.getSpecies(), k -> new ArrayList<>()).add(slots.get(r.getId()));
                    Expr s = stoichiometry(r, sr);
                    stoichiometryOf.computeIfAbsent(sr.getSpecies(), k -> new ArrayList<>()).add((t, v) -> -s.eval(t, v));
                    stoichiometryReads.computeIfAbsent(sr.getSpecies(), k -> new HashSet<>()).addAll(stoichiometrySlots(sr));
                }
                for (SpeciesReference sr : r.getListOfProducts()) {
                    reactionsOf.computeIfAbsent(sr.getSpecies(), k -> new ArrayList<>()).add(slots.get(r.getId()));
                    stoichiometryOf.computeIfAbsent(sr.getSpecies(), k -> new ArrayList<>()).add(stoichiometry(r, sr));
                    stoichiometryReads.computeIfAbsent(sr.getSpecies(), k -> new HashSet<>()).addAll(stoichiometrySlots(sr));
                }
            }
            for (int i = 0; i < states; i++) {
                String id = symbols.get(stateSlots.get(i));
                if (rateRules.containsKey(id)) {
                    changes[i] = new SbmlOdeModel.Change(compiler.at(source + ", rate rule for " + id).compile(rateRules.get(id), Map.of()),
                            null, null, null);
                    changeReads.put(i, slotsOf(compiler.symbolsRead(rateRules.get(id), Set.of())));
                    continue;
                }
                Species s = speciesById.get(id);
                if (s == null || s.getBoundaryCondition() || s.getConstant() || !reactionsOf.containsKey(id)) {
                    continue;
                }
                String factor = s.isSetConversionFactor() ? s.getConversionFactor()
                        : model.isSetConversionFactor() ? model.getConversionFactor() : null;
                Expr cf = null;
                Set<Integer> reads = new HashSet<>(reactionsOf.get(id));
                reads.addAll(stoichiometryReads.getOrDefault(id, Set.of()));
                if (factor != null) {
                    int f = slots.get(known(factor, "conversion factor"));
                    cf = (t, v) -> v[f];
                    reads.add(f);
                }
                changeReads.put(i, reads);
                changes[i] = new SbmlOdeModel.Change(null, reactionsOf.get(id).stream().mapToInt(Integer::intValue).toArray(),
                        stoichiometryOf.get(id).toArray(Expr[]::new), cf);
            }
            double t0 = 0;
            double[] values = initialValues(steps, t0);
            double[] y0 = new double[Math.max(states, 1)];
            for (int i = 0; i < states; i++) {
                int slot = stateSlots.get(i);
                y0[i] = amountStates.contains(slot) ? values[slot] * values[compartmentSlot(speciesById.get(symbols.get(slot)))] : values[slot];
            }
            List<SbmlEvent> events = events(stateOf, amountStates);
            // Species integrated as concentrations (rate rules) keep their amount when an event resizes their compartment.
            int[] concentrationCompartment = new int[y0.length];
            java.util.Arrays.fill(concentrationCompartment, -1);
            for (int i = 0; i < states; i++) {
                Species s = speciesById.get(symbols.get(stateSlots.get(i)));
                if (s != null && rateRules.containsKey(s.getId()) && !s.getHasOnlySubstanceUnits()) {
                    concentrationCompartment[i] = compartmentSlot(s);
                }
            }
            Map<String, SbmlOdeModel.SpeciesInfo> info = new HashMap<>();
            for (Species s : speciesById.values()) {
                info.put(s.getId(), new SbmlOdeModel.SpeciesInfo(slots.get(s.getId()), compartmentSlot(s), s.getHasOnlySubstanceUnits()));
            }
            boolean[][] pattern = jacobianPattern(y0.length, directSlot, computed, dependsOn, changeReads);
            return new SbmlOdeModel(model.isSetId() ? model.getId() : "sbml-model", symbols, slots, values, directSlot, steps, changes, t0,
                    y0, events, info, concentrationCompartment, units(), unitName(model.getTimeUnits()), pattern);
        }

        /** The slots a species reference's stoichiometry reads: its math's symbols, or its own id when rules set it. */
        private Set<Integer> stoichiometrySlots(SpeciesReference sr) {
            if (sr.isSetStoichiometryMath() && sr.getStoichiometryMath().getMath() != null) {
                return slotsOf(compiler.symbolsRead(sr.getStoichiometryMath().getMath(), Set.of()));
            }
            return sr.isSetId() ? Set.of(slots.get(sr.getId())) : Set.of();
        }

        /**
         * The structural pattern of ∂f/∂y from the math itself: state i's change reads state j when its formulas read
         * j's symbol directly or through computed symbols (assignment rules, reaction rates, concentrations), every
         * branch of a piecewise included. Exact whatever the state, unlike probing.
         */
        private static boolean[][] jacobianPattern(int n, int[] directSlot, Map<Integer, SbmlOdeModel.Step> computed,
                                                   Map<Integer, Set<Integer>> dependsOn, Map<Integer, Set<Integer>> changeReads) {
            Map<Integer, Integer> stateOfSlot = new HashMap<>();
            for (int i = 0; i < directSlot.length; i++) {
                if (directSlot[i] >= 0) {
                    stateOfSlot.put(directSlot[i], i);
                }
            }
            Map<Integer, Set<Integer>> statesRead = new HashMap<>();
            boolean[][] pattern = new boolean[n][n];
            for (int i = 0; i < n; i++) {
                pattern[i][i] = true;
                for (int slot : changeReads.getOrDefault(i, Set.of())) {
                    for (int j : statesReadBy(slot, stateOfSlot, computed, dependsOn, statesRead)) {
                        pattern[i][j] = true;
                    }
                }
            }
            return pattern;
        }

        private static Set<Integer> statesReadBy(int slot, Map<Integer, Integer> stateOfSlot, Map<Integer, SbmlOdeModel.Step> computed,
                                                 Map<Integer, Set<Integer>> dependsOn, Map<Integer, Set<Integer>> memo) {
            Set<Integer> known = memo.get(slot);
            if (known != null) {
                return known;
            }
            Set<Integer> out = new HashSet<>();
            if (stateOfSlot.containsKey(slot)) {
                out.add(stateOfSlot.get(slot));
            } else if (computed.get(slot) instanceof SbmlOdeModel.Concentration c) {
                out.add(c.state());
                out.addAll(statesReadBy(c.compartmentSlot(), stateOfSlot, computed, dependsOn, memo));
            } else if (computed.containsKey(slot)) {
                for (int d : dependsOn.getOrDefault(slot, Set.of())) {
                    if (d != slot) {
                        out.addAll(statesReadBy(d, stateOfSlot, computed, dependsOn, memo));
                    }
                }
            }
            memo.put(slot, out);
            return out;
        }

        /** The declared unit of every symbol that has one; a species in concentration reads "substance/size". */
        private Map<String, String> units() {
            Map<String, String> out = new HashMap<>();
            for (Parameter p : model.getListOfParameters()) {
                putUnit(out, p.getId(), unitName(p.getUnits()));
            }
            for (Compartment c : model.getListOfCompartments()) {
                putUnit(out, c.getId(), unitName(c.getUnits()));
            }
            for (Species s : model.getListOfSpecies()) {
                String substance = unitName(s.isSetUnits() ? s.getUnits() : model.getSubstanceUnits());
                Compartment c = model.getCompartment(s.getCompartment());
                String size = c == null ? null : unitName(c.getUnits());
                putUnit(out, s.getId(), substance == null || s.getHasOnlySubstanceUnits() || size == null ? substance : substance + "/" + size);
            }
            return out;
        }

        private static void putUnit(Map<String, String> out, String id, String unit) {
            if (unit != null) {
                out.put(id, unit);
            }
        }

        /** A unit reference as a reader sees it: the unit definition's name if it has one, else the reference itself. */
        private String unitName(String reference) {
            if (reference == null || reference.isBlank()) {
                return null;
            }
            if (Unit.isUnitKind(reference, model.getLevel(), model.getVersion())) {
                return reference; // a base unit such as "second", not JSBML's predefined "Base unit second"
            }
            UnitDefinition ud = model.getUnitDefinition(reference);
            return ud != null && ud.isSetName() && !ud.getName().isBlank() ? ud.getName() : reference;
        }

        private int compartmentSlot(Species s) {
            Integer c = slots.get(s.getCompartment());
            if (c == null) {
                throw OsteobiomeException.invalid(source + ": species " + s.getId() + " lies in compartment '" + s.getCompartment()
                        + "', which the model does not define");
            }
            return c;
        }

        private Set<Integer> slotsOf(Set<String> names) {
            Set<Integer> out = new HashSet<>();
            for (String name : names) {
                Integer s = slots.get(name);
                if (s != null) {
                    out.add(s);
                }
            }
            return out;
        }

        private Expr stoichiometry(Reaction r, SpeciesReference sr) {
            if (sr.isSetStoichiometryMath() && sr.getStoichiometryMath().getMath() != null) {
                return compiler.at(source + ", stoichiometry of " + sr.getSpecies() + " in reaction " + r.getId())
                        .compile(sr.getStoichiometryMath().getMath(), Map.of());
            }
            if (sr.isSetId()) {
                int slot = slots.get(sr.getId());
                return (t, v) -> v[slot];
            }
            double s = sr.isSetStoichiometry() ? sr.getStoichiometry() : 1;
            return Expr.constant(s);
        }

        /** Computed symbols in an order where each comes after what it reads; a cycle is an error. */
        private SbmlOdeModel.Step[] order(Map<Integer, SbmlOdeModel.Step> computed, Map<Integer, Set<Integer>> dependsOn) {
            Map<Integer, Integer> pending = new HashMap<>();
            Map<Integer, List<Integer>> readers = new HashMap<>();
            for (int slot : computed.keySet()) {
                int count = 0;
                for (int d : dependsOn.get(slot)) {
                    if (computed.containsKey(d) && d != slot) {
                        count++;
                        readers.computeIfAbsent(d, k -> new ArrayList<>()).add(slot);
                    } else if (d == slot) {
                        throw OsteobiomeException.invalid(source + ": the rule for '" + symbols.get(slot) + "' reads its own value");
                    }
                }
                pending.put(slot, count);
            }
            Deque<Integer> ready = new ArrayDeque<>();
            for (int slot : computed.keySet()) {
                if (pending.get(slot) == 0) {
                    ready.add(slot);
                }
            }
            List<SbmlOdeModel.Step> out = new ArrayList<>();
            while (!ready.isEmpty()) {
                int slot = ready.poll();
                out.add(computed.get(slot));
                for (int reader : readers.getOrDefault(slot, List.of())) {
                    if (pending.merge(reader, -1, Integer::sum) == 0) {
                        ready.add(reader);
                    }
                }
            }
            if (out.size() < computed.size()) {
                Set<String> loop = new LinkedHashSet<>();
                pending.forEach((slot, count) -> {
                    if (count > 0) {
                        loop.add(symbols.get(slot));
                    }
                });
                throw OsteobiomeException.invalid(source + ": assignment rules depend on each other in a cycle (" + String.join(", ", loop) + ")");
            }
            return out.toArray(SbmlOdeModel.Step[]::new);
        }

        /**
         * Initial values of every symbol: declared values, then initial assignments and assignment rules, repeated until
         * every dependency has been resolved (the number of passes bounds the depth of any acyclic chain).
         */
        private double[] initialValues(SbmlOdeModel.Step[] steps, double t0) {
            int n = symbols.size();
            double[] v = new double[n];
            java.util.Arrays.fill(v, Double.NaN);
            Map<Integer, Expr> initial = new LinkedHashMap<>();
            for (Map.Entry<String, ASTNode> e : initialAssignments.entrySet()) {
                if (assignmentRules.containsKey(e.getKey())) {
                    throw OsteobiomeException.invalid(source + ": '" + e.getKey() + "' has both an initial assignment and an assignment rule");
                }
                initial.put(slots.get(e.getKey()), compiler.at(source + ", initial assignment to " + e.getKey()).compile(e.getValue(), Map.of()));
            }
            Map<Integer, Expr> rules = new LinkedHashMap<>();
            for (SbmlOdeModel.Step step : steps) {
                if (step instanceof SbmlOdeModel.Assign a) {
                    rules.put(a.slot(), a.math());
                }
            }
            int passes = initial.size() + rules.size() + 3;
            for (int pass = 0; pass < passes; pass++) {
                for (Compartment c : model.getListOfCompartments()) {
                    int slot = slots.get(c.getId());
                    if (!initial.containsKey(slot) && !rules.containsKey(slot)) {
                        v[slot] = c.isSetSize() ? c.getSize() : 1;
                    }
                }
                for (Parameter p : model.getListOfParameters()) {
                    int slot = slots.get(p.getId());
                    if (!initial.containsKey(slot) && !rules.containsKey(slot)) {
                        v[slot] = p.isSetValue() ? p.getValue() : Double.NaN;
                    }
                }
                for (Reaction r : model.getListOfReactions()) {
                    for (SpeciesReference sr : references(r)) {
                        if (sr.isSetId()) {
                            int slot = slots.get(sr.getId());
                            if (!initial.containsKey(slot) && !rules.containsKey(slot)) {
                                v[slot] = sr.isSetStoichiometry() ? sr.getStoichiometry() : 1;
                            }
                        }
                    }
                }
                for (Species s : speciesById.values()) {
                    int slot = slots.get(s.getId());
                    if (initial.containsKey(slot) || rules.containsKey(slot)) {
                        continue;
                    }
                    double size = v[compartmentSlot(s)];
                    boolean substance = s.getHasOnlySubstanceUnits();
                    if (s.isSetInitialAmount()) {
                        v[slot] = substance ? s.getInitialAmount() : s.getInitialAmount() / size;
                    } else if (s.isSetInitialConcentration()) {
                        v[slot] = substance ? s.getInitialConcentration() * size : s.getInitialConcentration();
                    } else {
                        v[slot] = Double.NaN;
                    }
                }
                for (Map.Entry<Integer, Expr> e : initial.entrySet()) {
                    v[e.getKey()] = e.getValue().eval(t0, v);
                }
                for (Map.Entry<Integer, Expr> e : rules.entrySet()) {
                    v[e.getKey()] = e.getValue().eval(t0, v);
                }
            }
            return v;
        }

        private List<SbmlEvent> events(Map<Integer, Integer> stateOf, Set<Integer> amountStates) {
            List<SbmlEvent> out = new ArrayList<>();
            int number = 0;
            for (Event e : model.getListOfEvents()) {
                number++;
                String id = e.isSetId() ? e.getId() : "event " + number;
                if (e.getTrigger() == null || e.getTrigger().getMath() == null) {
                    continue; // a trigger without math never fires (SBML Level 3 Version 2)
                }
                MathCompiler c = compiler.at(source + ", event " + id);
                List<SbmlEvent.Assignment> assignments = new ArrayList<>();
                for (EventAssignment ea : e.getListOfEventAssignments()) {
                    if (ea.getMath() == null) {
                        continue; // no math: no assignment
                    }
                    int slot = slots.get(ea.getVariable());
                    Integer state = stateOf.get(slot);
                    if (state == null) {
                        throw OsteobiomeException.invalid(source + ": event " + id + " assigns '" + ea.getVariable()
                                + "', which is constant or set by an assignment rule");
                    }
                    int compartment = amountStates.contains(slot) ? compartmentSlot(speciesById.get(ea.getVariable())) : -1;
                    assignments.add(new SbmlEvent.Assignment(state, compartment, c.compile(ea.getMath(), Map.of())));
                }
                boolean initialValue = !e.getTrigger().isSetInitialValue() || e.getTrigger().getInitialValue();
                boolean persistent = !e.getTrigger().isSetPersistent() || e.getTrigger().getPersistent();
                Expr delay = e.isSetDelay() && e.getDelay().getMath() != null ? c.compile(e.getDelay().getMath(), Map.of()) : null;
                Expr priority = e.isSetPriority() && e.getPriority().getMath() != null ? c.compile(e.getPriority().getMath(), Map.of()) : null;
                boolean fromTrigger = !e.isSetUseValuesFromTriggerTime() || e.getUseValuesFromTriggerTime();
                out.add(new SbmlEvent(id, c.compile(e.getTrigger().getMath(), Map.of()), initialValue, persistent, delay, priority,
                        fromTrigger, assignments, c.switchingFunctions(e.getTrigger().getMath())));
            }
            return out;
        }
    }
}
