package io.vibevault.orm.tests.migrations;

import static io.vibevault.orm.tests.migrations.MigrationFixtures.chars;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.fk;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.id;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vibevault.orm.exception.MigrationError;
import io.vibevault.orm.migrations.autodetect.Autodetector;
import io.vibevault.orm.migrations.autodetect.MigrationArranger;
import io.vibevault.orm.migrations.autodetect.Optimizer;
import io.vibevault.orm.migrations.autodetect.Questioner;
import io.vibevault.orm.migrations.autodetect.ScriptedQuestioner;
import io.vibevault.orm.migrations.operations.AddField;
import io.vibevault.orm.migrations.operations.AlterField;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.DeleteModel;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.migrations.operations.RemoveField;
import io.vibevault.orm.migrations.state.ProjectState;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.FieldKind;
import io.vibevault.orm.model.ModelDefinition;
import io.vibevault.orm.model.ModelMeta;
import io.vibevault.orm.model.Relation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** State diff to expected operations, one case per operation, and the optimizer's merges. */
class AutodetectorTest {
  private static final String APP = "auto";

  private static ProjectState state(ModelDefinition... models) {
    ProjectState s = new ProjectState();
    for (ModelDefinition m : models) {
      s.add(m);
    }
    return s;
  }

  private static List<String> diff(ProjectState from, ProjectState to, Questioner q) {
    return new Autodetector(from, to, q)
        .changes(Set.of(APP)).operations(APP).stream().map(Operation::describe).toList();
  }

  private static List<String> diff(ProjectState from, ProjectState to) {
    return diff(from, to, Questioner.noInput());
  }

  private static ModelDefinition tag() {
    return model(APP, "Tag", id(), chars("name", 50));
  }

  private static ModelDefinition with(ModelDefinition m, FieldDefinition f) {
    List<FieldDefinition> fields = new ArrayList<>(m.fields());
    fields.add(f);
    return m.withFields(fields);
  }

  @Test
  void createModelPutsReferencedModelsFirst() {
    ModelDefinition post = model(APP, "Post", id(), fk("tag", "auto.Tag"));
    assertThat(diff(state(), state(post, tag())))
        .containsExactly("Create model Tag", "Create model Post");
  }

  @Test
  void aRelationCycleBecomesALaterAddField() {
    ModelDefinition a = model(APP, "Alpha", id(), fk("beta", "auto.Beta"));
    ModelDefinition b = model(APP, "Beta", id(), fk("alpha", "auto.Alpha"));
    assertThat(diff(state(), state(a, b)))
        .containsExactly("Create model Alpha", "Create model Beta", "Add field beta to Alpha");
  }

  @Test
  void deleteModelRemoveAndAlterField() {
    ModelDefinition t = tag();
    assertThat(diff(state(t), state())).containsExactly("Delete model Tag");
    ModelDefinition wider = t.withFields(List.of(id(), chars("name", 80)));
    assertThat(diff(state(t), state(wider))).containsExactly("Alter field name on Tag");
    ModelDefinition noName = t.withFields(List.of(id()));
    assertThat(diff(state(t), state(noName))).containsExactly("Remove field name from Tag");
  }

  @Test
  void addFieldAsksForAOneOffDefaultWhenNotNull() {
    ModelDefinition t = tag();
    FieldDefinition nullable = chars("colour", 10).withNullable(true);
    assertThat(diff(state(t), state(with(t, nullable)))).containsExactly("Add field colour to Tag");

    FieldDefinition required = chars("colour", 10);
    assertThatThrownBy(() -> diff(state(t), state(with(t, required))))
        .isInstanceOf(MigrationError.class)
        .hasMessageContaining("non-nullable field 'colour' to Tag")
        .hasMessageContaining("--default auto.Tag.colour=");
    List<Operation> ops =
        new Autodetector(
                state(t),
                state(with(t, required)),
                new ScriptedQuestioner(Questioner.noInput())
                    .oneOffDefault("auto.Tag", "colour", "red"))
            .changes(Set.of(APP))
            .operations(APP);
    AddField add = (AddField) ops.get(0);
    assertThat(add.preserveDefault()).isFalse();
    assertThat(add.field().defaultValue()).isEqualTo("red");
  }

