"""The app's users, tags and memories as Django models, mapped onto the tables that VibeVault's
schema editor created and the Java harness loaded (bench/target/bench.sqlite3). Unmanaged: Django
never creates or alters them. Column names follow Django's defaults, which the ORM mirrors
(user_id, media_type, ...); SQLite keeps date-times as text and the JSON column as text."""

from django.db import models


class User(models.Model):
    username = models.CharField(max_length=150, unique=True)
    email = models.EmailField(blank=True, default="")

    class Meta:
        managed = False
        db_table = "users"


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)

    class Meta:
        managed = False
        db_table = "tags"


class Memory(models.Model):
    class MediaType(models.TextChoices):
        TEXT = "text", "Text"
        PHOTO = "photo", "Photo"
        AUDIO = "audio", "Audio"

    class AnalysisStatus(models.TextChoices):
        PENDING = "pending", "Pending"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memories")
    title = models.CharField(max_length=255)
    text = models.TextField(default="")
    media_type = models.CharField(max_length=20, choices=MediaType.choices, default=MediaType.TEXT)
    media_file = models.FileField(upload_to="memories/%Y/%m/%d/", blank=True)
    metrics_json = models.JSONField(default=dict)
    analysis_status = models.CharField(
        max_length=20, choices=AnalysisStatus.choices, null=True, db_index=True
    )
    like_count = models.IntegerField(default=0)
    is_favorite = models.BooleanField(default=False)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    tags = models.ManyToManyField(Tag, related_name="memories", db_table="memories_tags")

    class Meta:
        managed = False
        db_table = "memories"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "created_at"])]
