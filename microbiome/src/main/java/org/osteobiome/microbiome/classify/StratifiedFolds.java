package org.osteobiome.microbiome.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.osteobiome.core.OsteobiomeException;

/** Stratified k-fold assignment: each class shuffled (seeded) and dealt round-robin, so folds keep the class balance. */
public final class StratifiedFolds {
    private StratifiedFolds() {
    }

    /** Fold index (0…k−1) per sample. */
    public static int[] assign(int[] labels, int k, long seed) {
        int cases = 0;
        for (int l : labels) {
            cases += l;
        }
        int controls = labels.length - cases;
        if (k < 2 || Math.min(cases, controls) < k) {
            throw OsteobiomeException.invalid(k + "-fold cross-validation needs at least " + k + " samples of each class; have "
                    + cases + " at risk and " + controls + " healthy — use fewer folds or a larger cohort");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] fold = new int[labels.length];
        int offset = 0;
        for (int cls = 0; cls <= 1; cls++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == cls) {
                    members.add(i);
                }
            }
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = members.get(i);
                members.set(i, members.get(j));
                members.set(j, t);
            }
            for (int i = 0; i < members.size(); i++) {
                fold[members.get(i)] = (offset + i) % k;
            }
            offset += members.size();
        }
        return fold;
    }
}
