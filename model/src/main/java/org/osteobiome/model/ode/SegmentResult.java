package org.osteobiome.model.ode;

/**
 * Where one segment of integration ended.
 *
 * @param time       the end time reached (segment end or event time)
 * @param state      the state there
 * @param eventIndex index of the state event that ended the segment, or -1
 */
record SegmentResult(double time, double[] state, int eventIndex) {

    boolean endedByEvent() {
        return eventIndex >= 0;
    }
}
