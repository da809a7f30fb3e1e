package nl.plein.following;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import nl.plein.config.Config;

/** Sends plain-text e-mail through the configured SMTP server, over one connection per digest run. */
public final class Mailer {
    /** One e-mail: to whom, its subject and text, and the link that unsubscribes in one click (RFC 8058). */
    public record Mail(String to, String subject, String text, String unsubscribeUrl) {
    }

    private final Config.Smtp smtp;
    private final Session session;

    public Mailer(Config.Smtp smtp) {
        this.smtp = smtp;
        var props = new Properties();
        String protocol = protocol();
        props.put("mail." + protocol + ".host", smtp.host());
        props.put("mail." + protocol + ".port", String.valueOf(smtp.port()));
        props.put("mail." + protocol + ".auth", String.valueOf(smtp.user().isPresent()));
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "30000");
        props.put("mail." + protocol + ".writetimeout", "30000");
        if (smtp.security() == Config.Smtp.Security.STARTTLS) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(props);
    }

    private String protocol() {
        return smtp.security() == Config.Smtp.Security.TLS ? "smtps" : "smtp";
    }

    /** An open connection to the server; close it when the run is over. */
    public Connection connect() throws MessagingException {
        Transport transport = session.getTransport(protocol());
        transport.connect(smtp.host(), smtp.port(), smtp.user().orElse(null), smtp.password().orElse(null));
        return new Connection(transport);
    }

    /** A connection over which one run sends its e-mails, one by one. */
    public final class Connection implements AutoCloseable {
        private final Transport transport;

        private Connection(Transport transport) {
            this.transport = transport;
        }

        public void send(Mail mail) throws MessagingException {
            var message = new MimeMessage(session);
            message.setFrom(new InternetAddress(smtp.from()));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to()));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        }

        @Override
        public void close() throws MessagingException {
            transport.close();
        }
    }
}
