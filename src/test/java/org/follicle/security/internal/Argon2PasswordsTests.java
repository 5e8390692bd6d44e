package org.follicle.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class Argon2PasswordsTests {

    private final Argon2Passwords passwords = new Argon2Passwords(2);
    private final Argon2PasswordEncoder spring = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    @Test
    void eachVerifiesTheOthersHashesSoStoredPasswordsStillWork() {
        String ours = passwords.encode("correct horse battery");
        assertThat(ours).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
        assertThat(spring.matches("correct horse battery", ours)).isTrue();
        assertThat(spring.matches("correct horse batterie", ours)).isFalse();

        String springs = spring.encode("correct horse battery");
        assertThat(passwords.matches("correct horse battery", springs)).isTrue();
        assertThat(passwords.matches("Correct horse battery", springs)).isFalse();
        assertThat(passwords.upgradeEncoding(springs)).isFalse();
        // An older, weaker hash verifies and is hashed again at the next sign-in.
        String weaker = new Argon2PasswordEncoder(16, 32, 1, 1 << 12, 3).encode("correct horse battery");
        assertThat(passwords.matches("correct horse battery", weaker)).isTrue();
        assertThat(passwords.upgradeEncoding(weaker)).isTrue();
    }

    @Test
    void aMalformedHashMatchesNothingAndSaysSoWithoutThrowing() {
        String good = passwords.encode("secret password");
        for (String bad : new String[] { null, "", "plain", "$argon2id$v=19$m=16384,t=2,p=1$c2FsdA",
                "$argon2x$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=lots,t=2,p=1$c2FsdA$aGFzaA",
                "$argon2id$v=19$t=2,p=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$not base64!",
                good.substring(0, good.lastIndexOf('$') + 1) }) {
            assertThat(passwords.matches("secret password", bad)).as(bad).isFalse();
            assertThat(passwords.upgradeEncoding(bad)).as(bad).isFalse();
        }
    }

    @Test
    void concurrentSignInsEachGetTheirOwnAnswerFromReusedMemory() throws Exception {
        String alice = passwords.encode("alice's password");
        String bob = spring.encode("bob's password");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                boolean right = i % 3 != 0;
                String hash = i % 2 == 0 ? alice : bob;
                String attempt = (i % 2 == 0 ? "alice's" : "bob's") + (right ? " password" : " guess");
                answers.add(pool.submit(() -> passwords.matches(attempt, hash) == right));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSixteenMegabytesAHashWorksInAreTakenOnceNotForEveryHash() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        long me = Thread.currentThread().getId();
        String hash = passwords.encode("warm up the pool");
        long before = threads.getThreadAllocatedBytes(me);
        assertThat(passwords.matches("warm up the pool", hash)).isTrue();
        long reused = threads.getThreadAllocatedBytes(me) - before;

        before = threads.getThreadAllocatedBytes(me);
        assertThat(spring.matches("warm up the pool", hash)).isTrue();
        long fresh = threads.getThreadAllocatedBytes(me) - before;

        assertThat(fresh).as("Spring's encoder, bytes allocated for one hash").isGreaterThan(16L << 20);
        assertThat(reused).as("ours, once the pool is filled").isLessThan(1L << 20);
    }
}
