package nl.learnerwallet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void anApostropheInAPatternWithArgumentsIsText() {
        // MessageFormat would read the apostrophe as quoting and print "{0}" itself.
        assertThat(Messages.get("fetch.failed", "it timed out")).contains("'s server").contains("it timed out");
        assertThat(Messages.get("disclose.choose", "level")).contains("'*'").contains("level");
    }
}
