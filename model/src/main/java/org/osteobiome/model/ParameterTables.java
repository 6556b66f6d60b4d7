package org.osteobiome.model;

import java.util.List;

/**
 * The parameter tables of models as Markdown ({@code docs/parameters.md}), generated from the models' own
 * {@link ParameterSpec}s so that the documentation cannot drift from the code.
 */
public final class ParameterTables {
    private ParameterTables() {
    }

    /** One section per model: reference, then id, value, unit, allowed range, meaning, source and role of each parameter. */
    public static String markdown(List<Model> models) {
        StringBuilder md = new StringBuilder();
        md.append("# Parameters\n\n")
                .append("Generated from the code by `./osteobiome model show --format markdown --all > docs/parameters.md`; a test fails when\n")
                .append("this file and the code disagree. Role: **fixed** (taken from the source named, or assumed), **calibrated**\n")
                .append("(fitted by osteobiome; the source gives the data and the 95% profile-likelihood interval) or **setting**\n")
                .append("(a choice about the run). Research software, not a diagnostic device.\n");
        for (Model m : models) {
            md.append("\n## `").append(m.id()).append("`\n\n")
                    .append(m.summary()).append("\n\n")
                    .append(m.reference()).append("\n\n").append("Default solver: ").append(m.solverDefaults().solver())
                    .append(", rtol ").append(org.osteobiome.core.Numbers.format(m.solverDefaults().relativeTolerance())).append(", atol ")
                    .append(org.osteobiome.core.Numbers.format(m.solverDefaults().absoluteTolerance())).append(".\n\n")
                    .append("| id | value | unit | allowed | meaning | source | role |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            for (ParameterSpec p : m.parameters()) {
                md.append("| `").append(p.id()).append("` | ")
                        .append(cell(p.defaultText())).append(" | ")
                        .append(cell(p.unit())).append(" | ")
                        .append(cell(p.rangeText())).append(" | ")
                        .append(cell(p.meaning())).append(" | ")
                        .append(cell(p.source())).append(" | ")
                        .append(p.role().name().toLowerCase(java.util.Locale.ROOT)).append(" |\n");
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
