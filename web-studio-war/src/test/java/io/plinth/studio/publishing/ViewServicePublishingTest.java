package io.plinth.studio.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plinth.studio.apps.RefusedException;
import io.plinth.web.api.ApiAnswer.FieldProblem;
import io.plinth.web.api.FakeService;
import io.plinth.web.api.FakeService.Answer;
import io.plinth.web.api.ServiceUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ViewServicePublishingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String DRY_RUN = """
            {"dryRun":true,"app":"orders","draftRevision":7,"valid":true,"publishable":true,"unchanged":false,
             "plan":{"participants":[
               {"service":"view-service","steps":["validate","diff","freeze","activate"]},
               {"service":"catalogs","steps":["catalogs.plan","catalogs.apply"],
                "plan":{"app":"orders","fromVersion":1,"toVersion":2,"dataLoss":true,
                        "steps":[{"kind":"drop-column","description":"drop field note of customer",
                                  "sql":["ALTER TABLE x DROP COLUMN note","DROP INDEX i;"],"dataLoss":true,"risk":"values are lost"},
                                 {"kind":"add-column","description":"add field vip","sql":"ALTER TABLE x ADD vip boolean",
                                  "dataLoss":false}],
                        "security":[{"type":"customer","sql":["CREATE POLICY p ON x"]}]}}],
              "baseVersion":1,
              "changes":[{"path":"types[customer].fields[note]","change":"removed","from":{"key":"note","type":"text"}},
                         {"path":"types[customer].fields[vip]","change":"added","to":{"key":"vip","type":"boolean"}},
                         {"path":"name","change":"changed","from":"Orders","to":"Sales orders"}],
              "summary":{"added":1,"removed":1,"changed":1,"renamed":0,"reordered":0}}}""";

    @Test
    void aDryRunShowsTheChangesTheMigrationAndItsDataLoss() throws Exception {
        try (FakeService viewService = new FakeService(request -> Answer.json(200, DRY_RUN))) {
            DryRun dryRun = publishing(viewService).dryRun("tok", "orders");

            assertThat(viewService.received.get(0).method()).isEqualTo("POST");
            assertThat(viewService.received.get(0).pathAndQuery()).isEqualTo("/api/apps/orders/publish?dryRun=true");
            assertThat(viewService.received.get(0).authorization()).isEqualTo("Bearer tok");
            assertThat(dryRun.valid()).isTrue();
            assertThat(dryRun.publishable()).isTrue();
            assertThat(dryRun.draftRevision()).isEqualTo(7L);
            assertThat(dryRun.needsDataLossConfirmation()).isTrue();
            PublishPlan plan = dryRun.plan();
            assertThat(plan.summary()).isEqualTo("1 added, 1 removed, 1 changed");
            assertThat(plan.changes()).containsExactly(
                    new Change("types[customer].fields[note]", "removed", "{\"key\":\"note\",\"type\":\"text\"}", null),
                    new Change("types[customer].fields[vip]", "added", null, "{\"key\":\"vip\",\"type\":\"boolean\"}"),
                    new Change("name", "changed", "Orders", "Sales orders"));
            assertThat(plan.hasCatalogsPlan()).isTrue();
            assertThat(plan.steps()).extracting(MigrationStep::kind, MigrationStep::dataLoss)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("drop-column", true),
                            org.assertj.core.groups.Tuple.tuple("add-column", false));
            assertThat(plan.steps().get(0).sql()).isEqualTo("ALTER TABLE x DROP COLUMN note;\nDROP INDEX i;");
            assertThat(plan.steps().get(1).sql()).isEqualTo("ALTER TABLE x ADD vip boolean");
            assertThat(plan.security()).containsExactly(new PublishPlan.SecurityRule("customer", "CREATE POLICY p ON x;"));
            assertThat(plan.catalogsProblem()).isNull();
        }
    }

    @Test
    void anInvalidModelAnswersItsFindingsAndACatalogsRefusalItsProblem() throws Exception {
        try (FakeService viewService = new FakeService(request -> new Answer(400, "application/problem+json", """
                {"status":400,"code":"validation-failed","detail":"2 fields are not valid","errors":[
                 {"field":"types[1].fields[3].reference.type","message":"names no type of this app: 'invoice'"},
                 {"field":"access[0].role","message":"names no role of this app: 'boss'"}]}"""))) {
            DryRun dryRun = publishing(viewService).dryRun("tok", "orders");

            assertThat(dryRun.valid()).isFalse();
            assertThat(dryRun.publishable()).isFalse();
            assertThat(dryRun.refusal()).isEqualTo("2 fields are not valid");
            assertThat(dryRun.findings()).containsExactly(
                    new FieldProblem("types[1].fields[3].reference.type", "names no type of this app: 'invoice'"),
                    new FieldProblem("access[0].role", "names no role of this app: 'boss'"));

            viewService.answer(request -> Answer.json(200, """
                    {"valid":true,"publishable":false,"unchanged":false,"draftRevision":3,"plan":{"participants":[
                     {"service":"catalogs","steps":["catalogs.plan"],"problem":{"status":409,"code":"schema-change-refused",
                      "detail":"cannot convert","reason":"catalogs answered 409 schema-change-refused: cannot convert",
                      "errors":[{"field":"types[0].fields[1].type","message":"date cannot become boolean"}]}}],
                     "baseVersion":1,"changes":[],"summary":{}}}"""));
            DryRun refused = publishing(viewService).dryRun("tok", "orders");
            assertThat(refused.publishable()).isFalse();
            assertThat(refused.plan().catalogsProblem().detail())
                    .isEqualTo("catalogs answered 409 schema-change-refused: cannot convert");
            assertThat(refused.plan().catalogsProblem().errors())
                    .containsExactly(new FieldProblem("types[0].fields[1].type", "date cannot become boolean"));
        }
    }

    @Test
    void publishingAndRollingBackStartAPublicationWhoseFailureIsExplained() throws Exception {
        String failed = """
                {"id":"5b0c","app":"orders","kind":"rollback","status":"failed","step":"catalogs.apply","unchanged":false,
                 "confirmDataLoss":false,"reason":"catalogs answered 409 data-loss-not-confirmed: 3 values would be lost",
                 "errors":[{"field":"steps[0]","message":"drops 3 values"}],"baseVersion":2,"sourceVersion":1,
                 "steps":[{"name":"validate","participant":"view-service","status":"done"},
                          {"name":"catalogs.apply","participant":"catalogs","status":"failed","detail":"refused"}]}""";
        try (FakeService viewService = new FakeService(request -> Answer.json(202, failed))) {
            Publication publication = publishing(viewService).rollback("tok", "orders", 1, false);

            assertThat(viewService.received.get(0).pathAndQuery()).isEqualTo("/api/apps/orders/rollback");
            assertThat(viewService.received.get(0).body()).isEqualTo("{\"version\":1}");
            assertThat(publication.isRunning()).isFalse();
            assertThat(publication.isFailed()).isTrue();
            assertThat(publication.needsDataLossConfirmation()).isTrue();
            assertThat(publication.sourceVersion()).isEqualTo(1);
            assertThat(publication.steps()).extracting(Publication.Step::status).containsExactly("done", "failed");
            assertThat(publication.errors()).containsExactly(new FieldProblem("steps[0]", "drops 3 values"));

            viewService.answer(request -> Answer.json(202, """
                    {"id":"77aa","kind":"publish","status":"validating","step":"validate","steps":[]}"""));
            Publication running = publishing(viewService).publish("tok", "orders", 7L, true);
            assertThat(viewService.received.get(1).pathAndQuery()).isEqualTo("/api/apps/orders/publish?confirmDataLoss=true");
            assertThat(running.isRunning()).isTrue();
            assertThat(running.needsDataLossConfirmation()).isFalse();

            publishing(viewService).publication("tok", "orders", "77aa");
            assertThat(viewService.received.get(2).pathAndQuery()).isEqualTo("/api/apps/orders/publications/77aa");
        }
    }

    @Test
    void versionsAndTheirDiffAreRead() throws Exception {
        try (FakeService viewService = new FakeService(request -> Answer.json(200, """
                {"items":[{"app":"orders","version":2,"active":true,"origin":"rollback","sourceVersion":1,
                  "publishedAt":"2026-11-27T10:00:00Z","publishedBy":"alice"},
                 {"app":"orders","version":1,"active":false,"origin":"draft","publishedAt":"2026-11-26T10:00:00Z"}],
                 "offset":0,"limit":100,"total":2}"""))) {
            assertThat(publishing(viewService).versions("tok", "orders"))
                    .extracting(AppVersion::version, AppVersion::active, AppVersion::sourceVersion)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2, true, 1),
                            org.assertj.core.groups.Tuple.tuple(1, false, null));
            assertThat(viewService.received.get(0).pathAndQuery()).isEqualTo("/api/apps/orders/versions?limit=100");

            viewService.answer(request -> Answer.json(200, """
                    {"app":"orders","from":"1","to":"draft","changes":[
                     {"path":"types[customer].fields[full_name]","change":"renamed","from":"fullname","to":"full_name"}],
                     "summary":{"added":0,"removed":0,"changed":0,"renamed":1,"reordered":0}}"""));
            Diff diff = publishing(viewService).diff("tok", "orders", "1", "draft");
            assertThat(viewService.received.get(1).pathAndQuery()).isEqualTo("/api/apps/orders/versions/1/diff/draft");
            assertThat(diff.summary()).isEqualTo("1 renamed");
            assertThat(diff.changes()).containsExactly(
                    new Change("types[customer].fields[full_name]", "renamed", "fullname", "full_name"));
        }
    }

    @Test
    void refusalsAreRefusalsAndServerErrorsOrWrongAnswersMeanUnavailable() throws Exception {
        try (FakeService viewService = new FakeService(request -> Answer.problem(409, "publication-in-progress", "busy"))) {
            assertThatThrownBy(() -> publishing(viewService).publish("tok", "orders", null, false))
                    .isInstanceOfSatisfying(RefusedException.class,
                            e -> assertThat(e.code()).isEqualTo("publication-in-progress"));
            viewService.answer(request -> Answer.problem(503, "unavailable", "db down"));
            assertThatThrownBy(() -> publishing(viewService).dryRun("tok", "orders"))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("HTTP 503");
            viewService.answer(request -> Answer.json(202, "{\"kind\":\"publish\"}"));
            assertThatThrownBy(() -> publishing(viewService).publish("tok", "orders", null, false))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("not what the studio expects");
        }
    }

    @Test
    void longValuesAreCutForThePage() {
        String value = Change.value(jakarta.json.Json.createValue("x".repeat(1000)));
        assertThat(value).hasSize(Change.MAX_VALUE).endsWith("\u2026");
    }

    private static ViewServicePublishing publishing(FakeService viewService) {
        ViewServicePublishing publishing = new ViewServicePublishing();
        publishing.api = viewService.api(TIMEOUT);
        return publishing;
    }
}
