package org.follicle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Follicle: software for clinics that treat hair loss with scalp mesotherapy, PRP and transplant aftercare.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FollicleApplication {

    public static void main(String[] args) {
        SpringApplication.run(FollicleApplication.class, args);
    }
}
