package se.lots.appointment.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default gateway: nothing is sent; the log says that a message would have been, without number or text. */
class LogOnlySmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LogOnlySmsGateway.class);

    @Override
    public void send(String phone, String text) {
        String number = SmsGateway.e164(phone);
        log.info("SMS not sent (lots.sms.provider is log): {} characters to a number ending {}", text.length(),
                number.substring(Math.max(0, number.length() - 2)));
    }
}
