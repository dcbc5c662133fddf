package nl.learnerwallet.model.attestation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A period of work as the learner declares it: employer, role, from and to (months; {@code to}
 * null while it lasts), what they did and the skills they name.
 */
public record WorkExperience(String employer, String role, YearMonth from, YearMonth to, String description,
        List<String> skills) {

    public WorkExperience {
        Objects.requireNonNull(employer, "employer");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(from, "from");
        if (employer.trim().isEmpty() || role.trim().isEmpty()) {
            throw new IllegalArgumentException("work experience needs an employer and a role");
        }
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        skills = skills == null ? Collections.<String>emptyList() : Collections.unmodifiableList(new ArrayList<>(skills));
    }

    /**
     * Writes the fields as an attestation request and a self-declared entry both carry them:
     * {@code employer}, {@code role}, {@code from} and {@code to} ({@code YYYY-MM}, {@code to} left
     * out while it lasts), {@code description} when there is one, and {@code skills}.
     */
    public void writeFields(ObjectNode target) {
        target.put("employer", employer);
        target.put("role", role);
        target.put("from", from.toString());
        if (to != null) {
            target.put("to", to.toString());
        }
        if (description != null) {
            target.put("description", description);
        }
        ArrayNode list = target.putArray("skills");
        skills.forEach(list::add);
    }
}
