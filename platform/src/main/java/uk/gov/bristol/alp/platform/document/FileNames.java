package uk.gov.bristol.alp.platform.document;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A client's file name made safe to keep and to send back in a Content-Disposition header. */
public final class FileNames {
    static final int MAX_LENGTH = 200;

    private FileNames() {}

    /** The last path segment, control characters and quotes removed, at most 200 characters; "document" if empty. */
    public static String safe(String given) {
        if (given == null) {
            return "document";
        }
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.length() > MAX_LENGTH) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "document" : name;
    }

    /** An attachment's Content-Disposition (RFC 6266): an ASCII fallback and the name itself, percent-encoded. */
    public static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
