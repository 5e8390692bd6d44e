package org.follicle.fhir.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.follicle.diagnosis.DiagnosisExchange;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Media;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Standard photos: each a Media whose image is a Binary ({@code Binary/photo-N}), fetched on its own
 * (and audited as a view) rather than carried inside every search.
 */
@Configuration(proxyBeanMethods = false)
class MediaProviders {

    static final String PHOTO = "photo-";

    /** The standard views, as the chart names them. */
    static final List<String> VIEWS = List.of("FRONT", "TOP", "VERTEX", "LEFT", "RIGHT", "BACK", "CLOSE_UP");

    @Bean
    MediaProvider mediaProvider(DiagnosisExchange diagnosis, Trichoscopies sites, MessageSource messages) {
        return new MediaProvider(diagnosis, sites, messages);
    }

    @Bean
    BinaryProvider binaryProvider(DiagnosisExchange diagnosis) {
        return new BinaryProvider(diagnosis);
    }

    public static class MediaProvider implements IResourceProvider {

        private final DiagnosisExchange diagnosis;

        private final Trichoscopies sites;

        private final MessageSource messages;

        MediaProvider(DiagnosisExchange diagnosis, Trichoscopies sites, MessageSource messages) {
            this.diagnosis = diagnosis;
            this.sites = sites;
            this.messages = messages;
        }

        @Override
        public Class<Media> getResourceType() {
            return Media.class;
        }

        @Read
        public Media read(@IdParam IdType id) {
            return media(diagnosis.photo(Ids.number(id)));
        }

        /**
         * A standard photo (the image in content.data; the view as its code or name; a close-up's scalp site in
         * bodySite), stored through the chart's checks: consent, the image's type and size.
         */
        @Create
        public MethodOutcome create(@ResourceParam Media resource) {
            if (!resource.hasSubject() || !"Patient".equals(resource.getSubject().getReferenceElement()
                    .getResourceType())) {
                throw new UnprocessableEntityException("fhir.search.subjectNotPatient");
            }
            if (!resource.hasContent() || !resource.getContent().hasData()) {
                throw new UnprocessableEntityException("fhir.media.noImage");
            }
            String view = null;
            for (String asked : viewsAsked(resource)) {
                for (String code : VIEWS) {
                    String label = messages.getMessage("photo.view." + code, null, code, Locale.ENGLISH);
                    if (asked.equalsIgnoreCase(code) || asked.equalsIgnoreCase(label)) {
                        view = code;
                    }
                }
            }
            String site = resource.getBodySite().getCoding().stream()
                    .filter(c -> Terms.SCALP_SITE.equals(c.getSystem()) && c.getCode() != null)
                    .map(c -> c.getCode().toUpperCase(Locale.ROOT).replace('-', '_')).findFirst().orElse(null);
            LocalDate takenOn = resource.hasCreatedDateTimeType() && resource.getCreatedDateTimeType().hasValue()
                    ? LocalDate.parse(resource.getCreatedDateTimeType().getValueAsString().substring(0, 10)) : null;
            DiagnosisExchange.Photo photo = diagnosis.upload(Ids.number(resource.getSubject().getReferenceElement()
                    .getIdPart(), ""), view == null ? "" : view, site, takenOn, resource.getContent().getData());
            Media created = media(photo);
            return new MethodOutcome(created.getIdElement()).setCreated(true).setResource(created);
        }

        private static List<String> viewsAsked(Media resource) {
            List<String> asked = new java.util.ArrayList<>();
            resource.getView().getCoding().stream().map(c -> c.getCode()).filter(c -> c != null).forEach(asked::add);
            if (resource.getView().hasText()) {
                asked.add(resource.getView().getText());
            }
            return asked;
        }

        @Search
        public IBundleProvider search(@OptionalParam(name = Media.SP_PATIENT) ReferenceParam patient,
                @OptionalParam(name = Media.SP_SUBJECT) ReferenceParam subject,
                @Offset Integer offset, @Count Integer count) {
            return Pages.slice(diagnosis.photos(PatientSearch.of(patient, subject)).stream().map(this::media)
                    .toList(), offset, count);
        }

        Media media(DiagnosisExchange.Photo photo) {
            Media media = new Media();
            media.setId(String.valueOf(photo.id()));
            media.setStatus(Media.MediaStatus.COMPLETED);
            media.getType().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/media-type", "image",
                    "Image"));
            String view = messages.getMessage("photo.view." + photo.view(), null, photo.view(), Locale.ENGLISH);
            media.getView().setText(view);
            media.setSubject(Ids.patient(photo.patientId()));
            media.setCreated(new DateTimeType(photo.takenOn().toString()));
            media.setBodySite(photo.site() == null ? Trichoscopies.scalp() : sites.bodySite(photo.site()));
            media.setWidth(photo.width());
            media.setHeight(photo.height());
            media.getContent().setContentType(photo.contentType()).setUrl("Binary/" + PHOTO + photo.id())
                    .setTitle(view);
            if (photo.submittedByPatient()) {
                media.addNote().setText("Sent by the patient from the portal: how things look to the patient, not "
                        + "an assessment photo.");
            }
            return media;
        }
    }

    /** The image of a photo, as its bytes when asked for the image's own type, as a FHIR Binary otherwise. */
    public static class BinaryProvider implements IResourceProvider {

        private final DiagnosisExchange diagnosis;

        BinaryProvider(DiagnosisExchange diagnosis) {
            this.diagnosis = diagnosis;
        }

        @Override
        public Class<Binary> getResourceType() {
            return Binary.class;
        }

        @Read
        public Binary read(@IdParam IdType id) {
            DiagnosisExchange.Photo photo = diagnosis.photo(Ids.number(id.getIdPart(), PHOTO));
            Binary binary = new Binary();
            binary.setId(PHOTO + photo.id());
            binary.setContentType(photo.contentType());
            binary.setSecurityContext(Ids.patient(photo.patientId()));
            binary.setData(diagnosis.image(photo.patientId(), photo.id()));
            return binary;
        }
    }
}