  @Test
  void notNullAlterationTakesAOneOffValueForExistingNulls() {
    ModelDefinition t = with(tag(), chars("colour", 10).withNullable(true));
    ModelDefinition required = with(tag(), chars("colour", 10));
    Questioner q =
        new ScriptedQuestioner(Questioner.noInput()).oneOffDefault("auto.Tag", "colour", "red");
    AlterField alter =
        (AlterField)
            new Autodetector(state(t), state(required), q)
                .changes(Set.of(APP))
                .operations(APP)
                .get(0);
    assertThat(alter.preserveDefault()).isFalse();
    assertThat(alter.field().defaultValue()).isEqualTo("red");
  }

  @Test
  void renamesAreAskedNeverAssumed() {
    ModelDefinition t = with(tag(), chars("label", 20).withNullable(true));
    ModelDefinition renamedField = with(tag(), chars("title", 20).withNullable(true));
    assertThat(diff(state(t), state(renamedField)))
        .containsExactly("Add field title to Tag", "Remove field label from Tag");
    assertThat(
            diff(
                state(t),
                state(renamedField),
                new ScriptedQuestioner(Questioner.noInput())
                    .renameField("auto.Tag", "label", "title")))
        .containsExactly("Rename field label on Tag to title");

    ModelDefinition label = t.withName("Label").withTable("auto_label");
    assertThat(diff(state(t), state(label)))
        .containsExactly("Create model Label", "Delete model Tag");
    assertThat(
            diff(
                state(t),
                state(label),
                new ScriptedQuestioner(Questioner.noInput()).renameModel("auto.Tag", "Label")))
        .containsExactly("Rename model Tag to Label");
  }

  @Test
  void aRenamedModelsJoinTablesAndRelationsFollowWithoutMoreOperations() {
    // As model classes give them: join tables named after the owner's table, explicitly.
    ModelDefinition note =
        model(
            APP,
            "Note",
            id(),
            FieldDefinition.relation("tags", Relation.Kind.MANY_TO_MANY, "auto.Tag")
                .withM2mTable("auto_note_tags"),
            FieldDefinition.relation("links", Relation.Kind.MANY_TO_MANY, "auto.Note")
                .withM2mTable("auto_note_links"));
    ModelDefinition folder =
        model(
            APP,
            "Folder",
            id(),
            fk("pinned", "auto.Note"),
            FieldDefinition.relation("notes", Relation.Kind.MANY_TO_MANY, "auto.Note")
                .withM2mTable("auto_folder_notes"));
    ModelDefinition memory =
        model(
            APP,
            "Memory",
            id(),
            FieldDefinition.relation("tags", Relation.Kind.MANY_TO_MANY, "auto.Tag")
                .withM2mTable("auto_memory_tags"),
            FieldDefinition.relation("links", Relation.Kind.MANY_TO_MANY, "auto.Memory")
                .withM2mTable("auto_memory_links"));
    ModelDefinition folderAfter =
        model(
            APP,
            "Folder",
            id(),
            fk("pinned", "auto.Memory"),
            FieldDefinition.relation("notes", Relation.Kind.MANY_TO_MANY, "auto.Memory")
                .withM2mTable("auto_folder_notes"));
    Questioner rename =
        new ScriptedQuestioner(Questioner.noInput()).renameModel("auto.Note", "Memory");
    assertThat(diff(state(tag(), note, folder), state(tag(), memory, folderAfter), rename))
        .containsExactly("Rename model Note to Memory");
    ProjectState renamed = state(tag(), note, folder);
    new io.vibevault.orm.migrations.operations.RenameModel(APP, "Note", "Memory")
        .applyToState(renamed);
    assertThat(renamed).isEqualTo(state(tag(), memory, folderAfter));

    // A new table name moves the join tables named after the table too.
    ModelDefinition notes = note.withTable("notes");
    notes =
        notes.withFields(
            List.of(
                id(),
                note.field("tags").withM2mTable("notes_tags"),
                note.field("links").withM2mTable("notes_links")));
    assertThat(diff(state(tag(), note), state(tag(), notes)))
        .containsExactly("Rename table for Note to notes");
  }

