package org.follicle.formulary.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisation's product catalogue in PostgreSQL, with each product's composition. No access checks. */
@Repository
class ProductStore {

    private static final String COLUMNS = """
            SELECT id, sku, name, manufacturer, supplier, form, volume_ml, purpose, cost, retail_price, vat_rate,
                currency, reorder_level, active FROM formulary_product""";

    private final JdbcClient jdbc;

    ProductStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean skuTaken(long organisationId, String sku) {
        return jdbc.sql("SELECT count(*) FROM formulary_product WHERE organisation_id = :org AND sku = :sku")
                .param("org", organisationId).param("sku", sku).query(Long.class).single() > 0;
    }

    long insert(long organisationId, Input p, String by, Instant now) {
        long id = jdbc.sql("""
                INSERT INTO formulary_product (organisation_id, sku, name, manufacturer, supplier, form, volume_ml,
                    purpose, cost, retail_price, vat_rate, currency, reorder_level, created_at, created_by)
                VALUES (:org, :sku, :name, :manufacturer, :supplier, :form, :volume, :purpose, :cost, :retail, :vat,
                    :currency, :reorder, :now, :by) RETURNING id""")
                .param("org", organisationId).param("sku", p.sku().trim()).param("name", p.name().trim())
                .param("manufacturer", p.manufacturer().trim())
                .param("supplier", p.supplier() == null || p.supplier().isBlank() ? null : p.supplier().trim())
                .param("form", p.form().name()).param("volume", p.volumeMl()).param("purpose", p.purpose().name())
                .param("cost", p.cost()).param("retail", p.retailPrice()).param("vat", p.vatRate())
                .param("currency", p.currency()).param("reorder", p.reorderLevel() == null ? 0 : p.reorderLevel())
                .param("now", Timestamp.from(now)).param("by", by).query(Long.class).single();
        List<Component> components = p.components() == null ? List.of() : p.components();
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            jdbc.sql("""
                    INSERT INTO formulary_product_component (product_id, position, ingredient_code, concentration,
                        unit) VALUES (:id, :position, :code, :concentration, :unit)""")
                    .param("id", id).param("position", i).param("code", c.code())
                    .param("concentration", c.concentration()).param("unit", c.unit()).update();
        }
        return id;
    }

    Optional<Product> find(long organisationId, long id) {
        return withComponents(jdbc.sql(COLUMNS + " WHERE organisation_id = :org AND id = :id")
                .param("org", organisationId).param("id", id).query(ProductStore::row).list()).stream().findFirst();
    }

    List<Product> find(long organisationId, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withComponents(jdbc.sql(COLUMNS + " WHERE organisation_id = :org AND id IN (:ids)")
                .param("org", organisationId).param("ids", ids).query(ProductStore::row).list());
    }

    List<Product> all(long organisationId) {
        return withComponents(jdbc.sql(COLUMNS + " WHERE organisation_id = :org ORDER BY name, sku")
                .param("org", organisationId).query(ProductStore::row).list());
    }

    private List<Product> withComponents(List<Product> products) {
        if (products.isEmpty()) {
            return products;
        }
        Map<Long, List<Component>> parts = new HashMap<>();
        jdbc.sql("""
                SELECT product_id, ingredient_code, concentration, unit FROM formulary_product_component
                WHERE product_id IN (:ids) ORDER BY product_id, position""")
                .param("ids", products.stream().map(Product::id).toList())
                .query((rs, n) -> parts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Component(rs.getString(2), rs.getBigDecimal(3), rs.getString(4))))
                .list();
        return products.stream().map(p -> p.withComponents(parts.getOrDefault(p.id(), List.of()))).toList();
    }

    private static Product row(ResultSet rs, int n) throws SQLException {
        return new Product(rs.getLong("id"), rs.getString("sku"), rs.getString("name"), rs.getString("manufacturer"),
                rs.getString("supplier"), Form.valueOf(rs.getString("form")), rs.getBigDecimal("volume_ml"),
                Purpose.valueOf(rs.getString("purpose")), rs.getBigDecimal("cost"), rs.getBigDecimal("retail_price"),
                rs.getBigDecimal("vat_rate"), rs.getString("currency"), rs.getInt("reorder_level"),
                rs.getBoolean("active"), List.of());
    }

    enum Form {
        VIAL, AMPOULE, KIT, SYRINGE
    }

    enum Purpose {
        INJECTION, RETAIL
    }

    /** What the product contains, by ingredient. */
    record Component(@NotBlank @Size(max = 40) String code, @Positive BigDecimal concentration,
            @Size(max = 10) String unit) {
    }

    /** A product as entered; prices in the currency, VAT as a percentage. */
    record Input(@NotBlank @Size(max = 40) String sku, @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String manufacturer, @Size(max = 200) String supplier, @NotNull Form form,
            @Positive BigDecimal volumeMl, @NotNull Purpose purpose, @NotNull @DecimalMin("0") BigDecimal cost,
            @DecimalMin("0") BigDecimal retailPrice, @NotNull @DecimalMin("0") @DecimalMax("99.99") BigDecimal vatRate,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency, @Min(0) Integer reorderLevel,
            @Size(max = 30) List<@Valid @NotNull Component> components) {
    }

    record Product(long id, String sku, String name, String manufacturer, String supplier, Form form,
            BigDecimal volumeMl, Purpose purpose, BigDecimal cost, BigDecimal retailPrice, BigDecimal vatRate,
            String currency, int reorderLevel, boolean active, List<Component> components) {

        Product withComponents(List<Component> parts) {
            return new Product(id, sku, name, manufacturer, supplier, form, volumeMl, purpose, cost, retailPrice,
                    vatRate, currency, reorderLevel, active, List.copyOf(parts));
        }

        /** The retail price with VAT, rounded to the cent, or {@code null} when not for sale. */
        public BigDecimal retailPriceWithVat() {
            return retailPrice == null ? null
                    : retailPrice.multiply(BigDecimal.ONE.add(vatRate.movePointLeft(2))).setScale(2,
                            java.math.RoundingMode.HALF_UP);
        }
    }
}
