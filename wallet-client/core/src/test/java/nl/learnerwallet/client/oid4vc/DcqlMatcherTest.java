package nl.learnerwallet.client.oid4vc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.learnerwallet.client.keys.HolderKey;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.DutchCredentials.Shape;
import nl.learnerwallet.testsupport.SdJwtIssuer;
import nl.learnerwallet.testsupport.TestIssuer;
import org.junit.jupiter.api.Test;

/** DCQL queries (OpenID4VP 1.0 section 6) read strictly and matched against a wallet's credentials. */
class DcqlMatcherTest {

    private static final String EU_LC = "urn:eu.europa.ec.eudi:learning:credential:1";

    private final TestIssuer issuer = TestIssuer.es256();
    private final HolderKey holder = HolderKey.generate(new SecureRandom());
    private final List<DcqlMatcher.Candidate> wallet = new ArrayList<>();

    DcqlMatcherTest() throws Exception {
        JWK holderJwk = JWK.parse(new String(holder.toPrivateJwk(), StandardCharsets.UTF_8)).toPublicJWK();
        SdJwtIssuer sdJwt = new SdJwtIssuer(issuer);
        wallet.add(candidate("lc", "Data Science Basics", CredentialFormat.SD_JWT_VC, sdJwt.euLearningCredential(holderJwk).issue()));
        wallet.add(candidate("micro", "Circulaire bouwtechniek", CredentialFormat.SD_JWT_VC, sdJwt.microcredential(holderJwk).issue()));
        wallet.add(candidate("ob3", "Data Science", CredentialFormat.OB3_JWT,
                DutchCredentials.of(Shape.HBO_MICROCREDENTIAL, issuer).toHolder(holder.did()).signed()));
    }

    private static DcqlMatcher.Candidate candidate(String id, String title, CredentialFormat format, String token) {
        return new DcqlMatcher.Candidate(id, title, format, token.getBytes(StandardCharsets.UTF_8));
    }

    private static DcqlQuery query(String json) {
        return DcqlQuery.parse(StrictJson.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anSdJwtQueryMatchesByVctAndDisclosesOnlyTheClaimsAskedFor() {
        DcqlMatcher.Plan plan = DcqlMatcher.plan(query("{'credentials': [{'id': 'learning', 'format': 'dc+sd-jwt',"
                + " 'meta': {'vct_values': ['" + EU_LC + "']},"
                + " 'claims': [{'path': ['achievement_title']}, {'path': ['learning_outcomes', null]}]}]}"), wallet);

        List<DcqlMatcher.Match> matches = plan.required().get("learning");
        assertThat(matches).extracting(m -> m.candidate().id()).containsExactly("lc");
        assertThat(matches.get(0).disclose()).containsExactly("achievement_title", "learning_outcomes");
        assertThat(matches.get(0).asked()).containsExactly("achievement_title", "learning_outcomes[]");
        assertThat(matches.get(0).wholeCredential()).isFalse();
    }

    @Test
    void nestedClaimsAreDisclosedByTheirDottedName() {
        DcqlMatcher.Plan plan = DcqlMatcher.plan(query("{'credentials': [{'id': 'micro', 'format': 'dc+sd-jwt',"
                + " 'meta': {'vct_values': ['urn:learnerwallet:microcredential:1']},"
                + " 'claims': [{'path': ['level', 'eqf'], 'values': [6]}, {'path': ['workload', 'ects']}]}]}"), wallet);

        assertThat(plan.required().get("micro").get(0).disclose()).containsExactly("level.eqf", "workload.ects");
    }

    @Test
    void aClaimValueThatDiffersDoesNotMatch() {
        assertThatThrownBy(() -> DcqlMatcher.plan(query("{'credentials': [{'id': 'micro', 'format': 'dc+sd-jwt',"
                + " 'meta': {'vct_values': ['urn:learnerwallet:microcredential:1']},"
                + " 'claims': [{'path': ['level', 'eqf'], 'values': [7]}]}]}"), wallet))
                .isInstanceOfSatisfying(Oid4vcException.class,
                        e -> assertThat(e.problem()).isEqualTo(Oid4vcException.Problem.NOTHING_MATCHES));
    }

    @Test
    void aQueryForSomethingTheWalletDoesNotHoldSaysWhatIsMissing() {
        assertThatThrownBy(() -> DcqlMatcher.plan(query("{'credentials': [{'id': 'pid', 'format': 'dc+sd-jwt',"
                + " 'meta': {'vct_values': ['urn:eudi:pid:1']}, 'claims': [{'path': ['birthdate']}]}]}"), wallet))
                .isInstanceOfSatisfying(Oid4vcException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Oid4vcException.Problem.NOTHING_MATCHES);
                    assertThat(e.getMessage()).contains("urn:eudi:pid:1").contains("birthdate");
                });
    }

