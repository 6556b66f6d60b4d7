package org.osteobiome.microbiome.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteobiome.microbiome.SharedData;

class MetadataReaderTest {

    @Test
    void karlssonHasCrOnlyLineEndsAndTrailingSpacesInNames() {
        SampleMetadata m = MetadataReader.read(SharedData.data("real/karlsson2013/mapping-orig.txt"));
        assertThat(m.sampleIds()).hasSize(144);
        assertThat(m.columns()).contains("Classification", "BMI");
        String[] classes = m.values("Classification", m.sampleIds());
        assertThat(List.of(classes)).containsOnly("NGT", "IGT", "T2D");
        assertThat(m.numeric()[m.columnIndex("Age")]).isTrue();
        assertThat(m.numeric()[m.columnIndex("Classification")]).isFalse();
    }

    @Test
    void claessonSupplementHasConflictingRepeatedSubjectsAndIsRefusedWithTheirLines() {
        // EM172 repeats with only its Stratum (merged); EM191 repeats with a different Stratum, which cannot be merged.
        assertThatThrownBy(() -> MetadataReader.read(SharedData.data("real/claesson2012/mapping-suppl.txt")))
                .hasMessageContaining("mapping-suppl.txt, line 200: sample id 'EM191' already on line 66 with a different Stratum");
    }

    @Test
    void dashesAreMissingAndConsistentRepeatedRowsMerge() throws Exception {
        SampleMetadata m = MetadataReader.read("m.tsv", new StringReader("Subject\tAge\tGender\rEM1\t70\t-\rEM2\t-\tMale\rEM1\t\tFemale\r"));
        assertThat(m.sampleIds()).containsExactly("EM1", "EM2");
        assertThat(m.values("Gender", List.of("EM1", "EM2"))).containsExactly("Female", "Male");
        assertThat(m.values("Age", List.of("EM2"))).containsExactly((String) null);
        assertThat(m.warnings()).singleElement().asString().contains("EM1").contains("merged");
    }

    @Test
    void qiime2TypesRowBomCsvAndQuotes() throws Exception {
        SampleMetadata q2 = MetadataReader.read("m.tsv", new StringReader(
                "\uFEFFsample-id\tbmd\tgroup \n#q2:types\tnumeric\tcategorical\nA\t0.91\t1\nB\tNA\t2\n"));
        assertThat(q2.columns()).containsExactly("bmd", "group");
        assertThat(q2.numeric()).containsExactly(true, false);
        assertThat(q2.values("bmd", List.of("B", "A"))).containsExactly(null, "0.91");
        SampleMetadata csv = MetadataReader.read("m.csv", new StringReader("id,site,note\r\nA,\"gut, distal\",x\r\nB,oral,\r\n"));
        assertThat(csv.values("site", List.of("A"))).containsExactly("gut, distal");
        assertThat(csv.values("note", List.of("B"))).containsExactly((String) null);
    }

    @Test
    void problemsNameFileLineAndFix() {
        assertThatThrownBy(() -> MetadataReader.read("m.tsv", new StringReader("id\tx\nA\t1\nA\t2\n")))
                .hasMessageContaining("m.tsv, line 3: sample id 'A' already on line 2 with a different x ('1' vs '2')");
        SampleMetadata m = MetadataReader.read(SharedData.data("formats/qiime2/sample-metadata.tsv"));
        assertThatThrownBy(() -> m.columnIndex("Subjekt")).hasMessageContaining("no column 'Subjekt'; columns: BarcodeSequence");
        assertThatThrownBy(() -> m.values("Subject", List.of("K1.A", "nope"))).hasMessageContaining("no row for 1 sample(s): nope");
    }
}
