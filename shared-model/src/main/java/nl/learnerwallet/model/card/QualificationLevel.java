package nl.learnerwallet.model.card;

/**
 * The level of what a credential certifies: EQF (1–8), NLQF (the Dutch framework: entry level,
 * 1–8) and the QF-EHEA cycle (short, first, second, third) where an issuer names one.
 * Any of them may be {@code null}.
 */
public record QualificationLevel(Integer eqf, String nlqf, String qfEhea) {

    public QualificationLevel {
        if (eqf != null && (eqf < 1 || eqf > 8)) {
            throw new IllegalArgumentException("an EQF level is between 1 and 8");
        }
    }

    public static QualificationLevel eqf(int level) {
        return new QualificationLevel(level, null, null);
    }

    public boolean isEmpty() {
        return eqf == null && nlqf == null && qfEhea == null;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (eqf != null) {
            text.append("EQF ").append(eqf);
        }
        if (nlqf != null) {
            text.append(text.length() > 0 ? ", " : "").append("NLQF ").append(nlqf);
        }
        if (qfEhea != null) {
            text.append(text.length() > 0 ? ", " : "").append("QF-EHEA ").append(qfEhea);
        }
        return text.toString();
    }
}
