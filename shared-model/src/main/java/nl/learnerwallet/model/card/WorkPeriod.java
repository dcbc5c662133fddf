package nl.learnerwallet.model.card;

import java.time.YearMonth;
import java.util.Objects;

/**
 * The months a period of work ran: from, and to ({@code null} while it lasts). Months, not days,
 * because that is how people remember and CVs state them.
 */
public record WorkPeriod(YearMonth from, YearMonth to) {

    public WorkPeriod {
        Objects.requireNonNull(from, "from");
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
    }

    public boolean ongoing() {
        return to == null;
    }

    /** {@code 2021-09 – 2024-06}, or {@code 2021-09 –} while it lasts; clients word "until now" themselves. */
    @Override
    public String toString() {
        return from + " –" + (to == null ? "" : " " + to);
    }
}
