package org.follicle.security.internal;

import java.time.Clock;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.follicle.security.AuditAction;
import org.follicle.security.AuditOutcome;
import org.follicle.security.AuditRecord;
import org.follicle.security.Privilege;
import org.follicle.system.ApiProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two ways in. The JSON API and actuator ({@code /api/**}, {@code /actuator/**}) take a bearer token, keep no
 * session and answer problems in JSON. Everything else is the staff web application: form sign-in, sessions in
 * PostgreSQL, CSRF, a strict Content-Security-Policy. Only sign-in, static assets and health are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** No inline script or style anywhere: the pages load theirs from /js and /css. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** Swagger UI sets style attributes from its own script; it shows no patient data. */
    static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private static final RequestMatcher API_DOCS = new OrRequestMatcher(path("/api/v1/openapi.json"),
            path("/api/v1/openapi.json/**"), path("/api/v1/docs"), path("/api/v1/swagger-ui/**"), path("/swagger-ui/**"));

    /** The API documents asked with a token (a client generator), not by a browser's Swagger UI with its session. */
    private static final RequestMatcher API_DOCS_BY_TOKEN = new AndRequestMatcher(API_DOCS,
            request -> request.getHeader(org.springframework.http.HttpHeaders.AUTHORIZATION) != null);

    private static final RequestMatcher API = new OrRequestMatcher(API_DOCS_BY_TOKEN, new AndRequestMatcher(
            new OrRequestMatcher(path("/api/**"), path("/actuator/**"), path("/fhir/**")),
            new NegatedRequestMatcher(API_DOCS)));

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id for new hashes; the prefix ({argon2@SpringSecurity_v5_8}) leaves room to move on later.
        String id = "argon2@SpringSecurity_v5_8";
        // One hash a core at once, at most four: the pool keeps 16 MB for each, however many cores there are.
        int concurrent = Math.min(4, Runtime.getRuntime().availableProcessors());
        return new DelegatingPasswordEncoder(id, Map.of(id, new Argon2Passwords(concurrent)));
    }

    @Bean
    AuthenticationManager authenticationManager(StaffDetailsService details, PasswordEncoder encoder,
            AuthenticationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(details) {
            @Override
            protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
                    UserDetails user) {
                // The session is stored in the database: keep the password hash out of it.
                return super.createSuccessAuthentication(((StaffPrincipal) principal).withoutPassword(),
                        authentication, user);
            }
        };
        provider.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, AuditChain audit,
            ApiProblemWriter problems, StrictTransport strictTransport) throws Exception {
        return http.securityMatcher(API)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new AccessTokenFilter(tokens, audit, problems), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // What the FHIR API can do is public, as clients read it before they sign in.
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/fhir/metadata").permitAll()
                        // A payment gateway cannot sign in: its notices carry its signature, checked before use.
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/webhooks/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Privilege.METRICS_READ.authority())
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                HttpServletResponse.SC_UNAUTHORIZED, "problem.unauthorized"))
                        .accessDeniedHandler(denied(audit, (request, response) -> problems.write(request, response,
                                HttpServletResponse.SC_FORBIDDEN, "problem.forbidden"))))
                .headers(headers -> headers.addHeaderWriter(strictTransport)
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; "
                        + "frame-ancestors 'none'")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, SecuritySettings settings, StaffSessions staff, AuditChain audit,
            SignInSuccess success, SignInThrottle throttle, StrictTransport strictTransport, Clock clock)
            throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
                                "/error", "/error/**").permitAll()
                        // Calendar feeds carry their own secret token in the URL (calendar apps cannot sign in).
                        .requestMatchers("/feeds/**").permitAll()
                        .requestMatchers("/admin/staff/**").hasAuthority(Privilege.STAFF_MANAGE.authority())
                        .requestMatchers("/admin/audit/**").hasAuthority(Privilege.AUDIT_READ.authority())
                        .requestMatchers("/admin/clinics/**").hasAuthority(Privilege.CLINIC_MANAGE.authority())
                        .anyRequest().authenticated())
                // One answer for an unknown name, a wrong password, a deactivated account and a throttled sign-in.
                .formLogin(form -> form.loginPage("/login").successHandler(success)
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/login?error")))
                .addFilterBefore(new SignInThrottleFilter(throttle, audit),
                        org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("FOLLICLE_SESSION"))
                .sessionManagement(session -> session.invalidSessionUrl("/login?expired"))
                .addFilterBefore(new StyleNonceFilter(), SecurityContextHolderFilter.class)
                .addFilterAfter(new FreshStaffFilter(staff), SecurityContextHolderFilter.class)
                .addFilterAfter(new SessionLifetimeFilter(settings.session().absoluteLifetime(), clock),
                        FreshStaffFilter.class)
                .exceptionHandling(errors -> errors.accessDeniedHandler(denied(audit,
                        (request, response) -> response.sendError(HttpServletResponse.SC_FORBIDDEN))))
                .headers(headers -> headers.addHeaderWriter(strictTransport)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .addHeaderWriter((request, response) -> {
                            if (API_DOCS.matches(request)) {
                                response.setHeader("Content-Security-Policy", API_DOCS_CONTENT_SECURITY_POLICY);
                            }
                            else {
                                response.setHeader("Content-Security-Policy",
                                        StyleNonceFilter.policy(request, CONTENT_SECURITY_POLICY));
                            }
                        })
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions
                                .policy("camera=(self), microphone=(), geolocation=(), payment=()")))
                .build();
    }

    /** Logs and audits a refusal, then answers it. */
    private static AccessDeniedHandler denied(AuditChain audit, DeniedResponse answer) {
        return (request, response, e) -> {
            String who = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
            log.warn("Access denied: {} {} {}", who, request.getMethod(), request.getRequestURI());
            audit.record(new AuditRecord(AuditAction.ACCESS_DENIED, "url", null, null, AuditOutcome.DENIED,
                    request.getMethod() + " " + request.getRequestURI()));
            answer.send(request, response);
        };
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @FunctionalInterface
    interface DeniedResponse {

        void send(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response)
                throws java.io.IOException;
    }
}
