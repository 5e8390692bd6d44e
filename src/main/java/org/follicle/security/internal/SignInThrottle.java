package org.follicle.security.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords, counted per account and source address: {@code max-failures} in a row lock that account from
 * that address only, for {@code duration}, twice as long at each lock that follows. A known user is never locked out
 * by someone else typing their name from elsewhere. Every address is also throttled on its own: {@code
 * source-max-failures} wrong passwords within an hour, whatever the names, stop its sign-ins the same
 * way. A refused sign-in answers as a wrong password does.
 */
@Component
class SignInThrottle {

    /** The username of an address's own row. */
    private static final String ANY_NAME = "";

    /** How long a wrong password counts towards a lock. */
    private static final Duration FAILURES_KEPT = Duration.ofHours(1);

    /** How long a lock counts towards a longer next one. */
    private static final Duration LOCKS_KEPT = Duration.ofDays(1);

    /** At most 2^8 times the first lock: about a day for five minutes. */
    private static final int MOST_DOUBLINGS = 8;

    private final JdbcClient jdbc;

    private final SecuritySettings.Lockout lockout;

    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, SecuritySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.lockout = settings.lockout();
        this.clock = clock;
    }

    /** Whether a sign-in as this name from this address is refused before its password is even checked. */
    boolean refused(String username, String source) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM security_sign_in_throttle
                               WHERE source = :source AND username IN (:name, '') AND locked_until > :now)""")
                .param("source", source(source)).param("name", name(username))
                .param("now", Timestamp.from(clock.instant())).query(Boolean.class).single();
    }

    /** A wrong password: counted for the name from this address, and for the address. */
    void failed(String username, String source) {
        count(name(username), source(source), lockout.maxFailures());
        count(ANY_NAME, source(source), lockout.sourceMaxFailures());
    }

    /** The right password: the name starts afresh from this address (the address's own count stays). */
    void succeeded(String username, String source) {
        jdbc.sql("DELETE FROM security_sign_in_throttle WHERE username = :name AND source = :source")
                .param("name", name(username)).param("source", source(source)).update();
    }

    /** An administrator set a new password: the account is unlocked from everywhere. */
    void forget(String username) {
        jdbc.sql("DELETE FROM security_sign_in_throttle WHERE username = :name").param("name", name(username))
                .update();
    }

    /** Of these usernames, those locked now from some address. */
    Set<String> locked(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Set.of();
        }
        List<String> locked = jdbc.sql("""
                SELECT DISTINCT username FROM security_sign_in_throttle
                WHERE username IN (:names) AND locked_until > :now""")
                .param("names", usernames).param("now", Timestamp.from(clock.instant())).query(String.class).list();
        return Set.copyOf(locked);
    }

    /**
     * One more failure in one statement, so that parallel guesses cannot slip past it. Failures count within
     * {@link #FAILURES_KEPT}, earlier locks (for the doubling) within {@link #LOCKS_KEPT}; reaching the most locks
     * the row for the first lock's duration times two to the power of the earlier locks.
     */
    private void count(String name, String source, int most) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO security_sign_in_throttle (username, source, failures, locks, last_failure)
                VALUES (:name, :source, 0, 0, :now) ON CONFLICT (username, source) DO NOTHING""")
                .param("name", name).param("source", source).param("now", Timestamp.from(now)).update();
        // One UPDATE: the row is locked and read again under a parallel one, so no failure is lost. Every
        // expression reads the row as it was before this failure.
        String failures = "(CASE WHEN last_failure >= :failuresSince THEN failures ELSE 0 END + 1)";
        String locks = "(CASE WHEN last_failure >= :locksSince THEN locks ELSE 0 END)";
        jdbc.sql("""
                UPDATE security_sign_in_throttle SET
                    failures = CASE WHEN %1$s >= :most THEN 0 ELSE %1$s END,
                    locks = CASE WHEN %1$s >= :most THEN %2$s + 1 ELSE %2$s END,
                    locked_until = CASE WHEN %1$s >= :most
                        THEN CAST(:now AS timestamptz) + :first * power(2, least(%2$s, :doublings)) * interval '1 second'
                        ELSE locked_until END,
                    last_failure = :now
                WHERE username = :name AND source = :source""".formatted(failures, locks))
                .param("name", name).param("source", source).param("most", most)
                .param("now", Timestamp.from(now)).param("first", lockout.duration().toSeconds())
                .param("failuresSince", Timestamp.from(now.minus(FAILURES_KEPT)))
                .param("locksSince", Timestamp.from(now.minus(LOCKS_KEPT))).param("doublings", MOST_DOUBLINGS)
                .update();
    }

    private static String name(String username) {
        String normal = StaffAccount.normalise(username);
        return normal == null ? "" : normal.length() > 100 ? normal.substring(0, 100) : normal;
    }

    private static String source(String address) {
        return address == null ? "unknown" : address.length() > 64 ? address.substring(0, 64) : address;
    }
}
