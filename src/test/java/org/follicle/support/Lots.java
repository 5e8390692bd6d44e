package org.follicle.support;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Products and lots as a clinic's administrator receives them, through the API. */
public final class Lots {

    private Lots() {
    }

    /** A product made of one ingredient, and a lot of it in the clinic that expires in a year; returns the lot. */
    public static long receive(Http http, String adminToken, long clinicId, String productName, String ingredient,
            String lotNumber, int quantity) {
        HttpResponse<String> product = http.send("POST", "/api/v1/products", adminToken, "{\"sku\":\"" + lotNumber
                + "-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"name\":\"" + productName
                + "\",\"manufacturer\":\"Lab\",\"form\":\"VIAL\",\"purpose\":\"INJECTION\",\"cost\":1,\"vatRate\":20,"
                + "\"currency\":\"EUR\",\"components\":[{\"code\":\"" + ingredient + "\"}]}", Map.of());
        assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
        HttpResponse<String> lot = http.send("POST", "/api/v1/lots", adminToken, "{\"clinicId\":" + clinicId
                + ",\"productId\":" + idOf(product) + ",\"lotNumber\":\"" + lotNumber + "\",\"expiry\":\""
                + LocalDate.now().plusYears(1) + "\",\"quantity\":" + quantity + "}", Map.of());
        assertThat(lot.statusCode()).as(lot.body()).isEqualTo(201);
        return idOf(lot);
    }

    private static long idOf(HttpResponse<String> created) {
        return Long.parseLong(created.body().replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
    }
}
