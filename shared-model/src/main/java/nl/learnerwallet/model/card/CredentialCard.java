package nl.learnerwallet.model.card;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The normalised view of a credential, parsed from its original bytes: what it is, who awarded
 * it, and every EU standard element for micro-credentials that the original carries. Fields the
 * original does not carry are {@code null} (or empty lists); the card never invents data.
 *
 * @param kind what the credential is
 * @param selfDeclared true for entries no issuer signed
 * @param learner how the original identifies the learner (a name, an e-mail or a DID), if it does
 * @param awardingBody the issuer's display name
 * @param issuerId the issuer's identifier (a DID or URL)
 * @param issuerCountry the issuer's country, as given (ISO 3166 code or name)
 * @param studyLoad the notional workload
 * @param level EQF / NLQF / QF-EHEA level, never null (possibly empty)
 * @param achievementType the issuer's own type word, e.g. OB 3.0 {@code MicroCredential}
 * @param programmeCode for a diploma, the programme's code in the Dutch registers where the
 *     issuer names it: {@code CROHO 34479} (hbo/wo) or {@code CREBO 25180} (mbo)
 * @param disclosableClaims for an SD-JWT, the claims the learner may choose to show or withhold
 *     (dotted paths, {@code []} for array elements); empty for formats that disclose everything
 * @param workPeriod for work experience, the months it ran
 */
