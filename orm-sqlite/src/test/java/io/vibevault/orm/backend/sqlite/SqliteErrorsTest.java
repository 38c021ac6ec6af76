package io.vibevault.orm.backend.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.exception.DataError;
import io.vibevault.orm.exception.DatabaseBusy;
import io.vibevault.orm.exception.DatabaseError;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.OperationalError;
import io.vibevault.orm.exception.ProgrammingError;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Driver errors become the ORM's typed exceptions, keeping the driver's message and the SQL. */
class SqliteErrorsTest {
  private final SqliteOperations ops = new SqliteOperations();

  private DatabaseError translate(String message, SQLiteErrorCode code) {
    return ops.translate(new SQLiteException(message, code), "INSERT INTO t VALUES (?)");
  }

  @Test
  void extendedResultCodesMapToTypes() {
    assertThat(translate("UNIQUE constraint failed: t.x", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE))
        .isInstanceOf(IntegrityError.class);
    assertThat(translate("FOREIGN KEY", SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY))
        .isInstanceOf(IntegrityError.class);
    assertThat(translate("NOT NULL", SQLiteErrorCode.SQLITE_CONSTRAINT_NOTNULL))
        .isInstanceOf(IntegrityError.class);
    assertThat(translate("CHECK", SQLiteErrorCode.SQLITE_CONSTRAINT_CHECK))
        .isInstanceOf(IntegrityError.class);
    assertThat(translate("database is locked", SQLiteErrorCode.SQLITE_BUSY))
        .isInstanceOf(DatabaseBusy.class);
    assertThat(translate("snapshot", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT))
        .isInstanceOf(DatabaseBusy.class);
    assertThat(translate("table is locked", SQLiteErrorCode.SQLITE_LOCKED))
        .isInstanceOf(DatabaseBusy.class);
    assertThat(translate("datatype mismatch", SQLiteErrorCode.SQLITE_MISMATCH))
        .isInstanceOf(DataError.class);
    assertThat(translate("no such table: t", SQLiteErrorCode.SQLITE_ERROR))
        .isInstanceOf(ProgrammingError.class);
    assertThat(translate("disk I/O error", SQLiteErrorCode.SQLITE_IOERR))
        .isInstanceOf(OperationalError.class);
  }

  @Test
  void messageHasTheDriverTextAndTheStatement() {
    DatabaseError e = translate("no such table: t", SQLiteErrorCode.SQLITE_ERROR);
    assertThat(e.getMessage()).contains("no such table: t").contains("INSERT INTO t VALUES (?)");
    assertThat(e.getCause()).isInstanceOf(SQLiteException.class);
  }
}
