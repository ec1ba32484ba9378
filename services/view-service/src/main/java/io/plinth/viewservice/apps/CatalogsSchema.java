package io.plinth.viewservice.apps;

import jakarta.json.JsonObject;

/**
 * catalogs' schema API as publishing uses it ({@code POST /api/schema/{app}/plan} and
 * {@code /apply}, docs/catalogs-storage.md), called with the publishing user's token. Either
 * answers catalogs' JSON, or throws a {@link ParticipantException} with catalogs' problem.
 */
interface CatalogsSchema {

    /** The DDL plan that would bring the app's tables to {@code request}'s types; changes nothing. */
    JsonObject plan(String app, JsonObject request, Credentials credentials);

    /** Applies {@code request}'s types as its {@code version}; answers the plan that ran. */
    JsonObject apply(String app, JsonObject request, Credentials credentials);
}
