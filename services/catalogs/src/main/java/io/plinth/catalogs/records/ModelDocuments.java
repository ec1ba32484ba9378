package io.plinth.catalogs.records;

import java.util.Optional;

/**
 * Where the documents an app's model is parsed from (its applied types and access rules) are kept
 * between requests. Entries are keyed by the app and a stamp that changes with every write of the
 * app's schema or rules ({@link AppModel}), so an entry of an older stamp is never asked for.
 */
public interface ModelDocuments {

    /** The documents stored for {@code stamp}, or empty (not stored, or the store cannot answer). */
    Optional<String> get(String app, String stamp);

    /** Keeps the documents of {@code stamp}; a store that cannot take them drops them. */
    void put(String app, String stamp, String documents);
}
