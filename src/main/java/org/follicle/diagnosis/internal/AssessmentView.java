package org.follicle.diagnosis.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A recorded assessment with everything derived from it. */
record AssessmentView(long id, long patientId, LocalDate assessedOn, String examinerName, String device,
        Integer magnification, int vellusCutoffUm, List<SiteView> sites, Integer pullGrasped, Integer pullOut,
        Boolean pullTestPositive, Integer combCount, Integer washCount, Integer sinclairShedding, String norwood,
        String ludwig, String savin, Integer sinclairPart, BigDecimal salt, String saltBand, String notes,
        boolean voided, String voidReason) {

    record SiteView(String site, int hairs, BigDecimal areaCm2, BigDecimal density, Integer terminal, Integer vellus,
            BigDecimal terminalPercent, BigDecimal meanDiameterUm, BigDecimal cumulativeThickness,
            BigDecimal anagenPercent, BigDecimal telogenPercent, BigDecimal hairsPerFollicularUnit,
            Integer emptyFollicles, List<String> signs) {
    }
}
