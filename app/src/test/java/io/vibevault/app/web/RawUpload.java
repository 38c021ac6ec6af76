package io.vibevault.app.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart upload written by hand on a socket, so a test controls how much of the body is sent
 * and when, and streams a large file from one reused buffer instead of building it in memory.
 */
final class RawUpload {
  private final String head;
  private final String tail;
  private final String boundary = "----vvraw" + UUID.randomUUID();

  /**
   * An upload to {@code path} with {@code browser}'s cookies and origin, the form {@code fields}
   * first and then a file part of {@code fileBytes} bytes.
   */
  RawUpload(Browser browser, String path, Map<String, String> fields, long fileBytes) {
    StringBuilder parts = new StringBuilder();
    fields.forEach(
        (k, v) ->
            parts
                .append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    parts
        .append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.mp3\"")
        .append("\r\nContent-Type: audio/mpeg\r\n\r\n");
    String end = "\r\n--" + boundary + "--\r\n";
    long length =
        parts.toString().getBytes(StandardCharsets.UTF_8).length + fileBytes + end.length();
    StringBuilder cookie = new StringBuilder();
    browser.cookies.forEach(
        (k, v) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(k).append('=').append(v));
    String host = browser.base.substring("http://".length());
    this.head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nOrigin: "
            + browser.base
            + "\r\nCookie: "
            + cookie
            + "\r\nContent-Type: multipart/form-data; boundary="
            + boundary
            + "\r\nContent-Length: "
            + length
            + "\r\nConnection: close\r\n\r\n"
            + parts;
    this.tail = end;
  }

  /**
   * What happened: the status code, how many file bytes went out before the answer came, the {@code
   * Location} header (null if none) and when the answer was read ({@link System#nanoTime}).
   */
  record Outcome(int status, long fileBytesSent, String location, long answeredAt) {}

  /**
   * Sends the head, then up to {@code sendBytes} of the file from {@code chunk} (repeated), then
   * the closing boundary if everything was sent; stops early when the server answers or closes.
   */
  Outcome send(int port, byte[] chunk, long sendBytes) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(120_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(head.getBytes(StandardCharsets.UTF_8));
      long sent = 0;
      try {
        while (sent < sendBytes) {
          if (in.available() > 0) {
            break; // the server has answered before the body was complete
          }
          int n = (int) Math.min(chunk.length, sendBytes - sent);
          out.write(chunk, 0, n);
          sent += n;
        }
        if (sent == sendBytes) {
          out.write(tail.getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
      } catch (IOException closedByServer) {
        // The server refused the rest of the body and closed; its answer is still readable.
      }
      return answer(in, sent);
    }
  }

  private static Outcome answer(InputStream in, long sent) throws IOException {
    String status = line(in);
    String[] words = status.split(" ");
    if (words.length < 2) {
      throw new AssertionError("no status line: '" + status + "'");
    }
    String location = null;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      if (header.regionMatches(true, 0, "Location:", 0, 9)) {
        location = header.substring(9).strip();
      }
    }
    return new Outcome(Integer.parseInt(words[1]), sent, location, System.nanoTime());
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    try {
      for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
        if (c != '\r') {
          line.append((char) c);
        }
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer from the server", e);
    }
    return line.toString();
  }
}
