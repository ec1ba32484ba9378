package io.plinth.viewservice.apps;

/** A step of a publication cannot go on; the message is the reason its record shows. */
class PublicationFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PublicationFailure(String reason) {
        super(reason);
    }
}
