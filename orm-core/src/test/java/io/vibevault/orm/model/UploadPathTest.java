package io.vibevault.orm.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.ValidationError;
import io.vibevault.orm.model.fields.FileField;
import io.vibevault.orm.model.fields.Meta;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UploadPathTest {
  @Meta(appLabel = "uploads")
  public static class Attachment extends Model {
    @FileField(uploadTo = "memories/%Y/%m/%d/", blank = true)
    public String mediaFile;

    @FileField(maxLength = 20)
    public String shortFile;
  }

  private final Field media = ModelMeta.of(Attachment.class).field("mediaFile");

  @Test
  void expandsTheDateParts() {
    assertThat(media.uploadPath("beach.jpg", LocalDate.of(2024, 7, 4)))
        .isEqualTo("memories/2024/07/04/beach.jpg");
  }

  @Test
  void clientNamesCannotLeaveTheFolder() {
    LocalDate d = LocalDate.of(2024, 1, 2);
    assertThat(media.uploadPath("../../etc/passwd", d)).isEqualTo("memories/2024/01/02/passwd");
    assertThat(media.uploadPath("C:\\\\x\\\\..\\\\evil.sh", d))
        .isEqualTo("memories/2024/01/02/evil.sh");
    assertThat(media.uploadPath(".hidden name.png", d))
        .isEqualTo("memories/2024/01/02/hidden_name.png");
    assertThatThrownBy(() -> media.uploadPath("..", d)).isInstanceOf(ValidationError.class);
  }

  @Test
  void thePathMustFitTheColumn() {
    Field f = ModelMeta.of(Attachment.class).field("shortFile");
    assertThat(f.uploadPath("a.txt", LocalDate.now())).isEqualTo("a.txt");
    assertThatThrownBy(() -> f.uploadPath("a-very-long-file-name.txt", LocalDate.now()))
        .isInstanceOf(ValidationError.class);
  }
}
