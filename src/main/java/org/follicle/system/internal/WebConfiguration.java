package org.follicle.system.internal;

import java.time.Clock;

import org.follicle.system.PageModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ObjectProvider<PageModel> pageModels;

    WebConfiguration(ObjectProvider<PageModel> pageModels) {
        this.pageModels = pageModels;
    }

    /** One clock for every rule that reads the time, so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    LocaleResolver localeResolver() {
        return new FollicleLocaleResolver();
    }

    /**
     * Pages link the web jars without versions (/webjars/bootstrap/css/...), which the web-jar resolver serves.
     * Boot's URL-rewriting filter would look each such link up in every jar of the class path on every page (the
     * misses are not cached): a quarter of a chart page's time under load, for links it leaves as they are. A
     * registration of our own, switched off, stands in for Boot's.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
                new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName("lang");
        languageSwitch.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageSwitch);
        registry.addInterceptor(new PageModelInterceptor(pageModels));
    }
}
