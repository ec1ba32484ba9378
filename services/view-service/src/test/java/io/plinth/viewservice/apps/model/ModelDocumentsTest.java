package io.plinth.viewservice.apps.model;

import static io.plinth.viewservice.apps.model.Models.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.kernel.problem.ProblemException;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelDocumentsTest {

    private static JsonObject read(String body, int max) {
        return ModelDocuments.readBody(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), max);
    }

    private static ProblemException refused(String body, int max) {
        try {
            read(body, max);
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("accepted: " + body);
    }

    @Test
    void aBodyIsOneJsonObjectWithinTheLimit() {
        assertThat(read("{\"key\":\"ledger\"}", 100)).isEqualTo(json("{'key': 'ledger'}"));
        assertThat(refused("{\"key\":", 100).problem().code()).isEqualTo("malformed-body");
        assertThat(refused("[1]", 100).problem().detail()).isEqualTo("The body must be a JSON object");
        assertThat(refused("", 100).problem().detail()).isEqualTo("A JSON object is required as the body");
        ProblemException tooLarge = refused("{\"k\":\"" + "x".repeat(100) + "\"}", 100);
        assertThat(tooLarge.problem().status()).isEqualTo(413);
        assertThat(tooLarge.problem().code()).isEqualTo("body-too-large");
        assertThatThrownBy(() -> read("{\"a\":1} {\"b\":2}", 100)).isInstanceOf(ProblemException.class);
    }

    @Test
    void normalisingPutsTheModelVersionFirstAndKeepsTheRest() {
        JsonObject normalized = ModelDocuments.normalized(json("{'key': 'ledger', 'name': 'L', 'modelVersion': 1}"));

        assertThat(normalized.toString()).isEqualTo("{\"modelVersion\":1,\"key\":\"ledger\",\"name\":\"L\"}");
    }

    @Test
    void renamesAreRemovedAllOrOnlyTheAppliedOnes() {
        JsonObject draft = json("""
                {'key': 'a', 'types': [{'key': 't', 'fields': [
                  {'key': 'b', 'previousKey': 'a', 'type': 'text'}, {'key': 'd', 'previousKey': 'c', 'type': 'text'}]}]}""");
        JsonObject published = json("""
                {'key': 'a', 'types': [{'key': 't', 'fields': [{'key': 'b', 'previousKey': 'a', 'type': 'text'}]}]}""");

        assertThat(ModelDocuments.withoutRenames(draft, published)).isEqualTo(json("""
                {'key': 'a', 'types': [{'key': 't', 'fields': [
                  {'key': 'b', 'type': 'text'}, {'key': 'd', 'previousKey': 'c', 'type': 'text'}]}]}"""));
        assertThat(ModelDocuments.withoutRenames(draft, null).toString()).doesNotContain("previousKey");
        assertThat(ModelDocuments.sameContent(draft, ModelDocuments.withoutRenames(draft, null))).isTrue();
        assertThat(ModelDocuments.sameContent(draft, published)).isFalse();
    }

    @Test
    void theChecksumIsTheSha256OfTheText() {
        assertThat(ModelDocuments.checksum("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
