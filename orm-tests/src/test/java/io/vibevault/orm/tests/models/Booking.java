package io.vibevault.orm.tests.models;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.CheckConstraint;
import io.vibevault.orm.model.fields.DateField;
import io.vibevault.orm.model.fields.Index;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.model.fields.UniqueConstraint;
import io.vibevault.orm.model.fields.UniqueTogether;
import io.vibevault.orm.query.Manager;
import java.time.LocalDate;

/** Every Meta option that shapes the table. */
@Meta(
    appLabel = "models",
    dbTable = "room_bookings",
    ordering = {"room", "-day"},
    verboseName = "room booking",
    verboseNamePlural = "room bookings",
    indexes =
        @Index(
            fields = {"room", "day"},
            name = "booking_room_day_idx"),
    uniqueConstraints =
        @UniqueConstraint(
            fields = {"room", "day"},
            name = "booking_room_day_uniq"),
    uniqueTogether = @UniqueTogether({"guest", "day"}),
    checkConstraints = {
      @CheckConstraint(name = "booking_nights_positive", check = "nights__gte=1"),
      @CheckConstraint(name = "booking_nights_max", check = "nights__lte=30")
    })
public class Booking extends Model {
  public static final Manager<Booking> objects = Manager.of(Booking.class);

  @CharField(maxLength = 10)
  public String room;

  @CharField(maxLength = 30)
  public String guest;

  @DateField public LocalDate day;

  @IntegerField public int nights = 1;

  public static Booking of(String room, String guest, String day, int nights) {
    Booking b = new Booking();
    b.room = room;
    b.guest = guest;
    b.day = LocalDate.parse(day);
    b.nights = nights;
    return b;
  }
}
