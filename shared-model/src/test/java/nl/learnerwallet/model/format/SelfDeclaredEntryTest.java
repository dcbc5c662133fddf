package nl.learnerwallet.model.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.attestation.WorkExperience;
import nl.learnerwallet.model.card.CardJson;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.QualificationLevel;
import nl.learnerwallet.model.card.WorkPeriod;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import org.junit.jupiter.api.Test;

/** Self-declared work experience and diplomas: the document, its strict reader, and the card. */
class SelfDeclaredEntryTest {

    private static final Instant DECLARED = Instant.parse("2027-03-01T10:00:00Z");

    private static ObjectNode work() {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("type", "LearnerWalletSelfDeclared");
        node.put("kind", "WORK_EXPERIENCE");
        node.put("id", "k3v9w2m8qa");
        node.put("declaredAt", DECLARED.toString());
        node.put("employer", "Gemeente Utrecht");
        node.put("role", "Data-analist");
        node.put("from", "2021-09");
        node.put("to", "2024-06");
        node.put("description", "Dashboards voor de afdeling Wonen.");
        node.putArray("skills").add("Python").add("SQL");
        return node;
    }

    private static ObjectNode diploma() {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("type", "LearnerWalletSelfDeclared");
        node.put("kind", "DIPLOMA");
        node.put("id", "p4x8c1n6tz");
        node.put("declaredAt", DECLARED.toString());
        node.put("institution", "Hogeschool Utrecht");
        node.put("programme", "HBO-ICT");
        node.put("programmeCode", "CROHO 34479");
        node.putObject("level").put("eqf", 6).put("nlqf", "6");
        node.put("date", "2024-07-05");
        node.put("grade", "7,8");
        return node;
    }

