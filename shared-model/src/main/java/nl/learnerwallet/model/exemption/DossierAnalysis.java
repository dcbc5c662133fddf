package nl.learnerwallet.model.exemption;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.learnerwallet.model.card.Completeness;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.EuStandardElement;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.presentation.PresentationReport;
import nl.learnerwallet.model.presentation.PresentedCredential;
import nl.learnerwallet.model.verify.VerificationStatus;

/**
 * An exemption dossier read against the course it asks exemption for: per credential its verdict,
 * the EU standard elements it carries or lacks, the points of the Dutch quality framework for
 * microcredentials that can be checked from the data (size: hbo/wo 3–30 EC, mbo at least 240 SBU;
 * level against the course's; study load against the course's, 1 EC = 28 hours, SBU being hours),
 * each met, not met or impossible to tell, and its learning outcomes beside the course's. Pure
 * logic: it judges what the credentials say and what verification found, and decides nothing.
 */
public record DossierAnalysis(ExemptionRequest request, List<CredentialAnalysis> credentials) {

    /** Hours in one EC (ECTS), as the Dutch framework counts them. */
    public static final BigDecimal HOURS_PER_EC = BigDecimal.valueOf(28);
    private static final BigDecimal MIN_EC = BigDecimal.valueOf(3);
    private static final BigDecimal MAX_EC = BigDecimal.valueOf(30);
    private static final BigDecimal MIN_SBU = BigDecimal.valueOf(240);

    public DossierAnalysis {
        credentials = Collections.unmodifiableList(new ArrayList<>(credentials));
    }

    /** Met, not met, or not to be told from the data. */
    public enum Verdict {
        MET, NOT_MET, CANNOT_TELL;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The framework points checked here. {@code SIZE} only for microcredentials. */
    public enum Point {
        /** hbo/wo (EC): 3–30 EC; mbo (SBU): at least 240 SBU. */
        SIZE,
        /** The credential's EQF level (or NLQF, which has the same numbers) is at least the course's. */
        LEVEL,
        /** The credential's study load, in hours, is at least the course's. */
        STUDY_LOAD;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One framework point for one credential, with the values it compared (either may be null). */
    public record PointCheck(Point point, Verdict verdict, String credentialValue, String courseValue) {
    }

    /** One EU standard element: whether the credential carries it. */
    public record ElementCheck(EuStandardElement element, boolean present) {
    }

    /** One credential of the dossier. {@code card} is null when the credential could not be read. */
    public record CredentialAnalysis(int index, VerificationStatus status, CredentialCard card, List<ElementCheck> elements,
            List<PointCheck> points) {

        public CredentialAnalysis {
            elements = Collections.unmodifiableList(new ArrayList<>(elements));
            points = Collections.unmodifiableList(new ArrayList<>(points));
        }

        public List<EuStandardElement> missingMandatory() {
            List<EuStandardElement> missing = new ArrayList<>();
            for (ElementCheck check : elements) {
                if (!check.present() && check.element().mandatory()) {
                    missing.add(check.element());
                }
            }
            return missing;
        }

        public List<String> learningOutcomes() {
            return card == null ? Collections.<String>emptyList() : card.learningOutcomes();
        }
    }

    /** Analyses every credential of a verified presentation against the request. */
    public static DossierAnalysis of(ExemptionRequest request, PresentationReport report) {
        List<CredentialAnalysis> out = new ArrayList<>();
        for (PresentedCredential credential : report.credentials()) {
            out.add(analyse(request, credential.index(), credential.report().status(), credential.card()));
        }
        return new DossierAnalysis(request, out);
    }

    /** One credential against the request; {@code card} may be null (nothing can then be told). */
    public static CredentialAnalysis analyse(ExemptionRequest request, int index, VerificationStatus status,
            CredentialCard card) {
        List<ElementCheck> elements = new ArrayList<>();
        Set<EuStandardElement> present = card == null ? Collections.<EuStandardElement>emptySet() : Completeness.present(card);
        for (EuStandardElement element : EuStandardElement.values()) {
            elements.add(new ElementCheck(element, present.contains(element)));
        }
        List<PointCheck> points = new ArrayList<>();
        if (card == null || card.kind() == CredentialKind.MICROCREDENTIAL) {
            points.add(size(card == null ? null : card.studyLoad()));
        }
        points.add(level(card == null ? null : eqf(card), request.courseEqf()));
        points.add(load(card == null ? null : card.studyLoad(), request.courseStudyLoad()));
        return new CredentialAnalysis(index, status, card, elements, points);
    }

    static PointCheck size(StudyLoad load) {
        if (load == null || load.unit() == StudyLoad.Unit.HOURS) {
            // Plain hours do not say whether hbo/wo or mbo rules apply.
            return new PointCheck(Point.SIZE, Verdict.CANNOT_TELL, load == null ? null : load.toString(), null);
        }
        boolean met = load.unit() == StudyLoad.Unit.ECTS
                ? load.amount().compareTo(MIN_EC) >= 0 && load.amount().compareTo(MAX_EC) <= 0
                : load.amount().compareTo(MIN_SBU) >= 0;
        // The framework's bounds, not the course's: nothing of the course is compared here.
        return new PointCheck(Point.SIZE, met ? Verdict.MET : Verdict.NOT_MET, load.toString(), null);
    }