  @Test
  void aModelRenamedInOneAppAsksNothingOfTheAppsPointingAtIt() {
    ModelDefinition note = model(APP, "Note", id(), chars("title", 20));
    ModelDefinition memory = model(APP, "Memory", id(), chars("title", 20));
    ModelDefinition comment =
        model(
            "other",
            "Comment",
            id(),
            fk("note", "auto.Note"),
            FieldDefinition.relation("notes", Relation.Kind.MANY_TO_MANY, "auto.Note")
                .withM2mTable("other_comment_notes"));
    ModelDefinition commentAfter =
        model(
            "other",
            "Comment",
            id(),
            fk("note", "auto.Memory"),
            FieldDefinition.relation("notes", Relation.Kind.MANY_TO_MANY, "auto.Memory")
                .withM2mTable("other_comment_notes"));
    Autodetector.Changes changes =
        new Autodetector(
                state(note, comment),
                state(memory, commentAfter),
                new ScriptedQuestioner(Questioner.noInput()).renameModel("auto.Note", "Memory"))
            .changes(Set.of());
    assertThat(changes.operations(APP))
        .extracting(Operation::describe)
        .containsExactly("Rename model Note to Memory");
    assertThat(changes.operations("other")).isEmpty();
    // The rename comes after the migrations of the app pointing at Note.
    assertThat(changes.dependsOnApps(APP)).containsExactly("other");
    assertThat(MigrationArranger.arrange(changes).get(0).leavesOf()).containsExactly("other");
  }

  @Test
  void aRenamedManyToManyFieldTakesItsJoinTableAlong() {
    ModelDefinition note =
        model(
            APP,
            "Note",
            id(),
            FieldDefinition.relation("tags", Relation.Kind.MANY_TO_MANY, "auto.Tag")
                .withM2mTable("auto_note_tags"));
    ModelDefinition renamed =
        model(
            APP,
            "Note",
            id(),
            FieldDefinition.relation("labels", Relation.Kind.MANY_TO_MANY, "auto.Tag")
                .withM2mTable("auto_note_labels"));
    assertThat(
            diff(
                state(tag(), note),
                state(tag(), renamed),
                new ScriptedQuestioner(Questioner.noInput())
                    .renameField("auto.Note", "tags", "labels")))
        .containsExactly("Rename field tags on Note to labels");
  }

  @Test
  void theTerminalQuestionerAsksAboutRenamesAndOneOffDefaults() {
    java.util.Deque<String> answers =
        new java.util.ArrayDeque<>(List.of("y", "not json", "\"calm\""));
    List<String> asked = new ArrayList<>();
    Questioner terminal =
        new io.vibevault.orm.migrations.autodetect.TerminalQuestioner(
            q -> {
              asked.add(q);
              return answers.poll();
            },
            asked::add);
    ModelDefinition t = with(tag(), chars("label", 20).withNullable(true));
    ModelDefinition changed =
        with(with(tag(), chars("title", 20).withNullable(true)), chars("mood", 10));
    assertThat(diff(state(t), state(changed), terminal))
        .containsExactly("Rename field label on Tag to title", "Add field mood to Tag");
    assertThat(asked.get(0)).isEqualTo("Was Tag.label renamed to Tag.title? [y/N] ");
    assertThat(asked).anyMatch(l -> l.startsWith("Not a JSON value"));
    assertThat(answers).isEmpty();
    // End of input is an answer too: no.
    Questioner silent =
        new io.vibevault.orm.migrations.autodetect.TerminalQuestioner(q -> null, l -> {});
    assertThatThrownBy(() -> diff(state(t), state(changed), silent))
        .isInstanceOf(MigrationError.class)
        .hasMessageContaining("end of input");
  }

  @Test
  void tableOptionsIndexesConstraintsAndUniqueTogether() {
    ModelDefinition t = tag();
    assertThat(diff(state(t), state(t.withTable("tags"))))
        .containsExactly("Rename table for Tag to tags");
    assertThat(diff(state(t), state(t.withOptions(List.of("name"), "tag", "tags"))))
        .containsExactly("Change Meta options on Tag");
    ModelMeta.IndexSpec ix = new ModelMeta.IndexSpec("auto_tag_name", List.of("name"));
    ModelDefinition indexed = t.withIndexes(List.of(ix));
    assertThat(diff(state(t), state(indexed))).containsExactly("Create index auto_tag_name on Tag");
    assertThat(diff(state(indexed), state(t)))
        .containsExactly("Remove index auto_tag_name from Tag");
    ModelDefinition renamedIx =
        t.withIndexes(List.of(new ModelMeta.IndexSpec("auto_tag_name2", List.of("name"))));
    assertThat(diff(state(indexed), state(renamedIx)))
        .containsExactly("Rename index auto_tag_name on Tag to auto_tag_name2");
    ModelDefinition unique =
        t.withConstraints(
            List.of(new ModelMeta.UniqueSpec("auto_tag_uniq", List.of("name"))), List.of());
    assertThat(diff(state(t), state(unique)))
        .containsExactly("Create constraint auto_tag_uniq on model Tag");
    assertThat(diff(state(unique), state(t)))
        .containsExactly("Remove constraint auto_tag_uniq from model Tag");
    ModelDefinition together = t.withUniqueTogether(List.of(List.of("id", "name")));
    assertThat(diff(state(t), state(together)))
        .containsExactly("Alter unique_together for Tag (1 constraint(s))");
  }

