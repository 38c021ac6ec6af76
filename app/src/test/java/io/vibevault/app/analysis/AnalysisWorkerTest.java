package io.vibevault.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.app.accounts.Accounts;
import io.vibevault.app.accounts.ApiToken;
import io.vibevault.app.accounts.PasswordHasher;
import io.vibevault.app.accounts.Profile;
import io.vibevault.app.accounts.Session;
import io.vibevault.app.accounts.User;
import io.vibevault.app.memories.AnalysisStatus;
import io.vibevault.app.memories.MediaStorage;
import io.vibevault.app.memories.MediaType;
import io.vibevault.app.memories.Memories;
import io.vibevault.app.memories.Memory;
import io.vibevault.app.memories.Tag;
import io.vibevault.app.memories.Uploads;
import io.vibevault.orm.testkit.DatabaseTest;
import io.vibevault.orm.testkit.DbTest;
import io.vibevault.orm.testkit.TestDirs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

@DatabaseTest(
    models = {User.class, Profile.class, Session.class, ApiToken.class, Tag.class, Memory.class})
@SuppressWarnings("unchecked")
class AnalysisWorkerTest {
  static User user(String name) {
    return new Accounts(new PasswordHasher(1024, 1, 1))
        .register(name, name + "@example.org", "password " + name);
  }

  @DbTest
  void analysesTextPhotoAndAudio() throws Exception {
    MediaStorage media = new MediaStorage(TestDirs.create("vv-media"));
    Memories mine = new Memories(user("ada"), media);
    Uploads uploads = new Uploads();
    Memory text =
        mine.create("Beach day", "What a wonderful sunny day with friends!", List.of(), null);
    Memory photo = mine.create("Sunset", "", List.of(), uploads.accept(SampleMedia.png(320, 200)));
    Memory audio = mine.create("Waves", "", List.of(), uploads.accept(SampleMedia.wav(1.5, 440)));

    int taken = new AnalysisWorker(new Analyzer(media, Embeddings::shared), 2).drain();

    assertThat(taken).isEqualTo(3);
    Memory t = Memory.objects.get("id", text.id);
    assertThat(t.analysisStatus).isEqualTo(AnalysisStatus.DONE);
    assertThat(t.wordCount).isEqualTo(7);
    assertThat(t.sentimentScore).isGreaterThan(0.5);
    assertThat(t.metricsJson).containsEntry("wordCount", 7);
    assertThat((Map<String, Object>) t.metricsJson.get("sentiment"))
        .containsEntry("label", "positive");
    assertThat(t.embedding).hasSize(Embeddings.DIMENSION * 4);
    assertThat(Memory.analyzed.positiveSentiment().filter("id", text.id).exists()).isTrue();

    Memory p = Memory.objects.get("id", photo.id);
    assertThat(p.mediaType).isEqualTo(MediaType.PHOTO);
    assertThat((Map<String, Object>) p.metricsJson.get("media"))
        .containsEntry("width", 320)
        .containsEntry("height", 200);
    Memory a = Memory.objects.get("id", audio.id);
    assertThat(
            ((Number) ((Map<String, Object>) a.metricsJson.get("media")).get("durationSeconds"))
                .doubleValue())
        .isEqualTo(1.5);
  }

  @DbTest
  void similarTextsHaveCloserEmbeddings() {
    Embeddings e = Embeddings.shared();
    float[] beach = e.embed("A sunny afternoon swimming at the beach");
    float[] sea = e.embed("We swam in the sea under the sun");
    float[] taxes = e.embed("Filing the quarterly tax return forms");
    assertThat(Embeddings.cosine(beach, sea)).isGreaterThan(Embeddings.cosine(beach, taxes));
    assertThat(Embeddings.fromBytes(Embeddings.toBytes(beach))).containsExactly(beach);
  }

  @DbTest
  void aFailureIsKeptAndCanBeRetried() throws Exception {
    MediaStorage media = new MediaStorage(TestDirs.create("vv-media"));
    Memories mine = new Memories(user("ada"), media);
    Memory photo =
        mine.create("Sunset", "", List.of(), new Uploads().accept(SampleMedia.png(10, 10)));
    media.delete(photo.mediaFile);

    new AnalysisWorker(new Analyzer(media, Embeddings::shared), 5).drain();
    Memory failed = Memory.objects.get("id", photo.id);
    assertThat(failed.analysisStatus).isEqualTo(AnalysisStatus.FAILED);
    assertThat(failed.analysisError).contains("missing");

    assertThat(AnalysisWorker.retryFailed()).isEqualTo(1);
    Memory again = Memory.objects.get("id", photo.id);
    assertThat(again.analysisStatus).isEqualTo(AnalysisStatus.PENDING);
    assertThat(again.analysisError).isEmpty();
  }

  @DbTest
  void fourWorkerThreadsAnalyseEachMemoryExactlyOnce() throws Exception {
    User ada = user("ada");
    List<Memory> batch = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      Memory m = new Memory();
      m.user.set(ada);
      m.title = "Memory " + i;
      m.text = "text number " + i;
      batch.add(m);
    }
    Memory.objects.bulkCreate(batch);
    Map<Long, AtomicInteger> seen = new ConcurrentHashMap<>();
    MemoryAnalysis counting =
        memory -> {
          seen.computeIfAbsent(memory.id, k -> new AtomicInteger()).incrementAndGet();
          return new Analyzer.Result(
              Analyzer.wordCount(memory.text), 0.0, new byte[0], Map.of("wordCount", 3));
        };
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        AnalysisWorker worker = new AnalysisWorker(counting, 5);
        runs.add(pool.submit(worker::drain));
      }
      int total = 0;
      for (Future<Integer> f : runs) {
        total += f.get();
      }
      assertThat(total).isEqualTo(120);
    } finally {
      pool.shutdown();
    }
    assertThat(seen).hasSize(120);
    assertThat(seen.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    assertThat(Memory.objects.filter("analysisStatus", AnalysisStatus.DONE).count()).isEqualTo(120);
  }
}
