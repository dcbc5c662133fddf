package nl.learnerwallet.desktop.credentials;

/** An entry of a filter's drop-down: a value (null for "all") and how it reads. */
record Choice<T>(T value, String label) {

    @Override
    public String toString() {
        return label;
    }
}
