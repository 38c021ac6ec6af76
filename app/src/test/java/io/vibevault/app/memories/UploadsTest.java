package io.vibevault.app.memories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.app.DemoMedia;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/** THREATS W-11 and W-13: types by content, re-encoding, pixel bombs, size. */
class UploadsTest {
  final Uploads uploads = new Uploads();

  @Test
  void acceptsJpegPngWavAndMp3ByTheirBytes() {
    assertThat(uploads.accept(DemoMedia.photo(40, 30, "jpeg", 1)).contentType())
        .isEqualTo("image/jpeg");
    assertThat(uploads.accept(DemoMedia.photo(40, 30, "png", 1)).contentType())
        .isEqualTo("image/png");
    assertThat(uploads.accept(DemoMedia.tone(0.2, 440)).contentType()).isEqualTo("audio/wav");
    assertThat(uploads.accept(SampleUploads.mp3Frames(5)).contentType()).isEqualTo("audio/mpeg");
  }

  @Test
  void refusesMarkupPolyglotsAndStrangers() {
    for (String text :
        new String[] {
          "<html><script>alert(1)</script>",
          "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
          "<?php echo 1; ?>",
          "GIF89a"
        }) {
      assertThatThrownBy(() -> uploads.accept(text.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(UploadRejected.class)
          .extracting(e -> ((UploadRejected) e).kind())
          .isEqualTo(UploadRejected.Kind.UNSUPPORTED_TYPE);
    }
    byte[] eicar =
        "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] mp3WithEicar = concat(SampleUploads.mp3Frames(4), eicar);
    assertThatThrownBy(() -> uploads.accept(mp3WithEicar)).isInstanceOf(UploadRejected.class);
    byte[] jpegHeaderThenHtml =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "<html>".getBytes());
    assertThatThrownBy(() -> uploads.accept(jpegHeaderThenHtml)).isInstanceOf(UploadRejected.class);
  }

  @Test
  void polyglotsAreRefusedAndOtherAppendedBytesDropped() {
    byte[] png = DemoMedia.photo(20, 20, "png", 3);
    byte[] jpeg = DemoMedia.photo(20, 20, "jpeg", 3);
    assertThatThrownBy(() -> uploads.accept(concat(png, "<script>x</script>".getBytes())))
        .isInstanceOf(UploadRejected.class);
    assertThatThrownBy(() -> uploads.accept(concat(jpeg, "<SVG onload=x>".getBytes())))
        .isInstanceOf(UploadRejected.class);
    byte[] stored = uploads.accept(concat(png, "trailing bytes".getBytes())).content();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("trailing");
  }

  @Test
  void aDeclaredTypeThatDisagreesWithTheContentIsRefused() {
    byte[] jpeg = DemoMedia.photo(20, 20, "jpeg", 4);
    assertThatThrownBy(() -> uploads.accept(jpeg, "text/html"))
        .isInstanceOf(UploadRejected.class)
        .hasMessageContaining("text/html");
    assertThatThrownBy(() -> uploads.accept(jpeg, "audio/mpeg")).isInstanceOf(UploadRejected.class);
    assertThat(uploads.accept(jpeg, "image/png").contentType()).isEqualTo("image/jpeg");
    assertThat(uploads.accept(jpeg, "Application/Octet-Stream").mediaType())
        .isEqualTo(MediaType.PHOTO);
    assertThat(uploads.accept(jpeg, null).mediaType()).isEqualTo(MediaType.PHOTO);
  }

  @Test
  void reencodingDropsExifAndItsGpsTag() throws Exception {
    byte[] jpeg = DemoMedia.photo(40, 30, "jpeg", 2);
    // An APP1 Exif segment right after SOI: a big-endian TIFF header whose IFD0 holds one entry,
    // the GPSInfo pointer (tag 0x8825), to an empty GPS IFD.
    ByteArrayOutputStream tiff = new ByteArrayOutputStream();
    tiff.write(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}); // header, IFD0 at 8
    tiff.write(new byte[] {0, 1}); // one entry
    tiff.write(new byte[] {(byte) 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26}); // GPSInfo -> 26
    tiff.write(new byte[] {0, 0, 0, 0}); // no next IFD
    tiff.write(new byte[] {0, 0, 0, 0, 0, 0}); // the GPS IFD: no entries, no next
    byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.toByteArray());
    int length = exif.length + 2;
    ByteArrayOutputStream withExif = new ByteArrayOutputStream();
    withExif.write(jpeg, 0, 2);
    withExif.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >>> 8), (byte) length});
    withExif.write(exif);
    withExif.write(jpeg, 2, jpeg.length - 2);
    byte[] upload = withExif.toByteArray();
    assertThat(indexOf(upload, new byte[] {(byte) 0x88, 0x25})).isNotNegative();

    byte[] stored = uploads.accept(upload).content();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    assertThat(indexOf(stored, new byte[] {(byte) 0x88, 0x25, 0, 4})).isNegative();
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void aHugePixelCountIsRefusedBeforeDecoding() throws Exception {
    // 2.5 gigapixels would need 7.5 GB to decode: refused on the header alone.
    byte[] bomb = pngHeaderOnly(50_000, 50_000);
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertThatThrownBy(() -> uploads.accept(bomb))
        .isInstanceOf(UploadRejected.class)
        .extracting(e -> ((UploadRejected) e).kind())
        .isEqualTo(UploadRejected.Kind.TOO_LARGE);
    // THREATS W-13: heap growth under 50 MB (all this thread allocated, kept or not).
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(50L * 1024 * 1024);
  }

  @Test
  void tooLargeFilesAreRefused() {
    byte[] big = new byte[Uploads.MAX_BYTES + 1];
    big[0] = (byte) 0xFF;
    assertThatThrownBy(() -> uploads.accept(big))
        .extracting(e -> ((UploadRejected) e).kind())
        .isEqualTo(UploadRejected.Kind.TOO_LARGE);
  }

  /** A valid PNG signature and IHDR claiming a huge size, with a tiny IDAT. */
  static byte[] pngHeaderOnly(int width, int height) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    ihdr.write(
        new byte[] {
          (byte) (width >>> 24), (byte) (width >>> 16), (byte) (width >>> 8), (byte) width
        });
    ihdr.write(
        new byte[] {
          (byte) (height >>> 24), (byte) (height >>> 16), (byte) (height >>> 8), (byte) height
        });
    ihdr.write(new byte[] {8, 2, 0, 0, 0});
    chunk(out, "IHDR", ihdr.toByteArray());
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(idat)) {
      d.write(new byte[1024]);
    }
    chunk(out, "IDAT", idat.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
    int len = data.length;
    out.write(
        new byte[] {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len});
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    long c = crc.getValue();
    out.write(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
