package io.plinth.workplace.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.plinth.web.api.FakeService;
import io.plinth.web.api.FakeService.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceTargetTest {

    @Test
    void aSearchAsksForAPartOfTheLabelInAnyCaseSortedByLabel() throws Exception {
        try (FakeService catalogs = new FakeService(request -> Answer.json(200,
                "{\"items\":[{\"id\":\"c1\",\"name\":\"Ada\"},{\"id\":\"c2\"}]}"))) {
            ReferenceTarget target = new ReferenceTarget("crm", "customer", "name");

            Map<String, String> found = target.search(records(catalogs), "tok", "a_d");

            assertThat(found).containsExactly(Map.entry("c1", "Ada"), Map.entry("c2", "c2"));
            assertThat(catalogs.received.get(0).pathAndQuery()).isEqualTo("/api/data/crm/customer"
                    + "?filter=name%3Ailike%3A%25a%5C_d%25&sort=name&fields=name&offset=0&limit=20&count=false");
        }
    }

    @Test
    void labelsOfIdsComeFromOneQueryAndUnseenIdsStayIds() throws Exception {
        try (FakeService catalogs = new FakeService(request -> Answer.json(200,
                "{\"items\":[{\"id\":\"c1\",\"name\":\"Ada\"}]}"))) {
            ReferenceTarget target = new ReferenceTarget("crm", "customer", "name");

            Map<String, String> labels = target.labels(records(catalogs), "tok", List.of("c1", "c9", "c1"));

            assertThat(labels).containsExactly(Map.entry("c1", "Ada"), Map.entry("c9", "c9"));
            assertThat(catalogs.received).hasSize(1);
            assertThat(catalogs.received.get(0).pathAndQuery()).isEqualTo("/api/data/crm/customer"
                    + "?filter=id%3Ain%3Ac1%2Cc9&fields=name&offset=0&limit=2&count=false");
        }
    }

    @Test
    void aRefusedTargetFindsNothingAndATargetWithoutLabelAsksNothing() throws Exception {
        try (FakeService catalogs = new FakeService(request -> Answer.problem(403, "operation-not-allowed", "no"))) {
            assertThat(new ReferenceTarget("crm", "customer", "name").search(records(catalogs), "tok", "a")).isEmpty();
            catalogs.received.clear();
            assertThat(new ReferenceTarget("crm", "customer", null).labels(records(catalogs), "tok", List.of("c1")))
                    .containsExactly(Map.entry("c1", "c1"));
            assertThat(catalogs.received).isEmpty();
        }
    }

    private static CatalogsRecords records(FakeService catalogs) {
        CatalogsRecords records = new CatalogsRecords();
        records.api = catalogs.api(Duration.ofSeconds(2));
        return records;
    }
}
