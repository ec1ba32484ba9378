package io.plinth.kernel.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every service's public REST API lives under {@code /api} of its root. */
@ApplicationPath("/api")
public class PlinthApi extends Application {
}
