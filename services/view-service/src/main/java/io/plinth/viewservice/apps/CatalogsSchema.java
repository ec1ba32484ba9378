package io.plinth.viewservice.apps;

import jakarta.json.JsonObject;

/**
 * catalogs' schema API as publishing uses it ({@code POST /api/schema/{app}/plan} and
 * {@code /apply}, {@code DELETE /api/schema/{app}}, docs/catalogs-storage.md), called with the publishing user's token. Either
 * answers catalogs' JSON, or throws a {@link ParticipantException} with catalogs' problem.
 */
interface CatalogsSchema {

    /** The DDL plan that would bring the app's tables to {@code request}'s types; changes nothing. */
    JsonObject plan(String app, JsonObject request, Credentials credentials);

    /** Applies {@code request}'s types as its {@code version}; answers the plan that ran. */
    JsonObject apply(String app, JsonObject request, Credentials credentials);

    /**
     * Removes the app's tables if catalogs holds {@code version} of it (undoing the app's first
     * publication); answers the plan that ran, with no steps when catalogs held nothing.
     */
    JsonObject remove(String app, int version, boolean confirmDataLoss, Credentials credentials);
}