    private static SelfDeclaredEntry read(ObjectNode node) {
        return SelfDeclaredEntry.read(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(ObjectNode node, InputProblem problem, String field) {
        assertThatThrownBy(() -> read(node)).isInstanceOfSatisfying(SelfDeclaredEntry.InvalidEntryException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private static String repeat(char c, int times) {
        char[] chars = new char[times];
        Arrays.fill(chars, c);
        return new String(chars);
    }

    @Test
    void workExperienceIsASelfDeclaredCardNamingTheEmployerAsTheLearnersNotAsAnIssuer() {
        SelfDeclaredEntry entry = read(work());

        CredentialCard card = entry.card();
        assertThat(entry.kind()).isEqualTo(CredentialKind.WORK_EXPERIENCE);
        assertThat(card.kind()).isEqualTo(CredentialKind.WORK_EXPERIENCE);
        assertThat(card.selfDeclared()).isTrue();
        assertThat(card.title()).isEqualTo("Data-analist");
        assertThat(card.awardingBody()).isEqualTo("Gemeente Utrecht");
        assertThat(card.issuerId()).isNull();
        assertThat(card.workPeriod()).isEqualTo(new WorkPeriod(YearMonth.of(2021, 9), YearMonth.of(2024, 6)));
        assertThat(card.learningOutcomes()).containsExactly("Python", "SQL");
        assertThat(card.description()).isEqualTo("Dashboards voor de afdeling Wonen.");
        assertThat(CardJson.write(card).path("workPeriod").toString()).isEqualTo("{\"from\":\"2021-09\",\"to\":\"2024-06\"}");
    }

    @Test
    void workWithoutAnEndGoesOn() {
        ObjectNode ongoing = work();
        ongoing.remove("to");
        ongoing.remove("description");
        ongoing.remove("skills");

        SelfDeclaredEntry entry = read(ongoing);

        assertThat(entry.workExperience().to()).isNull();
        assertThat(entry.card().workPeriod().ongoing()).isTrue();
        assertThat(entry.card().learningOutcomes()).isEmpty();
    }

    @Test
    void aDiplomaKeepsItsProgrammeCodeLevelGradeAndDate() {
        CredentialCard card = read(diploma()).card();

        assertThat(card.kind()).isEqualTo(CredentialKind.DIPLOMA);
        assertThat(card.selfDeclared()).isTrue();
        assertThat(card.title()).isEqualTo("HBO-ICT");
        assertThat(card.awardingBody()).isEqualTo("Hogeschool Utrecht");
        assertThat(card.issuerId()).isNull();
        assertThat(card.programmeCode()).isEqualTo("CROHO 34479");
        assertThat(card.level()).isEqualTo(new QualificationLevel(6, "6", null));
        assertThat(card.grade()).isEqualTo("7,8");
        assertThat(card.issuedOn()).isEqualTo(Instant.parse("2024-07-05T00:00:00Z"));
    }

    @Test
    void whatItWritesItReadsBackTheSame() {
        SelfDeclaredEntry work = SelfDeclaredEntry.ofWork("abc123", DECLARED, SelfDeclaredEntry.workExperience(
                "  Bol ", "Developer", YearMonth.of(2020, 1), null, " ", Arrays.asList(" Java ")));
        SelfDeclaredEntry diploma = SelfDeclaredEntry.ofDiploma("def456", DECLARED, SelfDeclaredEntry.Diploma.of(
                "ROC Midden Nederland", "Verzorgende IG", "crebo  25180", 4, "4", LocalDate.of(2019, 6, 28), null));

        assertThat(SelfDeclaredEntry.read(work.toJson())).isEqualTo(work);
        assertThat(SelfDeclaredEntry.read(diploma.toJson())).isEqualTo(diploma);
        assertThat(work.workExperience().employer()).isEqualTo("Bol");
        assertThat(work.workExperience().description()).isNull();
        assertThat(work.workExperience().skills()).containsExactly("Java");
        assertThat(diploma.diploma().programmeCode()).isEqualTo("CREBO 25180");
        assertThat(CredentialReader.read(work.toJson()).format()).isEqualTo(CredentialFormat.SELF_DECLARED);
    }

    @Test
    void refusesADiplomaAwardedAfterTheDayItWasDeclared() {
        // 10:00 UTC is already the next day at UTC+14: a learner there may declare it.
        assertThat(read(diploma().put("date", "2027-03-02")).diploma().date()).isEqualTo(LocalDate.of(2027, 3, 2));
        assertRefused(diploma().put("date", "2027-03-03"), InputProblem.DATE_IN_FUTURE, "date");
        assertRefused(diploma().put("date", "2031-01-01"), InputProblem.DATE_IN_FUTURE, "date");
    }

    @Test
    void refusesWorkThatStartsOrEndsInTheFuture() {
        assertRefused(work().put("from", "2027-04").put("to", "2027-05"), InputProblem.DATE_IN_FUTURE, "from");
        assertRefused(work().put("to", "2027-04"), InputProblem.DATE_IN_FUTURE, "to");
        assertThat(read(work().put("to", "2027-03")).workExperience().to()).isEqualTo(YearMonth.of(2027, 3));
    }

    @Test
    void refusesAPeriodThatEndsBeforeItStarts() {
        assertRefused(work().put("from", "2024-06").put("to", "2021-09"), InputProblem.PERIOD_ENDS_BEFORE_START, "to");
        assertThatThrownBy(() -> SelfDeclaredEntry.workExperience("Bol", "Developer", YearMonth.of(2024, 2),
                YearMonth.of(2024, 1), null, null)).isInstanceOfSatisfying(UntrustedInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.PERIOD_ENDS_BEFORE_START));
    }

    @Test
    void refusesMissingFields() {
        for (String field : new String[] {"employer", "role", "from", "id", "declaredAt", "kind"}) {
            ObjectNode node = work();
            node.remove(field);
            assertRefused(node, InputProblem.MISSING_FIELD, field);
        }
        for (String field : new String[] {"institution", "programme", "date"}) {
            ObjectNode node = diploma();
            node.remove(field);
            assertRefused(node, InputProblem.MISSING_FIELD, field);
        }
        assertRefused(work().put("employer", "   "), InputProblem.MISSING_FIELD, "employer");
        assertRefused(work().putNull("role"), InputProblem.MISSING_FIELD, "role");
    }

    @Test
    void refusesHugeStrings() {
        assertRefused(work().put("employer", repeat('x', 201)), InputProblem.FIELD_TOO_LONG, "employer");
        assertRefused(work().put("description", repeat('x', 4001)), InputProblem.FIELD_TOO_LONG, "description");
        assertRefused(diploma().put("grade", repeat('9', 51)), InputProblem.FIELD_TOO_LONG, "grade");
        assertRefused(work().put("id", repeat('a', 101)), InputProblem.FIELD_TOO_LONG, "id");
        ObjectNode manySkills = work();
        ArrayNode skills = manySkills.putArray("skills");
        for (int i = 0; i < 51; i++) {
            skills.add("skill " + i);
        }
        assertRefused(manySkills, InputProblem.FIELD_TOO_LONG, "skills");
        assertRefused(withSkill(repeat('s', 101)), InputProblem.FIELD_TOO_LONG, "skills");

        byte[] huge = work().put("description", repeat('x', 70_000)).toString().getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SelfDeclaredEntry.read(huge)).isInstanceOfSatisfying(UntrustedInputException.class,
                e -> assertThat(e.problem()).isEqualTo(InputProblem.TOO_LARGE));
    }

    private static ObjectNode withSkill(String skill) {
        ObjectNode node = work();
        node.putArray("skills").add(skill);
        return node;
    }

    @Test
    void refusesWrongTypes() {
        assertRefused(work().put("employer", 42), InputProblem.WRONG_TYPE, "employer");
        assertRefused((ObjectNode) work().set("skills", StrictJson.mapper().getNodeFactory().textNode("Python")),
                InputProblem.WRONG_TYPE, "skills");
        assertRefused(withSkillNumber(), InputProblem.WRONG_TYPE, "skills");
        assertRefused(diploma().put("level", "EQF 6"), InputProblem.WRONG_TYPE, "level");
        assertRefused(levelWithEqf("6"), InputProblem.WRONG_TYPE, "level.eqf");
        assertRefused(diploma().put("grade", 7.8), InputProblem.WRONG_TYPE, "grade");
        assertRefused(work().put("from", 202109), InputProblem.WRONG_TYPE, "from");
    }

    private static ObjectNode withSkillNumber() {
        ObjectNode node = work();
        node.putArray("skills").add("Python").add(3);
        return node;
    }

    private static ObjectNode levelWithEqf(String eqf) {
        ObjectNode node = diploma();
        node.putObject("level").put("eqf", eqf);
        return node;
    }

    @Test
    void refusesBadValues() {
        assertRefused(work().put("from", "2021-13"), InputProblem.BAD_VALUE, "from");
        assertRefused(work().put("from", "21-09"), InputProblem.BAD_VALUE, "from");
        assertRefused(work().put("from", "1850-01"), InputProblem.BAD_VALUE, "from");
        assertRefused(diploma().put("date", "2024-02-30"), InputProblem.BAD_VALUE, "date");
        assertRefused(diploma().put("date", "5 juli 2024"), InputProblem.BAD_VALUE, "date");
        assertRefused(diploma().put("programmeCode", "CROHO 123"), InputProblem.BAD_VALUE, "programmeCode");
        assertRefused(diploma().put("programmeCode", "ISAT 34479"), InputProblem.BAD_VALUE, "programmeCode");
        ObjectNode eqfNine = diploma();
        eqfNine.putObject("level").put("eqf", 9);
        assertRefused(eqfNine, InputProblem.BAD_VALUE, "level.eqf");
        ObjectNode nlqfNine = diploma();
        nlqfNine.putObject("level").put("nlqf", "9");
        assertRefused(nlqfNine, InputProblem.BAD_VALUE, "level.nlqf");
        assertRefused(work().put("role", "Developer\u001b[31m"), InputProblem.BAD_VALUE, "role");
        assertRefused(work().put("id", "not an id"), InputProblem.BAD_VALUE, "id");
        assertRefused(work().put("kind", "BADGE"), InputProblem.BAD_VALUE, "kind");
        assertRefused(work().put("declaredAt", "yesterday"), InputProblem.BAD_VALUE, "declaredAt");
        assertThat(read(work().put("description", "Line one.\nLine two.")).workExperience().description())
                .contains("\n");
    }

    @Test
    void refusesFieldsItDoesNotHave() {
        assertRefused(work().put("issuer", "did:web:bol.com"), InputProblem.UNKNOWN_FIELD, "issuer");
        assertRefused(diploma().put("employer", "Bol"), InputProblem.UNKNOWN_FIELD, "employer");
        ObjectNode qfEhea = diploma();
        qfEhea.putObject("level").put("eqf", 6).put("qfEhea", "first");
        assertRefused(qfEhea, InputProblem.UNKNOWN_FIELD, "level.qfEhea");
    }

    @Test
    void refusesWhatIsNotAnEntryOrNotJson() {
        assertThatThrownBy(() -> SelfDeclaredEntry.parse("{\"type\":\"Other\"}"))
                .isInstanceOfSatisfying(UntrustedInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.UNKNOWN_FORMAT));
        assertThatThrownBy(() -> SelfDeclaredEntry.parse("{\"type\":\"LearnerWalletSelfDeclared\",\"type\":\"x\"}"))
                .isInstanceOfSatisfying(UntrustedInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.DUPLICATE_KEY));
        assertThatThrownBy(() -> SelfDeclaredEntry.parse("{\"type\":"))
                .isInstanceOfSatisfying(UntrustedInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.NOT_JSON));
    }

    @Test
    void theValueTypesRefuseWhatTheReaderRefuses() {
        WorkExperience future = new WorkExperience("Bol", "Developer", YearMonth.of(2030, 1), null, null, null);
        assertThatThrownBy(() -> SelfDeclaredEntry.ofWork("abc", DECLARED, future))
                .isInstanceOfSatisfying(UntrustedInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.DATE_IN_FUTURE));
        assertThatThrownBy(() -> SelfDeclaredEntry.Diploma.of("HU", "HBO-ICT", null, 0, null, LocalDate.of(2020, 1, 1), null))
                .isInstanceOfSatisfying(UntrustedInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.BAD_VALUE));
        assertThat(SelfDeclaredEntry.Diploma.of("HU", "HBO-ICT", "", null, " Entry ", LocalDate.of(2020, 1, 1), "")
                .level().nlqf()).isEqualTo("entry");
    }
}
