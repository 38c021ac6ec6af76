package io.vibevault.app.memories;

import static io.vibevault.app.memories.UploadRejected.Kind.MALFORMED;
import static io.vibevault.app.memories.UploadRejected.Kind.TOO_LARGE;
import static io.vibevault.app.memories.UploadRejected.Kind.UNSUPPORTED_TYPE;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Checks uploaded media by content, never trusting the name or the declared type (THREATS 4.5,
 * W-11): the magic bytes pick the type from an allowlist (JPEG, PNG; WAV, MP3, Ogg), then images
 * are decoded in full (after a pixel-count check on the header, against decompression bombs) and
 * re-encoded, which drops EXIF/GPS; WAV is decoded in full; MP3 must start with consecutive valid
 * frames and Ogg with a valid Opus or Vorbis page. Anything carrying markup is refused: anywhere in
 * audio, after the end of the image in photos (a polyglot). A declared type is only ever a reason
 * to refuse: a browser that calls a PNG {@code text/html} is sending something other than a photo.
 *
 * <pre>{@code
 * Uploads.Accepted a = new Uploads().accept(bytes);
 * a.mediaType();     // PHOTO
 * a.contentType();   // "image/jpeg"
 * a.content();       // the re-encoded bytes to store
 * }</pre>
 */
public final class Uploads {
  /** Largest accepted file. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  /** Largest accepted image, in pixels (before any decode). */
  public static final long MAX_PIXELS = 40_000_000L;

  /** A checked upload, ready to store. */
  public record Accepted(
      MediaType mediaType, String extension, String contentType, byte[] content) {}

  private static final String[] MARKUP = {"<script", "<html", "<svg", "<?php", "x5o!p%@ap"};

  /**
   * Checks {@code data} sent with the declared {@code Content-Type} (null or blank when there was
   * none); throws {@link UploadRejected} unless it is an accepted medium of a kind the declared
   * type agrees with ({@code application/octet-stream} agrees with everything).
   */
  public Accepted accept(byte[] data, String declaredType) {
    Accepted accepted = accept(data);
    if (declaredType != null && !declaredType.isBlank()) {
      String declared = declaredType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      String family = accepted.contentType().substring(0, accepted.contentType().indexOf('/') + 1);
      if (!declared.equals("application/octet-stream") && !declared.startsWith(family)) {
        throw new UploadRejected(
            UNSUPPORTED_TYPE,
            "The file was sent as " + declared + " but is " + accepted.contentType() + ".");
      }
    }
    return accepted;
  }

  /** Checks {@code data} by content alone; throws {@link UploadRejected} unless it is media. */
  public Accepted accept(byte[] data) {
    if (data == null || data.length == 0) {
      throw new UploadRejected(MALFORMED, "The file is empty.");
    }
    if (data.length > MAX_BYTES) {
      throw new UploadRejected(TOO_LARGE, "Files are limited to 10 MB.");
    }
    if (startsWith(data, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      refuseTrailingMarkup(data, new byte[] {(byte) 0xFF, (byte) 0xD9}, 2);
      return new Accepted(MediaType.PHOTO, "jpg", "image/jpeg", reencode(data, "jpeg"));
    }
    if (startsWith(data, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
      // IEND's type is followed by its CRC: what comes after is not part of the image.
      refuseTrailingMarkup(data, ascii("IEND"), 8);
      return new Accepted(MediaType.PHOTO, "png", "image/png", reencode(data, "png"));
    }
    if (startsWith(data, 0, ascii("RIFF")) && startsWith(data, 8, ascii("WAVE"))) {
      refuseMarkup(data);
      checkWav(data);
      return new Accepted(MediaType.AUDIO, "wav", "audio/wav", data);
    }
    if (startsWith(data, 0, ascii("OggS"))) {
      refuseMarkup(data);
      checkOgg(data);
      return new Accepted(MediaType.AUDIO, "ogg", "audio/ogg", data);
    }
    if (Mp3Frames.looksValid(data)) {
      refuseMarkup(data);
      return new Accepted(MediaType.AUDIO, "mp3", "audio/mpeg", data);
    }
    throw new UploadRejected(
        UNSUPPORTED_TYPE, "Only JPEG and PNG photos and WAV, MP3 and Ogg audio are accepted.");
  }

  private static byte[] reencode(byte[] data, String format) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UploadRejected(UNSUPPORTED_TYPE, "The image cannot be read.");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw new UploadRejected(TOO_LARGE, "The image has too many pixels.");
        }
        BufferedImage image = reader.read(0);
        if (format.equals("jpeg") && image.getType() != BufferedImage.TYPE_INT_RGB) {
          BufferedImage rgb =
              new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
          rgb.createGraphics().drawImage(image, 0, 0, null);
          image = rgb;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        if (!ImageIO.write(image, format, out)) {
          throw new UploadRejected(UNSUPPORTED_TYPE, "The image cannot be stored.");
        }
        return out.toByteArray();
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UploadRejected r) {
        throw r;
      }
      throw new UploadRejected(UNSUPPORTED_TYPE, "The image is damaged or not an image.");
    }
  }

  private static void checkWav(byte[] data) {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(data))) {
      byte[] buffer = new byte[8192];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
      }
      if (total == 0) {
        throw new UploadRejected(UNSUPPORTED_TYPE, "The recording has no sound.");
      }
    } catch (UnsupportedAudioFileException | IOException e) {
      throw new UploadRejected(UNSUPPORTED_TYPE, "The WAV file is damaged.");
    }
  }

  private static void checkOgg(byte[] data) {
    // First page: version 0, beginning-of-stream flag, and an Opus or Vorbis identification header.
    if (data.length < 64 || data[4] != 0 || (data[5] & 0x02) == 0) {
      throw new UploadRejected(UNSUPPORTED_TYPE, "The Ogg file is damaged.");
    }
    int segments = data[26] & 0xFF;
    int body = 27 + segments;
    if (body + 8 > data.length
        || !(startsWith(data, body, ascii("OpusHead"))
            || startsWith(data, body, new byte[] {1, 'v', 'o', 'r', 'b', 'i', 's'}))) {
      throw new UploadRejected(UNSUPPORTED_TYPE, "Only Opus or Vorbis in Ogg is accepted.");
    }
  }

  private static void refuseMarkup(byte[] data) {
    refuseMarkup(data, 0);
  }

  /**
   * Refuses markup after an image's last end marker ({@code endLength} bytes from its start), where
   * a polyglot keeps its script. The compressed image data itself is not searched: it can hold any
   * byte sequence by chance, and the image is re-encoded anyway. Without the marker the decoder
   * judges the image.
   */
  private static void refuseTrailingMarkup(byte[] data, byte[] endMarker, int endLength) {
    int end = lastIndexOf(data, endMarker);
    if (end >= 0) {
      refuseMarkup(data, end + endLength);
    }
  }

  private static void refuseMarkup(byte[] data, int from) {
    if (from >= data.length) {
      return;
    }
    String text =
        new String(data, from, data.length - from, StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    for (String m : MARKUP) {
      if (text.contains(m)) {
        throw new UploadRejected(UNSUPPORTED_TYPE, "The file carries content that is not media.");
      }
    }
  }

  /** The index of the last occurrence of {@code needle} in {@code data}, or -1. */
  private static int lastIndexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = data.length - needle.length; i >= 0; i--) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static boolean startsWith(byte[] data, int offset, byte[] prefix) {
    if (data.length < offset + prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[offset + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
