package org.osteobiome.model;

import java.util.List;
import org.osteobiome.core.OsteobiomeException;
import org.osteobiome.model.gutbone.GutBoneAxis;
import org.osteobiome.model.published.Cook2022Wnt10b;
import org.osteobiome.model.published.Islam2021Butyrate;
import org.osteobiome.model.published.Komarova2003;
import org.osteobiome.model.published.Lemaire2004;
import org.osteobiome.model.published.Nelson2026Menopause;

/** Every model osteobiome ships, by id. */
public final class ModelCatalog {
    private static final List<Model> MODELS = List.of(
            new Islam2021Butyrate(),
            new Cook2022Wnt10b(),
            new Nelson2026Menopause(),
            new Komarova2003(),
            new Lemaire2004(),
            new GutBoneAxis());

    private ModelCatalog() {
    }

    public static List<Model> all() {
        return MODELS;
    }

    public static List<String> ids() {
        return MODELS.stream().map(Model::id).toList();
    }

    /** The model with this id, or an error listing the valid ids. */
    public static Model get(String id) {
        for (Model m : MODELS) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw OsteobiomeException.unknown("unknown model '" + id + "'; valid models: " + String.join(", ", ids()));
    }
}
