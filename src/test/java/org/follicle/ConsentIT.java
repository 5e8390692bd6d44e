package org.follicle;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.follicle.security.Role;
import org.follicle.support.FollicleIntegrationTest;
import org.follicle.support.Http;
import org.follicle.support.Signatures;
import org.follicle.support.StaffFixture;
import org.follicle.support.StaffFixture.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Consent through the API: signing, the PDF's text, refusals of bad signatures, withdrawal. */
@FollicleIntegrationTest
class ConsentIT {

    @LocalServerPort
    int port;

    @Autowired
    StaffFixture fixture;

    Http http;

    Organisation org;

    String assistant;

    long patient;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        org = fixture.organisation();
        assistant = fixture.token(fixture.staff(org, "Julien", Map.of(org.paris(), Role.ASSISTANT)));
        patient = fixture.patient(org, org.paris(), "Consentement", "Amélie");
    }

    @Test
    void signsAConsentAndKeepsASearchablePdf() throws Exception {
        HttpResponse<String> signed = sign("MESOTHERAPY", "fr", "Amélie Consentement", Signatures.drawn());
        assertThat(signed.statusCode()).isEqualTo(201);
        assertThat(signed.body()).contains("\"type\":\"MESOTHERAPY\"").contains("\"language\":\"fr\"")
                .contains("\"withdrawnAt\":null");
        String id = signed.body().replaceAll("^\\{\"id\":(\\d+),.*", "$1");
        byte[] pdf = download("/api/v1/patients/" + patient + "/consents/" + id + "/pdf");
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Consentement à la mésothérapie du cuir chevelu").contains("Amélie Consentement")
                    .contains("Signé par").contains("Témoin").contains("1980-05-17");
        }
    }

    @Test
    void refusesASignatureThatIsBlankNotAPngOrTooLarge() {
        assertThat(sign("PRP", "en", "Amélie", Signatures.blank()).body()).contains("sign in the box");
        HttpResponse<String> jpeg = sign("PRP", "en", "Amélie", Signatures.jpeg());
        assertThat(jpeg.statusCode()).isEqualTo(422);
        assertThat(jpeg.body()).contains("not a valid PNG").contains("\"field\":\"signature\"");
        HttpResponse<String> large = sign("PRP", "en", "Amélie", Signatures.oversized());
        assertThat(large.statusCode()).isEqualTo(422);
        assertThat(large.body()).contains("too large");
        assertThat(sign("PRP", "de", "Amélie", Signatures.drawn()).body()).contains("\"field\":\"language\"");
        assertThat(sign("PRP", "en", " ", Signatures.drawn()).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/patients/" + patient + "/consents", assistant).body()).isEqualTo("[]");
    }

    @Test
    void aWithdrawalIsRecordedBesideTheConsent() {
        String id = sign("PHOTOGRAPHY", "en", "Amélie", Signatures.drawn()).body().replaceAll("^\\{\"id\":(\\d+),.*", "$1");
        HttpResponse<String> withdrawn = http.send("POST", "/api/v1/patients/" + patient + "/consents/" + id + "/withdraw",
                assistant, "{\"reason\":\"No longer wants photographs\"}", Map.of());
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("No longer wants photographs").doesNotContain("\"withdrawnAt\":null");
        assertThat(http.send("POST", "/api/v1/patients/" + patient + "/consents/" + id + "/withdraw", assistant,
                "{\"reason\":\"again\"}", Map.of()).statusCode()).isEqualTo(422);
        assertThat(http.get("/api/v1/patients/" + patient + "/consents", assistant).body()).contains("PHOTOGRAPHY");
    }

    private HttpResponse<String> sign(String type, String language, String name, String signature) {
        return http.send("POST", "/api/v1/patients/" + patient + "/consents", assistant, "{\"type\":\"" + type
                + "\",\"language\":\"" + language + "\",\"signerName\":\"" + name + "\",\"signaturePng\":\""
                + signature + "\"}", Map.of());
    }

    private byte[] download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + assistant)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return response.body();
    }
}
