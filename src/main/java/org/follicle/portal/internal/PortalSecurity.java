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
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
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

    @Bean
    @Order(0)
    SecurityFilterChain portal(HttpSecurity http, JdbcOneTimeTokenService tokens, PortalAccounts accounts,
            SignInLinks links, PageHeaders headers, PatientRegistry patients, LocaleResolver locales)
            throws Exception {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(CONTEXT_KEY);
        headers.apply(http);
        return http.securityMatcher("/portal", "/portal/**")
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/portal/login", "/portal/login/**").permitAll()
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
                            accounts.signedIn(patient);
                            locales.setLocale(request, response,
                                    PortalAccounts.languageOf(patients.readablePatient(patient.patientId())));
                            response.sendRedirect(request.getContextPath() + "/portal");
                        })
                        // An expired link and one used already look alike: both ask for a new one.
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/portal/login?invalid")))
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
