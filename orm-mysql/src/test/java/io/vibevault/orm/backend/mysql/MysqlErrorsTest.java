package io.vibevault.orm.backend.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.exception.DataError;
import io.vibevault.orm.exception.DatabaseError;
import io.vibevault.orm.exception.DeadlockDetected;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.LockNotAvailable;
import io.vibevault.orm.exception.OperationalError;
import io.vibevault.orm.exception.ProgrammingError;
import io.vibevault.orm.exception.SerializationFailure;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Vendor codes become the ORM's typed exceptions, keeping the driver's message and the SQL. */
class MysqlErrorsTest {
  private final MysqlOperations ops = new MysqlOperations(() -> MysqlFlavour.ASSUMED);

  private DatabaseError translate(String state, int code, String message) {
    return ops.translate(new SQLException(message, state, code), "UPDATE t SET x = ?");
  }

  @Test
  void vendorCodesMapToTypes() {
    for (int code : new int[] {1062, 1451, 1452, 1048, 1364, 3819, 4025}) {
      assertThat(translate("23000", code, "constraint"))
          .as("" + code)
          .isInstanceOf(IntegrityError.class);
    }
    assertThat(translate("40001", 1213, "Deadlock found")).isInstanceOf(DeadlockDetected.class);
    assertThat(translate("40001", 0, "serialization")).isInstanceOf(SerializationFailure.class);
    assertThat(translate("HY000", 3572, "NOWAIT")).isInstanceOf(LockNotAvailable.class);
    assertThat(translate("HY000", 1205, "Lock wait timeout exceeded; try restarting"))
        .isInstanceOf(LockNotAvailable.class);
    assertThat(translate("HY000", 0, "Lock wait timeout exceeded"))
        .isInstanceOf(LockNotAvailable.class);
    for (int code : new int[] {1264, 1406, 1366}) {
      assertThat(translate("22001", code, "data")).as("" + code).isInstanceOf(DataError.class);
    }
    assertThat(translate("42S02", 1146, "Table doesn't exist"))
        .isInstanceOf(ProgrammingError.class);
    assertThat(translate("42000", 1064, "syntax")).isInstanceOf(ProgrammingError.class);
    assertThat(translate("08S01", 0, "Communications link failure"))
        .isInstanceOf(OperationalError.class);
    assertThat(translate("23000", 1062, "Duplicate entry").getMessage())
        .contains("Duplicate entry")
        .contains("UPDATE t SET x = ?");
  }

  @Test
  void flavourComesFromTheVersionString() {
    MysqlFlavour maria = MysqlFlavour.parse("10.11.19-MariaDB-0+deb12u1");
    assertThat(maria.mariaDb()).isTrue();
    assertThat(maria.collation()).isEqualTo("utf8mb4_nopad_bin");
    assertThat(maria.supportsReturning()).isTrue();
    assertThat(MysqlFlavour.parse("5.5.5-10.4.2-MariaDB").supportsSkipLocked()).isFalse();
    MysqlFlavour mysql = MysqlFlavour.parse("8.0.36");
    assertThat(mysql.mariaDb()).isFalse();
    assertThat(mysql.collation()).isEqualTo("utf8mb4_0900_bin");
    assertThat(mysql.supportsReturning()).isFalse();
    assertThat(mysql.supportsForUpdateOf()).isTrue();
  }
}
