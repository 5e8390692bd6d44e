package org.follicle.fhir.internal;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI's plain server at {@code /fhir}, behind the API's security chain (staff access tokens). No paging store:
 * a next page is asked by offset, so that any instance can answer it.
 */
@Configuration(proxyBeanMethods = false)
class FhirServer {

    static final int DEFAULT_PAGE = 20;

    static final int LARGEST_PAGE = 100;

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext context, List<IResourceProvider> providers,
            FhirErrors errors, BulkExportProvider bulkExport) {
        RestfulServer server = new RestfulServer(context);
        server.setServerName("Follicle");
        server.setImplementationDescription("Follicle FHIR R4: the clinic's records, mapped from its own model");
        server.setResourceProviders(providers);
        server.registerInterceptor(errors);
        server.registerProvider(bulkExport);
        server.registerInterceptor(bulkExport);
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setPagingProvider(null);
        server.setDefaultPageSize(DEFAULT_PAGE);
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
