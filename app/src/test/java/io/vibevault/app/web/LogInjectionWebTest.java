package io.vibevault.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vibevault.orm.testkit.DbTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

/**
 * THREATS W-17: a request path or user name carrying CR LF, an ANSI escape and markup reaches the
 * server's log escaped, on one line.
 */
class LogInjectionWebTest extends VaultServerTest {
  ListAppender<ILoggingEvent> appender;
  Logger webLog;

  @BeforeEach
  void listen() {
    webLog = (Logger) LoggerFactory.getLogger("io.vibevault.app");
    appender = new ListAppender<>();
    appender.start();
    webLog.addAppender(appender);
  }

  @AfterEach
  void stopListening() {
    webLog.detachAppender(appender);
  }

  @DbTest
  void hostilePathsAndUsernamesAreLoggedEscapedOnOneLine() {
    Browser b = new Browser(web.port());
    String hostile = "%0d%0aINFO%20forged%1b%5b31m%3Cscript%3E";
    b.get("/memories/" + hostile);
    b.get("/api/memories/" + hostile);
    b.submit(
        "/login",
        "/login",
        Map.of("username", "ada\r\nINFO forged\u001b[31m<script>", "password", "whatever-1"));

    List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines).isNotEmpty().noneMatch(l -> l.contains("\r") || l.contains("\n"));
    assertThat(lines).noneMatch(l -> l.contains("\u001b"));
    // The hostile requests were logged (the path as sent, percent-encoded), each on its line.
    assertThat(lines).filteredOn(l -> l.contains("forged")).hasSizeGreaterThanOrEqualTo(2);
  }
}
