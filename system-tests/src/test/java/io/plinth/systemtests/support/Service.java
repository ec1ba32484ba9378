package io.plinth.systemtests.support;

import java.util.List;

/** The platform's deployables as the tests address them, in the order of the architecture brief. */
public enum Service {
    CATALOGS("catalogs", 8101, 5101, "/catalogs", List.of("catalogs")),
    DATA_FLOW("data-flow", 8102, 5102, "/data-flow", List.of("dataflow")),
    FILE_STORAGE("file-storage", 8103, 5103, "/file-storage", List.of("file_storage")),
    IDENTITY("identity", 8104, 5104, "/identity", List.of("identity")),
    NOTIFICATION("notification", 8105, 5105, "/notification", List.of("notification")),
    SCHEDULER("scheduler", 8106, 5106, "/scheduler", List.of("scheduler")),
    TEMPLATE_SERVICE("template-service", 8107, 5107, "/template-service", List.of("template")),
    VIEW_SERVICE("view-service", 8108, 5108, "/view-service", List.of("view_service", "maintenance")),
    WORKFLOW("workflow", 8109, 5109, "/workflow", List.of("workflow", "wfc_persistence")),
    WEB_STUDIO("web-studio", 8110, 0, "/studio", List.of()),
    WEB_WORKPLACE("web-workplace", 8111, 5111, "/workplace", List.of("workplace-host"));

    public final String serviceName;
    public final int httpPort;
    public final int grpcPort;
    public final String contextRoot;
    public final List<String> schemas;

    Service(String serviceName, int httpPort, int grpcPort, String contextRoot, List<String> schemas) {
        this.serviceName = serviceName;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
        this.contextRoot = contextRoot;
        this.schemas = schemas;
    }

    /** web-studio has no database, Redis, RabbitMQ, gRPC or metrics. */
    public boolean hasInfrastructure() {
        return this != WEB_STUDIO;
    }

    public String splitUrl() {
        return "http://localhost:" + httpPort;
    }

    public String allInOneUrl() {
        return "http://localhost:8080" + contextRoot;
    }
}
