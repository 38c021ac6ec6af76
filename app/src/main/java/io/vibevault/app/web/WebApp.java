package io.vibevault.app.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.vibevault.app.AppConfig;
import io.vibevault.app.accounts.Accounts;
import io.vibevault.app.accounts.ApiTokens;
import io.vibevault.app.accounts.LoginThrottle;
import io.vibevault.app.accounts.OutboxMailer;
import io.vibevault.app.accounts.PasswordHasher;
import io.vibevault.app.accounts.PasswordResets;
import io.vibevault.app.accounts.ServerSecret;
import io.vibevault.app.accounts.Sessions;
import io.vibevault.app.memories.MediaStorage;
import io.vibevault.app.memories.Uploads;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin on Jetty, every route of the pages and the JSON API, behind {@link
 * WebSecurity}. The database must be configured and its schema in place.
 *
 * <pre>{@code
 * try (WebApp web = WebApp.start(AppConfig.defaults(Path.of("data")).withPort(0))) {
 *   System.out.println("http://localhost:" + web.port());
 * }
 * }</pre>
 */
public final class WebApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebApp.class);
  private static final Map<String, String> STATIC =
      Map.of(
          "app.css",
          "text/css; charset=utf-8",
          "app.js",
          "text/javascript; charset=utf-8",
          "stats.js",
          "text/javascript; charset=utf-8",
          "favicon.svg",
          "image/svg+xml",
          "openapi.json",
          "application/json; charset=utf-8");

  private final Javalin javalin;
  private final LoginThrottle throttle;
  private final java.nio.file.Path dataDir;

  private WebApp(Javalin javalin, LoginThrottle throttle, java.nio.file.Path dataDir) {
    this.javalin = javalin;
    this.throttle = throttle;
    this.dataDir = dataDir;
  }

  /** Starts serving with {@code config}; the returned server is running. */
  public static WebApp start(AppConfig config) {
    return start(config, PasswordHasher.DEFAULT);
  }

  /** As {@link #start(AppConfig)}, hashing with {@code hasher}. */
  public static WebApp start(AppConfig config, PasswordHasher hasher) {
    MediaStorage media = new MediaStorage(config.mediaDir());
    Templates templates = new Templates();
    Sessions sessions = new Sessions(config.clock());
    ApiTokens tokens = new ApiTokens();
    Cookies cookies = new Cookies(config.secureCookies());
    LoginThrottle throttle = new LoginThrottle(config.clock());
    WebSecurity security = new WebSecurity(sessions, tokens, cookies);
    Pages pages = new Pages(templates, security);
    Uploads uploads = new Uploads();
    AccountPages accounts =
        new AccountPages(new Accounts(hasher), sessions, throttle, cookies, pages, media, uploads);
    MemoryPages memories = new MemoryPages(media, uploads, pages);
    MediaFiles files = new MediaFiles(media);
    ApiRoutes api = new ApiRoutes(media, uploads, tokens, accounts);
    SearchRoutes search = new SearchRoutes(media, pages);
    StatsRoutes stats = new StatsRoutes(media, pages);
    PasswordResets resets =
        new PasswordResets(
            ServerSecret.load(config.dataDir()),
            config.clock(),
            new OutboxMailer(config.dataDir().resolve("outbox")));
    int[] port = new int[1];
    // Links in e-mails use a configured origin, never the request's Host header (which a client
    // chooses): VIBEVAULT_BASE_URL, or this server on localhost.
    ResetPages reset =
        new ResetPages(
            resets,
            new Accounts(hasher),
            pages,
            () ->
                System.getenv("VIBEVAULT_BASE_URL") != null
                    ? System.getenv("VIBEVAULT_BASE_URL")
                    : "http://localhost:" + port[0]);
    Errors errors = new Errors(templates);
    UploadGate gate = UploadGate.forHeap(Runtime.getRuntime().maxMemory());

    Javalin javalin =
        Javalin.create(
            cfg -> {
              limits(cfg);
              cfg.startup.showJavalinBanner = false;
              cfg.requestLogger.http(
                  (ctx, ms) ->
                      log.info(
                          "{} {} {} {}ms",
                          ctx.method(),
                          Errors.loggable(ctx.path()),
                          ctx.status().getCode(),
                          Math.round(ms)));
              cfg.routes.exception(Exception.class, errors::handle);
              cfg.routes.error(404, errors::unanswered404);
              cfg.routes.before(security::before);
              var r = cfg.routes;
              r.get("/", memories::home);
              r.get("/static/{name}", WebApp::staticFile);
              r.get("/static/vendor/chart.umd.js", StatsRoutes::chartJs);
              r.get("/register", accounts::registerForm);
              r.post("/register", accounts::register);
              r.get("/login", accounts::loginForm);
              r.post("/login", accounts::login);
              r.post("/logout", accounts::logout);
              r.get("/password-reset", reset::form);
              r.post("/password-reset", reset::request);
              r.get("/password-reset/{id}/{token}", reset::newPasswordForm);
              r.post("/password-reset/{id}/{token}", reset::setPassword);
              r.get("/profile", accounts::profile);
              r.post("/profile", accounts::saveProfile);
              r.post("/profile/password", accounts::changePassword);
              r.post("/profile/avatar", gate.around(accounts::saveAvatar));
              r.get("/profile/avatar", accounts::avatar);
              r.get("/memories", memories::list);
              r.get("/memories/new", memories::newForm);
              r.post("/memories", gate.around(memories::create));
              r.get("/memories/{id}", memories::detail);
              r.get("/memories/{id}/edit", memories::editForm);
              r.post("/memories/{id}/edit", memories::edit);
              r.post("/memories/{id}/delete", memories::trash);
              r.post("/memories/{id}/like", memories::like);
              r.post("/memories/{id}/view", memories::view);
              r.post("/memories/{id}/analyze", memories::reanalyse);
              r.get("/memories/{id}/media", files::serve);
              r.get("/trash", memories::trashList);
              r.post("/trash/{id}/restore", memories::restore);
              r.post("/trash/{id}/purge", memories::purge);
              r.get("/search", search::page);
              r.get("/api/search", search::api);
              r.get("/stats", stats::page);
              r.get("/api/stats", stats::api);
              r.get("/tags", memories::tags);
              r.post("/tags/{id}/rename", memories::renameTag);
              r.post("/tags/{id}/delete", memories::deleteTag);

              r.get(
                  "/api/openapi.json",
                  ctx -> {
                    serveStatic(ctx, "openapi.json");
                  });
              r.post("/api/tokens", api::createToken);
              r.get("/api/tokens", api::listTokens);
              r.delete("/api/tokens/{id}", api::revokeToken);
              r.get("/api/memories", api::list);
              r.post("/api/memories", gate.around(api::create));
              r.get("/api/memories/{id}", api::get);
              r.patch("/api/memories/{id}", api::update);
              r.delete("/api/memories/{id}", api::trash);
              r.post("/api/memories/{id}/like", api::like);
              r.post("/api/memories/{id}/analyze", api::reanalyse);
              r.get("/api/memories/{id}/media", files::serve);
              r.get("/api/trash", api::trashList);
              r.post("/api/trash/{id}/restore", api::restore);
              r.delete("/api/trash/{id}", api::purge);
            });
    javalin.start(config.port());
    port[0] = javalin.port();
    return new WebApp(javalin, throttle, config.dataDir());
  }

  private static void limits(JavalinConfig cfg) {
    cfg.http.maxRequestSize = WebSecurity.MAX_REQUEST_BYTES;
    cfg.jetty.multipartConfig.maxFileSize(Uploads.MAX_BYTES, SizeUnit.BYTES);
    cfg.jetty.multipartConfig.maxTotalRequestSize(WebSecurity.MAX_REQUEST_BYTES, SizeUnit.BYTES);
    cfg.jetty.multipartConfig.maxInMemoryFileSize(1024 * 1024, SizeUnit.BYTES);
    cfg.jetty.modifyServletContextHandler(
        handler -> {
          // Caps the number of form fields and multipart parts (CVE-2023-24998's lesson).
          handler.setMaxFormKeys(20);
          handler.setMaxFormContentSize(256 * 1024);
        });
    cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
    cfg.jetty.modifyHttpConfiguration(
        http -> {
          http.setSendServerVersion(false);
          http.setRequestHeaderSize(16 * 1024);
        });
  }

  private static void staticFile(Context ctx) throws IOException {
    serveStatic(ctx, ctx.pathParam("name"));
  }

  private static void serveStatic(Context ctx, String name) throws IOException {
    String type = STATIC.get(name);
    if (type == null) {
      throw new io.vibevault.orm.exception.ObjectDoesNotExist(Object.class, "Not found.");
    }
    try (InputStream in = WebApp.class.getResourceAsStream("/static/" + name)) {
      ctx.header("Cache-Control", "public, max-age=3600");
      ctx.contentType(type).result(in.readAllBytes());
    }
  }

  /** The port the server listens on. */
  public int port() {
    return javalin.port();
  }

  /** The data directory (media, outbox, secret). */
  java.nio.file.Path dataDir() {
    return dataDir;
  }

  /** The login throttle (administrators and tests can inspect it). */
  LoginThrottle throttle() {
    return throttle;
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
