package nl.plein.photos;

import java.util.Optional;
import nl.plein.accounts.Viewer;
import nl.plein.db.Jdbis;
import nl.plein.http.ApiError;
import nl.plein.proposals.Visibility;
import org.jdbi.v3.core.Jdbi;

/** Photos and their files, each written in one transaction with its row. */
public final class PhotoStore {
    private static final String LOCK_TARGET = Jdbis.sql(PhotoStore.class, "lock-target.sql");
    private static final String COUNT = Jdbis.sql(PhotoStore.class, "count.sql");
    private static final String CREATE = Jdbis.sql(PhotoStore.class, "create.sql");
    private static final String PHOTO = Jdbis.sql(PhotoStore.class, "photo.sql");
    private static final String FACTS = Jdbis.sql(PhotoStore.class, "facts.sql");
    private static final String DELETE = Jdbis.sql(PhotoStore.class, "delete.sql");
    private static final String FILE = Jdbis.sql(PhotoStore.class, "file.sql");

    /** The two files of a photo; the column name comes from here. */
    public enum Size {
        DISPLAY("display"), THUMB("thumb");

        final String column;

        Size(String column) {
            this.column = column;
        }
    }

    /** A file as served: its bytes, its digest, and whether everyone may see it. */
    public record File(String digest, boolean isPublic, byte[] bytes) {
    }

    private final Jdbi jdbi;

    public PhotoStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds a photo to the target, unless it has {@code limit} already; its JSON. */
    public String add(PhotoTarget target, long targetId, Viewer author, String alt, PhotoEncoder.Encoded files,
                      int limit) {
        return jdbi.inTransaction(h -> {
            h.createQuery(LOCK_TARGET).define("table", target.table).bind("id", targetId).mapTo(Long.class)
                    .findOne().orElseThrow(() -> ApiError.notFound(target.label + " " + targetId));
            long count = h.createQuery(COUNT).define("column", target.column).bind("id", targetId)
                    .mapTo(Long.class).one();
            if (count >= limit) {
                throw ApiError.conflict("file", "this " + target.label.toLowerCase() + " has " + count
                        + " photos, the most it may have; delete one first");
            }
            long id = h.createQuery(CREATE).define("column", target.column)
                    .bind("target", targetId)
                    .bind("alt", alt)
                    .bind("display", files.display())
                    .bind("width", files.width())
                    .bind("height", files.height())
                    .bind("thumb", files.thumb())
                    .bind("thumbWidth", files.thumbWidth())
                    .bind("thumbHeight", files.thumbHeight())
                    .bind("digest", files.digest())
                    .bind("author", author.requireAccount())
                    .mapTo(Long.class).one();
            return h.createQuery(PHOTO).define("json", PhotoTarget.JSON).bind("id", id)
                    .bind("staff", author.isStaff()).mapTo(String.class).one();
        });
    }

    /** Who uploaded the photo, if it exists. */
    public Optional<Long> author(long id) {
        return jdbi.withHandle(h -> h.createQuery(FACTS).bind("id", id).mapTo(Long.class).findOne());
    }

    public void delete(long id, Viewer author) {
        jdbi.useTransaction(h -> h.createUpdate(DELETE).bind("id", id).bind("author", author.requireAccount())
                .execute());
    }

    /** The file, if the viewer may see the photo. */
    public Optional<File> file(Viewer viewer, long id, Size size) {
        return jdbi.withHandle(h -> Visibility.apply(h.createQuery(FILE), viewer).define("file", size.column)
                .bind("id", id)
                .map((rs, ctx) -> new File(rs.getString(1), rs.getBoolean(2), rs.getBytes(3)))
                .findOne());
    }
}
