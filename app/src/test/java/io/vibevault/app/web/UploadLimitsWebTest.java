package io.vibevault.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.SampleUploads;
import io.vibevault.app.memories.Uploads;
import io.vibevault.orm.testkit.DbTest;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;

/** THREATS W-13: request size, part count and concurrency limits on uploads, over real HTTP. */
class UploadLimitsWebTest extends VaultServerTest {
  Browser ada;
  Map<String, String> fields;

  @BeforeEach
  void signIn() {
    ada = WebTestSupport.signedUp(web, "ada");
    fields = Map.of("_csrf", ada.csrf("/memories/new"), "title", "Big", "text", "", "tags", "");
  }

  @DbTest
  void oneByteOverTheFileLimitIs413WithoutHoldingTheFileInMemory() throws Exception {
    byte[] chunk =
        SampleUploads.mp3Frames(157); // 65,469 bytes of valid frames, sent again and again
    RawUpload upload = new RawUpload(ada, "/memories", fields, Uploads.MAX_BYTES + 1L);
    long before = allocatedBytes();
    RawUpload.Outcome outcome = upload.send(web.port(), chunk, Uploads.MAX_BYTES + 1L);
    long allocated = allocatedBytes() - before;

    assertThat(outcome.status()).isEqualTo(413);
    assertThat(Memory.objects.count()).isZero();
    assertThat(storedFiles()).isEmpty();
    // Everything every thread allocated meanwhile (server and client): under twice the limit.
    assertThat(allocated).isLessThan(2L * Uploads.MAX_BYTES);
  }

  @DbTest
  void aBodyOverTheRequestLimitIsRefusedBeforeItIsRead() throws Exception {
    long declared = 100L * Uploads.MAX_BYTES; // a gigabyte announced
    RawUpload upload = new RawUpload(ada, "/memories", fields, declared);
    RawUpload.Outcome outcome = upload.send(web.port(), new byte[64 * 1024], declared);
    assertThat(outcome.status()).isEqualTo(413);
    assertThat(outcome.fileBytesSent()).isLessThan(Uploads.MAX_BYTES);
    assertThat(Memory.objects.count()).isZero();
  }

  @DbTest
  void aThousandAndOnePartsAre400() {
    Map<String, String> many = new LinkedHashMap<>(fields);
    for (int i = 0; i < 1001 - fields.size(); i++) {
      many.put("f" + i, "x");
    }
    assertThat(many).hasSize(1001);
    HttpResponse<String> r = ada.multipart("/memories", many, null, null, null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).doesNotContain("Exception", "java.");
    assertThat(Memory.objects.count()).isZero();
  }

  @DbTest
  void theFormRefusedAtItsThousandAndFirstPartIsReadToTheEndBeforeTheAnswer() throws Exception {
    Map<String, String> many = new LinkedHashMap<>(fields);
    for (int i = 0; i < 1000 - fields.size(); i++) {
      many.put("f" + i, "x");
    }
    // Jetty refuses the form at the start of its 1,001st part, an 8 MB file still on its way.
    // Answering then and closing a connection with unread bytes resets it under the client (seen
    // as a broken pipe instead of the 400); the server reads the rest of the body first.
    long fileBytes = 8L * 1024 * 1024;
    RawUpload upload = new RawUpload(ada, "/memories", many, fileBytes);
    RawUpload.Outcome outcome = upload.send(web.port(), SampleUploads.mp3Frames(157), fileBytes);
    assertThat(outcome.status()).isEqualTo(400);
    assertThat(outcome.fileBytesSent()).isEqualTo(fileBytes);
    assertThat(Memory.objects.count()).isZero();
  }

  @DbTest
  void twentyConcurrentMaximumSizeUploadsAllSucceed() throws Exception {
    int frames = Uploads.MAX_BYTES / SampleUploads.MP3_FRAME;
    byte[] file = SampleUploads.mp3Frames(frames);
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<HttpResponse<String>>> results = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        results.add(
            pool.submit(() -> ada.multipart("/memories", fields, "max.mp3", "audio/mpeg", file)));
      }
      for (Future<HttpResponse<String>> r : results) {
        assertThat(r.get().statusCode()).as(r.get().body()).isEqualTo(302);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(Memory.objects.count()).isEqualTo(20);
    assertThat(storedFiles())
        .hasSize(20)
        .allSatisfy(p -> assertThat(Files.size(p)).isEqualTo(file.length));
  }

  private List<Path> storedFiles() throws Exception {
    Path root = web.dataDir().resolve("media");
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  /** Bytes allocated so far by every live thread of this JVM. */
  private static long allocatedBytes() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long n : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      total += Math.max(0, n);
    }
    return total;
  }
}
