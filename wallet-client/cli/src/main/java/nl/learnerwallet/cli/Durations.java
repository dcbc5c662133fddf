package nl.learnerwallet.cli;

import java.time.Duration;

/** Durations as learners write them: {@code 7d}, {@code 12h}, {@code 30m}, {@code 2w}. */
final class Durations {

    private Durations() {
    }

    static Duration parse(String text) {
        if (text == null || !text.trim().matches("[0-9]{1,5}[mhdw]")) {
            throw new CliException(ExitCode.BAD_INPUT, "BAD_DURATION", Messages.get("error.badDuration", text));
        }
        String value = text.trim();
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        switch (value.charAt(value.length() - 1)) {
            case 'm': return Duration.ofMinutes(amount);
            case 'h': return Duration.ofHours(amount);
            case 'd': return Duration.ofDays(amount);
            default: return Duration.ofDays(7 * amount);
        }
    }
}
