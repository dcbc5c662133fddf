package nl.learnerwallet.server.share;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** One look at a share: when, what kind (a view, a link preview, a HEAD request) and the browser family. */
@MappedEntity("share_views")
public record ShareView(
        @Id String id,
        @MappedProperty("share_id") String shareId,
        @MappedProperty("viewed_at") long viewedAt,
        String kind,
        String browser) {
}
