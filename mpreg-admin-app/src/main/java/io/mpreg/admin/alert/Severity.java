package io.mpreg.admin.alert;

/** How urgent an alert is. A firing {@link #CRITICAL} alert turns the admin app's health DOWN. */
public enum Severity {
    /** For the record. */
    INFO,
    /** Needs a look. */
    WARNING,
    /** Needs action now. */
    CRITICAL
}
