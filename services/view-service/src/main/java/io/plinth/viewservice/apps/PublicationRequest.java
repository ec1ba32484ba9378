package io.plinth.viewservice.apps;

/**
 * What to publish: the draft ({@link Publication#PUBLISH}, at {@code expectedDraftRevision} when
 * given), an earlier version's content again ({@link Publication#ROLLBACK} of {@code sourceVersion}),
 * or an imported version as it is ({@link Publication#IMPORT} of {@code sourceVersion}).
 * {@code confirmDataLoss} lets catalogs destroy stored data the change drops; {@code credentials}
 * (the requesting user's token, forwarded to catalogs) and {@code requestId} stay in memory.
 */
record PublicationRequest(String appKey, String kind, Integer sourceVersion, Long expectedDraftRevision,
                          boolean confirmDataLoss, String requestedBy, Credentials credentials, String requestId) {
}
