package io.mpreg.server.demo;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;

import io.mpreg.spring.MpregFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A small data pipeline, one function per stage, meant to be chained in one
 * request: {@code ingest -> clean -> stats -> report}.
 */
@Component
@Profile("demo")
public class DemoPipeline {

    /** The plausible range of a reading; values outside it are dropped by {@link #clean}. */
    private static final double LOWEST = -50.0;
    private static final double HIGHEST = 150.0;

    /** Parses {@code sensor,value} lines; a line without a numeric value yields a reading without one. */
    @MpregFunction(resources = "demo", description = "Parses 'sensor,value' lines into readings", idempotent = true)
    public List<Reading> ingest(List<String> lines) {
        List<Reading> readings = new ArrayList<>(lines.size());
        for (String line : lines) {
            String[] parts = line.split(",", 2);
            readings.add(new Reading(parts[0].trim(), parts.length == 2 ? parseOrNull(parts[1].trim()) : null));
        }
        return readings;
    }

    /** Drops readings that have no value or a value outside the plausible range. */
    @MpregFunction(resources = "demo", description = "Drops missing and implausible readings", idempotent = true)
    public List<Reading> clean(List<Reading> readings) {
        return readings.stream()
                .filter(reading -> reading.value() != null
                        && reading.value() >= LOWEST && reading.value() <= HIGHEST)
                .toList();
    }

    /** Count, minimum, maximum and mean of the readings' values. */
    @MpregFunction(resources = "demo", description = "Summarises readings", idempotent = true)
    public Summary stats(List<Reading> readings) {
        DoubleSummaryStatistics statistics = readings.stream()
                .filter(reading -> reading.value() != null)
                .mapToDouble(Reading::value)
                .summaryStatistics();
        if (statistics.getCount() == 0) {
            return new Summary(0, 0, 0, 0);
        }
        return new Summary((int) statistics.getCount(), statistics.getMin(), statistics.getMax(),
                statistics.getAverage());
    }

    /** A one-line human-readable report of a summary. */
    @MpregFunction(resources = "demo", description = "Formats a summary as one line", idempotent = true)
    public String report(String title, Summary summary) {
        return String.format(Locale.ROOT, "%s: %d readings, min %.1f, max %.1f, mean %.2f",
                title, summary.count(), summary.min(), summary.max(), summary.mean());
    }

    private static @Nullable Double parseOrNull(String text) {
        try {
            return Double.valueOf(text);
        }
        catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
