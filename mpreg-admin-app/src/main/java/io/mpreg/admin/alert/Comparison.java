package io.mpreg.admin.alert;

/** How a measured value is compared with a rule's threshold. */
public enum Comparison {
    /** value &gt; threshold */
    GT(">"),
    /** value &gt;= threshold */
    GE(">="),
    /** value &lt; threshold */
    LT("<"),
    /** value &lt;= threshold */
    LE("<="),
    /** value == threshold */
    EQ("=="),
    /** value != threshold */
    NE("!=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** Whether the value compares with the threshold this way. */
    public boolean test(double value, double threshold) {
        return switch (this) {
            case GT -> value > threshold;
            case GE -> value >= threshold;
            case LT -> value < threshold;
            case LE -> value <= threshold;
            case EQ -> Double.compare(value, threshold) == 0;
            case NE -> Double.compare(value, threshold) != 0;
        };
    }

    /** The operator, such as {@code >=}. */
    public String symbol() {
        return symbol;
    }
}
