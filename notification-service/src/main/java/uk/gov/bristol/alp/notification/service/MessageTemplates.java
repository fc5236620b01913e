package uk.gov.bristol.alp.notification.service;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The messages' words, one Qute template per kind under {@code templates/notification/}: the first line is
 * {@code Subject: ...}, then a blank line, then the body. Templates see only the facts the rules pass them, and those
 * never hold a pupil's name.
 */
@ApplicationScoped
public class MessageTemplates {
    private static final String SUBJECT = "Subject: ";

    /** A rendered message. */
    public record Message(String subject, String body) {}

    private final Engine engine;

    public MessageTemplates(Engine engine) {
        this.engine = engine;
    }

    public Message render(String name, Map<String, ?> facts) {
        Template template = engine.getTemplate("notification/" + name);
        if (template == null) {
            throw new IllegalStateException("no template notification/" + name);
        }
        TemplateInstance instance = template.instance();
        facts.forEach(instance::data);
        String text = instance.render().replace("\r\n", "\n");
        int end = text.indexOf('\n');
        if (!text.startsWith(SUBJECT) || end < 0) {
            throw new IllegalStateException("template notification/" + name + " must start with '" + SUBJECT + "'");
        }
        return new Message(
                text.substring(SUBJECT.length(), end).strip(),
                text.substring(end + 1).strip() + "\n");
    }
}
