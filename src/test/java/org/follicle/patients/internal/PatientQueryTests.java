package org.follicle.patients.internal;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the search box's text becomes in SQL: a name is the range of keys that begin with it. */
class PatientQueryTests {

    @Test
    void aNameIsTheRangeOfKeysThatBeginWithIt() {
        Map<String, Object> params = new HashMap<>();
        assertThat(new PatientQuery("Hélène").conditions(params)).containsExactly(
                "family_key >= :from AND family_key < :to", "given_key >= :from AND given_key < :to");
        assertThat(params).containsEntry("from", "helene").containsEntry("to", "helenf");
    }

    @Test
    void theOtherNamesTypedMustEachBeginOneOfTheNames() {
        Map<String, Object> params = new HashMap<>();
        assertThat(new PatientQuery("garcia mar_").conditions(params).get(0)).isEqualTo(
                "family_key >= :from AND family_key < :to AND (family_key LIKE :name1 OR given_key LIKE :name1)");
        assertThat(params).containsEntry("from", "garcia").containsEntry("to", "garcib")
                .containsEntry("name1", "mar\\_%");
    }

    @Test
    void theTextAfterAPrefixIsItsLastCharacterMovedOnByOne() {
        assertThat(PatientQuery.following("mar")).isEqualTo("mas");
        assertThat(PatientQuery.following("zz")).isEqualTo("z{");
        assertThat(PatientQuery.following("иван")).isEqualTo("ивао");
        // A character beyond the basic plane, and the gap UTF-16's surrogates leave in the code points.
        assertThat(PatientQuery.following("a\uD83D\uDE00")).isEqualTo("a\uD83D\uDE01");
        assertThat(PatientQuery.following("a\uD7FF")).isEqualTo("a\uE000");
        assertThat(PatientQuery.following("a" + Character.toString(Character.MAX_CODE_POINT))).isNull();
    }

    @Test
    void aNameWithNothingAfterItIsMatchedAsAPattern() {
        Map<String, Object> params = new HashMap<>();
        String last = Character.toString(Character.MAX_CODE_POINT);
        assertThat(new PatientQuery("a" + last).conditions(params))
                .containsExactly("family_key LIKE :name0", "given_key LIKE :name0");
        assertThat(params).containsEntry("name0", "a" + last + "%");
    }
}