  @Test
  void relationsAcrossAppsBecomeDependencies() {
    ModelDefinition user = model("people", "User", id());
    ModelDefinition note =
        model(
            APP,
            "Note",
            id(),
            fk("user", "people.User"),
            FieldDefinition.relation("tags", Relation.Kind.MANY_TO_MANY, "auto.Tag"));
    Autodetector.Changes changes =
        new Autodetector(state(user), state(user, note, tag()), Questioner.noInput())
            .changes(Set.of(APP));
    assertThat(changes.dependsOnApps(APP)).containsExactly("people");
    assertThat(changes.operations(APP).stream().map(Operation::describe))
        .containsExactly("Create model Tag", "Create model Note");
  }

  @Test
  void aRelationCycleAcrossAppsIsCutIntoMigrationsWithoutACycle() {
    ModelDefinition alpha = model("cyca", "Alpha", id(), fk("beta", "cycb.Beta"));
    ModelDefinition beta = model("cycb", "Beta", id(), fk("alpha", "cyca.Alpha"));
    ModelDefinition gamma = model("cycc", "Gamma", id(), fk("beta", "cycb.Beta"));
    List<MigrationArranger.Planned> plan =
        MigrationArranger.arrange(
            new Autodetector(state(), state(alpha, beta, gamma), Questioner.noInput())
                .changes(Set.of()));
    assertThat(plan)
        .extracting(
            p ->
                p.app()
                    + " "
                    + p.operations().stream().map(Operation::describe).toList()
                    + " after "
                    + p.dependsOn())
        .containsExactly(
            "cyca [Create model Alpha] after []",
            "cycb [Create model Beta] after [0]",
            "cycc [Create model Gamma] after [1]",
            "cyca [Add field beta to Alpha] after [1]");
    assertThat(plan.get(0).operations().get(0))
        .isEqualTo(new CreateModel(model("cyca", "Alpha", id())));

    // Without a cycle nothing is split: the app pointing elsewhere simply comes later.
    List<MigrationArranger.Planned> plain =
        MigrationArranger.arrange(
            new Autodetector(
                    state(), state(model("cycb", "Beta", id()), gamma), Questioner.noInput())
                .changes(Set.of()));
    assertThat(plain).extracting(MigrationArranger.Planned::app).containsExactly("cycb", "cycc");
    assertThat(plain.get(1).dependsOn()).containsExactly(0);
  }

  @Test
  void identicalStatesGiveNothing() {
    ModelDefinition t = with(tag(), FieldDefinition.of("n", FieldKind.INTEGER).withDefault(3));
    assertThat(
            new Autodetector(state(t), state(t), Questioner.noInput()).changes(Set.of()).isEmpty())
        .isTrue();
  }

  @Test
  void optimizerMergesWhatCanBeMerged() {
    ModelDefinition t = tag();
    FieldDefinition colour = chars("colour", 10).withNullable(true);
    assertThat(
            Optimizer.optimize(List.of(new CreateModel(t), new AddField(APP, "Tag", colour)))
                .stream()
                .map(op -> ((CreateModel) op).definition().fields().size()))
        .containsExactly(3);
    List<Operation> addAlter =
        Optimizer.optimize(
            List.of(
                new AddField(APP, "Tag", colour),
                new AlterField(APP, "Tag", colour.withMaxLength(30))));
    assertThat(addAlter).hasSize(1);
    assertThat(((AddField) addAlter.get(0)).field().maxLength()).isEqualTo(30);
    assertThat(
            Optimizer.optimize(
                List.of(new AddField(APP, "Tag", colour), new RemoveField(APP, "Tag", "colour"))))
        .isEmpty();
    assertThat(Optimizer.optimize(List.of(new CreateModel(t), new DeleteModel(APP, "Tag"))))
        .isEmpty();
    // A field pointing at a model created in between is not moved before that model.
    ModelDefinition post = model(APP, "Post", id());
    List<Operation> blocked =
        Optimizer.optimize(
            List.of(
                new CreateModel(post),
                new CreateModel(t),
                new AddField(APP, "Post", fk("tag", "auto.Tag"))));
    assertThat(blocked).hasSize(3);
  }
}
