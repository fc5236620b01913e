package uk.gov.bristol.alp.platform.web;

import jakarta.enterprise.context.RequestScoped;

/** Holds the request id for the life of one request, whichever thread serves it. */
@RequestScoped
public class RequestIdHolder {
    private String id;

    public String get() {
        return id;
    }

    public void set(String id) {
        this.id = id;
    }
}
