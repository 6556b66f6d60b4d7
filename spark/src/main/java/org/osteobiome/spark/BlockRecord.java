package org.osteobiome.spark;

import java.io.Serializable;

/**
 * A block as a row of the {@code blocks} Parquet dataset. A bean, because Spark's bean encoder copies a primitive
 * {@code double[]} into its row format in one piece, where a generic {@code Row} converts element by element (10,000-sample
 * Bray–Curtis on 2 cores: 24.6 → 22.7 s whole command).
 */
public final class BlockRecord implements Serializable {
    private static final long serialVersionUID = 1L;
    private int r0;
    private int r1;
    private int c0;
    private int c1;
    private double[] distances;

    public BlockRecord() {
    }

    static BlockRecord of(DistanceBlock b) {
        BlockRecord r = new BlockRecord();
        r.r0 = b.r0();
        r.r1 = b.r1();
        r.c0 = b.c0();
        r.c1 = b.c1();
        r.distances = b.values();
        return r;
    }

    public int getR0() {
        return r0;
    }

    public void setR0(int r0) {
        this.r0 = r0;
    }

    public int getR1() {
        return r1;
    }

    public void setR1(int r1) {
        this.r1 = r1;
    }

    public int getC0() {
        return c0;
    }

    public void setC0(int c0) {
        this.c0 = c0;
    }

    public int getC1() {
        return c1;
    }

    public void setC1(int c1) {
        this.c1 = c1;
    }

    public double[] getDistances() {
        return distances;
    }

    public void setDistances(double[] distances) {
        this.distances = distances;
    }
}
