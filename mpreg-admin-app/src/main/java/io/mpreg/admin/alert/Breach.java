package io.mpreg.admin.alert;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A rule's condition holds for one subject (a member, a cluster or a function) now.
 *
 * @param key     the subject: {@code cluster/member}, {@code cluster} or {@code cluster/function}
 * @param labels  what the subject is ({@code cluster}, {@code node}, {@code function})
 * @param value   the measured value, for rules that measure one
 * @param summary one line for people
 */
record Breach(String key, Map<String, String> labels, @Nullable Double value, String summary) {
}
