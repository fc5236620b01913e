package uk.gov.bristol.alp.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The school calendar from {@code alp.school-calendar.closures}. */
@ApplicationScoped
public class SchoolCalendarProducer {
    @Produces
    @ApplicationScoped
    SchoolCalendar calendar(@ConfigProperty(name = "alp.school-calendar.closures") String closures) {
        return SchoolCalendar.parse(closures);
    }
}
