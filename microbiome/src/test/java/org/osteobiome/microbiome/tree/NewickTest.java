package org.osteobiome.microbiome.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.osteobiome.microbiome.SharedData;

class NewickTest {

    @Test
    void readsTheCrawfordTree() {
        PhyloTree tree = Newick.read(SharedData.data("formats/unifrac-crawford/crawford.tre"));
        assertThat(tree.tipCount()).isGreaterThanOrEqualTo(365);
        int tip = tree.tip("169901");
        assertThat(tip).isPositive();
        assertThat(tree.length(tip)).isEqualTo(0.39755);
    }

    @Test
    void quotedLabelsCommentsAndInternalNames() {
        PhyloTree tree = Newick.parse("t", " ('a b':1.5,[comment](c:2,'d''e':0.5)inner:1e-1)root;");
        assertThat(tree.tip("a b")).isPositive();
        assertThat(tree.tip("d'e")).isPositive();
        assertThat(tree.tipCount()).isEqualTo(3);
        assertThat(tree.depths()[tree.tip("c")]).isCloseTo(2.1, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void missingBranchLengthsAndBrokenTreesAreNamed() {
        assertThatThrownBy(() -> Newick.parse("t.nwk", "((a:1,b):1,c:2);"))
                .hasMessageContaining("t.nwk: tip 'b' (starting at character 7) has no branch length");
        assertThatThrownBy(() -> Newick.parse("t.nwk", "((a:1,b:1),c:2);")).hasMessageContaining("internal node");
        assertThatThrownBy(() -> Newick.parse("t.nwk", "((a:1,b:1):1,c:2")).hasMessageContaining("missing ';'");
        assertThatThrownBy(() -> Newick.parse("t.nwk", "((a:1,a:1):1,c:2);")).hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> Newick.parse("t.nwk", "((a:x,b:1):1,c:2);")).hasMessageContaining("branch length 'x'");
    }

    @Test
    void veryDeepTreesDoNotOverflowTheStack() {
        StringBuilder s = new StringBuilder();
        int depth = 50_000;
        s.append("(".repeat(depth)).append("t0:1");
        for (int i = 1; i <= depth; i++) {
            s.append(",t").append(i).append(":1):1");
        }
        s.setLength(s.length() - 2);
        s.append(";");
        assertThat(Newick.parse("deep", s.toString()).tipCount()).isEqualTo(depth + 1);
    }
}