    @Test
    void aVcJwtQueryMatchesByTypeInShortOrExpandedFormAndIsSentWhole() {
        for (String type : Arrays.asList("OpenBadgeCredential", "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential")) {
            DcqlMatcher.Plan plan = DcqlMatcher.plan(query("{'credentials': [{'id': 'badge', 'format': 'jwt_vc_json',"
                    + " 'meta': {'type_values': [['VerifiableCredential', '" + type + "']]},"
                    + " 'claims': [{'path': ['credentialSubject', 'achievement', 'name']}]}]}"), wallet);
            DcqlMatcher.Match match = plan.required().get("badge").get(0);
            assertThat(match.candidate().id()).isEqualTo("ob3");
            assertThat(match.wholeCredential()).isTrue();
            assertThat(match.disclose()).isEmpty();
        }
    }

    @Test
    void claimSetsTakeTheFirstAlternativeTheCredentialMeets() {
        DcqlMatcher.Plan plan = DcqlMatcher.plan(query("{'credentials': [{'id': 'learning', 'format': 'dc+sd-jwt',"
                + " 'meta': {'vct_values': ['" + EU_LC + "']},"
                + " 'claims': [{'id': 'a', 'path': ['programme_code']}, {'id': 'b', 'path': ['achievement_title']},"
                + " {'id': 'c', 'path': ['assessment_grade']}],"
                + " 'claim_sets': [['a', 'b'], ['b', 'c']]}]}"), wallet);

        assertThat(plan.required().get("learning").get(0).disclose()).containsExactly("achievement_title", "assessment_grade");
    }

    @Test
    void credentialSetsNeedOneOptionOfEachRequiredSetAndLeaveOptionalOnesApart() {
        DcqlMatcher.Plan plan = DcqlMatcher.plan(query("{'credentials': ["
                + " {'id': 'pid', 'format': 'dc+sd-jwt', 'meta': {'vct_values': ['urn:eudi:pid:1']}},"
                + " {'id': 'learning', 'format': 'dc+sd-jwt', 'meta': {'vct_values': ['" + EU_LC + "']}},"
                + " {'id': 'badge', 'format': 'jwt_vc_json', 'meta': {'type_values': [['OpenBadgeCredential']]}}],"
                + " 'credential_sets': [{'options': [['pid'], ['learning']]}, {'options': [['badge']], 'required': false}]}"), wallet);

        assertThat(plan.required()).containsOnlyKeys("learning");
        assertThat(plan.optional()).containsOnlyKeys("badge");
        // No claims asked: only what is always visible is sent.
        assertThat(plan.required().get("learning").get(0).disclose()).isEmpty();
    }

    @Test
    void aQueryTheSpecificationDoesNotAllowIsRefusedNotGuessedAt() {
        String[] bad = {
            "{'credentials': []}",
            "{'credentials': [{'id': 'a b', 'format': 'dc+sd-jwt'}]}",
            "{'credentials': [{'id': 'a', 'format': 'dc+sd-jwt'}, {'id': 'a', 'format': 'dc+sd-jwt'}]}",
            "{'credentials': [{'id': 'a', 'format': 'dc+sd-jwt', 'claims': [{'path': []}]}]}",
            "{'credentials': [{'id': 'a', 'format': 'dc+sd-jwt', 'claims': [{'path': ['x', -1]}]}]}",
            "{'credentials': [{'id': 'a', 'format': 'dc+sd-jwt', 'claims': [{'path': ['x'], 'values': [{'o': 1}]}]}]}",
            "{'credentials': [{'id': 'a', 'format': 'dc+sd-jwt', 'claims': [{'path': ['x']}], 'claim_sets': [['x']]}]}",
            "{'credentials': [{'id': 'a', 'format': 'dc+sd-jwt'}], 'credential_sets': [{'options': [['b']]}]}",
            "{'credentials': [{'id': 'a', 'format': 'dc+sd-jwt', 'multiple': 'yes'}]}",
            "[]",
        };
        for (String json : bad) {
            assertThatThrownBy(() -> query(json)).as(json).isInstanceOfSatisfying(Oid4vcException.class,
                    e -> assertThat(e.problem()).isEqualTo(Oid4vcException.Problem.MALFORMED));
        }
    }

    @Test
    void claimsPathPointersSelectMembersElementsAndAllElements() {
        JsonNode claims = StrictJson.parse("{\"a\": {\"b\": [{\"c\": 1}, {\"c\": 2}]}}".getBytes(StandardCharsets.UTF_8));
        assertThat(DcqlMatcher.select(claims, Arrays.<Object>asList("a", "b", null, "c"))).extracting(JsonNode::asInt).containsExactly(1, 2);
        assertThat(DcqlMatcher.select(claims, Arrays.<Object>asList("a", "b", 1, "c"))).extracting(JsonNode::asInt).containsExactly(2);
        assertThat(DcqlMatcher.select(claims, Arrays.<Object>asList("a", "b", 2))).isEmpty();
        assertThat(DcqlMatcher.select(claims, Arrays.<Object>asList("a", null))).isEmpty();
    }
}
