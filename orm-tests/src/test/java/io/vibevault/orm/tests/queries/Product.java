package io.vibevault.orm.tests.queries;

import io.vibevault.orm.model.Model;
import io.vibevault.orm.model.fields.CharField;
import io.vibevault.orm.model.fields.IntegerField;
import io.vibevault.orm.model.fields.Meta;
import io.vibevault.orm.query.Manager;

/** A unique business key, for bulk inserts that meet conflicts. */
@Meta(appLabel = "queries")
public class Product extends Model {
  public static final Manager<Product> objects = Manager.of(Product.class);

  @CharField(maxLength = 20, unique = true)
  public String sku;

  @CharField(maxLength = 50)
  public String name;

  @IntegerField public int price = 0;

  public static Product of(String sku, String name, int price) {
    Product p = new Product();
    p.sku = sku;
    p.name = name;
    p.price = price;
    return p;
  }
}
