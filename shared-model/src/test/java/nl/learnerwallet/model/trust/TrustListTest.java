package nl.learnerwallet.model.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import nl.learnerwallet.model.json.InputProblem;
import nl.learnerwallet.model.json.UntrustedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustListTest {

    private static final Instant ADDED = Instant.parse("2027-01-05T10:15:30Z");
    private static final String DID = "did:jwk:eyJrdHkiOiJFQyIsImNydiI6IlAtMjU2In0";

    @Test
    void matchesDidExactly() {
        TrustList trust = new TrustList(Arrays.asList(entry(DID, "Hogeschool Utrecht")));

        assertThat(trust.find(DID)).isNotNull();
        assertThat(trust.find(DID + "#0")).isNotNull();
        assertThat(trust.find(DID + "x")).isNull();
        assertThat(trust.find(DID.substring(0, DID.length() - 1))).isNull();
        assertThat(trust.find(DID + ":extra")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://uni.example/issuers/1",
        "https://uni.example/issuers/1/",
        "https://uni.example/issuers/1/faculty",
        "https://uni.example/issuers/1?v=2",
        "https://uni.example/issuers/1#key"})
    void urlPrefixCoversItsOwnPathSegments(String issuerId) {
        TrustList trust = new TrustList(Arrays.asList(entry("https://uni.example/issuers/1", "Universiteit")));

        assertThat(trust.find(issuerId)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://uni.example/issuers/12",
        "https://uni.example/issuers/1.evil",
        "https://uni.example/issuers/",
        "https://uni.example/issuers",
        "http://uni.example/issuers/1",
        "https://UNI.example/issuers/1/x"})
    void urlPrefixDoesNotCoverOtherSegments(String issuerId) {
        TrustList trust = new TrustList(Arrays.asList(entry("https://uni.example/issuers/1", "Universiteit")));

        assertThat(trust.find(issuerId)).isNull();
    }

    @Test
    void pinnedKeysSurviveTheFileAndServeOnlyTheirExactIssuer() {
        nl.learnerwallet.testsupport.TestIssuer key = nl.learnerwallet.testsupport.TestIssuer.es256();
        nl.learnerwallet.model.jose.IssuerKey published = nl.learnerwallet.model.jose.IssuerKey.fromJwk(
                "did:web:hu.example", "did:web:hu.example#key-1", key.publicJwk().toJSONString());
        TrustEntry pinned = new TrustEntry("did:web:hu.example", "Hogeschool Utrecht", "user", null,
                Arrays.asList(published.toPinnedJwk()));

        TrustList read = TrustList.fromJson(new TrustList(Arrays.asList(pinned, entry("https://uni.example", "Uni"))).toJson());
        TrustListKeys keys = new TrustListKeys(read);

        assertThat(keys.supports("did:web:hu.example")).isTrue();
        assertThat(keys.supports("did:web:hu.example:other")).isFalse();
        assertThat(keys.supports("https://uni.example")).isFalse();
        assertThat(keys.keysOf("did:web:hu.example")).singleElement()
                .satisfies(each -> {
                    assertThat(each.keyId()).isEqualTo("did:web:hu.example#key-1");
                    assertThat(each.thumbprint()).isEqualTo(published.thumbprint());
                });
    }

    @Test
    void hostPrefixDoesNotCoverAnotherHost() {
        TrustList trust = new TrustList(Arrays.asList(entry("https://uni.example", "Universiteit")));

        assertThat(trust.find("https://uni.example/issuer")).isNotNull();
        assertThat(trust.find("https://uni.example.evil.com/issuer")).isNull();
        assertThat(trust.find("https://uni.example@evil.com/issuer")).isNull();
        assertThat(trust.find("https://uni.example:8443/issuer")).isNull();
    }

    @Test
    void prefixEndingInSlashCoversEverythingBelowIt() {
        TrustList trust = new TrustList(Arrays.asList(entry("https://uni.example/issuers/", "Universiteit")));

        assertThat(trust.find("https://uni.example/issuers/12")).isNotNull();
        assertThat(trust.find("https://uni.example/issuersX")).isNull();
    }

    @Test
    void mostSpecificEntryWins() {
        TrustList trust = new TrustList(Arrays.asList(entry("https://uni.example/", "Universiteit"),
                entry("https://uni.example/issuers/law", "Faculteit Rechten")));

        assertThat(trust.find("https://uni.example/issuers/law/badges").name()).isEqualTo("Faculteit Rechten");
        assertThat(trust.find("https://uni.example/issuers/math").name()).isEqualTo("Universiteit");
    }

    @Test
    void findsNothingForNull() {
        assertThat(new TrustList(Arrays.asList(entry(DID, "x"))).find(null)).isNull();
    }

    @Test
    void roundTripsThroughJson() {
        TrustList trust = new TrustList(Arrays.asList(
                new TrustEntry(DID, "Hogeschool Utrecht", "user", ADDED),
                new TrustEntry("https://api.edubadges.example/public/issuers/", "Edubadges", "bundled", null)));

        TrustList read = TrustList.fromJson(trust.toJson());

        assertThat(read.entries()).isEqualTo(trust.entries());
    }

    @Test
    void readsTheDocumentedFileShape() {
        String json = "{\"entries\":[{\"id\":\"" + DID + "\",\"name\":\"Hogeschool Utrecht\",\"source\":\"user\","
                + "\"addedAt\":\"2027-01-05T10:15:30Z\"}]}";

        TrustList trust = TrustList.fromJson(json.getBytes(StandardCharsets.UTF_8));

        assertThat(trust.entries()).containsExactly(new TrustEntry(DID, "Hogeschool Utrecht", "user", ADDED));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"entries\":{}}",
        "{\"entries\":[{\"name\":\"no id\"}]}",
        "{\"entries\":[{\"id\":\"http://plain.example\",\"name\":\"x\"}]}",
        "{\"entries\":[{\"id\":\"" + DID + "\",\"name\":\"x\",\"addedAt\":\"yesterday\"}]}"})
    void refusesFileThatIsNotATrustList(String json) {
        assertThatThrownBy(() -> TrustList.fromJson(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UntrustedInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.NOT_JSON));
    }

    @Test
    void refusesTrustListWithDuplicateKeys() {
        String json = "{\"entries\":[],\"entries\":[{\"id\":\"" + DID + "\",\"name\":\"x\"}]}";

        assertThatThrownBy(() -> TrustList.fromJson(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UntrustedInputException.class,
                        e -> assertThat(e.problem()).isEqualTo(InputProblem.DUPLICATE_KEY));
    }

    @Test
    void withReplacesAnEntryOfTheSameIdAndWithoutRemovesIt() {
        TrustList trust = TrustList.empty().with(entry(DID, "Old name")).with(entry(DID, "New name"));

        assertThat(trust.entries()).hasSize(1);
        assertThat(trust.find(DID).name()).isEqualTo("New name");
        assertThat(trust.contains(DID)).isTrue();
        assertThat(trust.without(DID).contains(DID)).isFalse();
        assertThat(trust.contains(DID)).as("the list is immutable").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://uni.example/", "https://", "uni.example", "did:", "did:jwk", ""})
    void entryIsADidOrAnHttpsUrl(String id) {
        assertThatThrownBy(() -> entry(id, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entryNeedsAName() {
        assertThatThrownBy(() -> entry(DID, "  ")).isInstanceOf(IllegalArgumentException.class);
    }

    private static TrustEntry entry(String id, String name) {
        return new TrustEntry(id, name, "test", ADDED);
    }
}
