package org.follicle.security;

/**
 * The people behind the logins that records keep: a record names people, not logins. Pages call it as
 * {@code @people.named(login)}. Names change rarely and a page names the same few people many times (a ledger),
 * so each is kept a few minutes; a login that is no account (the generator, the shipped library) stays as it is.
 */
public interface People {

    String named(String login);
}
