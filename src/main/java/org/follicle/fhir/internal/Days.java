package org.follicle.fhir.internal;

import java.time.LocalDate;
import java.time.Period;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;

/**
 * A date search as a half-open range of days, read from what the client wrote (1984, 1984-03, 1984-03-21, with
 * eq, ge, gt, le, lt): a day is a day in the clinic's calendar, not an instant somewhere on Earth.
 */
record Days(LocalDate from, LocalDate until) {

    static final Days ANY = new Days(null, null);

    static Days of(DateRangeParam range) {
        if (range == null) {
            return ANY;
        }
        return new Days(from(range.getLowerBound()), until(range.getUpperBound()));
    }

    boolean contains(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until));
    }

    private static LocalDate from(DateParam bound) {
        if (bound == null || bound.getValue() == null) {
            return null;
        }
        boolean after = bound.getPrefix() == ParamPrefixEnum.GREATERTHAN
                || bound.getPrefix() == ParamPrefixEnum.STARTS_AFTER;
        return after ? start(bound).plus(length(bound)) : start(bound);
    }

    private static LocalDate until(DateParam bound) {
        if (bound == null || bound.getValue() == null) {
            return null;
        }
        boolean before = bound.getPrefix() == ParamPrefixEnum.LESSTHAN
                || bound.getPrefix() == ParamPrefixEnum.ENDS_BEFORE;
        return before ? start(bound) : start(bound).plus(length(bound));
    }

    private static LocalDate start(DateParam bound) {
        String text = bound.getValueAsString();
        return switch (bound.getPrecision()) {
            case YEAR -> LocalDate.of(Integer.parseInt(text.substring(0, 4)), 1, 1);
            case MONTH -> LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5, 7)), 1);
            default -> LocalDate.parse(text.substring(0, 10));
        };
    }

    private static Period length(DateParam bound) {
        TemporalPrecisionEnum precision = bound.getPrecision();
        return precision == TemporalPrecisionEnum.YEAR ? Period.ofYears(1)
                : precision == TemporalPrecisionEnum.MONTH ? Period.ofMonths(1) : Period.ofDays(1);
    }
}
