package io.mpreg.admin.alert;

/** Where an alert is in its life. */
public enum AlertState {
    /** The condition holds, but not yet for the rule's duration. */
    PENDING,
    /** The condition has held for the rule's duration. */
    FIRING,
    /** The condition of a firing alert no longer holds (or its rule was removed). */
    RESOLVED
}
