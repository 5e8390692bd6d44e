package org.follicle.fhir.internal;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A search's page, asked by {@code _offset} and {@code _count}: HAPI writes the next and previous links with the
 * offset, and nothing is kept between requests.
 */
final class Pages {

    private Pages() {
    }

    static int offset(Integer offset) {
        if (offset != null && offset < 0) {
            throw new InvalidRequestException("fhir.search.offsetNegative");
        }
        return offset == null ? 0 : offset;
    }

    static int count(Integer count) {
        if (count != null && count < 0) {
            throw new InvalidRequestException("fhir.search.countNegative");
        }
        return count == null ? FhirServer.DEFAULT_PAGE : Math.min(count, FhirServer.LARGEST_PAGE);
    }

    /** A page already cut by the store, with the number of all matches. */
    static IBundleProvider of(List<? extends IBaseResource> page, int offset, int count, long total) {
        // Marked as matches, so that a client tells them from the resources an _include brings along.
        page.forEach(match -> ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(match, BundleEntrySearchModeEnum.MATCH));
        SimpleBundleProvider provider = new SimpleBundleProvider(new ArrayList<IBaseResource>(page));
        provider.setCurrentPageOffset(offset);
        provider.setCurrentPageSize(count);
        provider.setSize((int) Math.min(total, Integer.MAX_VALUE));
        return provider;
    }

    /** A page cut from everything that matched. */
    static IBundleProvider slice(List<? extends IBaseResource> all, Integer offset, Integer count) {
        int from = Math.min(offset(offset), all.size());
        int size = count(count);
        return of(all.subList(from, Math.min(all.size(), from + size)), from, size, all.size());
    }
}
