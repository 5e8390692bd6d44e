package org.follicle.portal.internal;

import java.time.Clock;

import jakarta.servlet.http.HttpSession;

import org.follicle.patients.PatientRegistry;
import org.follicle.security.PageHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The portal's own way in, apart from the staff's: under {@code /portal}, a patient signs in with a one-time link
 * sent to their email (the links kept in PostgreSQL, so any instance checks a link another sent), and their sign-in
 * is kept in the session under its own key, so that a patient and a staff member never share a principal. No staff
 * privilege applies here; a patient principal is known to nothing outside this chain.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurity {

    static final String CONTEXT_KEY = "FOLLICLE_PORTAL_SECURITY_CONTEXT";

    @Bean
    JdbcOneTimeTokenService portalLinks(JdbcTemplate jdbc, Clock clock) {
        JdbcOneTimeTokenService tokens = new JdbcOneTimeTokenService(jdbc);
        tokens.setClock(clock);
        return tokens;
    }

    /**
     * Spring checks the passkey; the patient signed in is then the account's, as after a link (its principal would
     * otherwise be the passkey's user entity), and a closed account signs no one in.
     */
    private static ProviderManager passkeySignIn(Webauthn4JRelyingPartyOperations checks, PortalAccounts accounts,
            AuthenticationEventPublisher events) {
        WebAuthnAuthenticationProvider passkeys = new WebAuthnAuthenticationProvider(checks, accounts);
        ProviderManager manager = new ProviderManager(new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                Authentication checked = passkeys.authenticate(attempt);
                PortalPatient patient = accounts.loadUserByUsername(
                        ((PublicKeyCredentialUserEntity) checked.getPrincipal()).getName());
                return UsernamePasswordAuthenticationToken.authenticated(patient, null, patient.getAuthorities());
            }

            @Override
            public boolean supports(Class<?> type) {
                return passkeys.supports(type);
            }
        });
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(0)
    SecurityFilterChain portal(HttpSecurity http, JdbcOneTimeTokenService tokens, PortalAccounts accounts,
            SignInLinks links, PageHeaders headers, PatientRegistry patients, LocaleResolver locales,
            Webauthn4JRelyingPartyOperations passkeyChecks, AuthenticationEventPublisher events) throws Exception {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(CONTEXT_KEY);
        headers.apply(http);
        // Spring's passkey endpoints have fixed addresses: they are the portal's, as only patients use passkeys.
        http.setSharedObject(org.springframework.security.core.userdetails.UserDetailsService.class, accounts);
        return http.securityMatcher("/portal", "/portal/**", "/webauthn/**", "/login/webauthn")
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/portal/login", "/portal/login/**", "/webauthn/authenticate/**",
                                "/login/webauthn").permitAll()
                        .anyRequest().hasAuthority(PortalPatient.AUTHORITY))
                .oneTimeTokenLogin(ott -> ott.tokenService(tokens)
                        .tokenGeneratingUrl("/portal/login/link")
                        .generateRequestResolver(links)
                        .tokenGenerationSuccessHandler(links)
                        .loginProcessingUrl("/portal/login/ott")
                        .showDefaultSubmitPage(false)
                        .loginPage("/portal/login")
                        .authenticationProvider(new OneTimeTokenAuthenticationProvider(tokens, accounts))
                        .successHandler((request, response, authentication) -> {
                            PortalPatient patient = (PortalPatient) authentication.getPrincipal();
                            locales.setLocale(request, response,
                                    PortalAccounts.languageOf(patients.readablePatient(patient.patientId())));
                            response.sendRedirect(request.getContextPath() + "/portal");
                        })
                        // An expired link and one used already look alike: both ask for a new one.
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/portal/login?invalid")))
                .webAuthn(passkeys -> passkeys.rpName("Follicle").disableDefaultRegistrationPage(true)
                        // Signed in by a passkey as by a link: under the portal's key, in a new session id.
                        .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                            @Override
                            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationManager(passkeySignIn(passkeyChecks, accounts, events));
                                filter.setSecurityContextRepository(contexts);
                                filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
                                return filter;
                            }
                        }))
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?signedOut")
                        // The staff member's sign-in in the same browser, if any, stays.
                        .invalidateHttpSession(false).addLogoutHandler((request, response, authentication) -> {
                            HttpSession session = request.getSession(false);
                            if (session != null) {
                                session.removeAttribute(CONTEXT_KEY);
                            }
                        }))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/portal/login")))
                .build();
    }
}
