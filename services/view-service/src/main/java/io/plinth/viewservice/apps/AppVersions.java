package io.plinth.viewservice.apps;

import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import io.plinth.viewservice.apps.model.ModelDiff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The published versions of apps: listed, read, and compared with each other or with the draft. */
@ApplicationScoped
public class AppVersions {

    public static final String DRAFT = "draft";

    @PersistenceContext(unitName = "view-service")
    EntityManager em;

    @Inject
    Apps apps;

    public Page<JsonObject> list(String appKey, PageRequest page) {
        App app = apps.get(appKey);
        List<JsonObject> items = em.createQuery("SELECT v FROM AppVersion v WHERE v.appId = :app ORDER BY v.number DESC",
                        AppVersion.class)
                .setParameter("app", app.id())
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultStream()
                .map(v -> summary(app, v).build())
                .toList();
        long total = em.createQuery("SELECT COUNT(v) FROM AppVersion v WHERE v.appId = :app", Long.class)
                .setParameter("app", app.id())
                .getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    /** The version with its model. */
    public JsonObject get(String appKey, int number) {
        App app = apps.get(appKey);
        AppVersion version = apps.version(app, number);
        return summary(app, version).add("model", version.model()).build();
    }

    /** The changes from {@code from} to {@code to}: version numbers, or {@code draft}. */
    public JsonObject diff(String appKey, String from, String to) {
        App app = apps.get(appKey);
        return Json.createObjectBuilder()
                .add("app", app.key())
                .add("from", from)
                .add("to", to)
                .addAll(Json.createObjectBuilder(ModelDiff.describe(ModelDiff.between(model(app, from), model(app, to)))))
                .build();
    }

    private JsonObject model(App app, String version) {
        if (version.equals(DRAFT)) {
            return app.draft();
        }
        try {
            return apps.version(app, Integer.parseInt(version)).model();
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Version of app " + app.key(), version);
        }
    }

    static JsonObjectBuilder summary(App app, AppVersion version) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("app", app.key())
                .add("version", version.number())
                .add("active", Integer.valueOf(version.number()).equals(app.activeVersion()))
                .add("origin", version.origin())
                .add("checksum", version.checksum())
                .add("publishedAt", version.publishedAt().toString());
        if (version.sourceVersion() != null) {
            json.add("sourceVersion", version.sourceVersion());
        }
        if (version.publishedBy() != null) {
            json.add("publishedBy", version.publishedBy());
        }
        if (version.publicationId() != null) {
            json.add("publicationId", version.publicationId().toString());
        }
        return json;
    }
}