    static PointCheck level(Integer credential, Integer course) {
        String courseValue = course == null ? null : "EQF " + course;
        if (credential == null || course == null) {
            return new PointCheck(Point.LEVEL, Verdict.CANNOT_TELL, credential == null ? null : "EQF " + credential, courseValue);
        }
        return new PointCheck(Point.LEVEL, credential >= course ? Verdict.MET : Verdict.NOT_MET, "EQF " + credential, courseValue);
    }

    static PointCheck load(StudyLoad credential, StudyLoad course) {
        String courseValue = course == null ? null : describe(course);
        if (credential == null || course == null) {
            return new PointCheck(Point.STUDY_LOAD, Verdict.CANNOT_TELL, credential == null ? null : describe(credential),
                    courseValue);
        }
        boolean met = hours(credential).compareTo(hours(course)) >= 0;
        return new PointCheck(Point.STUDY_LOAD, met ? Verdict.MET : Verdict.NOT_MET, describe(credential), courseValue);
    }

    /** A study load in hours: EC × 28; SBU and hours as they are. */
    public static BigDecimal hours(StudyLoad load) {
        return load.unit() == StudyLoad.Unit.ECTS ? load.amount().multiply(HOURS_PER_EC) : load.amount();
    }

    private static String describe(StudyLoad load) {
        return load.unit() == StudyLoad.Unit.HOURS ? load.toString()
                : load + " (" + hours(load).stripTrailingZeros().toPlainString() + " h)";
    }

    /** The EQF level, else an NLQF level 1–8 (NLQF numbers its levels as EQF does). */
    private static Integer eqf(CredentialCard card) {
        if (card.level().eqf() != null) {
            return card.level().eqf();
        }
        String nlqf = card.level().nlqf();
        if (nlqf != null && nlqf.trim().matches("[1-8]")) {
            return Integer.valueOf(nlqf.trim());
        }
        return null;
    }

    /** How many credentials verified as genuine. */
    public int genuine() {
        return count(VerificationStatus.VERIFIED);
    }

    /** How many credentials were revoked by their issuer (since the request, or before). */
    public int revoked() {
        return count(VerificationStatus.REVOKED);
    }

    public int count(VerificationStatus status) {
        int count = 0;
        for (CredentialAnalysis credential : credentials) {
            if (credential.status() == status) {
                count++;
            }
        }
        return count;
    }

    /** Framework points met, over every credential. */
    public int pointsMet() {
        int met = 0;
        for (CredentialAnalysis credential : credentials) {
            for (PointCheck point : credential.points()) {
                if (point.verdict() == Verdict.MET) {
                    met++;
                }
            }
        }
        return met;
    }

    /** Framework points checked, over every credential. */
    public int pointsChecked() {
        int all = 0;
        for (CredentialAnalysis credential : credentials) {
            all += credential.points().size();
        }
        return all;
    }

    /**
     * {@code {"course": {...}, "institution", "genuine", "revoked", "pointsMet", "pointsChecked",
     * "credentials": [{"index", "status", "title", "kind", "elements": [{"element", "mandatory",
     * "present"}], "missingMandatory": [...], "points": [{"point", "verdict", "credential", "course"}],
     * "learningOutcomes": [...]}], "courseOutcomes": [...]}}
     */
    public ObjectNode toJson() {
        ObjectNode root = StrictJson.mapper().createObjectNode();
        root.put("institution", request.institution());
        ObjectNode course = root.putObject("course");
        course.put("code", request.courseCode());
        course.put("name", request.courseName());
        root.put("genuine", genuine());
        root.put("revoked", revoked());
        root.put("pointsMet", pointsMet());
        root.put("pointsChecked", pointsChecked());
        ArrayNode courseOutcomes = root.putArray("courseOutcomes");
        request.courseOutcomes().forEach(courseOutcomes::add);
        ArrayNode list = root.putArray("credentials");
        for (CredentialAnalysis credential : credentials) {
            ObjectNode each = list.addObject();
            each.put("index", credential.index());
            each.put("status", credential.status().name());
            if (credential.card() != null) {
                each.put("title", credential.card().title());
                each.put("kind", credential.card().kind().name());
            }
            ArrayNode elements = each.putArray("elements");
            for (ElementCheck element : credential.elements()) {
                elements.addObject().put("element", element.element().id()).put("mandatory", element.element().mandatory())
                        .put("present", element.present());
            }
            ArrayNode missing = each.putArray("missingMandatory");
            for (EuStandardElement element : credential.missingMandatory()) {
                missing.add(element.id());
            }
            ArrayNode points = each.putArray("points");
            for (PointCheck point : credential.points()) {
                ObjectNode node = points.addObject().put("point", point.point().id()).put("verdict", point.verdict().id());
                if (point.credentialValue() != null) {
                    node.put("credential", point.credentialValue());
                }
                if (point.courseValue() != null) {
                    node.put("course", point.courseValue());
                }
            }
            ArrayNode outcomes = each.putArray("learningOutcomes");
            credential.learningOutcomes().forEach(outcomes::add);
        }
        return root;
    }
}
