package io.vibevault.app.web;

import io.javalin.http.Handler;
import java.util.concurrent.Semaphore;

/**
 * Bounds how many uploads are checked in memory at once (THREATS W-13, RELIABILITY R-23). Jetty
 * first spools each multipart body to disk (only 1 MB of a part stays in memory), outside the gate,
 * so a slow client holds no permit; then the file is read, checked (an image decoded) and stored
 * under a permit. Two hundred simultaneous 10 MB uploads thus wait their turn instead of needing
 * gigabytes of heap.
 *
 * <pre>{@code
 * UploadGate gate = UploadGate.forHeap(Runtime.getRuntime().maxMemory());
 * routes.post("/memories", gate.around(memories::create));
 * }</pre>
 */
final class UploadGate {
  /** Heap one upload may need at worst: the file, its copies, a decoded 40-megapixel image. */
  static final long BYTES_PER_UPLOAD = 256L * 1024 * 1024;

  private final Semaphore permits;

  UploadGate(int permits) {
    this.permits = new Semaphore(permits, true);
  }

  /** A gate sized to a quarter of {@code maxHeap}, between 2 and 16 uploads. */
  static UploadGate forHeap(long maxHeap) {
    return new UploadGate((int) Math.max(2, Math.min(16, maxHeap / 4 / BYTES_PER_UPLOAD)));
  }

  /** {@code handler} behind the gate when the request is multipart; as is otherwise. */
  Handler around(Handler handler) {
    return ctx -> {
      if (!ctx.isMultipartFormData()) {
        handler.handle(ctx);
        return;
      }
      ctx.uploadedFiles(); // reads the whole body to disk, before any permit is taken
      permits.acquire();
      try {
        handler.handle(ctx);
      } finally {
        permits.release();
      }
    };
  }
}
