package io.plinth.kernel.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** Which service this application is, and which running instance of it. */
@ApplicationScoped
public class ServiceIdentity {

    public static final String NAME_KEY = "plinth.service.name";

    @Inject
    Settings settings;

    private String name;
    private String instance;

    @PostConstruct
    void read() {
        this.name = settings.text(NAME_KEY);
        this.instance = settings.optionalText("plinth.instance.id").orElseGet(ServiceIdentity::hostName);
    }

    /** Service name as in the seed: {@code catalogs}, {@code view-service}, ... */
    public String name() {
        return name;
    }

    /** Instance id: the pod or host name unless configured. */
    public String instance() {
        return instance;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return UUID.randomUUID().toString();
        }
    }
}