public record CredentialCard(
        CredentialKind kind,
        boolean selfDeclared,
        String title,
        String description,
        String learner,
        String awardingBody,
        String issuerId,
        String issuerCountry,
        Instant issuedOn,
        Instant validFrom,
        Instant expiresOn,
        List<String> learningOutcomes,
        StudyLoad studyLoad,
        QualificationLevel level,
        String assessmentType,
        String participationForm,
        String qualityAssurance,
        String prerequisites,
        String supervisionAndIdentityVerification,
        String grade,
        String integrationStackability,
        String furtherInformation,
        String criteria,
        List<String> evidence,
        String language,
        String fieldOfStudy,
        String achievementType,
        String programmeCode,
        List<String> disclosableClaims,
        WorkPeriod workPeriod) {

    public CredentialCard {
        disclosableClaims = immutable(disclosableClaims);
        Objects.requireNonNull(kind, "kind");
        learningOutcomes = immutable(learningOutcomes);
        evidence = immutable(evidence);
        level = level == null ? new QualificationLevel(null, null, null) : level;
    }

    private static List<String> immutable(List<String> values) {
        // List.copyOf is not in Android API 26.
        return values == null ? Collections.<String>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(values));
    }

    public static Builder builder(CredentialKind kind) {
        return new Builder(kind);
    }

    public Builder toBuilder() {
        Builder builder = new Builder(kind);
        builder.selfDeclared = selfDeclared;
        builder.title = title;
        builder.description = description;
        builder.learner = learner;
        builder.awardingBody = awardingBody;
        builder.issuerId = issuerId;
        builder.issuerCountry = issuerCountry;
        builder.issuedOn = issuedOn;
        builder.validFrom = validFrom;
        builder.expiresOn = expiresOn;
        builder.learningOutcomes = new ArrayList<>(learningOutcomes);
        builder.studyLoad = studyLoad;
        builder.level = level;
        builder.assessmentType = assessmentType;
        builder.participationForm = participationForm;
        builder.qualityAssurance = qualityAssurance;
        builder.prerequisites = prerequisites;
        builder.supervisionAndIdentityVerification = supervisionAndIdentityVerification;
        builder.grade = grade;
        builder.integrationStackability = integrationStackability;
        builder.furtherInformation = furtherInformation;
        builder.criteria = criteria;
        builder.evidence = new ArrayList<>(evidence);
        builder.language = language;
        builder.fieldOfStudy = fieldOfStudy;
        builder.achievementType = achievementType;
        builder.programmeCode = programmeCode;
        builder.disclosableClaims = new ArrayList<>(disclosableClaims);
        builder.workPeriod = workPeriod;
        return builder;
    }

    /** The card has many optional fields; importers fill what their format carries. */
    public static final class Builder {
        private CredentialKind kind;
        private boolean selfDeclared;
        private String title;
        private String description;
        private String learner;
        private String awardingBody;
        private String issuerId;
        private String issuerCountry;
        private Instant issuedOn;
        private Instant validFrom;
        private Instant expiresOn;
        private List<String> learningOutcomes = new ArrayList<>();
        private StudyLoad studyLoad;
        private QualificationLevel level;
        private String assessmentType;
        private String participationForm;
        private String qualityAssurance;
        private String prerequisites;
        private String supervisionAndIdentityVerification;
        private String grade;
        private String integrationStackability;
        private String furtherInformation;
        private String criteria;
        private List<String> evidence = new ArrayList<>();
        private String language;
        private String fieldOfStudy;
        private String achievementType;
        private String programmeCode;
        private List<String> disclosableClaims = new ArrayList<>();
        private WorkPeriod workPeriod;

        private Builder(CredentialKind kind) {
            this.kind = kind;
        }

        public Builder kind(CredentialKind value) { this.kind = value; return this; }
        public Builder selfDeclared(boolean value) { this.selfDeclared = value; return this; }
        public Builder title(String value) { this.title = value; return this; }
        public Builder description(String value) { this.description = value; return this; }
        public Builder learner(String value) { this.learner = value; return this; }
        public Builder awardingBody(String value) { this.awardingBody = value; return this; }
        public Builder issuerId(String value) { this.issuerId = value; return this; }
        public Builder issuerCountry(String value) { this.issuerCountry = value; return this; }
        public Builder issuedOn(Instant value) { this.issuedOn = value; return this; }
        public Builder validFrom(Instant value) { this.validFrom = value; return this; }
        public Builder expiresOn(Instant value) { this.expiresOn = value; return this; }
        public Builder learningOutcomes(List<String> value) { this.learningOutcomes = new ArrayList<>(value); return this; }
        public Builder addLearningOutcome(String value) { this.learningOutcomes.add(value); return this; }
        public Builder studyLoad(StudyLoad value) { this.studyLoad = value; return this; }
        public Builder level(QualificationLevel value) { this.level = value; return this; }
        public Builder assessmentType(String value) { this.assessmentType = value; return this; }
        public Builder participationForm(String value) { this.participationForm = value; return this; }
        public Builder qualityAssurance(String value) { this.qualityAssurance = value; return this; }
        public Builder prerequisites(String value) { this.prerequisites = value; return this; }
        public Builder supervisionAndIdentityVerification(String value) { this.supervisionAndIdentityVerification = value; return this; }
        public Builder grade(String value) { this.grade = value; return this; }
        public Builder integrationStackability(String value) { this.integrationStackability = value; return this; }
        public Builder furtherInformation(String value) { this.furtherInformation = value; return this; }
        public Builder criteria(String value) { this.criteria = value; return this; }
        public Builder evidence(List<String> value) { this.evidence = new ArrayList<>(value); return this; }
        public Builder language(String value) { this.language = value; return this; }
        public Builder fieldOfStudy(String value) { this.fieldOfStudy = value; return this; }
        public Builder achievementType(String value) { this.achievementType = value; return this; }
        public Builder programmeCode(String value) { this.programmeCode = value; return this; }
        public Builder disclosableClaims(List<String> value) { this.disclosableClaims = new ArrayList<>(value); return this; }
        public Builder workPeriod(WorkPeriod value) { this.workPeriod = value; return this; }

        public CredentialCard build() {
            return new CredentialCard(kind, selfDeclared, title, description, learner, awardingBody,
                    issuerId, issuerCountry, issuedOn, validFrom, expiresOn, learningOutcomes,
                    studyLoad, level, assessmentType, participationForm, qualityAssurance,
                    prerequisites, supervisionAndIdentityVerification, grade,
                    integrationStackability, furtherInformation, criteria, evidence, language,
                    fieldOfStudy, achievementType, programmeCode, disclosableClaims, workPeriod);
        }
    }
}
