package nl.learnerwallet.model.verify;

import java.util.Locale;

/** A check passed, failed with a reason, or could not be decided ("could not check" is not "invalid"). */
public enum Outcome {
    PASSED,
    FAILED,
    INCONCLUSIVE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
