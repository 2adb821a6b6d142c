package se.lots.appointment.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMS gateway, by {@code lots.sms.provider}: {@code log} (default) or {@code 46elks} with
 * {@code lots.sms.46elks.url} (default https://api.46elks.com), {@code .username}, {@code .password} and
 * {@code lots.sms.from}. E-mail goes through Spring Boot's mail sender ({@code spring.mail.host}, …; docs/operations.md).
 */
@Configuration
class ReminderConfiguration {

    @Bean
    @ConditionalOnProperty(name = "lots.sms.provider", havingValue = "46elks")
    SmsGateway fortySixElks(@Value("${lots.sms.46elks.url:https://api.46elks.com}") String url,
            @Value("${lots.sms.46elks.username}") String username,
            @Value("${lots.sms.46elks.password}") String password, @Value("${lots.sms.from:Lots}") String from) {
        return new FortySixElksSmsGateway(url, username, password, from);
    }

    @Bean
    @ConditionalOnProperty(name = "lots.sms.provider", havingValue = "log", matchIfMissing = true)
    SmsGateway logOnly() {
        return new LogOnlySmsGateway();
    }
}
