package app.cairn.shared;

/**
 * What one feature keeps about a student in a course, so that privacy requests can be met without
 * the privacy feature knowing any feature's tables: each feature that stores student data offers a
 * bean of this type. Callers have checked who is asking; implementations only read and delete.
 */
public interface StudentData {

    /** The name of this part in an export, e.g. {@code "units"}. */
    String part();

    /**
     * Everything this feature keeps about the student in the course, as plain values (records,
     * lists, maps, strings, numbers, instants) that serialise to JSON.
     */
    Object export(long courseId, long studentPersonId);

    /** Deletes all of it, inside the caller's transaction. */
    void erase(long courseId, long studentPersonId);

    /** Parts are erased in ascending order; the part holding the person and enrollment goes last. */
    default int eraseOrder() {
        return 0;
    }
}
