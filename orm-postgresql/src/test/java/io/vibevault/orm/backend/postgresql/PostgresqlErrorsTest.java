package io.vibevault.orm.backend.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.exception.DataError;
import io.vibevault.orm.exception.DatabaseError;
import io.vibevault.orm.exception.DeadlockDetected;
import io.vibevault.orm.exception.IntegrityError;
import io.vibevault.orm.exception.LockNotAvailable;
import io.vibevault.orm.exception.OperationalError;
import io.vibevault.orm.exception.ProgrammingError;
import io.vibevault.orm.exception.SerializationFailure;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** SQLSTATEs become the ORM's typed exceptions, keeping the driver's message and the SQL. */
class PostgresqlErrorsTest {
  private final PostgresqlOperations ops = new PostgresqlOperations();

  private DatabaseError translate(String state) {
    return ops.translate(new SQLException("ERROR: " + state, state), "SELECT 1");
  }

  @Test
  void sqlStatesMapToTypes() {
    assertThat(translate("23505")).isInstanceOf(IntegrityError.class);
    assertThat(translate("23503")).isInstanceOf(IntegrityError.class);
    assertThat(translate("23502")).isInstanceOf(IntegrityError.class);
    assertThat(translate("23514")).isInstanceOf(IntegrityError.class);
    assertThat(translate("40P01")).isInstanceOf(DeadlockDetected.class);
    assertThat(translate("40001")).isInstanceOf(SerializationFailure.class);
    assertThat(translate("55P03")).isInstanceOf(LockNotAvailable.class);
    assertThat(translate("22003")).isInstanceOf(DataError.class);
    assertThat(translate("42P01")).isInstanceOf(ProgrammingError.class);
    assertThat(translate("08006")).isInstanceOf(OperationalError.class);
    assertThat(translate("23505").sqlState()).isEqualTo("23505");
    assertThat(translate("23505").getMessage()).contains("SELECT 1");
  }

  @Test
  void aBatchFailureIsClassifiedByItsOwnError() {
    BatchUpdateException batch = new BatchUpdateException("batch failed", "", new int[0]);
    batch.setNextException(new SQLException("duplicate key", "23505"));
    assertThat(ops.translate(batch, "INSERT")).isInstanceOf(IntegrityError.class);
  }
}
