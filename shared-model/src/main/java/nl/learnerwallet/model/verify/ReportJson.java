package nl.learnerwallet.model.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.learnerwallet.model.json.StrictJson;

/**
 * A report as JSON, in the shape of DESIGN.md's {@code verify --json}: {@code status},
 * {@code checkedAt} and {@code checks} ({@code id}, {@code outcome}, {@code reason}, {@code detail}).
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static ObjectNode write(VerificationReport report) {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("status", report.status().name());
        node.put("checkedAt", report.checkedAt().toString());
        if (report.selfDeclared()) {
            node.put("selfDeclared", true);
        }
        ArrayNode checks = node.putArray("checks");
        for (CheckResult check : report.checks()) {
            checks.add(write(check));
        }
        return node;
    }

    /** One check: {@code id}, {@code outcome}, {@code reason} and, when there is one, {@code detail}. */
    public static ObjectNode write(CheckResult check) {
        ObjectNode each = StrictJson.mapper().createObjectNode();
        each.put("id", check.check().id());
        each.put("outcome", check.outcome().id());
        each.put("reason", check.reason().name());
        if (check.detail() != null) {
            each.put("detail", check.detail());
        }
        return each;
    }

    /** @throws IllegalArgumentException when the JSON is not a report this class wrote */
    public static VerificationReport read(JsonNode node) {
        List<CheckResult> checks = new ArrayList<>();
        for (JsonNode each : node.path("checks")) {
            CheckId id = checkId(each.path("id").asText());
            Reason reason = Reason.valueOf(each.path("reason").asText());
            String detail = each.path("detail").asText(null);
            switch (Outcome.valueOf(each.path("outcome").asText().toUpperCase(Locale.ROOT))) {
                case PASSED:
                    checks.add(CheckResult.passed(id, reason, detail));
                    break;
                case FAILED:
                    checks.add(CheckResult.failed(id, reason, detail));
                    break;
                default:
                    checks.add(CheckResult.inconclusive(id, reason, detail));
            }
        }
        return new VerificationReport(checks, Instant.parse(node.path("checkedAt").asText()),
                node.path("selfDeclared").asBoolean(false));
    }

    private static CheckId checkId(String id) {
        for (CheckId check : CheckId.values()) {
            if (check.id().equals(id)) {
                return check;
            }
        }
        throw new IllegalArgumentException("unknown check " + id);
    }
}
