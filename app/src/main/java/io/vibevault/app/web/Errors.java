package io.vibevault.app.web;

import io.javalin.http.Context;
import io.vibevault.app.memories.UploadRejected;
import io.vibevault.orm.exception.ObjectDoesNotExist;
import io.vibevault.orm.exception.OperationalError;
import io.vibevault.orm.exception.ValidationError;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into responses that reveal nothing inside (THREATS 4.7): a status, a short
 * message and a correlation id; the log keeps the full exception under that id. Paths and user
 * input in log lines are escaped onto one line.
 */
final class Errors {
  private static final Logger log = LoggerFactory.getLogger(Errors.class);
  private static final java.util.regex.Pattern MULTIPART_LIMIT =
      java.util.regex.Pattern.compile("max (file size|length) exceeded");

  /** Set on a request whose error this class answered. */
  private static final String ANSWERED = "vibevault.errorAnswered";

  private final Templates templates;

  Errors(Templates templates) {
    this.templates = templates;
  }

  void handle(Exception e, Context ctx) {
    if (e instanceof Caller.NotSignedIn) {
      if (isApi(ctx)) {
        ctx.header("WWW-Authenticate", "Bearer");
        respond(ctx, 401, "Sign in first.", null, null);
      } else {
        ctx.redirect(
            "/login?next="
                + java.net.URLEncoder.encode(
                    safeNext(ctx), java.nio.charset.StandardCharsets.UTF_8));
      }
      return;
    }
    if (e instanceof ObjectDoesNotExist) {
      respond(ctx, 404, "Not found.", null, null);
    } else if (e instanceof ValidationError v) {
      respond(ctx, 400, "Please correct the errors.", v.errors(), null);
    } else if (e instanceof BadRequest b) {
      respond(ctx, 400, b.getMessage(), null, null);
    } else if (e instanceof WebSecurity.CsrfFailure) {
      respond(
          ctx,
          403,
          "The form expired or came from another site. Reload and try again.",
          null,
          null);
    } else if (e instanceof WebSecurity.TooLarge) {
      respond(ctx, 413, "The request is too large (10 MB at most).", null, null);
    } else if (e instanceof UploadRejected u) {
      int status =
          switch (u.kind()) {
            case UNSUPPORTED_TYPE -> 415;
            case TOO_LARGE -> 413;
            case MALFORMED -> 400;
          };
      respond(ctx, status, u.getMessage(), null, null);
    } else if (badMessage(e) != null) {
      // Jetty refused the request itself (too many parts, malformed multipart, oversized form).
      if (badMessage(e).getCode() == 413 || overMultipartLimit(e)) {
        respond(ctx, 413, "The request is too large (10 MB at most).", null, null);
      } else {
        drainBody(ctx);
        respond(ctx, 400, "The request could not be read.", null, null);
      }
    } else if (e instanceof OperationalError) {
      // The database is unreachable or restarting: a temporary condition the client may retry.
      String id = UUID.randomUUID().toString();
      log.warn(
          "Request {} {} hit a database outage [{}]", ctx.method(), loggable(ctx.path()), id, e);
      ctx.header("Retry-After", "5");
      respond(ctx, 503, "The service is briefly unavailable. Try again in a moment.", null, id);
    } else if (e instanceof TooManyAttempts) {
      ctx.header("Retry-After", "60");
      respond(ctx, 429, "Too many attempts. Wait a minute and try again.", null, null);
    } else {
      String id = UUID.randomUUID().toString();
      log.error("Request {} {} failed [{}]", ctx.method(), loggable(ctx.path()), id, e);
      respond(ctx, 500, "Something went wrong on our side.", null, id);
    }
  }

  /**
   * A 404 nobody answered: a path no route matches (Javalin would answer in plain text, echoing the
   * path, with no correlation id). A 404 this class already answered stays as it is.
   */
  void unanswered404(Context ctx) {
    if (ctx.attribute(ANSWERED) == null) {
      respond(ctx, 404, "Not found.", null, null);
    }
  }

  private void respond(
      Context ctx, int status, String message, Map<String, List<String>> fields, String id) {
    ctx.attribute(ANSWERED, Boolean.TRUE);
    String correlation = id != null ? id : UUID.randomUUID().toString().substring(0, 8);
    if (status >= 400 && id == null) {
      log.info("{} {} -> {} [{}]", ctx.method(), loggable(ctx.path()), status, correlation);
    }
    if (isApi(ctx)) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", message);
      if (fields != null) {
        body.put("fields", fields);
      }
      body.put("correlationId", correlation);
      Json.send(ctx, status, body);
    } else {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("status", status);
      model.put("message", message);
      model.put("fields", fields);
      model.put("correlationId", correlation);
      model.put("user", Caller.of(ctx).user());
      ctx.status(status).html(templates.render("error", model));
    }
  }

  /**
   * Reads and drops what the client is still sending of a body Jetty refused part-way (the 1,001st
   * part of a form): answering while it sends makes the server close a connection with unread
   * bytes, a reset that the client sees instead of the 400. Only bodies within the request limit
   * get here (a larger one is a 413 before any of it is read), so this reads at most that.
   */
  private static void drainBody(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    if (length < 0 || length > WebSecurity.MAX_REQUEST_BYTES) {
      return;
    }
    try {
      ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
    } catch (IOException | RuntimeException gone) {
      // The client stopped sending or the stream is closed: nothing left to drain.
    }
  }

  private static org.eclipse.jetty.http.BadMessageException badMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.http.BadMessageException b) {
        return b;
      }
    }
    return null;
  }

  /**
   * Whether Jetty's multipart parser stopped at the file or request size limit. It reports that as
   * a 400 "bad multipart" whose cause is an IllegalStateException known only by its message; the
   * client deserves the 413 that tells it the size is the problem.
   */
  private static boolean overMultipartLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalStateException
          && t.getMessage() != null
          && MULTIPART_LIMIT.matcher(t.getMessage()).lookingAt()) {
        return true;
      }
    }
    return false;
  }

  static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/") || ctx.path().equals("/api");
  }

  private static String safeNext(Context ctx) {
    String p = ctx.path();
    return p.startsWith("/") && !p.startsWith("//") ? p : "/";
  }

  /** The path for a log line: escaped, and a reset link's token never written down. */
  static String loggable(String path) {
    String p = path == null ? "" : path;
    if (p.startsWith("/password-reset/")) {
      p = p.replaceFirst("^(/password-reset/[^/]*/).*$", "$1***");
    }
    return escape(p);
  }

  /** One printable line: control characters (CR, LF, ESC ...) become \\uXXXX. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .limit(500)
        .forEach(
            c -> {
              if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** Login attempts are throttled (429). */
  static final class TooManyAttempts extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyAttempts() {
      super("throttled", null, false, false);
    }
  }
}
