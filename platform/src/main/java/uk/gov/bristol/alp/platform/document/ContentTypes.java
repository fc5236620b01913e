package uk.gov.bristol.alp.platform.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import uk.gov.bristol.alp.platform.problem.Problem.FieldError;
import uk.gov.bristol.alp.platform.problem.ProblemException;

/**
 * What a file is, read from its own bytes (Apache Tika's magic numbers; the name only narrows a container format,
 * such as a ZIP that is a Word document), and whether it may be stored: an allowed type, and neither the declared
 * content type nor the name's extension saying otherwise.
 */
public final class ContentTypes {
    static final Set<String> ALLOWED = Set.of(
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text",
            "image/png",
            "image/jpeg");

    /** Declared types that say nothing about the file (a browser or client that does not know). */
    private static final Set<String> UNSAID = Set.of("application/octet-stream", "binary/octet-stream");

    private static final Map<String, String> ALIASES = Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg");

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

    private ContentTypes() {}

    /** The file's type if it may be stored; refused otherwise, naming the field {@code file}. */
    public static String require(Path file, String fileName, String declared) {
        String detected = detect(file, fileName);
        if (!ALLOWED.contains(detected)) {
            throw refused(DocumentRules.TYPE_NOT_ALLOWED, "allowedType", "the file is " + detected);
        }
        String declaredBase = base(declared);
        if (declaredBase != null && !UNSAID.contains(declaredBase) && !sameType(declaredBase, detected)) {
            throw refused(
                    DocumentRules.TYPE_MISMATCH,
                    "typeMatchesContent",
                    "declared " + declaredBase + " but the file is " + detected);
        }
        String byName = byName(fileName);
        if (byName != null && !sameType(byName, detected)) {
            throw refused(
                    DocumentRules.TYPE_MISMATCH,
                    "typeMatchesContent",
                    "the name says " + byName + " but the file is " + detected);
        }
        return detected;
    }

    static String detect(Path file, String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (TikaInputStream in = TikaInputStream.get(file)) {
            return TYPES.detect(in, metadata).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("reading an uploaded file", e);
        }
    }

    /** The type a name's extension says, or null if it says none Tika knows. */
    private static String byName(String fileName) {
        if (fileName == null || !fileName.contains(".")) {
            return null;
        }
        String type = TYPES.getMimeType(fileName).getType().getBaseType().toString();
        return type.equals(MediaType.OCTET_STREAM.toString()) ? null : type;
    }

    /** The same type, or an alias for it (Tika's, or one browsers send: image/jpg, image/pjpeg). */
    private static boolean sameType(String said, String detected) {
        String known = ALIASES.getOrDefault(said, said);
        return known.equals(detected)
                || TYPES.getMediaTypeRegistry()
                        .normalize(MediaType.parse(known))
                        .toString()
                        .equals(detected);
    }

    private static String base(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        MediaType parsed = MediaType.parse(contentType.strip().toLowerCase(Locale.ROOT));
        return parsed == null ? contentType.strip() : parsed.getBaseType().toString();
    }

    private static ProblemException refused(
            uk.gov.bristol.alp.platform.problem.ProblemType type, String rule, String detail) {
        return new ProblemException(type, detail, List.of(new FieldError("file", rule, detail)));
    }
}
