package nl.learnerwallet.model.card;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Notional workload. ECTS for hbo/wo (1 EC = 28 hours), SBU ("studiebelastingsuren") for mbo,
 * or plain hours where an issuer gives nothing else.
 */
public record StudyLoad(BigDecimal amount, Unit unit) {

    public enum Unit { ECTS, SBU, HOURS }

    public StudyLoad {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(unit, "unit");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a study load cannot be negative");
        }
        amount = amount.stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
    }

    public static StudyLoad ects(double amount) {
        return new StudyLoad(BigDecimal.valueOf(amount), Unit.ECTS);
    }

    public static StudyLoad sbu(double amount) {
        return new StudyLoad(BigDecimal.valueOf(amount), Unit.SBU);
    }

    public static StudyLoad hours(double amount) {
        return new StudyLoad(BigDecimal.valueOf(amount), Unit.HOURS);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + (unit == Unit.ECTS ? "EC" : unit == Unit.SBU ? "SBU" : "h");
    }
}
