package uk.gov.bristol.alp.gateway;

import java.util.List;
import java.util.Optional;

/** Which service owns which API path, and which paths are public. The only routing rule of the system. */
public final class RouteTable {
    public record Route(String prefix, String upstream, boolean open) {
        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("/api/v1/providers", "registry", false),
            new Route("/api/v1/provider-evidence", "registry", false),
            new Route("/api/v1/quality-assurance", "registry", false),
            new Route("/api/v1/provider-vacancies", "registry", false),
            new Route("/api/v1/provider-change-requests", "registry", false),
            new Route("/api/v1/webhook-subscriptions", "registry", false),
            new Route("/api/v1/open-referral", "registry", true),
            new Route("/api/v1/referrals", "panel", false),
            new Route("/api/v1/panel-meetings", "panel", false),
            new Route("/api/v1/panel-reports", "panel", false),
            new Route("/api/v1/pupils", "placement", false),
            new Route("/api/v1/pupil-transfers", "placement", false),
            new Route("/api/v1/placements", "placement", false),
            new Route("/api/v1/placement-offers", "placement", false),
            new Route("/api/v1/placement-reports", "placement", false),
            new Route("/api/v1/safeguarding-concerns", "placement", false),
            new Route("/api/v1/census", "placement", false),
            new Route("/api/v1/compliance", "placement", false),
            new Route("/api/v1/finance", "finance", false),
            new Route("/api/v1/notifications", "notification", false),
            new Route("/api/v1/notification-recipients", "notification", false));

    private RouteTable() {}

    public static Optional<Route> match(String path) {
        return ROUTES.stream().filter(r -> r.matches(path)).findFirst();
    }
}
