package io.vibevault.orm.tests.migrations;

import static io.vibevault.orm.tests.migrations.MigrationFixtures.chars;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.fk;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.id;
import static io.vibevault.orm.tests.migrations.MigrationFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.vibevault.orm.migrations.autodetect.Optimizer;
import io.vibevault.orm.migrations.operations.AddField;
import io.vibevault.orm.migrations.operations.AddIndex;
import io.vibevault.orm.migrations.operations.AlterField;
import io.vibevault.orm.migrations.operations.AlterModelOptions;
import io.vibevault.orm.migrations.operations.AlterModelTable;
import io.vibevault.orm.migrations.operations.CreateModel;
import io.vibevault.orm.migrations.operations.DeleteModel;
import io.vibevault.orm.migrations.operations.Operation;
import io.vibevault.orm.migrations.operations.RemoveField;
import io.vibevault.orm.migrations.operations.RenameField;
import io.vibevault.orm.migrations.operations.RenameModel;
import io.vibevault.orm.migrations.operations.RunSql;
import io.vibevault.orm.model.FieldDefinition;
import io.vibevault.orm.model.ModelDefinition;
import io.vibevault.orm.model.ModelMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each reduction of the optimizer: the operations in, the operations out (Django's). */
class OptimizerTest {
  private static final String APP = "opt";

  private static final ModelDefinition TAG = model(APP, "Tag", id(), chars("name", 50));
  private static final FieldDefinition COLOUR = chars("colour", 10).withNullable(true);

  private static List<Operation> optimize(Operation... ops) {
    return Optimizer.optimize(List.of(ops));
  }

  private static CreateModel tagWith(FieldDefinition... extra) {
    List<FieldDefinition> fields = new java.util.ArrayList<>(TAG.fields());
    fields.addAll(List.of(extra));
    return new CreateModel(TAG.withFields(fields));
  }

  @Test
  void createModelThenDeleteModelIsNothing() {
    assertThat(optimize(new CreateModel(TAG), new DeleteModel(APP, "Tag"))).isEmpty();
  }

  @Test
  void createModelThenRenameModelCreatesTheNewName() {
    ModelDefinition label = model(APP, "Label", id(), chars("name", 50));
    assertThat(optimize(new CreateModel(TAG), new RenameModel(APP, "Tag", "Label")))
        .containsExactly(new CreateModel(label));
  }

  @Test
  void createModelThenRenameModelRetargetsItsOwnRelations() {
    ModelDefinition node = model(APP, "Node", id(), fk("parent", "opt.Node").withNullable(true));
    List<Operation> out = optimize(new CreateModel(node), new RenameModel(APP, "Node", "Item"));
    assertThat(out).hasSize(1);
    ModelDefinition created = ((CreateModel) out.get(0)).definition();
    assertThat(created.name()).isEqualTo("Item");
    assertThat(created.dbTable()).isEqualTo("opt_item");
    assertThat(created.field("parent").to()).isEqualTo("opt.Item");
  }

  @Test
  void createModelThenRenameFieldCreatesTheFieldRenamed() {
    ModelDefinition renamed = model(APP, "Tag", id(), chars("title", 50));
    assertThat(optimize(new CreateModel(TAG), new RenameField(APP, "Tag", "name", "title")))
        .containsExactly(new CreateModel(renamed));
  }

  @Test
  void createModelAbsorbsFieldOperations() {
    assertThat(optimize(new CreateModel(TAG), new AddField(APP, "Tag", COLOUR)))
        .containsExactly(tagWith(COLOUR));
    assertThat(optimize(new CreateModel(TAG), new AlterField(APP, "Tag", chars("name", 80))))
        .containsExactly(new CreateModel(model(APP, "Tag", id(), chars("name", 80))));
    assertThat(optimize(new CreateModel(TAG), new RemoveField(APP, "Tag", "name")))
        .containsExactly(new CreateModel(model(APP, "Tag", id())));
  }

  @Test
  void createModelAbsorbsOptionsAndTable() {
    assertThat(
            optimize(
                new CreateModel(TAG),
                new AlterModelOptions(APP, "Tag", List.of("-name"), "tag", "tags"),
                new AlterModelTable(APP, "Tag", "tags")))
        .containsExactly(
            new CreateModel(TAG.withOptions(List.of("-name"), "tag", "tags").withTable("tags")));
  }

  @Test
  void addFieldThenRenameFieldAddsTheNewName() {
    assertThat(
            optimize(
                new AddField(APP, "Tag", COLOUR), new RenameField(APP, "Tag", "colour", "hue")))
        .containsExactly(new AddField(APP, "Tag", chars("hue", 10).withNullable(true)));
  }

  @Test
  void aRenameKeepsAnExplicitColumn() {
    FieldDefinition own = COLOUR.withColumn("col_x");
    assertThat(
            optimize(new AddField(APP, "Tag", own), new RenameField(APP, "Tag", "colour", "hue")))
        .containsExactly(new AddField(APP, "Tag", own.withName("hue")));
  }

  @Test
  void addFieldThenRemoveFieldIsNothing() {
    assertThat(optimize(new AddField(APP, "Tag", COLOUR), new RemoveField(APP, "Tag", "colour")))
        .isEmpty();
  }

  @Test
  void addFieldThenAlterFieldIsOneAddField() {
    assertThat(
            optimize(
                new AddField(APP, "Tag", COLOUR),
                new AlterField(APP, "Tag", COLOUR.withMaxLength(30))))
        .containsExactly(new AddField(APP, "Tag", COLOUR.withMaxLength(30)));
  }

  @Test
  void alterFieldThenRemoveFieldIsTheRemoval() {
    assertThat(
            optimize(
                new AlterField(APP, "Tag", chars("name", 80)), new RemoveField(APP, "Tag", "name")))
        .containsExactly(new RemoveField(APP, "Tag", "name"));
  }

  @Test
  void alterFieldThenAlterFieldIsTheLast() {
    assertThat(
            optimize(
                new AlterField(APP, "Tag", chars("name", 80)),
                new AlterField(APP, "Tag", chars("name", 90))))
        .containsExactly(new AlterField(APP, "Tag", chars("name", 90)));
  }

  @Test
  void renameFieldChainsIntoOneRename() {
    assertThat(
            optimize(
                new RenameField(APP, "Tag", "name", "title"),
                new RenameField(APP, "Tag", "title", "label")))
        .containsExactly(new RenameField(APP, "Tag", "name", "label"));
    assertThat(
            optimize(
                new RenameField(APP, "Tag", "name", "title"),
                new RenameField(APP, "Tag", "title", "name")))
        .isEmpty();
  }

  @Test
  void mergesThroughOperationsOnOtherFieldsAndModels() {
    ModelDefinition post = model(APP, "Post", id());
    assertThat(
            optimize(
                new AddField(APP, "Tag", COLOUR),
                new AddField(APP, "Tag", chars("size", 5).withNullable(true)),
                new CreateModel(post),
                new RemoveField(APP, "Tag", "colour")))
        .containsExactly(
            new AddField(APP, "Tag", chars("size", 5).withNullable(true)), new CreateModel(post));
    assertThat(
            optimize(
                new CreateModel(TAG),
                new CreateModel(post),
                new RenameField(APP, "Tag", "name", "title")))
        .containsExactly(
            new CreateModel(post), new CreateModel(model(APP, "Tag", id(), chars("title", 50))));
  }

  @Test
  void doesNotMergeThroughAnOperationReferencingTheSameModelOrField() {
    ModelDefinition post = model(APP, "Post", id(), fk("tag", "opt.Tag"));
    List<Operation> deleteAfterReference =
        List.of(new CreateModel(TAG), new CreateModel(post), new DeleteModel(APP, "Tag"));
    assertThat(Optimizer.optimize(deleteAfterReference)).isEqualTo(deleteAfterReference);
    List<Operation> renameAfterReference =
        List.of(new CreateModel(TAG), new CreateModel(post), new RenameModel(APP, "Tag", "Label"));
    assertThat(Optimizer.optimize(renameAfterReference)).isEqualTo(renameAfterReference);
    List<Operation> indexed =
        List.of(
            new AddField(APP, "Tag", COLOUR),
            new AddIndex(APP, "Tag", new ModelMeta.IndexSpec("tag_colour_idx", List.of("colour"))),
            new RemoveField(APP, "Tag", "colour"));
    assertThat(Optimizer.optimize(indexed)).isEqualTo(indexed);
    List<Operation> acrossSql =
        List.of(
            new AddField(APP, "Tag", COLOUR),
            new RunSql(List.of("UPDATE opt_tag SET colour = 'red'"), List.of()),
            new RemoveField(APP, "Tag", "colour"));
    assertThat(Optimizer.optimize(acrossSql)).isEqualTo(acrossSql);
  }

  @Test
  void aFieldIsNotMovedBeforeTheModelItPointsAt() {
    ModelDefinition post = model(APP, "Post", id());
    List<Operation> ops =
        List.of(
            new CreateModel(post),
            new CreateModel(TAG),
            new AddField(APP, "Post", fk("tag", "opt.Tag")));
    assertThat(Optimizer.optimize(ops)).isEqualTo(ops);
  }
}
