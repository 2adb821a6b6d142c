package se.lots.appointment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import se.lots.appointment.AppointmentService;
import se.lots.appointment.ReminderChannel;
import se.lots.audit.AccessBasis;
import se.lots.audit.AuditAction;
import se.lots.audit.AuditLog;
import se.lots.organisation.UserAccount;
import se.lots.organisation.UserAccounts;

/**
 * Sends the reminders that are due, every minute on every node: each batch is taken with SKIP LOCKED in its own
 * transaction, so two nodes never send the same reminder and a slow gateway holds only its own rows. A failed send is
 * tried again after 5, 10, 15 … minutes while the time is still more than an hour away; a cancelled time or one
 * already recorded gets nothing. Each send to the young person is audited as a use of their contact details by Lots
 * itself. The staff member's e-mail goes to the work address in their account (read through the organisation module
 * when it is sent) and names no young person: a time, a place, "möte i Lots" and a link to the page in Lots.
 */
@Component
public class ReminderSender {

    private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);
    static final String SYSTEM = "system:påminnelser";

    private final Reminders reminders;
    private final SmsGateway sms;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String mailFrom;
    private final UserAccounts users;
    private final String baseUrl;

    ReminderSender(Reminders reminders, SmsGateway sms, ObjectProvider<JavaMailSender> mail, MessageSource messages,
            AuditLog audit, TransactionTemplate transactions, Clock clock, UserAccounts users,
            @Value("${lots.reminders.mail-from:no-reply@lots.invalid}") String mailFrom,
            @Value("${lots.reminders.base-url:http://localhost:8080}") String baseUrl) {
        this.reminders = reminders;
        this.users = users;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.sms = sms;
        this.mail = mail;
        this.messages = messages;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.mailFrom = mailFrom;
    }

    @Scheduled(cron = "${lots.reminders.cron:0 * * * * *}", zone = "Europe/Stockholm")
    void onSchedule() {
        sendDue();
    }

    /** Sends what is due now, in batches of 20; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        while (true) {
            Integer batch = transactions.execute(t -> sendBatch(clock.instant()));
            if (batch == null || batch < 0) {
                return sent;
            }
            sent += batch;
        }
    }

    /** One locked batch; -1 when nothing was due. */
    private int sendBatch(Instant now) {
        List<Reminders.Due> due = reminders.lockDue(now, 20);
        if (due.isEmpty()) {
            return -1;
        }
        int sent = 0;
        for (Reminders.Due r : due) {
            if (r.cancelled() || !r.startsAt().isAfter(now)) {
                reminders.drop(r.id(), r.cancelled() ? "tiden är registrerad eller inställd" : "tiden har passerat", now);
                continue;
            }
            if (r.toStaff()) {
                String address = users.byId(r.withUserId()).filter(UserAccount::active).map(UserAccount::email)
                        .filter(e -> !e.isBlank()).orElse(null);
                if (address == null) {
                    reminders.drop(r.id(), "ingen e-postadress i tjänsten", now);
                    continue;
                }
                try {
                    sendMail(address, ReminderText.staffSubject(messages), ReminderText.staffText(messages,
                            r.startsAt(), r.place(), baseUrl + AppointmentService.pageOf(r.personId(), r.context())));
                    reminders.sent(r.id(), now);
                    sent++;
                } catch (RuntimeException e) {
                    failed(r, e, now);
                }
                continue;
            }
            try {
                String text = ReminderText.text(messages, r.startsAt(), r.place());
                if (r.channel() == ReminderChannel.SMS) {
                    sms.send(r.address(), text);
                } else {
                    sendMail(r.address(), ReminderText.subject(messages), text);
                }
                reminders.sent(r.id(), now);
                audit.recordEachBySystem(SYSTEM, r.organisationId(), List.of(r.personId()), AuditAction.READ,
                        AccessBasis.OWN_ORGANISATION, "påminnelse " + r.channel().name().toLowerCase() + " bokad tid "
                                + r.appointmentId());
                sent++;
            } catch (RuntimeException e) {
                failed(r, e, now);
            }
        }
        return sent;
    }

    private void failed(Reminders.Due r, RuntimeException e, Instant now) {
        Instant retry = now.plus(Duration.ofMinutes(5L * (r.attempts() + 1)));
        boolean tooLate = retry.isAfter(r.startsAt().minus(Duration.ofHours(1)));
        log.warn("reminder {} not sent ({}): {}", r.id(), tooLate ? "dropped" : "tried again", e.getMessage());
        reminders.failed(r.id(), e.getMessage(), now, tooLate ? null : retry);
    }

    private void sendMail(String to, String subject, String text) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.info("e-mail not sent (spring.mail.host is not set): {} characters", text.length());
            return;
        }
        var message = new SimpleMailMessage();
        message.setFrom(mailFrom);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
    }
}
