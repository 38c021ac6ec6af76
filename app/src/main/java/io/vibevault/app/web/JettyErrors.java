package io.vibevault.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a request Jetty refuses before the application sees it (an encoded NUL or an
 * ambiguous path, a header too large): the same short JSON as the application's own errors, with a
 * correlation id that the log line carries too, instead of Jetty's HTML page (THREATS W-16).
 */
final class JettyErrors extends ErrorHandler {
  private static final Logger log = LoggerFactory.getLogger(JettyErrors.class);

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback done) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    // Jetty's message may quote the request; it goes to the log (escaped), never to the client.
    log.info(
        "{} {} refused by the server: {} {} [{}]",
        request.getMethod(),
        Errors.loggable(request.getHttpURI().getPath()),
        code,
        Errors.loggable(String.valueOf(message)),
        id);
    String text =
        switch (code) {
          case 400 -> "The request could not be read.";
          case 404 -> "Not found.";
          case 413, 431 -> "The request is too large.";
          case 414 -> "The address is too long.";
          default -> HttpStatus.getMessage(code);
        };
    byte[] body;
    try {
      body = Json.MAPPER.writeValueAsBytes(Map.of("error", text, "correlationId", id));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    response.setStatus(code);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    // Jetty drops a connection whose request it could not read; saying so keeps a client from
    // sending its next request down the closed connection.
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body), done);
  }
}
