package io.plinth.viewservice.apps;

/** The permissions of the app API. */
final class AppPermissions {

    /** See apps, their drafts, versions, publications, exports and the model's schema. */
    static final String READ = "view-service:apps:read";
    /** Create apps, edit drafts, delete unpublished apps, import. */
    static final String WRITE = "view-service:apps:write";
    /** Publish drafts and roll back: what end users see changes. */
    static final String PUBLISH = "view-service:apps:publish";

    private AppPermissions() {
    }
}
