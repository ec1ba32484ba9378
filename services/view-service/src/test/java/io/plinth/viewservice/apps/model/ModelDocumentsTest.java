package io.plinth.viewservice.apps.model;

import static io.plinth.viewservice.apps.model.Models.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class ModelDocumentsTest {

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
