package io.vibevault.app.memories;

/** Test uploads built byte by byte, shared by the upload tests of several packages. */
public final class SampleUploads {
  /** The size of one frame of {@link #mp3Frames}. */
  public static final int MP3_FRAME = 417;

  private SampleUploads() {}

  /** MPEG-1 layer III frames, 128 kbit/s, 44.1 kHz: 417 bytes each, silent. */
  public static byte[] mp3Frames(int n) {
    byte[] out = new byte[MP3_FRAME * n];
    for (int i = 0; i < n; i++) {
      out[i * MP3_FRAME] = (byte) 0xFF;
      out[i * MP3_FRAME + 1] = (byte) 0xFB;
      out[i * MP3_FRAME + 2] = (byte) 0x90;
      out[i * MP3_FRAME + 3] = (byte) 0x64;
    }
    return out;
  }
}
