package uk.gov.bristol.alp.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A REAL SMTP server on loopback (GreenMail, in-process) that keeps what it receives: the notification tests and the
 * end-to-end suite read the emails ALP sends from it. It can be stopped and started again on the same port, to
 * make the relay fail for a while.
 */
public final class SmtpServer implements AutoCloseable {
    /** One message as received. */
    public record Received(List<String> to, String subject, String body, String messageId) {}

    private final int port;
    private GreenMail mail;

    private SmtpServer(int port) {
        this.port = port;
    }

    public static SmtpServer start(int port) {
        SmtpServer server = new SmtpServer(port);
        server.startAgain();
        return server;
    }

    public int port() {
        return port;
    }

    /** Refuses connections until {@link #startAgain}; what it had received is forgotten. */
    public synchronized void stop() {
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }

    public synchronized void startAgain() {
        if (mail == null) {
            mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
        }
    }

    public synchronized List<Received> received() {
        if (mail == null) {
            return List.of();
        }
        List<Received> all = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            all.add(read(m));
        }
        return all;
    }

    /** What one address received. */
    public List<Received> receivedBy(String address) {
        return received().stream().filter(r -> r.to().contains(address)).toList();
    }

    /** Waits until the address has received at least {@code count} messages; returns them. */
    public List<Received> awaitReceivedBy(String address, int count, Duration timeout) {
        Ports.await(
                count + " email(s) to " + address,
                timeout,
                () -> receivedBy(address).size() >= count);
        return receivedBy(address);
    }

    private static Received read(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            Object content = m.getContent();
            String[] ids = m.getHeader("Message-ID");
            return new Received(
                    to == null
                            ? List.of()
                            : Arrays.stream(to).map(Address::toString).toList(),
                    m.getSubject(),
                    content instanceof String text ? text : String.valueOf(content),
                    ids == null || ids.length == 0 ? null : ids[0]);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
