package org.ganbench.ui.common;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.image.Image;

/**
 * Face thumbnails decoded off the JavaFX thread, with a bounded LRU cache. Requests are served newest first (the
 * cells on screen now), and a request whose cell has scrolled away is skipped before decoding, so fast scrolling
 * through 50,000 faces does not queue 50,000 decodes.
 */
public final class ThumbnailCache implements AutoCloseable {
    private final int size;
    private final Map<Path, Image> cache;
    private final ExecutorService loader;

    public ThumbnailCache(int size, int capacity) {
        this.size = size;
        this.cache = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Image> eldest) {
                return size() > capacity;
            }
        };
        LinkedBlockingDeque<Runnable> lifo = new LinkedBlockingDeque<>() {
            @Override
            public boolean offer(Runnable r) {
                return offerFirst(r);
            }
        };
        this.loader = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, lifo, r -> {
            Thread t = new Thread(r, "thumbnails");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    /** The cached thumbnail, or null (FX thread). */
    public Image cached(Path file) {
        return cache.get(file);
    }

    /**
     * Decodes {@code file} in the background unless {@code stillWanted} says otherwise by then, caches it, and passes
     * it to {@code done} on the FX thread. Call on the FX thread.
     */
    public void request(Path file, BooleanSupplier stillWanted, Consumer<Image> done) {
        Image hit = cache.get(file);
        if (hit != null) {
            done.accept(hit);
            return;
        }
        loader.execute(() -> {
            if (!stillWanted.getAsBoolean()) {
                return;
            }
            Image image = new Image(file.toUri().toString(), size, size, true, true, false);
            Platform.runLater(() -> {
                if (!image.isError()) {
                    cache.put(file, image);
                }
                done.accept(image);
            });
        });
    }

    public void invalidate(Path file) {
        cache.remove(file);
    }

    @Override
    public void close() {
        loader.shutdownNow();
    }
}
