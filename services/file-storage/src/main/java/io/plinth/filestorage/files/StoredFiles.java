package io.plinth.filestorage.files;

import io.plinth.kernel.bus.EventPublisher;
import io.plinth.kernel.db.Persistence;
import io.plinth.kernel.problem.ProblemException;
import io.plinth.kernel.rest.Page;
import io.plinth.kernel.rest.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The file store: store files and read them back; every stored file is announced on the bus. */
@ApplicationScoped
public class StoredFiles {

    public static final String STORED = "file-storage.file.stored";

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String INFO = "SELECT NEW io.plinth.filestorage.files.FileInfo("
            + "f.id, f.name, f.contentType, f.size, f.sha256, f.createdAt) FROM StoredFile f";

    @PersistenceContext(unitName = "file-storage")
    EntityManager em;

    @Inject
    EventPublisher events;

    /** Stores the file and its {@code file-storage.file.stored} event in one transaction. */
    @Transactional
    public FileInfo store(String name, String contentType, Upload upload) {
        StoredFile file = new StoredFile(name, contentType, upload);
        em.persist(file);
        FileInfo info = file.info();
        events.publish(STORED, Json.createObjectBuilder()
                .add("id", info.id().toString())
                .add("name", info.name())
                .add("size", info.size())
                .add("sha256", info.sha256())
                .build());
        return info;
    }

    public FileInfo info(String id) {
        return Persistence.single(em.createQuery(INFO + " WHERE f.id = :id", FileInfo.class)
                .setParameter("id", parse(id)), "File", id);
    }

    public FileContent content(String id) {
        FileInfo info = info(id);
        byte[] bytes = em.createQuery("SELECT f.content FROM StoredFile f WHERE f.id = :id", byte[].class)
                .setParameter("id", info.id())
                .getSingleResult();
        return new FileContent(info, bytes);
    }

    /** The newest files first, without their bytes. */
    public Page<FileInfo> list(PageRequest page) {
        List<FileInfo> items = em.createQuery(INFO + " ORDER BY f.createdAt DESC, f.id", FileInfo.class)
                .setFirstResult(page.offset())
                .setMaxResults(page.limit())
                .getResultList();
        long total = em.createQuery("SELECT COUNT(f) FROM StoredFile f", Long.class).getSingleResult();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    /** Ids come from URLs and gRPC requests: anything that is not a UUID names no file. */
    private static UUID parse(String id) {
        if (id == null || !UUID_TEXT.matcher(id).matches()) {
            throw ProblemException.notFound("File", String.valueOf(id));
        }
        return UUID.fromString(id);
    }
}
