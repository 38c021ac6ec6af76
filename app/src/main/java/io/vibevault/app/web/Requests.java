package io.vibevault.app.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.vibevault.app.memories.Memories;
import io.vibevault.app.memories.UploadRejected;
import io.vibevault.app.memories.Uploads;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/** Reading request input safely: allowlisted parameters, ids, uploads with a hard size cap. */
final class Requests {
  private Requests() {}

  /**
   * Refuses any query parameter outside {@code allowed} (400): request keys never reach {@code
   * filter()} or {@code orderBy()}, and a probe such as {@code user__password__startswith} is an
   * error rather than silently ignored.
   */
  static void onlyParams(Context ctx, Set<String> allowed) {
    for (String key : ctx.queryParamMap().keySet()) {
      if (!allowed.contains(key)) {
        throw new BadRequest("Unknown parameter: " + Errors.escape(key));
      }
    }
  }

  /** A path id; anything but a positive number is simply not found. */
  static long id(Context ctx) {
    try {
      long id = Long.parseLong(ctx.pathParam("id"));
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new ObjectDoesNotExist(io.vibevault.app.memories.Memory.class, "Not found.");
  }

  static int page(Context ctx) {
    String p = ctx.queryParam("page");
    if (p == null || p.isBlank()) {
      return 1;
    }
    try {
      return Math.max(1, Integer.parseInt(p.strip()));
    } catch (NumberFormatException e) {
      throw new BadRequest("page must be a number");
    }
  }

  static Memories.Sort sort(Context ctx) {
    String s = ctx.queryParam("sort");
    if (s == null || s.isBlank() || s.equals("date")) {
      return Memories.Sort.DATE;
    }
    if (s.equals("engagement")) {
      return Memories.Sort.ENGAGEMENT;
    }
    throw new BadRequest("sort is date or engagement");
  }

  /** The checked upload in field {@code file}, or null when none was sent. */
  static Uploads.Accepted upload(Context ctx, Uploads uploads) {
    if (!ctx.isMultipartFormData()) {
      return null;
    }
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null
        || (file.size() == 0 && (file.filename() == null || file.filename().isEmpty()))) {
      return null;
    }
    if (file.size() > Uploads.MAX_BYTES) {
      throw new UploadRejected(UploadRejected.Kind.TOO_LARGE, "Files are limited to 10 MB.");
    }
    try (InputStream in = file.content()) {
      byte[] data = in.readNBytes(Uploads.MAX_BYTES + 1);
      return uploads.accept(data, file.contentType());
    } catch (IOException e) {
      throw new UploadRejected(UploadRejected.Kind.MALFORMED, "The upload was interrupted.");
    }
  }

  static String uploadName(Context ctx) {
    if (!ctx.isMultipartFormData()) {
      return "";
    }
    UploadedFile file = ctx.uploadedFile("file");
    return file == null ? "" : Memories.displayName(file.filename());
  }
}
